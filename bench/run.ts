import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { generateKeyMaterial } from '../src/secrets.js';
import type { Config } from '../src/config.js';
import { createContext } from '../src/context.js';
import { ledgerMismatches } from '../src/modules/ledger/service.js';
import { copyCeilingPg, copyCeilingPglite, redeemCeilingPg, redeemCeilingPglite, round } from './ceiling.js';
import { emit, load, machine, openLoad, startServer, type Server } from './lib.js';
import { prepare, type Fixture } from './setup.js';
import { memberSearch, seedMembers } from './members.js';
import { fulfilOrderBench } from './fulfil.js';
import { allocateHot } from './allocate.js';
import { mallExchangeHot } from './mall.js';
import { pointsEarn } from './points.js';
import { redeemRisk } from './risk.js';
import { claimRush } from './claims.js';
import { rulesThroughput } from './rules.js';

/**
 * npm run bench [-- --quick] [-- --only pg|pglite]
 * Prints one JSON object per line: the machine's ceilings, then the product's figures as a share of
 * them, on PostgreSQL (DATABASE_URL, default the local test database) and on PGlite. Figures, not
 * pass/fail; targets and findings are in docs/performance.md. Traffic goes to 127.0.0.1 only.
 */
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
// `--line risk`: only the redemption-with-risk-rules line, on PostgreSQL; `--line claims`: only claim_rush; `--line rules`: only rules_throughput
const line = args.includes('--line') ? args[args.indexOf('--line') + 1] : null;
const databaseUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const S = quick
  ? {
      members: [1_000, 50_000],
      pgliteMembers: [1_000, 20_000],
      searches: 100,
      copyRows: 50_000,
      genCodes: 20_000,
      fulfilCodes: 10_000,
      cards: 1_000,
      sqlMs: 2_000,
      httpMs: 2_000,
      warmMs: 1_000,
      hotStock: 500,
      allocHolding: 300,
      allocChildren: 50,
      mallStock: 100,
      claimMembers: 2_000,
      claimStock: 200,
      ruleEvents: 300,
      lookupMs: 1_500,
      pgliteCopy: 10_000,
      pgliteGen: 5_000,
      pgliteMs: 1_500,
      pgliteHot: 100,
    }
  : {
      members: [1_000, 1_000_000],
      pgliteMembers: [1_000, 100_000],
      searches: 500,
      copyRows: 1_000_000,
      genCodes: 1_000_000,
      fulfilCodes: 100_000,
      cards: 10_000,
      sqlMs: 15_000,
      httpMs: 15_000,
      warmMs: 3_000,
      hotStock: 10_000,
      allocHolding: 5_000,
      allocChildren: 500,
      mallStock: 1_000,
      claimMembers: 10_000,
      claimStock: 1_000,
      ruleEvents: 3_000,
      lookupMs: 10_000,
      pgliteCopy: 200_000,
      pgliteGen: 200_000,
      pgliteMs: 10_000,
      pgliteHot: 2_000,
    };
const CONNS = 64;
const workersN = machine().nproc;

const keys = generateKeyMaterial();
const keyEnv = { KAQUAN_HMAC_KEY: keys.hmacKey.toString('base64'), KAQUAN_ENC_KEYS: `1:${keys.encKeys[0].key.toString('base64')}` };
const config = (over: Partial<Config>): Config => ({
  port: 0,
  host: '127.0.0.1',
  dataDir: '',
  logLevel: 'silent',
  runJobs: false,
  keys,
  keysSource: 'env',
  publicUrl: 'http://127.0.0.1',
  ...over,
});

/** The same load, unmeasured, first: JIT, prepared statements and caches warm, as in steady service. */
async function warm(server: Server, f: Fixture, path = '/v1/redemptions') {
  await load({
    port: server.port,
    path,
    key: f.ownerKey,
    connections: CONNS,
    durationMs: S.warmMs,
    body: (i) => ({ code: f.codes[(i * 104729) % f.codes.length] }),
    ok: () => true,
  });
}

