import { webhookDeliveries } from '../../platform/metrics.js';
import type { Ctx } from '../../platform/context.js';
import type { JobDef } from '../../platform/module.js';
import { postWebhook } from './send.js';
import { signatureHeader } from './signature.js';

/** The wait after failed attempt n is RETRY_SCHEDULE_MS[n-1]; the MAX_ATTEMPTS-th failure is final. */
export const RETRY_SCHEDULE_MS = [10, 30, 120, 600, 1800, 3600, 3 * 3600].map((s) => s * 1000);
export const MAX_ATTEMPTS = RETRY_SCHEDULE_MS.length + 1;
export const TIMEOUT_MS = 10_000;
// Longer than an attempt can take: a claim outlives its attempt, and a crashed process's claims come due again.
const LEASE_MS = 60_000;
const BATCH = 20;
const RUN_BUDGET_MS = 5_000;

interface Claimed {
  tenant_id: string;
  id: string;
  payload: { id?: string; type?: string };
  event_type: string;
  attempts: number;
  lease_until: Date;
  url: string | null;
  secret_enc: string | null;
  active: boolean | null;
}

interface Outcome {
  delivered: boolean;
  tried: boolean; // false when there was nothing to send to
  status: number | null;
  error: string | null;
  durationMs: number | null;
}

/**
 * Takes due deliveries off the outbox. The claim pushes next_attempt_at forward by a lease instead of
 * holding a lock across the HTTP call, so processes never wait on each other and nothing is lost in a crash.
 */
async function claim(ctx: Ctx, limit: number): Promise<Claimed[]> {
  const now = ctx.clock.now();
  const r = await ctx.db.query<Claimed>(
    `WITH due AS (
       SELECT tenant_id, id, endpoint_id FROM webhook_deliveries
       WHERE state = 'pending' AND next_attempt_at <= $1
       ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED)
     UPDATE webhook_deliveries d SET next_attempt_at = $2
     FROM due LEFT JOIN webhook_endpoints w ON w.tenant_id = due.tenant_id AND w.id = due.endpoint_id
     WHERE d.tenant_id = due.tenant_id AND d.id = due.id
     RETURNING d.tenant_id, d.id::text AS id, d.payload, d.event_type, d.attempts, d.next_attempt_at AS lease_until, w.url, w.secret_enc, w.active`,
    [now, new Date(now.getTime() + LEASE_MS), limit],
  );
  return r.rows;
}

async function attempt(ctx: Ctx, d: Claimed): Promise<Outcome> {
  if (!d.url || !d.secret_enc) return { delivered: false, tried: false, status: null, error: 'endpoint deleted', durationMs: null };
  if (!d.active) return { delivered: false, tried: false, status: null, error: 'endpoint inactive', durationMs: null };
  const body = JSON.stringify(d.payload);
  const a = await postWebhook(
    d.url,
    body,
    {
      'content-type': 'application/json',
      'user-agent': 'Kaquan-Webhooks/1',
      'kaquan-event-id': String(d.payload.id ?? ''),
      'kaquan-event-type': String(d.payload.type ?? d.event_type),
      'kaquan-delivery-id': `whd_${d.id}`,
      'kaquan-signature': signatureHeader(ctx.keys.decryptText(d.secret_enc), body, ctx.clock.now()),
    },
    { allowPrivate: ctx.config.webhookAllowPrivate === true, timeoutMs: TIMEOUT_MS },
  );
  return { delivered: a.error === null, tried: true, status: a.status, error: a.error, durationMs: a.durationMs };
}

async function record(ctx: Ctx, d: Claimed, o: Outcome): Promise<void> {
  const now = ctx.clock.now();
  const attempts = d.attempts + (o.tried ? 1 : 0);
  const state = o.delivered ? 'delivered' : !o.tried || attempts >= MAX_ATTEMPTS ? 'failed' : 'pending';
  const next = state === 'pending' ? new Date(now.getTime() + RETRY_SCHEDULE_MS[attempts - 1]) : now;
  webhookDeliveries.inc({ outcome: !o.tried ? 'skipped' : state === 'pending' ? 'retry' : state });
  // Only while the claim is still ours (next_attempt_at = our lease): a resend during the attempt wins.
  await ctx.db.query(
    `UPDATE webhook_deliveries SET state = $4, attempts = $5, last_status = $6, last_error = $7, next_attempt_at = $8,
       last_attempt_at = CASE WHEN $9 THEN $10 ELSE last_attempt_at END, last_duration_ms = CASE WHEN $9 THEN $11 ELSE last_duration_ms END,
       delivered_at = CASE WHEN $4 = 'delivered' THEN $10 ELSE delivered_at END
     WHERE tenant_id = $1 AND id = $2 AND state = 'pending' AND next_attempt_at = $3`,
    [d.tenant_id, d.id, d.lease_until, state, attempts, o.status, o.error, next, o.tried, now, o.durationMs],
  );
}

/** One delivery round: claims up to `limit` due deliveries and sends them in parallel. Returns how many it claimed. */
export async function deliverDue(ctx: Ctx, limit = BATCH): Promise<number> {
  const due = await claim(ctx, limit);
  await Promise.all(due.map(async (d) => record(ctx, d, await attempt(ctx, d))));
  return due.length;
}

/**
 * The recurring job 'webhooks.deliver': rounds until the outbox is drained or the run's budget is
 * spent, then again at once if more is due, else in a second.
 */
export const deliverJob: JobDef = {
  type: 'webhooks.deliver',
  every: 1_000,
  // only consecutive failures count against max attempts ('again' resets them): this sweep must never give up
  maxAttempts: 1_000_000,
  async run(c, _job, lease) {
    const started = performance.now();
    let more = false;
    do {
      more = (await deliverDue(c, BATCH)) === BATCH;
      if (more) await lease();
    } while (more && performance.now() - started < RUN_BUDGET_MS);
    return { again: new Date(c.clock.now().getTime() + (more ? 0 : 1_000)) };
  },
};
