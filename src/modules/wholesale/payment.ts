import type { Sql } from '../../db/index.js';
import { AppError } from '../../errors.js';
import { emit } from '../../platform/events.js';
import { deductPrepaid, getBuyerRow, refundPrepaid } from './buyers.js';
import { getOrder, getOrderRow, move, stateRefusal, type Order } from './orders.js';

export type PaymentInput = { method: 'offline'; reference: string; amount: number } | { method: 'prepaid' };

/**
 * 付款: confirmed → paid as one guarded UPDATE, with the prepaid deduction (if any) in the same
 * transaction — a refused deduction rolls the transition back. A payment callback that arrives twice
 * or concurrently does its work once: the second finds the order paid; if it is the same payment
 * (offline: same reference; prepaid: already prepaid) it answers the order unchanged, otherwise 409.
 */
export async function payOrder(q: Sql, tenantId: string, id: string, p: PaymentInput, by: string, at: Date): Promise<Order> {
  const o = await getOrderRow(q, tenantId, id);
  if (p.method === 'offline' && p.amount !== o.total)
    throw new AppError(422, 'PAYMENT_AMOUNT_MISMATCH', `amount: ${p.amount} paid, the order's total is ${o.total}`, {
      amount: p.amount,
      total: o.total,
      errors: [{ field: 'amount', reason: 'not the order total' }],
    });
  const moved = await move(
    q,
    tenantId,
    id,
    ['confirmed'],
    'paid',
    'paid_at = $5, payment_method = $6, payment_reference = $7, payment_amount = total, paid_by = $8',
    [p.method, p.method === 'offline' ? p.reference : null, by],
    at,
  );
  if (!moved) {
    const now = await getOrderRow(q, tenantId, id);
    const same = now.payment_method === p.method && (p.method === 'prepaid' || now.payment_reference === p.reference);
    if (same && ['paid', 'fulfilled', 'delivered'].includes(now.state)) return getOrder(q, tenantId, id);
    throw await stateRefusal(q, tenantId, id, 'be paid');
  }
  if (p.method === 'prepaid') {
    const t = await deductPrepaid(q, tenantId, await getBuyerRow(q, tenantId, moved.buyer_id), moved.total, id, at);
    await q.query('UPDATE wholesale_orders SET payment_transfer_id = $3 WHERE tenant_id = $1 AND id = $2', [tenantId, id, t.id]);
  }
  await emit(q, [{ tenantId, type: 'wholesale.order_paid', at, data: { order_id: id, buyer_id: moved.buyer_id, amount: moved.total, method: p.method, by } }]);
  return getOrder(q, tenantId, id);
}

/**
 * 退款 with a reason: paid → refunded, only while no code has been fulfilled (cards already in the
 * buyer's hands are voided through the card operations first, not refunded here). A prepaid payment
 * is given back by reversing its transfer; an offline one is recorded as refunded offline.
 */
export async function refundOrder(q: Sql, tenantId: string, id: string, reason: string, at: Date): Promise<Order> {
  const r = await q.query<{ id: string }>(
    `UPDATE wholesale_orders SET state = 'refunded', reason = $3, closed_at = $4, updated_at = $4
     WHERE tenant_id = $1 AND id = $2 AND state = 'paid' AND fulfilled_units = 0 RETURNING id`,
    [tenantId, id, reason, at],
  );
  if (!r.rows[0]) {
    const o = await getOrderRow(q, tenantId, id);
    if (o.state === 'paid') throw new AppError(409, 'ORDER_STATE', 'the order has codes fulfilled already: it cannot be refunded', { state: 'fulfilling' });
    throw await stateRefusal(q, tenantId, id, 'be refunded');
  }
  const o = await getOrderRow(q, tenantId, id);
  if (o.payment_transfer_id !== null) {
    const t = await refundPrepaid(q, tenantId, o.payment_transfer_id, id, at);
    await q.query('UPDATE wholesale_orders SET refund_transfer_id = $3 WHERE tenant_id = $1 AND id = $2', [tenantId, id, t.id]);
  }
  await emit(q, [{ tenantId, type: 'wholesale.order_refunded', at, data: { order_id: id, buyer_id: o.buyer_id, amount: o.total, reason } }]);
  return getOrder(q, tenantId, id);
}

/**
 * 已交付: fulfilled → delivered, for the delivery module (one-time links, encrypted files) once the
 * buyer has its codes. Marking twice is once; any other state is 409 with the state.
 */
export async function markDelivered(q: Sql, tenantId: string, orderId: string, at: Date): Promise<Order> {
  const moved = await move(q, tenantId, orderId, ['fulfilled'], 'delivered', 'delivered_at = $5', [], at);
  if (!moved) {
    const o = await getOrderRow(q, tenantId, orderId);
    if (o.state === 'delivered') return getOrder(q, tenantId, orderId);
    throw await stateRefusal(q, tenantId, orderId, 'be delivered');
  }
  await emit(q, [{ tenantId, type: 'wholesale.order_delivered', at, data: { order_id: orderId, buyer_id: moved.buyer_id } }]);
  return getOrder(q, tenantId, orderId);
}

/**
 * The cards an order's fulfilment issued, in line and unit order (for delivery: reveal through the
 * cards module). `after`/`limit` page through a large order.
 */
export async function fulfilledCardIds(q: Sql, tenantId: string, orderId: string, opts: { after?: number; limit?: number } = {}): Promise<string[]> {
  await getOrderRow(q, tenantId, orderId);
  const r = await q.query<{ card_id: string }>(
    `SELECT u.card_id FROM wholesale_units u JOIN wholesale_lines l ON l.tenant_id = u.tenant_id AND l.id = u.line_id
     WHERE u.tenant_id = $1 AND u.order_id = $2 AND u.state = 'issued'
     ORDER BY l.line_no, u.unit_no OFFSET $3 LIMIT $4`,
    [tenantId, orderId, opts.after ?? 0, opts.limit ?? 1_000_000],
  );
  return r.rows.map((x) => x.card_id);
}
