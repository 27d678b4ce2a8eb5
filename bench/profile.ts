import { readFileSync, readdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { generateKeyMaterial } from '../src/secrets.js';
import { createContext } from '../src/context.js';
import { redeemFast } from '../src/modules/redemptions/redeem.js';
import type { FastMutation } from '../src/mutations/mutation.js';
import { load, openLoad, startServer } from './lib.js';
import { prepare } from './setup.js';

/**
 * Where a redemption's time goes (the figures behind docs/performance.md):
 *
 *   npx tsx bench/profile.ts split [--prof] [--lookup]   CPU per request of the server, the load generator and the
 *                                            PostgreSQL backends (from /proc), at 1, 8 and 64 connections;
 *                                            --prof also writes a --cpu-prof of the server to /tmp/kaquan-prof
 *   npx tsx bench/profile.ts statements      PostgreSQL backend CPU per statement: the card read, the
 *                                            redemption statement, the ceiling statement
 *   npx tsx bench/profile.ts open            redemptions offered open-loop (as redeem_open) at RATE/s (default: half of
 *                                            a closed-loop run's rps) for ROUNDS windows of SECONDS: latency from the
 *                                            intended send time, and what noise moves little — CPU per redemption of
 *                                            the server, PostgreSQL and the load generator, the server's event-loop
 *                                            delay and its statements per redemption (bench/probe.mjs, preloaded);
 *                                            BACKLOG=N first logs N card.issued events for the subscribers to catch up with
 *
 * DATABASE_URL defaults to the local test database; POOL sets the server's pool (default 8); JOBS=off and
 * GROUPS=off turn the server's job worker and redemption grouping off, to see what each costs or gives.
 */
const databaseUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const keys = generateKeyMaterial();
const schema = `profile_${randomBytes(4).toString('hex')}`;
const ctx = await createContext(
  { port: 0, host: '127.0.0.1', dataDir: '', logLevel: 'silent', runJobs: false, keys, keysSource: 'env', publicUrl: '', databaseUrl, dbSchema: schema },
  { poolSize: 4 },
);

/** CPU ticks (1/100 s) of the processes a filter picks. */
function ticks(pick: (comm: string, pid: number) => boolean): number {
  let t = 0;
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const st = readFileSync(`/proc/${d}/stat`, 'utf8');
      if (!pick(st.slice(st.indexOf('(') + 1, st.lastIndexOf(')')), Number(d))) continue;
      const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
      t += Number(f[11]) + Number(f[12]);
    } catch {
      /* gone */
    }
  }
  return t;
}

/** Milliseconds the main threads of these processes spent runnable but waiting for a core (/proc/<pid>/schedstat, field 2). */
function waited(pids: number[]): number {
  let ns = 0;
  for (const p of pids) {
    try {
      ns += Number(readFileSync(`/proc/${p}/schedstat`, 'utf8').split(' ')[1]);
    } catch {
      /* gone */
    }
  }
  return ns / 1e6;
}

async function split(prof: boolean) {
  const f = await prepare(ctx, 2_000);
  if (process.env.DROP_INDEXES) for (const ix of process.env.DROP_INDEXES.split(',')) await ctx.db.query(`DROP INDEX ${ix}`); // experiments only
  const server = await startServer(
    {
      DATABASE_URL: databaseUrl,
      KAQUAN_DB_SCHEMA: schema,
      KAQUAN_DB_POOL: process.env.POOL ?? '8',
      KAQUAN_JOBS: process.env.JOBS ?? 'on',
      KAQUAN_REDEEM_GROUPS: process.env.GROUPS ?? 'on',
      KAQUAN_HMAC_KEY: keys.hmacKey.toString('base64'),
      KAQUAN_ENC_KEYS: `1:${keys.encKeys[0].key.toString('base64')}`,
    },
    1,
    prof ? ['--cpu-prof', '--cpu-prof-dir=/tmp/kaquan-prof'] : [],
  );
  try {
    for (const [connections, ms] of [
      [1, 3_000],
      [8, 3_000],
      [64, 6_000],
    ]) {
      const snap = () => [ticks((_, p) => p === server.pid), ticks((_, p) => p === process.pid), ticks((c) => c === 'postgres'), ticks(() => true)];
      const a = snap();
      const r = await load({
        port: server.port,
        path: process.argv.includes('--lookup') ? '/v1/cards/lookup' : '/v1/redemptions',
        key: f.ownerKey,
        connections,
        durationMs: ms,
        body: (i) => ({ code: f.codes[(i * 7919) % f.codes.length] }),
        ok: (s) => s < 300,
      });
      const b = snap();
      const per = (i: number) => Math.round(((b[i] - a[i]) * 10_000) / r.requests) / 1000;
      console.log(
        JSON.stringify({
          connections,
          rps: r.rps,
          p50_ms: r.p50_ms,
          p99_ms: r.p99_ms,
          errors: r.errors,
          cpu_ms_per_request: { server: per(0), load_generator: per(1), postgres: per(2), whole_machine: per(3) },
        }),
      );
    }
  } finally {
    await server.stop();
  }
}