const redeemBody = (f: Fixture) => (i: number) => ({ code: f.codes[(i * 7919) % f.codes.length] });
const ratio = (a: number, b: number) => (b ? round(a / b) : null);

async function generate(server: Server, f: Fixture, n: number, poll: () => Promise<{ generated: number; status: string }>) {
  const t0 = performance.now();
  const res = await fetch(`http://127.0.0.1:${server.port}/v1/batches`, {
    method: 'POST',
    headers: { authorization: `Bearer ${f.ownerKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ template_id: f.cashTemplateId, name: 'bench generate', mode: 'pregenerated', quantity: n }),
  });
  if (res.status !== 201) throw new Error(`batch: ${res.status} ${await res.text()}`);
  for (;;) {
    const b = await poll();
    if (b.status === 'ready' || b.status === 'failed') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const seconds = (performance.now() - t0) / 1000;
  return { codes: n, seconds: round(seconds), codes_per_s: Math.round(n / seconds), peak_rss_mb: server.peakRssMb() };
}

async function hotIssue(server: Server, f: Fixture, stock: number) {
  const res = await fetch(`http://127.0.0.1:${server.port}/v1/batches`, {
    method: 'POST',
    headers: { authorization: `Bearer ${f.ownerKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ template_id: f.cashTemplateId, name: 'bench hot', mode: 'on_issue', stock }),
  });
  const batch = (await res.json()) as { id: string };
  const r = await load({
    port: server.port,
    path: '/v1/cards/issue',
    key: f.ownerKey,
    connections: CONNS,
    maxRequests: stock * 10,
    body: () => ({ batch_id: batch.id }),
    ok: (s) => s === 201 || s === 409,
  });
  const check = (await (
    await fetch(`http://127.0.0.1:${server.port}/v1/batches/${batch.id}`, { headers: { authorization: `Bearer ${f.ownerKey}` } })
  ).json()) as { issued: number };
  return { rps: r.rps, p99_ms: r.p99_ms, attempts: r.requests, issued: r.statuses['201'] ?? 0, batch_issued: check.issued, stock, errors: r.errors };
}

async function onPostgres() {
  const engine = 'postgres';
  const copy = await copyCeilingPg(databaseUrl, `bench_ceiling_${randomBytes(3).toString('hex')}`, S.copyRows);
  emit({ name: 'ceiling_copy', engine, ...copy });

  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const ctx = await createContext(config({ databaseUrl, dbSchema: schema }), { poolSize: 4 });
  try {
    const f = await prepare(ctx, S.cards);
    const sql = await redeemCeilingPg(databaseUrl, schema, f.tenantId, f.cardIds, CONNS, S.sqlMs);
    emit({ name: 'ceiling_redeem_sql', engine, ...sql });

    const env = { DATABASE_URL: databaseUrl, KAQUAN_DB_SCHEMA: schema, KAQUAN_DB_POOL: '8', ...keyEnv };
    let server = await startServer(env, 1);
    try {
      const poll = async () =>
        (await ctx.db.query(`SELECT generated, status FROM batches WHERE tenant_id = $1 AND name = 'bench generate'`, [f.tenantId])).rows[0];
      const g = await generate(server, f, S.genCodes, poll);
      emit({ name: 'codes_generate', engine, ...g, ratio_to_ceiling: ratio(g.codes_per_s, copy.rows_per_s) });

      // a wholesale order's fulfilment: pool codes issued as bearer cards, chunk by chunk, by its job
      const fo = await fulfilOrderBench(server, f, ctx, S.fulfilCodes);
      emit({ name: 'fulfil_order', engine, ...fo, ratio_to_ceiling: ratio(fo.codes_per_s, copy.rows_per_s) });

      await warm(server, f);
      const r1 = await load({
        port: server.port,
        path: '/v1/redemptions',
        key: f.ownerKey,
        connections: CONNS,
        durationMs: S.httpMs,
        body: redeemBody(f),
        ok: (s) => s === 201,
      });
      emit({
        name: 'redeem_http',
        engine,
        workers: 1,
        connections: CONNS,
        seconds: r1.seconds,
        requests: r1.requests,
        rps: r1.rps,
        p50_ms: r1.p50_ms,
        p99_ms: r1.p99_ms,
        errors: r1.errors,
        ratio_to_ceiling: ratio(r1.rps, sql.tps),
      });

      // the same redemptions offered open-loop at half the closed-loop maximum: the latency a till sees
      const open = await openLoad({
        port: server.port,
        path: '/v1/redemptions',
        key: f.ownerKey,
        rate: Math.max(1, Math.round(r1.rps / 2)),
        durationMs: S.httpMs,
        body: (i) => redeemBody(f)(i + r1.requests),
        ok: (s) => s === 201,
      });
      emit({ name: 'redeem_open', engine, workers: 1, ...open, target_p99_ms: 25 });

      if (!quick) {
        const rk = await load({
          port: server.port,
          path: '/v1/redemptions',
          key: f.ownerKey,
          connections: CONNS,
          durationMs: Math.min(S.httpMs, 10_000),
          body: redeemBody(f),
          ok: (s) => s === 201,
          headers: (i) => ({ 'idempotency-key': `bench-${schema}-${i}` }),
        });
        emit({
          name: 'redeem_http_idempotent',
          engine,
          workers: 1,
          connections: CONNS,
          seconds: rk.seconds,
          rps: rk.rps,
          p50_ms: rk.p50_ms,
          p99_ms: rk.p99_ms,
          errors: rk.errors,
          ratio_to_ceiling: ratio(rk.rps, sql.tps),
        });
      }

      const hot = await hotIssue(server, f, S.hotStock);
      emit({ name: 'issue_hot', engine, workers: 1, ...hot, ratio_to_ceiling: ratio(hot.rps, sql.tps) });

      const alloc = await allocateHot({
        port: server.port,
        key: f.ownerKey,
        templateId: f.cashTemplateId,
        holding: S.allocHolding,
        children: S.allocChildren,
        connections: CONNS,
      });
      emit({ name: 'allocate_hot', engine, workers: 1, connections: CONNS, ...alloc, ratio_to_ceiling: ratio(alloc.rps, sql.tps) });

      // 积分商城: one item of limited stock, ten times more exchange requests than stock, over HTTP
      const mall = await mallExchangeHot({
        port: server.port,
        key: f.ownerKey,
        ctx,
        tenantId: f.tenantId,
        templateId: f.cashTemplateId,
        stock: S.mallStock,
        connections: CONNS,
      });
      emit({ name: 'mall_exchange_hot', engine, workers: 1, connections: CONNS, ...mall, ratio_to_ceiling: ratio(mall.rps, sql.tps) });
      // 领券中心秒杀: claimMembers members (each asking twice, limit one) rush a campaign of claimStock cards
      const rush = await claimRush({ port: server.port, ctx, members: S.claimMembers, stock: S.claimStock, connections: CONNS });
      emit({ name: 'claim_rush', engine, workers: 1, connections: CONNS, ...rush, ratio_to_ceiling: ratio(rush.rps, sql.tps) });
      const earned = await pointsEarn({ port: server.port, key: f.ownerKey, connections: CONNS, durationMs: S.httpMs, members: 200 });
      emit({ name: 'points_earn', engine, workers: 1, connections: CONNS, ...earned, ratio_to_ceiling: ratio(earned.rps, sql.tps) });
      const rr = await redeemRisk({ port: server.port, key: f.ownerKey, codes: f.codes, connections: CONNS, durationMs: S.httpMs });
      emit({ name: 'redeem_risk', engine, workers: 1, connections: CONNS, ...rr });

      await warm(server, f, '/v1/cards/lookup');
      const lk = await load({
        port: server.port,
        path: '/v1/cards/lookup',
        key: f.ownerKey,
        connections: CONNS,
        durationMs: S.lookupMs,
        body: redeemBody(f),
        ok: (s) => s === 200,
      });
      emit({ name: 'lookup_http', engine, workers: 1, rps: lk.rps, p50_ms: lk.p50_ms, p99_ms: lk.p99_ms, errors: lk.errors });

      for (const n of S.members) await memberSearch(server.port, await seedMembers(ctx, n), S.searches, emit, engine);
    } finally {
      await server.stop();
    }

    server = await startServer({ ...env, KAQUAN_DB_POOL: String(Math.max(4, Math.floor(16 / workersN))) }, workersN);
    try {
      await warm(server, f);
      const rn = await load({
        port: server.port,
        path: '/v1/redemptions',
        key: f.ownerKey,
        connections: CONNS,
        durationMs: S.httpMs,
        body: redeemBody(f),
        ok: (s) => s === 201,
      });
      emit({
        name: 'redeem_http',
        engine,
        workers: workersN,
        connections: CONNS,
        seconds: rn.seconds,
        requests: rn.requests,
        rps: rn.rps,
        p50_ms: rn.p50_ms,
        p99_ms: rn.p99_ms,
        errors: rn.errors,
        ratio_to_ceiling: ratio(rn.rps, sql.tps),
      });
    } finally {
      await server.stop();
    }
    const bad = (await ledgerMismatches(ctx.db, f.tenantId)).length;
    if (bad) emit({ name: 'warning', engine, detail: `${bad} bench cards whose holdings differ from their ledger accounts` });
  } finally {
    await ctx.db.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => {});
    await ctx.db.close();
  }
}

async function onPglite() {
  const engine = 'pglite';
  const dir = mkdtempSync(join(tmpdir(), 'kaquan-bench-'));
  try {
    const copy = await copyCeilingPglite(join(dir, 'ceiling'), S.pgliteCopy);
    emit({ name: 'ceiling_copy', engine, ...copy });
    const dataDir = join(dir, 'data');
    const ctx = await createContext(config({ dataDir }));
    const f = await prepare(ctx, S.cards);
    const memberTenants = [];
    for (const n of S.pgliteMembers) memberTenants.push(await seedMembers(ctx, n));
    const sql = await redeemCeilingPglite(ctx.db, f.tenantId, f.cardIds, S.pgliteMs);
    emit({ name: 'ceiling_redeem_sql', engine, ...sql });
    await ctx.db.close(); // PGlite belongs to one process: the server's, from here on

    const server = await startServer({ DATA_DIR: dataDir, ...keyEnv }, 1);
    try {
      const poll = async () => {
        const r = await fetch(`http://127.0.0.1:${server.port}/v1/batches?q=bench%20generate&limit=1`, { headers: { authorization: `Bearer ${f.ownerKey}` } });
        return ((await r.json()) as any).data[0] ?? { generated: 0, status: 'generating' };
      };
      const g = await generate(server, f, S.pgliteGen, poll);
      emit({ name: 'codes_generate', engine, ...g, ratio_to_ceiling: ratio(g.codes_per_s, copy.rows_per_s) });
      await warm(server, f);
      const r1 = await load({
        port: server.port,
        path: '/v1/redemptions',
        key: f.ownerKey,
        connections: CONNS,
        durationMs: S.pgliteMs,
        body: redeemBody(f),
        ok: (s) => s === 201,
      });
      emit({
        name: 'redeem_http',
        engine,
        workers: 1,
        connections: CONNS,
        seconds: r1.seconds,
        requests: r1.requests,
        rps: r1.rps,
        p50_ms: r1.p50_ms,
        p99_ms: r1.p99_ms,
        errors: r1.errors,
        ratio_to_ceiling: ratio(r1.rps, sql.tps),
      });
      const hot = await hotIssue(server, f, S.pgliteHot);
      emit({ name: 'issue_hot', engine, workers: 1, ...hot, ratio_to_ceiling: ratio(hot.rps, sql.tps) });
      const earned = await pointsEarn({ port: server.port, key: f.ownerKey, connections: CONNS, durationMs: S.pgliteMs, members: 100 });
      emit({ name: 'points_earn', engine, workers: 1, connections: CONNS, ...earned, ratio_to_ceiling: ratio(earned.rps, sql.tps) });
      const rr = await redeemRisk({ port: server.port, key: f.ownerKey, codes: f.codes, connections: CONNS, durationMs: S.httpMs });
      emit({ name: 'redeem_risk', engine, workers: 1, connections: CONNS, ...rr });
      await warm(server, f, '/v1/cards/lookup');
      const lk = await load({
        port: server.port,
        path: '/v1/cards/lookup',
        key: f.ownerKey,
        connections: CONNS,
        durationMs: S.pgliteMs,
        body: redeemBody(f),
        ok: (s) => s === 200,
      });
      emit({ name: 'lookup_http', engine, workers: 1, rps: lk.rps, p50_ms: lk.p50_ms, p99_ms: lk.p99_ms, errors: lk.errors });
      for (const t of memberTenants) await memberSearch(server.port, t, S.searches, emit, engine);
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgresVersion() {
  try {
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    const v = (await c.query('SHOW server_version')).rows[0].server_version;
    await c.end();
    return v as string;
  } catch {
    return null;
  }
}

/** The claim_rush line alone (`--line claims`): a fresh schema, one server, the rush on PostgreSQL. */
async function claimsOnly() {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const ctx = await createContext(config({ databaseUrl, dbSchema: schema }), { poolSize: 4 });
  try {
    const server = await startServer({ DATABASE_URL: databaseUrl, KAQUAN_DB_SCHEMA: schema, KAQUAN_DB_POOL: '8', ...keyEnv }, 1);
    try {
      const rush = await claimRush({ port: server.port, ctx, members: S.claimMembers, stock: S.claimStock, connections: CONNS });
      emit({ name: 'claim_rush', engine: 'postgres', workers: 1, connections: CONNS, ...rush });
    } finally {
      await server.stop();
    }
  } finally {
    await ctx.db.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => {});
    await ctx.db.close();
  }
}

/** The redeem_risk line alone (`--line risk`): a fresh schema, one server, the same redemption load with and without three risk rules. */
async function riskOnly() {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const ctx = await createContext(config({ databaseUrl, dbSchema: schema }), { poolSize: 4 });
  try {
    const f = await prepare(ctx, S.cards);
    // with REDIS_URL set, the rules' counters are in Redis
    const redis: Record<string, string> = process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {};
    const server = await startServer({ DATABASE_URL: databaseUrl, KAQUAN_DB_SCHEMA: schema, KAQUAN_DB_POOL: '8', ...keyEnv, ...redis }, 1);
    try {
      await warm(server, f);
      const r = await redeemRisk({ port: server.port, key: f.ownerKey, codes: f.codes, connections: CONNS, durationMs: S.httpMs });
      emit({ name: 'redeem_risk', engine: 'postgres', counters: process.env.REDIS_URL ? 'redis' : 'postgres', workers: 1, connections: CONNS, ...r });
    } finally {
      await server.stop();
    }
  } finally {
    await ctx.db.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => {});
    await ctx.db.close();
  }
}

/** The rules_throughput line alone (`--line rules`): a fresh schema, order events through 50 active rules, in process, on PostgreSQL. */
async function rulesOnly() {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const ctx = await createContext(config({ databaseUrl, dbSchema: schema }), { poolSize: 4 });
  try {
    emit({ name: 'rules_throughput', engine: 'postgres', ...(await rulesThroughput({ ctx, members: 1_000, events: S.ruleEvents, rules: 50 })) });
  } finally {
    await ctx.db.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => {});
    await ctx.db.close();
  }
}

const started = performance.now();
emit({ name: 'machine', ...machine(), postgres: await postgresVersion(), quick });
if (line === 'risk') await riskOnly();
else if (line === 'claims') await claimsOnly();
else if (line === 'rules') await rulesOnly();
else {
  if (only !== 'pglite') await onPostgres();
  if (only !== 'pg') await onPglite();
}
emit({ name: 'done', seconds: round((performance.now() - started) / 1000) });
process.exit(0);
