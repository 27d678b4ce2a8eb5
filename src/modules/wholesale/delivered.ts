import type { Sql } from '../../db/index.js';
import { AppError } from '../../errors.js';
import type { EventRow, Subscriber } from '../../platform/events.js';
import { markDelivered } from './payment.js';

/**
 * An order is delivered when its buyer has the codes: the recipient downloaded a delivery made from
 * it (the deliveries module's `delivery.downloaded`, reference `wholesale_order`), or the operator
 * says a password-protected file was handed over (`POST …/delivered`). Following the event keeps
 * the deliveries module free of order states, and this one free of delivery tables.
 */
async function handle(_ctx: unknown, q: Sql, events: EventRow[]) {
  for (const e of events) {
    if (e.data?.reference_type !== 'wholesale_order' || typeof e.data.reference_id !== 'string') continue;
    try {
      await markDelivered(q, e.tenant_id, e.data.reference_id, e.created_at);
    } catch (err) {
      // an order no longer fulfilled (or gone) is not held up by a download: nothing to mark
      if (!(err instanceof AppError) || (err.status !== 409 && err.status !== 404)) throw err;
    }
  }
}

export const deliveredFollower: Subscriber = { name: 'wholesale-delivered', types: ['delivery.downloaded'], handle };
