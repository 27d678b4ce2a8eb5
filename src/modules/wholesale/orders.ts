import type { Sql } from '../../db/index.js';
import { AppError } from '../../errors.js';
import { newId } from '../../ids.js';
import { emit } from '../../platform/events.js';
import { getBatch, batchIdsOfTemplate, type BatchRow } from '../batches/service.js';
import { getBuyerRow } from './buyers.js';
import { priceOf } from './prices.js';

export type OrderState = 'draft' | 'confirmed' | 'paid' | 'fulfilled' | 'delivered' | 'cancelled' | 'refunded';
export interface LineRow {
  id: string;
  line_no: number;
  template_id: string;
  batch_id: string;
  quantity: number;
  unit_price: number;
  list_price: number;
  floor_price: number;
  below_floor: boolean;
  fulfilled: number;
}
export interface OrderRow {
  id: string;
  buyer_id: string;
  state: OrderState;
  total: number;
  units: number;
  fulfilled_units: number;
  flagged: boolean;
  note: string | null;
  payment_method: 'offline' | 'prepaid' | null;
  payment_reference: string | null;
  payment_amount: number | null;
  paid_by: string | null;
  payment_transfer_id: number | null;
  refund_transfer_id: number | null;
  reason: string | null;
  created_by: string;
  created_at: Date;
  confirmed_at: Date | null;
  paid_at: Date | null;
  fulfilled_at: Date | null;
  delivered_at: Date | null;
  closed_at: Date | null;
  updated_at: Date;
}
export type Order = OrderRow & { lines: LineRow[] };

export const ORDER_COLS = `id, buyer_id, state, total, units, fulfilled_units, flagged, note, payment_method, payment_reference, payment_amount, paid_by,
  payment_transfer_id, refund_transfer_id, reason, created_by, created_at, confirmed_at, paid_at, fulfilled_at, delivered_at, closed_at, updated_at`;
const LINE_COLS = 'id, line_no, template_id, batch_id, quantity, unit_price, list_price, floor_price, below_floor, fulfilled';
const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
export const numOrder = (o: OrderRow): OrderRow => ({
  ...o,
  total: Number(o.total),
  payment_amount: n(o.payment_amount),
  payment_transfer_id: n(o.payment_transfer_id),
  refund_transfer_id: n(o.refund_transfer_id),
});
const numLine = (l: LineRow): LineRow => ({ ...l, unit_price: Number(l.unit_price), list_price: Number(l.list_price), floor_price: Number(l.floor_price) });

export interface LineInput {
  template_id?: string;
  batch_id?: string;
  quantity: number;
  unit_price?: number;
}

const skuInvalid = (field: string, reason: string) => new AppError(422, 'SKU_INVALID', `${field}: ${reason}`, { errors: [{ field, reason }] });
const pooled = (b: BatchRow) => b.mode === 'pregenerated' || b.mode === 'imported';
/** Codes of a batch still in its pool: generated or imported, not yet issued. */
export const poolLeft = (b: BatchRow) => Math.max(0, b.generated - b.issued);

/** The batch a line takes its codes from: the one it names, or the template's pooled batch with the most codes left. */
async function batchOf(q: Sql, tenantId: string, l: LineInput, field: string): Promise<BatchRow> {
  if (!!l.batch_id === !!l.template_id) throw skuInvalid(field, 'name a template or a batch, not both');
  if (l.batch_id) {
    const b = await getBatch(q, tenantId, l.batch_id);
    if (!pooled(b)) throw skuInvalid(`${field}.batch_id`, 'not a pre-generated or imported batch');
    return b;
  }
  const ids = await batchIdsOfTemplate(q, tenantId, l.template_id!);
  const batches = (await Promise.all(ids.map((id) => getBatch(q, tenantId, id)))).filter(pooled).sort((a, b) => poolLeft(b) - poolLeft(a));
  if (!batches[0] || !poolLeft(batches[0])) throw skuInvalid(`${field}.template_id`, 'no batch of this template has codes in stock');
  return batches[0];
}

/** Quantity beyond the pool is refused before anything is written (409 POOL_SHORT, with what is left). */
function checkPool(b: BatchRow, quantity: number, field: string) {
  const available = poolLeft(b);
  if (quantity > available)
    throw new AppError(409, 'POOL_SHORT', `${field}: ${quantity} codes wanted, ${available} left in batch ${b.id}`, {
      quantity,
      available,
      errors: [{ field, reason: 'more than the codes in stock' }],
    });
}

