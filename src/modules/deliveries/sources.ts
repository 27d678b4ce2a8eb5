import type { Sql } from '../../db/index.js';
import { AppError } from '../../errors.js';
import { getExport } from '../batches/exports.js';
import { exportedCards } from '../cards/read.js';
import { MAX_CARDS } from './model.js';
import { fulfilledCardIds, getOrder } from '../wholesale/service.js';

/**
 * Where a delivery's cards come from 卡券来源. A delivery takes card ids; each source turns what the
 * operator names into them: the ids themselves, the cards a batch export took out of stock, or the
 * cards a wholesale order's fulfilment issued.
 */
export async function cardIdsOfExport(q: Sql, tenantId: string, batchId: string, exportId: string): Promise<string[]> {
  const e = await getExport(q, tenantId, batchId, exportId);
  const ids: string[] = [];
  let after = -1;
  for (;;) {
    const rows = await exportedCards(q, tenantId, e, after, 1000);
    if (!rows.length) break;
    ids.push(...rows.map((c) => c.id));
    after = Math.max(...rows.map((c) => Number(c.seq)));
    if (ids.length > MAX_CARDS)
      throw new AppError(422, 'DELIVERY_INVALID', `export: more than ${MAX_CARDS} cards; deliver them in several deliveries`, {
        errors: [{ field: 'export', reason: 'too many cards' }],
      });
  }
  return ids;
}

/**
 * The cards a wholesale order's fulfilment issued, once it is fulfilled (or delivered: a second
 * delivery of the same order after the first was revoked). When the recipient downloads through the
 * link, the wholesale module marks the order delivered (it follows `delivery.downloaded`).
 */
export async function cardIdsOfOrder(q: Sql, tenantId: string, orderId: string): Promise<string[]> {
  const o = await getOrder(q, tenantId, orderId);
  if (o.state !== 'fulfilled' && o.state !== 'delivered')
    throw new AppError(409, 'ORDER_STATE', `order: an order is delivered once fulfilled; this one is ${o.state}`, { state: o.state });
  const ids = await fulfilledCardIds(q, tenantId, orderId);
  if (ids.length > MAX_CARDS)
    throw new AppError(422, 'DELIVERY_INVALID', `order: more than ${MAX_CARDS} cards; deliver them in several deliveries`, {
      errors: [{ field: 'order', reason: 'too many cards' }],
    });
  return ids;
}