async function statements() {
  const f = await prepare(ctx, 10);
  const caller = { tenantId: f.tenantId, keyId: 'key_profile', role: 'owner' as const, storeIds: [], channelId: null };
  const m = (): FastMutation => ({
    tenantId: f.tenantId,
    at: new Date(),
    audit: { actor: 'profile', action: 'card.redeem', targetType: 'redemption', data: { params: {}, body: { code: '[redacted]' } } },
    idempotency: null,
  });
  const seen: { text: string; params: unknown[] }[] = [];
  const query = ctx.db.query;
  (ctx.db as any).query = (text: string, params: unknown[]) => (seen.push({ text, params }), query(text, params));
  await redeemFast(ctx, caller, { code: f.codes[0] }, m());
  (ctx.db as any).query = query;
  const read = seen.find((s) => s.text.startsWith('SELECT q.k'))!;
  const take = seen.find((s) => s.text.startsWith('WITH i AS'))!;

  const c = new pg.Client({ connectionString: databaseUrl, options: `-c search_path=${schema}` });
  await c.connect();
  const pid = (await c.query('SELECT pg_backend_pid() AS p')).rows[0].p;
  const cpuMs = () => ticks((_, p) => p === pid) * 10;
  const measure = async (name: string, text: string, params: () => unknown[], n = 2_000) => {
    for (let i = 0; i < 20; i++) await c.query({ name, text, values: params() });
    const a = cpuMs();
    const t = performance.now();
    for (let i = 0; i < n; i++) await c.query({ name, text, values: params() });
    console.log(
      JSON.stringify({
        statement: name,
        backend_cpu_ms: Math.round(((cpuMs() - a) / n) * 1000) / 1000,
        wall_ms: Math.round(((performance.now() - t) / n) * 1000) / 1000,
      }),
    );
  };
  let k = 0;
  await measure('card_read', read.text, () => read.params);
  await measure('redemption', take.text, () => take.params.map((v, i) => (i === 9 ? [`red_profile_${k++}`] : v))); // $10: the redemption ids
  await measure(
    'ceiling',
    `WITH c AS (UPDATE cards SET uses_left = uses_left - 1, updated_at = $3 WHERE tenant_id = $1 AND id = $2 AND state = 'active' AND uses_left >= 1 RETURNING tenant_id, id)
    INSERT INTO ledger_transfers (tenant_id, asset, amount, debit_account, credit_account, reason, created_at)
    SELECT tenant_id, 'uses', 1, id, 'redeemed.uses', 'redeem', $3 FROM c`,
    () => [f.tenantId, f.cardIds[1], new Date()],
  );
  await c.end();
}

