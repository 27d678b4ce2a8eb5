import type { Sql } from '../../db/index.js';
import type { Caller } from '../../http/access.js';
import type { Ctx } from '../../platform/context.js';
import { emit } from '../../platform/events.js';
import { enqueue } from '../../platform/jobs.js';
import { importCodes } from '../cards/import.js';
import type { Outcome } from './adapter.js';
import { recordFailure, recordSuccess } from './health.js';
import { ATTEMPT_COLS, attemptOut, driveJob, getRequest, type AttemptRow } from './requests.js';

/**
 * What an outcome does to an attempt — the one place that writes attempt states, whether the
 * outcome came from the job (an answer to an order or a query) or from a callback. Every change is
 * a guarded single statement (`WHERE state IN ('pending','unknown')`), so of two callbacks, or a
 * callback and the job, exactly one applies a success: the codes go into the batch once.
 *
 * Returns what the driver does next: `done` (the request has ended), `next` (this attempt failed for
 * sure: the next supplier may be ordered), `wait` (ask again later), `query` (ask at once).
 */
export type Next = 'done' | 'next' | 'wait' | 'query';

const supplierCaller = (tenantId: string, supplierId: string): Caller => ({
  tenantId,
  keyId: `supplier:${supplierId}`,
  role: 'system',
  storeIds: [],
  channelId: null,
  memberId: null,
});

export async function applyOutcome(ctx: Ctx, tenantId: string, a: AttemptRow, kind: 'card' | 'direct', o: Outcome, how: { placing: boolean }): Promise<Next> {
  const now = ctx.clock.now();
  switch (o.state) {
    case 'succeeded': {
      // a card order's success without its codes (福禄's callback carries none): fetch them by a query
      if (kind === 'card' && !o.codes?.length) {
        await markOpen(ctx.db, tenantId, a, 'pending', null, o.supplierOrderId ?? null);
        return 'query';
      }
      return (await succeed(ctx, tenantId, a, o)) ? 'done' : 'wait';
    }
    case 'failed':
    case 'unreachable': {
      // unreachable on a query says nothing about the order; on an order it means the order never arrived
      if (o.state === 'unreachable' && !how.placing) {
        await markOpen(ctx.db, tenantId, a, 'unknown', o.reason, null);
        await recordFailure(ctx.db, tenantId, a.supplier_id, now, o.reason);
        return 'wait';
      }
      const r = await ctx.db.tx(async (q) => {
        const u = await q.query(
          `UPDATE supplier_orders SET state = 'failed', error = $3, supplier_order_id = COALESCE($4, supplier_order_id), finished_at = $5
           WHERE tenant_id = $1 AND id = $2 AND state IN ('pending','unknown') RETURNING id`,
          [tenantId, a.id, o.reason.slice(0, 500), 'supplierOrderId' in o ? (o.supplierOrderId ?? null) : null, now],
        );
        if (u.rowCount) await enqueue(q, driveJob(tenantId, a.request_id)); // a callback's failure moves the request on
        return u.rowCount ?? 0;
      });
      if (r) await recordFailure(ctx.db, tenantId, a.supplier_id, now, o.reason);
      return 'next';
    }
    case 'processing':
      await markOpen(ctx.db, tenantId, a, 'pending', null, o.supplierOrderId ?? null);
      await recordSuccess(ctx.db, tenantId, a.supplier_id, now);
      return 'wait';
    case 'not_found':
    case 'unknown': {
      const reason = o.state === 'unknown' ? o.reason : 'not found';
      await markOpen(ctx.db, tenantId, a, 'unknown', reason, null);
      if (o.state === 'unknown') await recordFailure(ctx.db, tenantId, a.supplier_id, now, reason);
      return 'wait';
    }
  }
}

/** pending ⇄ unknown while the outcome is open; a finished attempt is never reopened. */
async function markOpen(q: Sql, tenantId: string, a: AttemptRow, state: 'pending' | 'unknown', error: string | null, supplierOrderId: string | null) {
  await q.query(
    `UPDATE supplier_orders SET state = $3, error = $4, supplier_order_id = COALESCE($5, supplier_order_id), checks = checks + 1
     WHERE tenant_id = $1 AND id = $2 AND state IN ('pending','unknown')`,
    [tenantId, a.id, state, error, supplierOrderId],
  );
}

async function succeed(ctx: Ctx, tenantId: string, a: AttemptRow, o: Extract<Outcome, { state: 'succeeded' }>): Promise<boolean> {
  const now = ctx.clock.now();
  const codes = o.codes ?? [];
  const applied = await ctx.db.tx(async (q) => {
    const u = await q.query(
      `UPDATE supplier_orders SET state = 'succeeded', supplier_order_id = COALESCE($3, supplier_order_id), codes_enc = $4, codes_count = $5,
         error = NULL, finished_at = $6
       WHERE tenant_id = $1 AND id = $2 AND state IN ('pending','unknown') RETURNING ${ATTEMPT_COLS}`,
      [tenantId, a.id, o.supplierOrderId ?? null, codes.length ? ctx.keys.encrypt(JSON.stringify(codes)) : null, codes.length, now],
    );
    if (!u.rowCount) {
      // already succeeded (a duplicate), or a success after a confirmed failure: kept as a flag for a person, never applied
      await q.query(`UPDATE supplier_orders SET late_success = true WHERE tenant_id = $1 AND id = $2 AND state = 'failed'`, [tenantId, a.id]);
      return false;
    }
    const att = attemptOut(u.rows[0]);
    const req = await getRequest(q, tenantId, att.request_id, true);
    if (req.state !== 'working') return false;
    let imported = 0;
    let importId: string | null = null;
    if (req.kind === 'card' && codes.length) {
      const csv = codes.map((c) => (c.pin ? `${c.code},${c.pin}` : c.code)).join('\n');
      const r = await importCodes(ctx, q, supplierCaller(tenantId, att.supplier_id), req.batch_id!, csv, 'unissued');
      imported = r.accepted;
      importId = r.id;
    }
    await q.query(
      `UPDATE supplier_requests SET state = 'succeeded', codes_received = $3, codes_imported = $4, import_id = $5, finished_at = $6
       WHERE tenant_id = $1 AND id = $2 AND state = 'working'`,
      [tenantId, req.id, codes.length, imported, importId, now],
    );
    await emit(q, [
      {
        tenantId,
        type: 'supplier.order_succeeded',
        at: now,
        batchId: req.batch_id,
        keyId: `supplier:${att.supplier_id}`,
        data: {
          supplier_order_id: req.id,
          attempt: att.attempt,
          supplier_id: att.supplier_id,
          outbound_no: att.outbound_no,
          kind: req.kind,
          codes_imported: imported,
        },
      },
    ]);
    return true;
  });
  if (applied) await recordSuccess(ctx.db, tenantId, a.supplier_id, now);
  return applied;
}
