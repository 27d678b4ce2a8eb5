import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import type { Caller } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { newId } from '../../ids.js';
import { emit } from '../../platform/events.js';
import { enqueue } from '../../platform/jobs.js';
import { issueBearer } from '../cards/issue.js';
import { getOrder, getOrderRow, stateRefusal, type Order } from './orders.js';

/**
 * 履约: an order's line units become issued bearer cards, exactly once per (line, unit number).
 *
 * A chunk is two short transactions. **Reserve**: take free or expired units of the order
 * (`FOR UPDATE SKIP LOCKED`) and new unit numbers from each line's `next_unit` (a locked counter:
 * concurrent runs get disjoint ranges); each becomes a `wholesale_units` row held by this run until
 * a deadline (TTL). **Issue**: lock the order row, lock this run's reservations, take that many codes
 * from the pool through the cards module (`issueBearer`: `FOR UPDATE SKIP LOCKED`, issued as bearer
 * cards attributed to the order and buyer), and mark the units issued with their cards, the lines'
 * and the order's counters moved — all in one commit. A run that dies between the two leaves its
 * reservations to expire; the reaper (`wholesale.reap`) or the next run frees them. The primary key
 * (line, unit) and the unique card index make a double impossible, whatever runs concurrently.
 */
export const reserveTtlMs = (ctx: Ctx) => ctx.config.wholesaleReserveMs ?? 120_000;
const CHUNK = { postgres: 10_000, pglite: 2_000 } as const;
/** Orders up to this many units left are fulfilled inside the request; larger ones by the job. */
export const INLINE_UNITS = 2_000;

export async function reserveUnits(q: Sql, tenantId: string, orderId: string, max: number, holder: string, now: Date, ttlMs: number): Promise<number> {
  const until = new Date(now.getTime() + ttlMs);
  const taken = await q.query(
    `UPDATE wholesale_units u SET state = 'reserved', holder = $3, reserved_until = $4::timestamptz
     FROM (SELECT line_id, unit_no FROM wholesale_units WHERE tenant_id = $1 AND order_id = $2
             AND (state = 'free' OR (state = 'reserved' AND reserved_until < $5::timestamptz))
           ORDER BY line_id, unit_no LIMIT $6 FOR UPDATE SKIP LOCKED) p
     WHERE u.tenant_id = $1 AND u.line_id = p.line_id AND u.unit_no = p.unit_no`,
    [tenantId, orderId, holder, until, now, max],
  );
  let got = taken.rowCount ?? 0;
  const open = await q.query<{ id: string }>(
    'SELECT id FROM wholesale_lines WHERE tenant_id = $1 AND order_id = $2 AND next_unit < quantity ORDER BY line_no',
    [tenantId, orderId],
  );
  for (const { id } of open.rows) {
    if (got >= max) break;
    const r = await q.query<{ from_no: number; to_no: number }>(
      `WITH old AS (SELECT id, next_unit FROM wholesale_lines WHERE tenant_id = $1 AND id = $2 FOR UPDATE)
       UPDATE wholesale_lines l SET next_unit = least(l.quantity, old.next_unit + $3) FROM old
       WHERE l.tenant_id = $1 AND l.id = old.id AND l.next_unit < l.quantity
       RETURNING old.next_unit AS from_no, l.next_unit AS to_no`,
      [tenantId, id, max - got],
    );
    const range = r.rows[0];
    if (!range) continue;
    await q.query(
      `INSERT INTO wholesale_units (tenant_id, line_id, unit_no, order_id, state, holder, reserved_until)
       SELECT $1, $2, g, $3, 'reserved', $4, $5 FROM generate_series($6::int + 1, $7::int) g`,
      [tenantId, id, orderId, holder, until, range.from_no, range.to_no],
    );
    got += range.to_no - range.from_no;
  }
  return got;
}

