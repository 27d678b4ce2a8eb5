import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Pool } from 'undici';
import { freePort } from '../testing/ports.js';
import { MAIN } from '../testing/main-cmd.js';
import { clonedPostgres } from '../testing/harness.js';
import { generateKeyMaterial } from '../secrets.js';
import type { Config } from '../config.js';
import { createContext } from '../context.js';
import type { Ctx } from '../platform/context.js';
import { createTenant } from '../modules/tenants/service.js';
import { createApiKey } from '../modules/identity/api-keys.js';

/**
 * Real server processes for the concurrency and crash tests: N × `node src/main serve` (see MAIN) on
 * free ports, one fresh PostgreSQL schema (in a database of its own, copied from a migrated one: see
 * src/testing/pg-clone.ts), shared keys, and a keep-alive HTTP client per process. Only ever on 127.0.0.1. Tests run only when DATABASE_URL is set (PGlite is one process).
 */
export const SKIP = process.env.DATABASE_URL
  ? false
  : 'needs DATABASE_URL: the race and crash tests run several server processes against one PostgreSQL (PGlite is one process)';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface Reply {
  status: number;
  body: any;
}

export interface Cluster {
  ctx: Ctx; // the test's own connection to the same schema, for setup and for checking invariants
  schema: string;
  tenantId: string;
  ownerKey: string;
  ports: number[];
  /** the environment the server processes run with (a helper process of a test joins the same schema with it) */
  env: Record<string, string | undefined>;
  /** the pid of server process i (with --workers N: the cluster's primary) */
  pid(i: number): number | undefined;
  /** the last lines server process i wrote (stdout and stderr) */
  log(i: number): string;
  /** one request to process i (round-robin when i is omitted) */
  call(method: string, path: string, body?: unknown, opts?: { key?: string; headers?: Record<string, string>; server?: number }): Promise<Reply>;
  /** stops process i; resolves with its exit code (null when a signal ended it) */
  kill(i: number, signal?: NodeJS.Signals): Promise<number | null>;
  start(i: number): Promise<void>;
  stop(): Promise<void>;
}

async function waitHealthy(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server on ${port} exited (${child.exitCode}):\n${log()}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/health`);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server on ${port} did not become healthy:\n${log()}`);
}

