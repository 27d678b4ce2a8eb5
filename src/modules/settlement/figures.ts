import type { Sql } from '../../db/index.js';

/**
 * The records a statement is computed from, for one party and period [from, to): a read model over
 * allocations, card events, redemptions, wholesale orders and the ledger (docs/architecture.md lists
 * this file and why). Every figure is counted by the time of its own record, so once a period has
 * passed its figures never change: a later refund is a record of its own later period, and where its
 * original lies before that period it is an adjustment there (`early`).
 */
export interface Row {
  template_id: string | null;
  batch_id?: string | null;
  quantity: number;
  amount: number;
  early?: boolean;
}
const rows = (r: { rows: Record<string, unknown>[] }): Row[] =>
  r.rows.map((x) => ({
    template_id: (x.template_id as string | null) ?? null,
    batch_id: (x.batch_id as string | undefined) ?? undefined,
    quantity: Number(x.quantity ?? 0),
    amount: Number(x.amount ?? 0),
    early: x.early === undefined ? undefined : Boolean(x.early),
  }));

export interface ChannelRecords {
  allocated: Row[]; // by batch: grants and transfers in, less revokes out
  sold: Row[];
  activated: Row[];
  redeemed: Row[]; // quantity: redemptions (uses); amount: their recorded value
  voided: Row[]; // cards of the channel voided (early: issued before the period)
  reversed: Row[]; // redemptions reversed (early: redeemed before the period)
}

export async function channelRecords(q: Sql, tenantId: string, channelId: string, from: Date, to: Date): Promise<ChannelRecords> {
  const p = [tenantId, channelId, from, to];
  const allocated = await q.query(
    `SELECT batch_id, sum(CASE WHEN kind = 'revoke' THEN -quantity ELSE quantity END)::int8 AS quantity FROM allocations
     WHERE tenant_id = $1 AND created_at >= $3 AND created_at < $4
       AND ((to_channel_id = $2 AND kind IN ('grant', 'transfer')) OR (from_channel_id = $2 AND kind = 'revoke'))
     GROUP BY batch_id ORDER BY batch_id`,
    p,
  );
  const ev = await q.query(
    `SELECT template_id, event_type, early, count(*)::int8 AS quantity FROM (
       SELECT e.template_id, e.event_type, (e.event_type = 'card.voided' AND coalesce((SELECT min(i.created_at) FROM events i
           WHERE i.tenant_id = e.tenant_id AND i.card_id = e.card_id AND i.event_type = 'card.issued') < $3, false)) AS early
       FROM events e WHERE e.tenant_id = $1 AND e.channel_id = $2 AND e.created_at >= $3 AND e.created_at < $4
         AND e.event_type IN ('card.issued', 'card.bound', 'card.voided')) x
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    p,
  );
  const byType = (t: string) => rows({ rows: ev.rows.filter((x) => x.event_type === t) });
  const redeemed = await q.query(
    `SELECT template_id, count(*)::int8 AS quantity, coalesce(sum(amount), 0)::int8 AS amount FROM redemptions
     WHERE tenant_id = $1 AND channel_id = $2 AND created_at >= $3 AND created_at < $4 GROUP BY template_id ORDER BY 1`,
    p,
  );
  const reversed = await q.query(
    `SELECT template_id, created_at < $3 AS early, count(*)::int8 AS quantity, coalesce(sum(amount), 0)::int8 AS amount FROM redemptions
     WHERE tenant_id = $1 AND channel_id = $2 AND status = 'reversed' AND reversed_at >= $3 AND reversed_at < $4 GROUP BY 1, 2 ORDER BY 1, 2`,
    p,
  );
  return {
    allocated: rows(allocated),
    sold: byType('card.issued'),
    activated: byType('card.bound'),
    redeemed: rows(redeemed),
    voided: byType('card.voided'),
    reversed: rows(reversed),
  };
}

export interface BuyerRecords {
  paid: Row[]; // order lines of orders paid in the period: units and their amount
  orders: number; // orders paid in the period
  fulfilled: Row[]; // units issued in the period, at their line's unit price
  refunded: Row[]; // order lines of orders refunded in the period (early: paid before it)
  /** the prepaid account: balance before `from`, and the period's flows by reason, in the account's perspective */
  opening: number;
  flows: { reason: string; credited: number; debited: number }[];
}

export async function buyerRecords(q: Sql, tenantId: string, buyerId: string, accountId: string, from: Date, to: Date): Promise<BuyerRecords> {
  const p = [tenantId, buyerId, from, to];
  const paid = await q.query(
    `SELECT l.template_id, sum(l.quantity)::int8 AS quantity, sum(l.quantity * l.unit_price)::int8 AS amount
     FROM wholesale_orders o JOIN wholesale_lines l ON l.tenant_id = o.tenant_id AND l.order_id = o.id
     WHERE o.tenant_id = $1 AND o.buyer_id = $2 AND o.paid_at >= $3 AND o.paid_at < $4 GROUP BY 1 ORDER BY 1`,
    p,
  );
  const orders = await q.query('SELECT count(*)::int8 AS n FROM wholesale_orders WHERE tenant_id = $1 AND buyer_id = $2 AND paid_at >= $3 AND paid_at < $4', p);
  const fulfilled = await q.query(
    `SELECT l.template_id, count(*)::int8 AS quantity, sum(l.unit_price)::int8 AS amount
     FROM wholesale_units u JOIN wholesale_lines l ON l.tenant_id = u.tenant_id AND l.id = u.line_id
       JOIN wholesale_orders o ON o.tenant_id = u.tenant_id AND o.id = u.order_id
     WHERE u.tenant_id = $1 AND o.buyer_id = $2 AND u.state = 'issued' AND u.issued_at >= $3 AND u.issued_at < $4 GROUP BY 1 ORDER BY 1`,
    p,
  );
  const refunded = await q.query(
    `SELECT l.template_id, o.paid_at < $3 AS early, sum(l.quantity)::int8 AS quantity, sum(l.quantity * l.unit_price)::int8 AS amount
     FROM wholesale_orders o JOIN wholesale_lines l ON l.tenant_id = o.tenant_id AND l.order_id = o.id
     WHERE o.tenant_id = $1 AND o.buyer_id = $2 AND o.state = 'refunded' AND o.closed_at >= $3 AND o.closed_at < $4 GROUP BY 1, 2 ORDER BY 1, 2`,
    p,
  );
  const ledger = await q.query(
    `SELECT CASE WHEN created_at < $3 THEN '' ELSE reason END AS reason,
       coalesce(sum(amount) FILTER (WHERE credit_account = $2), 0)::int8 AS credited,
       coalesce(sum(amount) FILTER (WHERE debit_account = $2), 0)::int8 AS debited
     FROM ledger_transfers WHERE tenant_id = $1 AND asset = 'fen' AND (debit_account = $2 OR credit_account = $2) AND created_at < $4
     GROUP BY 1 ORDER BY 1`,
    [tenantId, accountId, from, to],
  );
  const before = ledger.rows.find((x) => x.reason === '');
  return {
    paid: rows(paid),
    orders: Number(orders.rows[0]?.n ?? 0),
    fulfilled: rows(fulfilled),
    refunded: rows(refunded),
    opening: before ? Number(before.credited) - Number(before.debited) : 0,
    flows: ledger.rows.filter((x) => x.reason !== '').map((x) => ({ reason: String(x.reason), credited: Number(x.credited), debited: Number(x.debited) })),
  };
}
