import type { Ctx } from '../../platform/context.js';
import type { JobDef } from '../../platform/module.js';
import { newId } from '../../ids.js';
import { emit } from '../../platform/events.js';
import type { Adapter, SupplierConn } from './adapter.js';
import { applyOutcome, type Next } from './apply.js';
import { fulu } from './fulu.js';
import { generic } from './generic.js';
import { circuitOpen } from './health.js';
import { ATTEMPT_COLS, attemptOut, DRIVE, getRequest, type AttemptRow, type RequestRow } from './requests.js';
import { candidates, getSupplier, type SupplierRow } from './service.js';

/**
 * The driver 下单驱动 of one request, run by the durable job `suppliers.drive` (one row per request,
 * resumed after a restart by whichever process claims it). The failover rule 失败才切换:
 *
 * 1. A request has at most one live attempt (not `failed`) — a unique index holds this, so no second
 *    supplier is ordered while an earlier attempt may still succeed, whatever runs concurrently.
 * 2. An attempt is marked sent before its order goes out; a sent attempt is only ever queried after
 *    that (a crash mid-send cannot lead to an order elsewhere). A query that says `not_found` re-sends
 *    the same outbound number (the supplier treats it as the same order).
 * 3. Only a confirmed failure (the supplier says failed, or the order provably never reached it) ends
 *    an attempt; then the next supplier by priority whose circuit is closed gets a new attempt with a
 *    new outbound number. A timeout, a 5xx or a status nobody knows is `unknown`: queried, with backoff.
 */
export const adapters: Record<SupplierRow['protocol'], Adapter> = { generic, fulu };

export const connOf = (ctx: Ctx, s: SupplierRow): SupplierConn => ({
  id: s.id,
  baseUrl: s.base_url,
  appKey: s.app_key,
  secret: ctx.keys.decrypt(s.secret_enc),
  timeoutMs: s.timeout_ms,
  allowPrivate: !!ctx.config.supplierAllowPrivate,
});

export const callbackUrl = (ctx: Ctx, supplierId: string) => `${ctx.config.publicUrl.replace(/\/+$/, '')}/callbacks/suppliers/${supplierId}`;

const backoff = (ctx: Ctx, checks: number) => new Date(ctx.clock.now().getTime() + Math.min(2 ** Math.min(checks, 16) * 1000, 60_000));

export async function drive(ctx: Ctx, tenantId: string, requestId: string): Promise<{ again: Date } | undefined> {
  for (let step = 0; step < 20; step++) {
    const req = await getRequest(ctx.db, tenantId, requestId);
    if (req.state !== 'working') return;
    const all = (
      await ctx.db.query(`SELECT ${ATTEMPT_COLS} FROM supplier_orders WHERE tenant_id = $1 AND request_id = $2 ORDER BY attempt`, [tenantId, requestId])
    ).rows.map(attemptOut);
    const live = all.find((a) => a.state !== 'failed');
    if (!live) {
      const started = await startAttempt(ctx, tenantId, req, all);
      if (started === 'none') return;
      if (started instanceof Date) return { again: started };
      continue;
    }
    const next = await step1(ctx, tenantId, req, live);
    if (next === 'done') return;
    if (next === 'next' || next === 'query') continue;
    return { again: backoff(ctx, live.checks + 1) };
  }
  return { again: backoff(ctx, 1) };
}

/** Sends the order (first time, or again after `not_found`) or asks about it, and applies the answer. */
async function step1(ctx: Ctx, tenantId: string, req: RequestRow, a: AttemptRow): Promise<Next> {
  const s = await getSupplier(ctx.db, tenantId, a.supplier_id).catch(() => null);
  if (!s) return 'wait';
  const adapter = adapters[s.protocol];
  const conn = connOf(ctx, s);
  const order = (resend: boolean) =>
    adapter.place(
      conn,
      {
        outboundNo: a.outbound_no,
        kind: req.kind,
        productId: a.product_id,
        quantity: req.quantity,
        account: req.account,
        callbackUrl: callbackUrl(ctx, s.id),
        resend,
      },
      ctx.clock.now(),
    );
  if (!a.sent_at) {
    // marked before it goes: after a crash mid-send, the next run asks instead of ordering
    const marked = await ctx.db.query(`UPDATE supplier_orders SET sent_at = $3 WHERE tenant_id = $1 AND id = $2 AND sent_at IS NULL`, [
      tenantId,
      a.id,
      ctx.clock.now(),
    ]);
    if (!marked.rowCount) return 'query';
    return applyOutcome(ctx, tenantId, a, req.kind, await order(false), { placing: true });
  }
  const asked = await adapter.query(conn, a.outbound_no, ctx.clock.now());
  if (asked.state === 'not_found') return applyOutcome(ctx, tenantId, a, req.kind, await order(true), { placing: true });
  return applyOutcome(ctx, tenantId, a, req.kind, asked, { placing: false });
}

/**
 * A new attempt at the best supplier not yet tried whose circuit is closed. Returns the attempt, a
 * time to come back (every untried supplier's circuit is open), or 'none' (the request has failed).
 */
async function startAttempt(ctx: Ctx, tenantId: string, req: RequestRow, tried: AttemptRow[]): Promise<AttemptRow | Date | 'none'> {
  const now = ctx.clock.now();
  const left = (await candidates(ctx.db, tenantId, req.sku, req.kind)).filter((c) => !tried.some((t) => t.supplier_sku_id === c.sku_id));
  let wakeAt: Date | null = null;
  for (const c of left) {
    const s = await getSupplier(ctx.db, tenantId, c.supplier_id);
    if (circuitOpen(s, now)) {
      if (!wakeAt || s.circuit_open_until! < wakeAt) wakeAt = s.circuit_open_until;
      continue;
    }
    const n = tried.length + 1;
    // the unique index on (request, live attempt) refuses a second live attempt made concurrently
    const r = await ctx.db.query(
      `INSERT INTO supplier_orders (tenant_id, id, request_id, attempt, supplier_id, supplier_sku_id, outbound_no, product_id, cost_fen, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING RETURNING ${ATTEMPT_COLS}`,
      [tenantId, newId('spo'), req.id, n, c.supplier_id, c.sku_id, outboundNo(req.id, n), c.product_id, c.cost_fen * req.quantity, now],
    );
    return r.rows[0] ? attemptOut(r.rows[0]) : new Date(now.getTime() + 1000);
  }
  if (wakeAt) return wakeAt;
  await ctx.db.tx(async (q) => {
    const u = await q.query(
      `UPDATE supplier_requests SET state = 'failed', reason = $3, finished_at = $4 WHERE tenant_id = $1 AND id = $2 AND state = 'working'`,
      [
        tenantId,
        req.id,
        tried.length ? `every supplier failed: ${tried.map((t) => t.error).join('; ')}`.slice(0, 1000) : 'no active supplier maps this SKU',
        now,
      ],
    );
    if (u.rowCount)
      await emit(q, [
        {
          tenantId,
          type: 'supplier.order_failed',
          at: now,
          batchId: req.batch_id,
          data: { supplier_order_id: req.id, kind: req.kind, attempts: tried.length },
        },
      ]);
  });
  return 'none';
}

/** Our outbound order number 外部订单号 for attempt n: unique per attempt, readable back to the request. */
export const outboundNo = (requestId: string, n: number) => `KQ${requestId.slice(4).toUpperCase()}A${n}`;

export const driveJobDef: JobDef = {
  type: DRIVE,
  maxAttempts: 50,
  run: async (ctx, job) => drive(ctx, job.tenant_id!, job.payload.request_id),
};
