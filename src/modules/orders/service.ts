import { createHash } from 'node:crypto';
import type { Sql } from '../../db/index.js';
import { AppError, invalid } from '../../errors.js';
import { newId } from '../../ids.js';
import { emit } from '../../platform/events.js';
import { memberExists } from '../members/service.js';
import { getStore } from '../stores/service.js';
import { channelExists } from '../channels/service.js';
import { orderEffects, type ActivityFacts, type OrderFacts } from './extensions.js';

/**
 * Orders in 订单接入 (docs/membership.md "Orders"). The brand's numbers are the natural keys: an order
 * by `order_no`, a refund by `refund_no`, an activity by `reference`, each idempotent per tenant (the
 * same body answers the first record; another body is 409). The effects plugged into `orderEffects`
 * (points, growth) write in the same transaction and their answers are kept with the record, so a
 * replay answers exactly what the first call did.
 */
export interface Line {
  sku: string;
  category?: string;
  quantity: number;
  amount: number;
}
export interface OrderInput {
  member_id: string;
  order_no: string;
  amount: number;
  store_id?: string | null;
  channel_id?: string | null;
  lines?: Line[];
  placed_at?: string;
}
export interface Order {
  id: string;
  order_no: string;
  member_id: string;
  store_id: string | null;
  channel_id: string | null;
  amount: number;
  refunded: number;
  lines: Line[];
  effects: Record<string, unknown>;
  placed_at: Date;
  created_at: Date;
}

export const ORDER_COLS = 'id, order_no, member_id, store_id, channel_id, amount, refunded, lines, effects, placed_at, created_at';
export const viewOrder = (o: Order): Order => ({ ...o, amount: Number(o.amount), refunded: Number(o.refunded) });
export const factsOf = (tenantId: string, o: Order): OrderFacts => ({
  tenantId,
  orderId: o.id,
  orderNo: o.order_no,
  memberId: o.member_id,
  storeId: o.store_id,
  channelId: o.channel_id,
  amount: Number(o.amount),
  lines: o.lines,
  placedAt: new Date(o.placed_at),
});

/** A stable hash of what a request said (keys sorted), to tell a replay from another request under the same number. */
export function bodyHash(body: unknown): string {
  const norm = (v: any): any =>
    Array.isArray(v)
      ? v.map(norm)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, norm(v[k])]),
          )
        : v;
  return createHash('sha256')
    .update(JSON.stringify(norm(body)))
    .digest('base64url');
}

export const reused = (field: string, code: string) =>
  new AppError(409, code, `${field}: already used with a different request`, { errors: [{ field, reason: 'used before with other values' }] });

export async function requireMember(q: Sql, tenantId: string, memberId: string, field = 'member_id') {
  if (!(await memberExists(q, tenantId, memberId)))
    throw new AppError(404, 'MEMBER_NOT_FOUND', `${field}: member not found`, { errors: [{ field, reason: 'not found' }] });
}

function checkLines(lines: Line[]) {
  lines.forEach((l, i) => {
    if (l.quantity < 1) throw invalid(`lines/${i}/quantity`, 'at least 1');
  });
}

/** 订单接入: records the order and runs its effects in this transaction (dry run: the caller rolls it back). */
export async function placeOrder(q: Sql, tenantId: string, input: OrderInput, at: Date, dryRun = false): Promise<Order & { replayed?: boolean }> {
  const lines = input.lines ?? [];
  checkLines(lines);
  const hash = bodyHash(input);
  const prior = await q.query<Order & { body_hash: string }>(`SELECT ${ORDER_COLS}, body_hash FROM member_orders WHERE tenant_id = $1 AND order_no = $2`, [
    tenantId,
    input.order_no,
  ]);
  if (prior.rows[0]) return replayOf(prior.rows[0], hash);
  await requireMember(q, tenantId, input.member_id);
  if (input.store_id) await getStore(q, tenantId, input.store_id).catch(() => Promise.reject(notFoundField('store_id', 'STORE_NOT_FOUND')));
  if (input.channel_id && !(await channelExists(q, tenantId, input.channel_id))) throw notFoundField('channel_id', 'CHANNEL_NOT_FOUND');
  const placedAt = input.placed_at ? new Date(input.placed_at) : at;
  const made = await q.query<Order>(
    `INSERT INTO member_orders (tenant_id, id, order_no, member_id, store_id, channel_id, amount, lines, body_hash, placed_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (tenant_id, order_no) DO NOTHING RETURNING ${ORDER_COLS}`,
    [
      tenantId,
      newId('ord'),
      input.order_no,
      input.member_id,
      input.store_id ?? null,
      input.channel_id ?? null,
      input.amount,
      JSON.stringify(lines),
      hash,
      placedAt,
      at,
    ],
  );
  if (!made.rows[0]) {
    // the same number came in concurrently and committed first: its answer is ours
    const r = await q.query<Order & { body_hash: string }>(`SELECT ${ORDER_COLS}, body_hash FROM member_orders WHERE tenant_id = $1 AND order_no = $2`, [
      tenantId,
      input.order_no,
    ]);
    return replayOf(r.rows[0]!, hash);
  }
  const order = viewOrder(made.rows[0]);
  const effects: Record<string, unknown> = {};
  for (const e of orderEffects.list()) if (e.placed) effects[e.name] = await e.placed(q, factsOf(tenantId, order), dryRun);
  if (!dryRun) {
    await q.query('UPDATE member_orders SET effects = $3 WHERE tenant_id = $1 AND id = $2', [tenantId, order.id, JSON.stringify(effects)]);
    await emit(q, [
      {
        tenantId,
        type: 'order.placed',
        at,
        memberId: order.member_id,
        storeId: order.store_id,
        channelId: order.channel_id,
        data: { order_id: order.id, order_no: order.order_no, amount: order.amount, effects },
      },
    ]);
  }
  return { ...order, effects };
}