/** The issue step of a chunk: this run's reservations become issued cards, in one transaction. */
async function issueUnits(ctx: Ctx, q: Sql, caller: Caller, orderId: string, holder: string): Promise<number> {
  const tenantId = caller.tenantId;
  const now = ctx.clock.now();
  const o = (
    await q.query<{ state: string; buyer_id: string }>('SELECT state, buyer_id FROM wholesale_orders WHERE tenant_id = $1 AND id = $2 FOR UPDATE', [
      tenantId,
      orderId,
    ])
  ).rows[0];
  if (o?.state !== 'paid') {
    await q.query(`UPDATE wholesale_units SET state = 'free', holder = NULL, reserved_until = NULL WHERE tenant_id = $1 AND order_id = $2 AND holder = $3`, [
      tenantId,
      orderId,
      holder,
    ]);
    return 0;
  }
  const mine = (
    await q.query<{ line_id: string; unit_no: number; batch_id: string }>(
      `SELECT u.line_id, u.unit_no, l.batch_id FROM wholesale_units u JOIN wholesale_lines l ON l.tenant_id = u.tenant_id AND l.id = u.line_id
       WHERE u.tenant_id = $1 AND u.order_id = $2 AND u.holder = $3 AND u.state = 'reserved'
       ORDER BY l.line_no, u.unit_no FOR UPDATE OF u`,
      [tenantId, orderId, holder],
    )
  ).rows;
  if (!mine.length) return 0;
  const byBatch = new Map<string, typeof mine>();
  for (const u of mine) byBatch.set(u.batch_id, [...(byBatch.get(u.batch_id) ?? []), u]);
  const lines: string[] = [];
  const units: number[] = [];
  const cards: string[] = [];
  for (const [batchId, us] of byBatch) {
    const got = await issueBearer(ctx, q, caller, batchId, us.length, null, null, { wholesale_order_id: orderId, buyer_id: o.buyer_id });
    if (got.length < us.length)
      throw new AppError(409, 'POOL_SHORT', `batch ${batchId}: ${us.length} codes wanted, ${got.length} left`, { quantity: us.length, available: got.length });
    us.forEach((u, i) => {
      lines.push(u.line_id);
      units.push(u.unit_no);
      cards.push(got[i]!.id);
    });
  }
  await q.query(
    `UPDATE wholesale_units u SET state = 'issued', card_id = x.card, holder = NULL, reserved_until = NULL, issued_at = $3
     FROM unnest($4::text[], $5::int[], $6::text[]) AS x(line, unit, card)
     WHERE u.tenant_id = $1 AND u.line_id = x.line AND u.unit_no = x.unit AND u.holder = $2 AND u.state = 'reserved'`,
    [tenantId, holder, now, lines, units, cards],
  );
  await q.query(
    `UPDATE wholesale_lines l SET fulfilled = l.fulfilled + x.n
     FROM (SELECT line, count(*)::int AS n FROM unnest($2::text[]) AS line GROUP BY line) x WHERE l.tenant_id = $1 AND l.id = x.line`,
    [tenantId, lines],
  );
  const done = await q.query<{ state: string; units: number }>(
    `UPDATE wholesale_orders SET fulfilled_units = fulfilled_units + $3::int, updated_at = $4::timestamptz,
       state = CASE WHEN fulfilled_units + $3::int = units THEN 'fulfilled' ELSE state END,
       fulfilled_at = CASE WHEN fulfilled_units + $3::int = units THEN $4::timestamptz END
     WHERE tenant_id = $1 AND id = $2 AND state = 'paid' RETURNING state, units`,
    [tenantId, orderId, cards.length, now],
  );
  if (done.rows[0]?.state === 'fulfilled')
    await emit(q, [{ tenantId, type: 'wholesale.order_fulfilled', at: now, data: { order_id: orderId, buyer_id: o.buyer_id, units: done.rows[0].units } }]);
  return cards.length;
}

/** One chunk: reserve, then issue. Answers how many units it fulfilled (0: nothing left that is not held by a live run). */
export async function fulfilChunk(ctx: Ctx, caller: Caller, orderId: string, max: number = ctx.config.wholesaleChunk ?? CHUNK[ctx.db.engine]): Promise<number> {
  const holder = newId('rsv');
  const reserved = await ctx.db.tx((q) => reserveUnits(q, caller.tenantId, orderId, max, holder, ctx.clock.now(), reserveTtlMs(ctx)));
  if (!reserved) return 0;
  return ctx.db.tx((q) => issueUnits(ctx, q, caller, orderId, holder));
}

/**
 * Fulfils what is left of a paid order, chunk by chunk (each chunk commits its cards with its
 * progress). Answers whether the order is fulfilled; false while units are held by another live run.
 */
export async function fulfilOrder(ctx: Ctx, caller: Caller, orderId: string, opts: { lease?: () => Promise<void>; chunk?: number } = {}): Promise<boolean> {
  for (;;) {
    const n = await fulfilChunk(ctx, caller, orderId, opts.chunk);
    await opts.lease?.();
    await ctx.db.breathe();
    if (!n) break;
  }
  const o = await getOrderRow(ctx.db, caller.tenantId, orderId);
  return o.state !== 'paid';
}

/**
 * 开始履约 (in the request's transaction): a paid order gets its fulfilment job (one pending job per
 * order: a second trigger adds none); a fulfilled or delivered one answers as it is; others 409.
 */
export async function startFulfilment(q: Sql, caller: Caller, orderId: string): Promise<Order> {
  const o = await getOrderRow(q, caller.tenantId, orderId);
  if (o.state === 'paid')
    await enqueue(q, {
      type: 'wholesale.fulfil',
      tenantId: caller.tenantId,
      singleton: `wholesale.fulfil:${caller.tenantId}:${orderId}`,
      payload: { order_id: orderId, key_id: caller.keyId },
    });
  else if (o.state !== 'fulfilled' && o.state !== 'delivered') throw await stateRefusal(q, caller.tenantId, orderId, 'be fulfilled');
  return getOrder(q, caller.tenantId, orderId);
}

/** The fulfilment job: until the order is fulfilled; if another run holds units, it looks again after their deadline. */
export async function fulfilJob(ctx: Ctx, job: { tenant_id: string | null; payload: any }, lease: () => Promise<void>) {
  const caller: Caller = { tenantId: job.tenant_id!, keyId: job.payload.key_id, role: 'system', storeIds: [], channelId: null };
  const done = await fulfilOrder(ctx, caller, job.payload.order_id, { lease });
  return done ? undefined : { again: new Date(ctx.clock.now().getTime() + reserveTtlMs(ctx)) };
}

/** The reaper: expired reservations (a run that died between reserving and issuing) become free for the next run. */
export async function reapReservations(ctx: Ctx): Promise<number> {
  const r = await ctx.db.query(
    `UPDATE wholesale_units u SET state = 'free', holder = NULL, reserved_until = NULL
     FROM (SELECT tenant_id, line_id, unit_no FROM wholesale_units WHERE state = 'reserved' AND reserved_until < $1 LIMIT 10000 FOR UPDATE SKIP LOCKED) p
     WHERE u.tenant_id = p.tenant_id AND u.line_id = p.line_id AND u.unit_no = p.unit_no`,
    [ctx.clock.now()],
  );
  return r.rowCount ?? 0;
}
