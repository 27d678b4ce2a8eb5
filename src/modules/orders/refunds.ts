import type { Sql } from '../../db/index.js';
import { AppError } from '../../errors.js';
import { newId } from '../../ids.js';
import { emit } from '../../platform/events.js';
import { orderEffects } from './extensions.js';
import { ORDER_COLS, bodyHash, factsOf, reused, viewOrder, type Line, type Order } from './service.js';

/** A refund 退款 of part or all of an order: idempotent by the brand's refund number; never more than was paid and not yet refunded. */
export interface RefundInput {
  refund_no: string;
  amount: number;
  lines?: Line[];
}
export interface Refund {
  id: string;
  order_id: string;
  refund_no: string;
  amount: number;
  lines: Line[];
  effects: Record<string, unknown>;
  created_at: Date;
}
const COLS = 'id, order_id, refund_no, amount, lines, effects, created_at';
const view = (r: Refund): Refund => ({ ...r, amount: Number(r.amount) });

export const orderNotFound = () => new AppError(404, 'MEMBER_ORDER_NOT_FOUND', 'order not found');

export async function getOrder(q: Sql, tenantId: string, id: string, memberId: string | null = null): Promise<Order & { refunds: Refund[] }> {
  const r = await q.query<Order>(`SELECT ${ORDER_COLS} FROM member_orders WHERE tenant_id = $1 AND id = $2 AND ($3::text IS NULL OR member_id = $3)`, [
    tenantId,
    id,
    memberId,
  ]);
  if (!r.rows[0]) throw orderNotFound();
  const refunds = await q.query<Refund>(`SELECT ${COLS} FROM order_refunds WHERE tenant_id = $1 AND order_id = $2 ORDER BY id`, [tenantId, id]);
  return { ...viewOrder(r.rows[0]), refunds: refunds.rows.map(view) };
}

export async function refundOrder(q: Sql, tenantId: string, orderId: string, input: RefundInput, at: Date): Promise<Refund & { replayed?: boolean }> {
  const hash = bodyHash({ order_id: orderId, ...input });
  const find = () =>
    q.query<Refund & { body_hash: string }>(`SELECT ${COLS}, body_hash FROM order_refunds WHERE tenant_id = $1 AND refund_no = $2`, [
      tenantId,
      input.refund_no,
    ]);
  const replay = (row: Refund & { body_hash: string }) => {
    if (row.body_hash !== hash) throw reused('refund_no', 'REFUND_NO_REUSED');
    const { body_hash: _h, ...r } = row;
    return { ...view(r), replayed: true };
  };
  const prior = (await find()).rows[0];
  if (prior) return replay(prior);
  if (input.amount < 1) throw new AppError(422, 'VALIDATION_FAILED', 'amount: at least 1 fen', { errors: [{ field: 'amount', reason: 'at least 1' }] });
  const id = newId('ref');
  const made = await q.query<Refund>(
    `INSERT INTO order_refunds (tenant_id, id, order_id, refund_no, amount, lines, body_hash, created_at)
     SELECT $1, $2, $3, $4, $5, $6, $7, $8 WHERE EXISTS (SELECT 1 FROM member_orders WHERE tenant_id = $1 AND id = $3)
     ON CONFLICT (tenant_id, refund_no) DO NOTHING RETURNING ${COLS}`,
    [tenantId, id, orderId, input.refund_no, input.amount, JSON.stringify(input.lines ?? []), hash, at],
  );
  if (!made.rows[0]) {
    const raced = (await find()).rows[0];
    if (raced) return replay(raced);
    throw orderNotFound();
  }
  // one conditional update: concurrent refunds of one order can never add up to more than was paid
  const o = await q.query<Order>(
    `UPDATE member_orders SET refunded = refunded + $3 WHERE tenant_id = $1 AND id = $2 AND refunded + $3 <= amount RETURNING ${ORDER_COLS}`,
    [tenantId, orderId, input.amount],
  );
  if (!o.rows[0]) {
    const cur = (
      await q.query<{ amount: string; refunded: string }>('SELECT amount, refunded FROM member_orders WHERE tenant_id = $1 AND id = $2', [tenantId, orderId])
    ).rows[0]!;
    const left = Number(cur.amount) - Number(cur.refunded);
    throw new AppError(409, 'REFUND_EXCEEDS_PAID', `amount: ${input.amount} asked, ${left} left to refund`, {
      refundable: left,
      asked: input.amount,
      errors: [{ field: 'amount', reason: 'more than paid and not yet refunded' }],
    });
  }
  const order = viewOrder(o.rows[0]);
  const full = order.refunded === order.amount;
  const effects: Record<string, unknown> = {};
  for (const e of orderEffects.list())
    if (e.refunded) effects[e.name] = await e.refunded(q, factsOf(tenantId, order), { refundId: id, amount: input.amount, at, full, refunded: order.refunded });
  await q.query('UPDATE order_refunds SET effects = $3 WHERE tenant_id = $1 AND id = $2', [tenantId, id, JSON.stringify(effects)]);
  await emit(q, [
    {
      tenantId,
      type: 'order.refunded',
      at,
      memberId: order.member_id,
      storeId: order.store_id,
      channelId: order.channel_id,
      data: { order_id: order.id, order_no: order.order_no, refund_id: id, refund_no: input.refund_no, amount: input.amount, full, effects },
    },
  ]);
  return { ...view(made.rows[0]), effects };
}