const notFoundField = (field: string, code: string) => new AppError(404, code, `${field}: not found`, { errors: [{ field, reason: 'not found' }] });

function replayOf(row: Order & { body_hash: string }, hash: string) {
  if (row.body_hash !== hash) throw reused('order_no', 'ORDER_NO_REUSED');
  const { body_hash: _h, ...o } = row;
  return { ...viewOrder(o), replayed: true };
}

export interface ActivityInput {
  type: string;
  reference: string;
  at?: string;
  data?: Record<string, unknown>;
}
export interface Activity {
  id: string;
  member_id: string;
  type: string;
  reference: string;
  data: Record<string, unknown>;
  effects: Record<string, unknown>;
  at: Date;
  created_at: Date;
}
const ACT_COLS = 'id, member_id, type, reference, data, effects, at, created_at';

/** 会员行为: a custom event; idempotent by the brand's reference; its effects (points for signing in…) in this transaction. */
export async function recordActivity(q: Sql, tenantId: string, memberId: string, input: ActivityInput, at: Date, dryRun = false): Promise<Activity> {
  const hash = bodyHash({ member_id: memberId, ...input });
  const find = () =>
    q.query<Activity & { body_hash: string }>(`SELECT ${ACT_COLS}, body_hash FROM member_activities WHERE tenant_id = $1 AND reference = $2`, [
      tenantId,
      input.reference,
    ]);
  const prior = (await find()).rows[0];
  if (prior) return replayActivity(prior, hash);
  await requireMember(q, tenantId, memberId, 'id');
  const when = input.at ? new Date(input.at) : at;
  const made = await q.query<Activity>(
    `INSERT INTO member_activities (tenant_id, id, member_id, type, reference, data, body_hash, at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (tenant_id, reference) DO NOTHING RETURNING ${ACT_COLS}`,
    [tenantId, newId('act'), memberId, input.type, input.reference, JSON.stringify(input.data ?? {}), hash, when, at],
  );
  if (!made.rows[0]) return replayActivity((await find()).rows[0]!, hash);
  const a = made.rows[0];
  const facts: ActivityFacts = { tenantId, activityId: a.id, memberId, type: a.type, at: new Date(a.at), data: a.data };
  const effects: Record<string, unknown> = {};
  for (const e of orderEffects.list()) if (e.activity) effects[e.name] = await e.activity(q, facts, dryRun);
  if (!dryRun) {
    await q.query('UPDATE member_activities SET effects = $3 WHERE tenant_id = $1 AND id = $2', [tenantId, a.id, JSON.stringify(effects)]);
    await emit(q, [{ tenantId, type: 'activity.recorded', at, memberId, data: { activity_id: a.id, type: a.type, reference: a.reference, effects } }]);
  }
  return { ...a, effects };
}

function replayActivity(row: Activity & { body_hash: string }, hash: string) {
  if (row.body_hash !== hash) throw reused('reference', 'ACTIVITY_REFERENCE_REUSED');
  const { body_hash: _h, ...a } = row;
  return a;
}

/** How many of a member's other orders were placed no later than this one (0: it is their first order 首单). */
export async function ordersBefore(q: Sql, tenantId: string, memberId: string, orderId: string): Promise<number> {
  const r = await q.query<{ n: string }>(
    `SELECT count(*) AS n FROM member_orders o WHERE o.tenant_id = $1 AND o.member_id = $2 AND o.id <> $3
       AND o.placed_at <= (SELECT placed_at FROM member_orders WHERE tenant_id = $1 AND id = $3)`,
    [tenantId, memberId, orderId],
  );
  return Number(r.rows[0]!.n);
}
