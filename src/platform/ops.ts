import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Ctx } from './context.js';
import { pendingMigrations } from '../db/migrate.js';
import { workerBeat } from './jobs.js';
import { appRegistry, observeRequest, scrape } from './metrics.js';
import { problem } from '../http/errors.js';

/**
 * What whoever runs the server watches (docs/operations.md): /healthz (the process answers),
 * /readyz (it can serve: database reachable, schema current, job worker alive) and /metrics
 * (Prometheus). None is under /v1 or in the API document; none says anything about a tenant.
 */

/** A worker loop is stalled when none ended in this long and the one running (if any) began longer ago than a long job may run. */
const LOOP_QUIET_MS = 60_000;
const LONGEST_LOOP_MS = 15 * 60_000;

export function opsRoutes(app: FastifyInstance, ctx: Ctx, migrationSources: Parameters<typeof pendingMigrations>[1]): void {
  app.addHook('onResponse', async (req, reply) => observeRequest(req, reply));
  const hide = { schema: { hide: true } };

  app.get('/healthz', hide, async () => ({ status: 'ok' }));
  app.get('/health', hide, async () => ({ ok: true })); // the older name, kept for existing probes

  app.get('/readyz', hide, async (_req, reply) => {
    const started = performance.now();
    const database = await ctx.db.query('SELECT 1').then(
      () => ({ ok: true, ms: Math.round(performance.now() - started) }),
      (e: Error) => ({ ok: false, error: e.message }),
    );
    const pending = database.ok ? await pendingMigrations(ctx.db, migrationSources).catch(() => null) : null;
    const migrations = pending ? { ok: pending.length === 0, pending } : { ok: false, pending: [] as string[] };
    const worker = workerState(ctx);
    const ready = database.ok && migrations.ok && worker.ok;
    reply.status(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'not_ready', checks: { database, migrations, worker } };
  });

  const registry = appRegistry(ctx);
  app.get('/metrics', hide, async (req, reply) => {
    if (!mayScrape(req, ctx.config.metricsToken)) {
      return reply
        .status(404)
        .type('application/problem+json')
        .send(problem(404, 'ROUTE_NOT_FOUND', `no route GET /metrics`, { request_id: req.id }));
    }
    const m = await scrape(registry);
    return reply.type(m.contentType).send(m.body);
  });
}

function workerState(ctx: Ctx) {
  if (!ctx.config.runJobs) return { ok: true, state: 'disabled' as const }; // KAQUAN_JOBS=off: another process runs the jobs
  const beat = workerBeat(ctx);
  if (!beat) return { ok: false, state: 'not_started' as const };
  const now = Date.now();
  const quietMs = now - beat.loopEndedAt;
  const runningMs = beat.loopStartedAt === null ? 0 : now - beat.loopStartedAt;
  const ok = quietMs < LOOP_QUIET_MS || (beat.loopStartedAt !== null && runningMs < LONGEST_LOOP_MS);
  return { ok, state: ok ? ('running' as const) : ('stalled' as const), last_loop_ended_s: Math.round(quietMs / 1000) };
}

/**
 * With a token set, a scrape must carry it. Without one, only a scrape from this machine that no
 * proxy forwarded is answered: a reverse proxy on the same host would otherwise make every
 * outside request look local, and the metrics name routes and volumes.
 */
function mayScrape(req: FastifyRequest, token: string | undefined): boolean {
  if (token) {
    const given = Buffer.from(req.headers.authorization ?? '');
    const want = Buffer.from(`Bearer ${token}`);
    return given.length === want.length && timingSafeEqual(given, want);
  }
  const addr = req.socket.remoteAddress ?? '';
  const local = addr === '127.0.0.1' || addr === '::1' || addr === '::ffff:127.0.0.1';
  return local && req.headers['x-forwarded-for'] === undefined && req.headers.forwarded === undefined;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;
let seq = 0;
const boot = randomBytes(4).toString('hex'); // this process's: ids stay apart across processes
/** A request id: the caller's X-Request-Id when it is a plain token (a load balancer's), else our own. */
export function requestId(req: { headers: Record<string, string | string[] | undefined> }): string {
  const h = req.headers['x-request-id'];
  if (typeof h === 'string' && REQUEST_ID.test(h)) return h;
  seq = (seq + 1) % 0x7fffffff;
  return `req-${boot}-${seq.toString(36)}`;
}