export async function startCluster(
  n: number,
  opts: { env?: Record<string, string>; perServerEnv?: (i: number) => Record<string, string>; workers?: number } = {},
): Promise<Cluster> {
  const schema = `race_${randomBytes(5).toString('hex')}`;
  const clone = await clonedPostgres(process.env.DATABASE_URL!, schema);
  const databaseUrl = clone?.url ?? process.env.DATABASE_URL!;
  const dropSchema = async () => {
    if (!clone) await ctx.db.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => {});
    await ctx.db.close();
    await clone?.drop();
  };
  const keys = generateKeyMaterial();
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    dataDir: '',
    databaseUrl,
    dbSchema: schema,
    redisUrl: process.env.REDIS_URL || undefined,
    logLevel: 'silent',
    runJobs: false,
    keys,
    keysSource: 'env',
    publicUrl: 'http://127.0.0.1',
  };
  const ctx = await createContext(config, { poolSize: 4 });
  const tenant = await createTenant(ctx.db, { name: 'Race Brand' });
  const owner = await createApiKey(ctx.db, tenant.id, { name: 'owner', role: 'owner' });
  const ports = await Promise.all(Array.from({ length: n }, freePort));
  const children: (ChildProcess | null)[] = Array(n).fill(null);
  const logs: string[] = Array(n).fill('');
  const pools = ports.map((p) => new Pool(`http://127.0.0.1:${p}`, { connections: 32, keepAliveTimeout: 10_000, pipelining: 1 }));
  const { NODE_TEST_CONTEXT: _, ...inherited } = process.env; // the servers are not test files
  const baseEnv = {
    ...inherited,
    DATABASE_URL: databaseUrl,
    KAQUAN_DB_SCHEMA: schema,
    KAQUAN_DB_POOL: '6',
    KAQUAN_DEMO: 'off',
    KAQUAN_HMAC_KEY: keys.hmacKey.toString('base64'),
    KAQUAN_ENC_KEYS: `1:${keys.encKeys[0].key.toString('base64')}`,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DATA_DIR: `/tmp/kaquan-${schema}`,
    ...opts.env,
  };

  const start = async (i: number) => {
    const child = spawn(process.execPath, [...MAIN, 'serve', '--workers', String(opts.workers ?? 1)], {
      cwd: root,
      env: { ...baseEnv, PORT: String(ports[i]), ...(opts.perServerEnv?.(i) ?? {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (b: Buffer) => {
      logs[i] = (logs[i] + b.toString()).slice(-4000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    children[i] = child;
    await waitHealthy(ports[i], child, () => logs[i]);
  };
  const kill = async (i: number, signal: NodeJS.Signals = 'SIGKILL'): Promise<number | null> => {
    const c = children[i];
    if (!c || c.exitCode !== null || c.signalCode) return c?.exitCode ?? null;
    const exited = new Promise<number | null>((r) => c.once('exit', (code) => r(code)));
    c.kill(signal);
    const code = await exited;
    children[i] = null;
    return code;
  };

  try {
    await Promise.all(ports.map((_, i) => start(i)));
  } catch (e) {
    await Promise.all(ports.map((_, i) => kill(i)));
    await dropSchema();
    throw e;
  }

  let rr = 0;
  const call: Cluster['call'] = async (method, path, body, o = {}) => {
    const i = o.server ?? rr++ % n;
    const res = await pools[i].request({
      method: method as any,
      path,
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: {
        authorization: `Bearer ${o.key ?? owner.secret}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(o.headers ?? {}),
      },
    });
    const text = await res.body.text();
    let parsed: any = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    return { status: res.statusCode, body: parsed };
  };

  return {
    ctx,
    schema,
    tenantId: tenant.id,
    ownerKey: owner.secret,
    ports,
    env: baseEnv,
    call,
    kill,
    start,
    pid: (i) => children[i]?.pid,
    log: (i) => logs[i],
    async stop() {
      await Promise.all(pools.map((p) => p.close().catch(() => {})));
      await Promise.all(ports.map((_, i) => kill(i, 'SIGTERM')));
      await dropSchema();
    },
  };
}

/** The workers of a cluster's primary: its child processes that serve (not, say, tsx's esbuild service). */
export function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const st = readFileSync(`/proc/${d}/stat`, 'utf8');
      if (Number(st.slice(st.lastIndexOf(')') + 2).split(' ')[1]) !== pid) continue;
      if (readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0').includes('serve')) out.push(Number(d));
    } catch {
      /* gone */
    }
  }
  return out.sort();
}

/**
 * Which of `pids` hold an accepted connection on local `port` right now (from clients on `from`, when
 * given: their local ports). Linux: read from /proc.
 */
export function holdingConnections(port: number, pids: number[], from?: Set<number>): number[] {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const [, local, remote, state, , , , , , inode] = line.trim().split(/\s+/);
      if (state !== '01' || !local || parseInt(local.split(':')[1], 16) !== port) continue; // 01: established
      if (!from || from.has(parseInt(remote.split(':')[1], 16))) inodes.add(`socket:[${inode}]`);
    }
  }
  const holds = (pid: number) => {
    try {
      return readdirSync(`/proc/${pid}/fd`).some((fd) => {
        try {
          return inodes.has(readlinkSync(`/proc/${pid}/fd/${fd}`));
        } catch {
          return false;
        }
      });
    } catch {
      return false;
    }
  };
  return pids.filter(holds);
}

/** Runs `count` tasks with at most `width` in flight; returns their results in order. */
export async function inParallel<T>(count: number, width: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, count) }, async () => {
      while (next < count) {
        const i = next++;
        out[i] = await task(i);
      }
    }),
  );
  return out;
}

/** Everything fires at once: the requests are all issued before any answer is awaited. */
export async function allAtOnce<T>(count: number, task: (i: number) => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: count }, (_, i) => task(i)));
}

export function tally(replies: Reply[]): Record<string, number> {
  const t: Record<string, number> = {};
  for (const r of replies) {
    const k = r.status < 300 ? String(r.status) : `${r.status} ${r.body?.code ?? ''}`;
    t[k] = (t[k] ?? 0) + 1;
  }
  return t;
}
