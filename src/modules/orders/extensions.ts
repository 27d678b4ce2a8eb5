import type { Sql } from '../../db/index.js';
import { extensionPoint } from '../../platform/extensions.js';

/** An order as its effects see it (docs/membership.md "The seams"). */
export interface OrderFacts {
  tenantId: string;
  orderId: string;
  orderNo: string;
  memberId: string;
  storeId: string | null;
  channelId: string | null;
  /** fen paid */
  amount: number;
  lines: { sku: string; category?: string; quantity: number; amount: number }[];
  placedAt: Date;
}

/** A custom event 自定义行为 (signed_in, shared, reviewed, …). */
export interface ActivityFacts {
  tenantId: string;
  activityId: string;
  memberId: string;
  type: string;
  at: Date;
  data: Record<string, unknown>;
}

/**
 * An effect 联动 of an order rides in the order's own transaction: what it writes commits or rolls
 * back with the order, and what it returns is shown to the caller under its name. On a dry run the
 * effects run with `dryRun = true` inside a transaction that is rolled back.
 */
export interface OrderEffect {
  name: string;
  /** the order came in: write what it earns; return what to show the caller (keyed by the effect's name) */
  placed?(q: Sql, o: OrderFacts, dryRun: boolean): Promise<unknown>;
  /** part or all of it was refunded (`amount` fen of it now; `lines` refunded) */
  refunded?(
    q: Sql,
    o: OrderFacts,
    refund: { refundId: string; amount: number; at: Date; full: boolean /** every refund of the order so far, this one included (fen) */; refunded?: number },
  ): Promise<unknown>;
  /** a custom event (signed_in, shared, reviewed, …) */
  activity?(q: Sql, a: ActivityFacts, dryRun: boolean): Promise<unknown>;
}

export const orderEffects = extensionPoint<OrderEffect>('orders.effects');
