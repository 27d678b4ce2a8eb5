import type { Sql } from '../db/index.js';
import type { Ctx } from './context.js';
import type { JobDef } from './module.js';

/**
 * A durable queue in PostgreSQL itself. Workers claim due jobs with FOR UPDATE SKIP LOCKED and a
 * lease; a process that dies leaves its lease to expire and another takes the job over. A handler
 * may return a time to run again (recurring sweeps keep one row each, via `singleton`).
 */
export interface JobRow {
  id: number;
  tenant_id: string | null;
  job_type: string;
  payload: any;
  attempts: number;
  max_attempts: number;
}

/** A job's work. It may return `{ again: Date }` to run again then; anything else means done. */
export type Handler = (ctx: Ctx, job: JobRow, lease: () => Promise<void>) => Promise<unknown>;

const LEASE_MS = 60_000; // default; config.jobLeaseMs (KAQUAN_JOB_LEASE_MS) overrides
const handlers = new Map<string, Handler>();

export function defineJob(type: string, h: Handler) {
  handlers.set(type, h);
}

/** Registers every module's jobs; each recurring one gets its single row (kept while it runs again). */
export async function installJobs(ctx: Ctx, jobs: JobDef[]): Promise<void> {
  for (const j of jobs) {
    if (!j.every) {
      defineJob(j.type, j.run);
      continue;
    }
    const every = j.every;
    defineJob(j.type, async (c, job, lease) => {
      const out = await j.run(c, job, lease);
      return isAgain(out) ? out : { again: new Date(c.clock.now().getTime() + every) };
    });
    await enqueue(ctx.db, { type: j.type, singleton: j.type, maxAttempts: j.maxAttempts });
  }
}

const isAgain = (out: unknown): out is { again: Date } => typeof out === 'object' && out !== null && 'again' in out;

export interface EnqueueInput {
  type: string;
  tenantId?: string | null;
  payload?: unknown;
  runAt?: Date;
  singleton?: string;
  maxAttempts?: number;
}

export async function enqueue(q: Sql, j: EnqueueInput): Promise<void> {
  await q.query(
    `INSERT INTO jobs (tenant_id, job_type, payload, run_at, singleton, max_attempts) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (singleton) WHERE state = 'pending' AND singleton IS NOT NULL DO NOTHING`,
    [j.tenantId ?? null, j.type, JSON.stringify(j.payload ?? {}), j.runAt ?? new Date(0), j.singleton ?? null, j.maxAttempts ?? 10],
  );
}

async function claim(ctx: Ctx, limit: number): Promise<JobRow[]> {
  const now = ctx.clock.now();
  const r = await ctx.db.query<JobRow>(
    `UPDATE jobs SET locked_until = $2, attempts = attempts + 1
     WHERE id IN (SELECT id FROM jobs WHERE state = 'pending' AND run_at <= $1 AND (locked_until IS NULL OR locked_until < $1)
                  ORDER BY run_at LIMIT $3 FOR UPDATE SKIP LOCKED)
     RETURNING id, tenant_id, job_type, payload, attempts, max_attempts`,
    [now, new Date(now.getTime() + (ctx.config.jobLeaseMs ?? LEASE_MS)), limit],
  );
  return r.rows;
}

async function runOne(ctx: Ctx, job: JobRow): Promise<void> {
  const h = handlers.get(job.job_type);
  const lease = async () => {
    await ctx.db.query('UPDATE jobs SET locked_until = $2 WHERE id = $1', [job.id, new Date(ctx.clock.now().getTime() + (ctx.config.jobLeaseMs ?? LEASE_MS))]);
  };
  try {
    if (!h) throw new Error(`no handler for job type ${job.job_type}`);
    const out = await h(ctx, job, lease);
    if (isAgain(out)) {
      await ctx.db.query('UPDATE jobs SET run_at = $2, locked_until = NULL, attempts = 0, last_error = NULL WHERE id = $1', [job.id, out.again]);
    } else {
      await ctx.db.query(`UPDATE jobs SET state = 'done', finished_at = $2, locked_until = NULL WHERE id = $1`, [job.id, ctx.clock.now()]);
    }
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const failed = job.attempts >= job.max_attempts;
    const backoff = Math.min(2 ** job.attempts * 1000, 600_000);
    await ctx.db.query(
      `UPDATE jobs SET state = $2, last_error = $3, locked_until = NULL, run_at = $4::timestamptz, finished_at = CASE WHEN $2 = 'failed' THEN $4::timestamptz END WHERE id = $1`,
      [job.id, failed ? 'failed' : 'pending', msg.slice(0, 2000), new Date(ctx.clock.now().getTime() + backoff)],
    );
  }
}

/** Runs every due job until none is left (tests call this; the worker loop calls it too). */
export async function drainJobs(ctx: Ctx, max = 1000): Promise<number> {
  let n = 0;
  while (n < max) {
    const jobs = await claim(ctx, 4);
    if (!jobs.length) break;
    for (const j of jobs) {
      await runOne(ctx, j);
      await ctx.db.breathe(); // requests that arrived while a job ran go before the next one
    }
    n += jobs.length;
  }
  return n;
}

/** When this process's worker loop last ran (readiness): a loop in progress, or the end of the last one. */
export interface WorkerBeat {
  intervalMs: number;
  loopStartedAt: number | null;
  loopEndedAt: number;
}
const beats = new WeakMap<object, WorkerBeat>();
export const workerBeat = (ctx: Ctx): WorkerBeat | undefined => beats.get(ctx.db);

/** The background loop of a serving process. Returns a stop function that waits for the current job. */
export function startWorker(ctx: Ctx, intervalMs = 500): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const beat: WorkerBeat = { intervalMs, loopStartedAt: null, loopEndedAt: Date.now() };
  beats.set(ctx.db, beat);
  const tick = () => {
    if (stopped) return;
    beat.loopStartedAt = Date.now();
    running = drainJobs(ctx, 50)
      .catch(() => {})
      .finally(() => {
        beat.loopStartedAt = null;
        beat.loopEndedAt = Date.now();
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  timer = setTimeout(tick, 10);
  return async () => {
    stopped = true;
    beats.delete(ctx.db);
    clearTimeout(timer);
    await running;
  };
}