/**
 * 新建批发订单 (draft): each line's unit price is the buyer's price level's wholesale price unless staff
 * give one; below the floor it is refused (422 PRICE_BELOW_FLOOR naming price and floor), or with the
 * price list's `below_floor: 'flag'` accepted, the line and order flagged and `wholesale.below_floor` emitted.
 */
export async function createOrder(
  q: Sql,
  tenantId: string,
  input: { buyer_id: string; lines: LineInput[]; note?: string | null },
  actor: string,
  at: Date,
): Promise<Order> {
  const buyer = await getBuyerRow(q, tenantId, input.buyer_id);
  const id = newId('wso');
  const lines: (LineRow & { batch: BatchRow })[] = [];
  const wanted = new Map<string, number>(); // lines of one batch share its pool
  for (const [i, l] of input.lines.entries()) {
    const field = `lines[${i}]`;
    const batch = await batchOf(q, tenantId, l, field);
    const price = await priceOf(q, tenantId, buyer.price_level, batch.template_id, `${field}.${l.batch_id ? 'batch_id' : 'template_id'}`);
    const unit = l.unit_price ?? price.wholesale_price;
    const below = unit < price.floor_price;
    if (below && price.below_floor === 'refuse')
      throw new AppError(422, 'PRICE_BELOW_FLOOR', `${field}.unit_price: ${unit} is below the floor price ${price.floor_price}`, {
        price: unit,
        floor: price.floor_price,
        errors: [{ field: `${field}.unit_price`, reason: 'below the floor price' }],
      });
    wanted.set(batch.id, (wanted.get(batch.id) ?? 0) + l.quantity);
    checkPool(batch, wanted.get(batch.id)!, `${field}.quantity`);
    lines.push({
      id: newId('wsl'),
      line_no: i + 1,
      template_id: batch.template_id,
      batch_id: batch.id,
      quantity: l.quantity,
      unit_price: unit,
      list_price: price.wholesale_price,
      floor_price: price.floor_price,
      below_floor: below,
      fulfilled: 0,
      batch,
    });
  }
  const total = lines.reduce((s, l) => s + l.unit_price * l.quantity, 0);
  const units = lines.reduce((s, l) => s + l.quantity, 0);
  if (!Number.isSafeInteger(total))
    throw new AppError(422, 'VALIDATION_FAILED', 'lines: the total is too large', { errors: [{ field: 'lines', reason: 'the total is too large' }] });
  const flagged = lines.some((l) => l.below_floor);
  await q.query(
    `INSERT INTO wholesale_orders (tenant_id, id, buyer_id, state, total, units, flagged, note, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, 'draft', $4, $5, $6, $7, $8, $9, $9)`,
    [tenantId, id, buyer.id, total, units, flagged, input.note ?? null, actor, at],
  );
  const col = <K extends keyof LineRow>(k: K) => lines.map((l) => l[k]);
  await q.query(
    `INSERT INTO wholesale_lines (tenant_id, order_id, id, line_no, template_id, batch_id, quantity, unit_price, list_price, floor_price, below_floor)
     SELECT $1, $2, * FROM unnest($3::text[], $4::int[], $5::text[], $6::text[], $7::int[], $8::int8[], $9::int8[], $10::int8[], $11::bool[])`,
    [
      tenantId,
      id,
      col('id'),
      col('line_no'),
      col('template_id'),
      col('batch_id'),
      col('quantity'),
      col('unit_price'),
      col('list_price'),
      col('floor_price'),
      col('below_floor'),
    ],
  );
  const below = lines.filter((l) => l.below_floor);
  await emit(q, [
    { tenantId, type: 'wholesale.order_created', at, data: { order_id: id, buyer_id: buyer.id, total, units } },
    ...below.map((l) => ({
      tenantId,
      type: 'wholesale.below_floor',
      at,
      templateId: l.template_id,
      batchId: l.batch_id,
      data: { order_id: id, line_id: l.id, buyer_id: buyer.id, price: l.unit_price, floor: l.floor_price, by: actor },
    })),
  ]);
  return getOrder(q, tenantId, id);
}

