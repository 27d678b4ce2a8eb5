import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Pool } from 'undici';
import { freePort } from '../src/testing/ports.js';

/** Bench plumbing: a server process, a keep-alive load loop, percentiles, the machine. Only 127.0.0.1. */
export const root = fileURLToPath(new URL('..', import.meta.url));

export function emit(line: Record<string, unknown>) {
  console.log(JSON.stringify(line));
}

export interface Server {
  port: number;
  pid: number;
  child: ChildProcess;
  /** peak resident memory of the serving process(es), MB (VmHWM) */
  peakRssMb(): number;
  stop(): Promise<void>;
}

export async function startServer(env: Record<string, string>, workers = 1, nodeArgs: string[] = []): Promise<Server> {
  const port = await freePort();
  const { NODE_TEST_CONTEXT: _, ...inherited } = process.env;
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/main.ts', 'serve', '--workers', String(workers)], {
    cwd: root,
    env: { ...inherited, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', KAQUAN_DEMO: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (b) => (log = (log + b).slice(-4000)));
  child.stderr!.on('data', (b) => (log = (log + b).slice(-4000)));
  const until = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${log}`);
    if (Date.now() > until) throw new Error(`server did not start:\n${log}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) break;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  if (workers > 1) await new Promise((r) => setTimeout(r, 1500)); // let every worker finish starting
  return {
    port,
    pid: child.pid!,
    child,
    peakRssMb() {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        return m ? Math.round(Number(m[1]) / 1024) : -1;
      } catch {
        return -1;
      }
    },
    async stop() {
      if (child.exitCode !== null) return;
      const done = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await done;
      clearTimeout(t);
    },
  };
}

export function percentile(sorted: Float64Array, p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export interface LoadResult {
  requests: number;
  rps: number;
  p50_ms: number;
  p99_ms: number;
  errors: number;
  statuses: Record<string, number>;
  seconds: number;
}

/**
 * `connections` clients, each with one request in flight at a time (keep-alive), for `durationMs`
 * or until `maxRequests` have been sent. A request counts as an error when its status is not in `ok`.
 */
export async function load(opts: {
  port: number;
  path: string;
  key: string;
  connections: number;
  durationMs?: number;
  maxRequests?: number;
  body: (i: number) => unknown;
  ok: (status: number) => boolean;
  headers?: (i: number) => Record<string, string>;
}): Promise<LoadResult> {
  const pool = new Pool(`http://127.0.0.1:${opts.port}`, { connections: opts.connections, pipelining: 1, keepAliveTimeout: 30_000 });
  const lat: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let sent = 0;
  const t0 = performance.now();
  const end = t0 + (opts.durationMs ?? 3_600_000);
  const max = opts.maxRequests ?? Infinity;
  await Promise.all(
    Array.from({ length: opts.connections }, async () => {
      while (performance.now() < end && sent < max) {
        const i = sent++;
        const s = performance.now();
        try {
          const res = await pool.request({
            method: 'POST',
            path: opts.path,
            body: JSON.stringify(opts.body(i)),
            headers: { authorization: `Bearer ${opts.key}`, 'content-type': 'application/json', ...(opts.headers?.(i) ?? {}) },
          });
          await res.body.dump();
          lat.push(performance.now() - s);
          statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
          if (!opts.ok(res.statusCode)) errors++;
        } catch {
          errors++;
          statuses.error = (statuses.error ?? 0) + 1;
        }
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  await pool.close();
  const sorted = Float64Array.from(lat).sort();
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return {
    requests: lat.length,
    rps: Math.round(lat.length / seconds),
    p50_ms: r2(percentile(sorted, 50)),
    p99_ms: r2(percentile(sorted, 99)),
    errors,
    statuses,
    seconds: r2(seconds),
  };
}

export function machine() {
  return { nproc: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', mem_gb: Math.round(totalmem() / 2 ** 30), node: process.version };
}

export interface OpenLoadResult {
  rate: number;
  seconds: number;
  sent: number;
  achieved_rps: number;
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
  errors: number;
}

/**
 * Open-loop load: request i is due at t0 + i / rate whatever happened to the others, and its
 * latency runs from when it was due, not from when it could be sent, so a stall counts against
 * every request it delayed (no coordinated omission). Connections are plenty, so a slow answer
 * never holds the next request back.
 */
export async function openLoad(opts: {
  port: number;
  path: string;
  key: string;
  rate: number;
  durationMs: number;
  body: (i: number) => unknown;
  ok: (status: number) => boolean;
}): Promise<OpenLoadResult> {
  const pool = new Pool(`http://127.0.0.1:${opts.port}`, { connections: 256, pipelining: 1, keepAliveTimeout: 30_000 });
  const total = Math.floor((opts.rate * opts.durationMs) / 1000);
  const lat = new Float64Array(total);
  let errors = 0;
  const inflight: Promise<void>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / opts.rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inflight.push(
      pool
        .request({
          method: 'POST',
          path: opts.path,
          body: JSON.stringify(opts.body(i)),
          headers: { authorization: `Bearer ${opts.key}`, 'content-type': 'application/json' },
        })
        .then(async (res) => {
          await res.body.dump();
          if (!opts.ok(res.statusCode)) errors++;
        })
        .catch(() => {
          errors++;
        })
        .finally(() => {
          lat[i] = performance.now() - due;
        }),
    );
  }
  await Promise.all(inflight);
  const seconds = (performance.now() - t0) / 1000;
  await pool.close();
  const sorted = lat.sort();
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return {
    rate: opts.rate,
    seconds: r2(seconds),
    sent: total,
    achieved_rps: Math.round(total / seconds),
    p50_ms: r2(percentile(sorted, 50)),
    p99_ms: r2(percentile(sorted, 99)),
    max_ms: r2(sorted[sorted.length - 1] ?? 0),
    errors,
  };
}
