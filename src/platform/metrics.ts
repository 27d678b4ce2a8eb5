import client from 'prom-client';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Ctx } from './context.js';
import { problemCodeOf } from '../http/errors.js';

/**
 * Prometheus metrics 监控指标 (prom-client). Counters and histograms are the process's own (one
 * registry per process, as Prometheus scrapes each process); what is read from the database when
 * scraped (job queue depth and lag) and the connection pool belong to the app's context, so each
 * app adds its own collectors (`appRegistry`) and /metrics merges the two.
 */
const processRegistry = new client.Registry();
client.collectDefaultMetrics({ register: processRegistry });

const LATENCY_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const httpRequests = new client.Counter({
  name: 'kaquan_http_requests_total',
  help: 'HTTP requests by method, route pattern and status',
  labelNames: ['method', 'route', 'status'],
  registers: [processRegistry],
});
const httpDuration = new client.Histogram({
  name: 'kaquan_http_request_duration_seconds',
  help: 'HTTP request latency by method, route pattern and status',
  labelNames: ['method', 'route', 'status'],
  buckets: LATENCY_BUCKETS,
  registers: [processRegistry],
});
const operations = new client.Counter({
  name: 'kaquan_operations_total',
  help: 'redemptions, reversals and issues by outcome: ok, or the problem code that refused them',
  labelNames: ['operation', 'outcome'],
  registers: [processRegistry],
});
const problems = new client.Counter({
  name: 'kaquan_problems_total',
  help: 'problem+json answers by status and code',
  labelNames: ['status', 'code'],
  registers: [processRegistry],
});
const refusals = new client.Counter({
  name: 'kaquan_guard_refusals_total',
  help: 'requests a guard refused: code guessing (CODE_LOOKUPS_*) and risk rules (RISK_*), by code',
  labelNames: ['code'],
  registers: [processRegistry],
});
export const webhookDeliveries = new client.Counter({
  name: 'kaquan_webhook_deliveries_total',
  help: 'webhook delivery attempts by outcome: delivered, retry (failed, will be tried again), failed (given up), skipped (endpoint gone or inactive)',
  labelNames: ['outcome'],
  registers: [processRegistry],
});

/** The routes whose outcomes are counted as operations, by method and route pattern. */
const OPERATIONS: Record<string, string> = {
  'POST /v1/redemptions': 'redeem',
  'POST /v1/redemptions/:id/reverse': 'reverse',
  'POST /v1/cards/issue': 'issue',
  'POST /v1/cards/bulk': 'issue_bulk',
};

/** onResponse: one count and one latency observation per request. */
export function observeRequest(req: FastifyRequest, reply: FastifyReply): void {
  const route = req.routeOptions.url ?? 'unmatched'; // a pattern, never the raw path: ids would explode the series
  const labels = { method: req.method, route, status: String(reply.statusCode) };
  httpRequests.inc(labels);
  httpDuration.observe(labels, reply.elapsedTime / 1000);
  const code = reply.statusCode >= 400 ? problemCodeOf(req) : undefined; // the error handler's, by request
  if (code) {
    problems.inc({ status: labels.status, code });
    if (code.startsWith('CODE_LOOKUPS_') || code.startsWith('RISK_')) refusals.inc({ code });
  }
  const op = OPERATIONS[`${req.method} ${route}`];
  if (op) operations.inc({ operation: op, outcome: reply.statusCode < 400 ? 'ok' : (code ?? labels.status) });
}

/** The app's collectors: read from its database when scraped. */
export function appRegistry(ctx: Ctx): client.Registry {
  const r = new client.Registry();
  const queue = async () =>
    (
      await ctx.db.query<{ job_type: string; due: number; lag: number | null }>(
        `SELECT job_type, count(*)::int AS due, extract(epoch FROM $1::timestamptz - min(run_at))::float8 AS lag
           FROM jobs WHERE state = 'pending' AND run_at <= $1 GROUP BY job_type`,
        [ctx.clock.now()],
      )
    ).rows;
  let last: Promise<Awaited<ReturnType<typeof queue>>> | null = null; // the two gauges share one read per scrape
  const read = () => {
    last ??= queue().finally(() => setImmediate(() => (last = null)));
    return last;
  };
  new client.Gauge({
    name: 'kaquan_jobs_due',
    help: 'background jobs due now and not yet done, by type',
    labelNames: ['type'],
    registers: [r],
    async collect() {
      this.reset();
      for (const row of await read()) this.set({ type: row.job_type }, row.due);
    },
  });
  new client.Gauge({
    name: 'kaquan_jobs_lag_seconds',
    help: 'how long the oldest due job of each type has waited',
    labelNames: ['type'],
    registers: [r],
    async collect() {
      this.reset();
      for (const row of await read()) this.set({ type: row.job_type }, Math.max(0, row.lag ?? 0));
    },
  });
  new client.Gauge({
    name: 'kaquan_db_pool_connections',
    help: 'database connections of this process by state (PostgreSQL; the embedded database has one)',
    labelNames: ['state'],
    registers: [r],
    collect() {
      const s = ctx.db.poolStats?.() ?? { total: 1, idle: 0, waiting: 0, max: 1 };
      this.set({ state: 'open' }, s.total);
      this.set({ state: 'idle' }, s.idle);
      this.set({ state: 'waiting' }, s.waiting);
      this.set({ state: 'max' }, s.max);
    },
  });
  return r;
}

export async function scrape(app: client.Registry): Promise<{ contentType: string; body: string }> {
  const merged = client.Registry.merge([processRegistry, app]);
  return { contentType: merged.contentType, body: await merged.metrics() };
}