export async function getOrderRow(q: Sql, tenantId: string, id: string): Promise<OrderRow> {
  const r = await q.query<OrderRow>(`SELECT ${ORDER_COLS} FROM wholesale_orders WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
  if (!r.rows[0]) throw new AppError(404, 'ORDER_NOT_FOUND', 'wholesale order not found');
  return numOrder(r.rows[0]);
}
export async function linesOf(q: Sql, tenantId: string, orderId: string): Promise<LineRow[]> {
  const r = await q.query<LineRow>(`SELECT ${LINE_COLS} FROM wholesale_lines WHERE tenant_id = $1 AND order_id = $2 ORDER BY line_no`, [tenantId, orderId]);
  return r.rows.map(numLine);
}
export async function getOrder(q: Sql, tenantId: string, id: string): Promise<Order> {
  const o = await getOrderRow(q, tenantId, id);
  return { ...o, lines: await linesOf(q, tenantId, id) };
}

export async function listOrders(q: Sql, tenantId: string, f: { buyer_id?: string; state?: OrderState }): Promise<OrderRow[]> {
  const r = await q.query<OrderRow>(
    `SELECT ${ORDER_COLS} FROM wholesale_orders WHERE tenant_id = $1 AND ($2::text IS NULL OR buyer_id = $2) AND ($3::text IS NULL OR state = $3)
     ORDER BY created_at DESC, id DESC LIMIT 500`,
    [tenantId, f.buyer_id ?? null, f.state ?? null],
  );
  return r.rows.map(numOrder);
}

/** A transition out of order: 409 ORDER_STATE with the current state (404 when there is no such order). */
export async function stateRefusal(q: Sql, tenantId: string, id: string, what: string): Promise<AppError> {
  const o = await getOrderRow(q, tenantId, id);
  return new AppError(409, 'ORDER_STATE', `the order is ${o.state}: it cannot ${what}`, { state: o.state });
}

/**
 * One guarded transition: `UPDATE … WHERE state = ANY(from)`. Two concurrent callers: the second waits
 * on the row and then finds it moved on, so the work that rides on the transition happens once.
 */
export async function move(
  q: Sql,
  tenantId: string,
  id: string,
  from: OrderState[],
  to: OrderState,
  set: string,
  params: unknown[],
  at: Date,
): Promise<OrderRow | null> {
  const r = await q.query<OrderRow>(
    `UPDATE wholesale_orders SET state = $4, updated_at = $5${set ? `, ${set}` : ''} WHERE tenant_id = $1 AND id = $2 AND state = ANY($3::text[]) RETURNING ${ORDER_COLS}`,
    [tenantId, id, from, to, at, ...params],
  );
  return r.rows[0] ? numOrder(r.rows[0]) : null;
}

/** 确认: draft → confirmed; the pool is checked again (codes may have left it since the draft). Confirming twice is once. */
export async function confirmOrder(q: Sql, tenantId: string, id: string, at: Date): Promise<Order> {
  const moved = await move(q, tenantId, id, ['draft'], 'confirmed', 'confirmed_at = $5', [], at);
  if (!moved) {
    const o = await getOrderRow(q, tenantId, id);
    if (o.state === 'confirmed') return getOrder(q, tenantId, id);
    throw await stateRefusal(q, tenantId, id, 'be confirmed');
  }
  const wanted = new Map<string, number>();
  for (const [i, l] of (await linesOf(q, tenantId, id)).entries()) {
    wanted.set(l.batch_id, (wanted.get(l.batch_id) ?? 0) + l.quantity);
    checkPool(await getBatch(q, tenantId, l.batch_id), wanted.get(l.batch_id)!, `lines[${i}].quantity`);
  }
  await emit(q, [{ tenantId, type: 'wholesale.order_confirmed', at, data: { order_id: id, buyer_id: moved.buyer_id, total: moved.total } }]);
  return getOrder(q, tenantId, id);
}

/** 取消 with a reason: only before payment (draft or confirmed). */
export async function cancelOrder(q: Sql, tenantId: string, id: string, reason: string, at: Date): Promise<Order> {
  const moved = await move(q, tenantId, id, ['draft', 'confirmed'], 'cancelled', 'reason = $6, closed_at = $5', [reason], at);
  if (!moved) throw await stateRefusal(q, tenantId, id, 'be cancelled');
  await emit(q, [{ tenantId, type: 'wholesale.order_cancelled', at, data: { order_id: id, buyer_id: moved.buyer_id, reason } }]);
  return getOrder(q, tenantId, id);
}