async function open() {
  const f = await prepare(ctx, 2_000);
  const out = `/tmp/kaquan-probe-${process.pid}.json`;
  const server = await startServer(
    {
      DATABASE_URL: databaseUrl,
      KAQUAN_DB_SCHEMA: schema,
      KAQUAN_DB_POOL: process.env.POOL ?? '8',
      KAQUAN_JOBS: process.env.JOBS ?? 'on',
      KAQUAN_REDEEM_GROUPS: process.env.GROUPS ?? 'on',
      KAQUAN_HMAC_KEY: keys.hmacKey.toString('base64'),
      KAQUAN_ENC_KEYS: `1:${keys.encKeys[0].key.toString('base64')}`,
      KAQUAN_PROBE_OUT: out,
      PGAPPNAME: `kaquan-probe-${process.pid}`, // its backends, told apart from other sessions' on a shared PostgreSQL
    },
    1,
    ['--import', './bench/probe.mjs', ...(process.argv.includes('--prof') ? ['--cpu-prof', '--cpu-prof-dir=/tmp/kaquan-prof'] : [])],
  );
  const probe = async () => {
    process.kill(server.pid, 'SIGUSR2');
    await new Promise((r) => setTimeout(r, 200));
    return JSON.parse(readFileSync(out, 'utf8'));
  };
  let k = 0;
  const body = () => ({ code: f.codes[(k++ * 7919) % f.codes.length] });
  const backends = async () =>
    new Set(
      (await ctx.db.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [`kaquan-probe-${process.pid}`])).rows.map(
        (x) => x.pid,
      ),
    );
  const cpu = (pids: Set<number>) => [ticks((_, p) => p === process.pid), ticks((_, p) => pids.has(p)), ticks(() => true)];
  try {
    await load({ port: server.port, path: '/v1/redemptions', key: f.ownerKey, connections: 64, durationMs: 1_000, body, ok: (s) => s === 201 }); // warm
    await probe();
    const pids = await backends();
    const c0 = cpu(pids);
    const closed = await load({ port: server.port, path: '/v1/redemptions', key: f.ownerKey, connections: 64, durationMs: 3_000, body, ok: (s) => s === 201 });
    const c1 = cpu(pids);
    const cp = await probe();
    const perC = (x: number) => Math.round((x * 1000) / closed.requests) / 1000;
    const rate = Number(process.env.RATE ?? Math.round(closed.rps / 2));
    console.log(
      JSON.stringify({
        closed_loop: { rps: closed.rps, p50_ms: closed.p50_ms, p99_ms: closed.p99_ms },
        cpu_ms_per_redemption: { server: perC(cp.cpu_ms), its_backends: perC((c1[1] - c0[1]) * 10), load_generator: perC((c1[0] - c0[0]) * 10) },
        statements_per_redemption: Object.fromEntries(Object.entries(cp.statements as Record<string, number>).map(([t, n]) => [t, perC(n)])),
        rate,
      }),
    );
    if (process.env.BACKLOG) {
      // a bulk job's events (a wholesale fulfilment issues one card.issued per code) that the subscribers must catch up with
      await ctx.db.query(
        `INSERT INTO events (tenant_id, event_type, card_id, template_id, batch_id, created_at)
         SELECT $1, 'card.issued', id, template_id, batch_id, now() FROM cards, generate_series(1, $2::int / 2000) WHERE tenant_id = $1`,
        [f.tenantId, Number(process.env.BACKLOG)],
      );
    }
    for (let round = 0; round < Number(process.env.ROUNDS ?? 3); round++) {
      await probe();
      const backends_ = await backends();
      const snap = () => cpu(backends_);
      const w = () => [waited([server.pid]), waited([...backends_]), waited([process.pid])];
      const wa = w();
      const a = snap();
      const r = await openLoad({
        port: server.port,
        path: '/v1/redemptions',
        key: f.ownerKey,
        rate,
        durationMs: Number(process.env.SECONDS ?? 6) * 1000,
        body,
        ok: (s) => s === 201,
      });
      const b = snap();
      const wb = w();
      const p = await probe();
      const per = (x: number) => Math.round((x * 1000) / r.sent) / 1000;
      const statements = Object.fromEntries(Object.entries(p.statements as Record<string, number>).map(([t, n]) => [t, per(n)]));
      console.log(
        JSON.stringify({
          rate,
          p50_ms: r.p50_ms,
          p99_ms: r.p99_ms,
          max_ms: r.max_ms,
          errors: r.errors,
          cpu_ms_per_redemption: { server: per(p.cpu_ms), its_backends: per((b[1] - a[1]) * 10), load_generator: per((b[0] - a[0]) * 10) },
          // every process's CPU over the window, as a share of the 2 cores: what other sessions took shows here
          box_busy: Math.round(((b[2] - a[2]) / 100 / r.seconds / 2) * 100) / 100,
          // time spent ready to run but waiting for a core (schedstat): the server's main thread, its backends, the load generator's
          waited_for_cpu_ms_per_redemption: { server: per(wb[0] - wa[0]), its_backends: per(wb[1] - wa[1]), load_generator: per(wb[2] - wa[2]) },
          loop_delay_ms: p.loop_delay_ms,
          statements_per_redemption: statements,
        }),
      );
    }
  } finally {
    await server.stop();
  }
}

try {
  if (process.argv[2] === 'statements') await statements();
  else if (process.argv[2] === 'open') await open();
  else await split(process.argv.includes('--prof'));
} finally {
  await ctx.db.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => {});
  await ctx.db.close();
}
process.exit(0);
