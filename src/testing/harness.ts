import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generateKeyMaterial } from '../secrets.js';
import type { Config } from '../config.js';
import { createContext, migrationSources } from '../context.js';
import { openDb } from '../db/index.js';
import { migrate } from '../db/migrate.js';
import { buildApp, type App } from '../app.js';
import type { Ctx } from '../platform/context.js';
import { createTenant } from '../modules/tenants/service.js';
import { createApiKey } from '../modules/identity/api-keys.js';
import { setTestHashCost } from '../modules/identity/password.js';
import { clock } from '../clock.js';
import { verifyInvariants } from '../platform/verify.js';
import { modules } from '../modules/index.js';
import { drainJobs } from '../platform/jobs.js';
import { dispatchEvents } from '../platform/events.js';
import { clonePgDatabase } from './pg-clone.js';

/**
 * A whole server for a test: PGlite in memory, or — when DATABASE_URL is set — a fresh schema in
 * that PostgreSQL, so every test file runs on both engines (`.ci/run` runs the suite twice).
 */
export interface TestEnv {
  app: App;
  ctx: Ctx;
  tenantId: string;
  ownerKey: string;
  /** inject() with JSON in and out; key defaults to the owner key */
  api: (
    method: string,
    url: string,
    body?: unknown,
    opts?: { key?: string; headers?: Record<string, string> },
  ) => Promise<{ status: number; body: any; headers: Record<string, any> }>;
  newTenant: (name?: string) => Promise<{ tenantId: string; ownerKey: string }>;
  jobs: () => Promise<number>;
  close: () => Promise<void>;
}

/**
 * `config` overrides the test server's settings, e.g. `{ webhookAllowPrivate: true }` for a receiver on 127.0.0.1.
 * `cheapPasswords` makes this process hash passwords with scrypt at N = 2^10 instead of 2^15 (same
 * format, r and p; the decoy too), for tests that check hundreds of passwords.
 */
export async function startTestEnv(opts: { config?: Partial<Config>; cheapPasswords?: boolean } = {}): Promise<TestEnv> {
  clock.reset();
  setTestHashCost(opts.cheapPasswords ? 2 ** 10 : undefined);
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const schema = databaseUrl ? `t_${randomBytes(6).toString('hex')}` : undefined;
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    dataDir: '',
    databaseUrl,
    redisUrl: process.env.REDIS_URL || undefined,
    logLevel: 'silent',
    runJobs: false,
    keys: generateKeyMaterial(),
    keysSource: 'env',
    publicUrl: 'http://localhost',
    ...opts.config,
  };
  // PGlite starts from the migrated snapshot, in memory or in a data folder that holds no database yet
  const fresh = !config.dataDir || !existsSync(config.dataDir) || !readdirSync(config.dataDir).includes('PG_VERSION');
  const loadDataDir = config.databaseUrl || !fresh ? undefined : await migratedPglite();
  // on PostgreSQL a database of its own, copied from a migrated one, unless the test names its own database
  const clone = schema && !opts.config?.databaseUrl ? await clonedPostgres(databaseUrl!, schema) : undefined;
  if (clone) config.databaseUrl = clone.url;
  const ctx = await createContext(config, { schema, poolSize: 10, loadDataDir });
  const app = await buildApp(ctx);
  const newTenant = async (name = 'Test Brand') => {
    const t = await createTenant(ctx.db, { name });
    const k = await createApiKey(ctx.db, t.id, { name: 'owner', role: 'owner' });
    return { tenantId: t.id, ownerKey: k.secret };
  };
  const first = await newTenant();
  const api: TestEnv['api'] = async (method, url, body, opts = {}) => {
    const res = await app.inject({
      method: method as any,
      url,
      payload: body === undefined ? undefined : (body as any),
      headers: { authorization: `Bearer ${opts.key ?? first.ownerKey}`, ...(opts.headers ?? {}) },
    });
    let parsed: any = res.body;
    if ((res.headers['content-type'] ?? '').toString().includes('json')) parsed = res.json();
    return { status: res.statusCode, body: parsed, headers: res.headers };
  };
  return {
    app,
    ctx,
    api,
    newTenant,
    tenantId: first.tenantId,
    ownerKey: first.ownerKey,
    async jobs() {
      // recurring sweeps run now, whatever the (moved) clock said when they were last scheduled
      await ctx.db.query(`UPDATE jobs SET run_at = $1 WHERE state = 'pending' AND singleton IS NOT NULL AND singleton NOT LIKE 'batch.%'`, [ctx.clock.now()]);
      await dispatchEvents(ctx); // every event so far reaches its subscribers before the jobs that follow them run
      return drainJobs(ctx);
    },
    async close() {
      await app.close();
      // every module's invariants hold after whatever the test did (src/platform/verify.ts)
      const broken = await verifyInvariants(ctx.db, modules);
      if (schema && !clone) await ctx.db.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => {});
      await ctx.db.close();
      await clone?.drop();
      clock.reset();
      if (broken.length) throw new Error(`invariants broken after this test: ${JSON.stringify(broken, null, 2)}`);
    },
  };
}

/**
 * A freshly migrated, empty PGlite data dir. Making one (initdb and every migration) takes seconds;
 * starting from a copy takes a fraction of that, so a test process makes it once and keeps it in
 * os.tmpdir() for the others, named by a hash of what decides its contents: the migration files, the
 * code that applies them and PGlite's version. A changed migration makes a new one. Started from it,
 * createContext's migrate() finds nothing to apply.
 */
let snapshot: Promise<Blob> | undefined;
export const migratedPglite = () => (snapshot ??= loadOrMakeSnapshot());

async function loadOrMakeSnapshot(): Promise<Blob> {
  const pgliteDist = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  const file = join(tmpdir(), `kaquan-pglite-${migrationsHash(readFileSync(join(pgliteDist, '../package.json')))}-c.tar`);
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  const db = await openDb({});
  try {
    await migrate(db, migrationSources);
    // a checkpoint first: a copy that starts without replaying the migrations' WAL starts ~0.8 s sooner, in every test file
    await db.query('CHECKPOINT');
    const blob = await db.dumpDataDir!();
    // two test processes may make it at once: each writes its own file and renames it into place whole
    const tmp = `${file}.${process.pid}`;
    writeFileSync(tmp, new Uint8Array(await blob.arrayBuffer()));
    renameSync(tmp, file);
    return blob;
  } finally {
    await db.close();
  }
}

/** A hash of what a migrated database's contents follow from: the migration files, the code that applies them, and `extra`. */
function migrationsHash(extra: Uint8Array = new Uint8Array()): string {
  const hash = createHash('sha256')
    .update(extra)
    .update(readFileSync(new URL('../db/migrate.ts', import.meta.url)));
  for (const { module, dir } of migrationSources) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) hash.update(`\0${module}/${f}\0`).update(readFileSync(join(dir, f)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** A migrated PostgreSQL database of its own for a test server whose schema is `schema` (src/testing/pg-clone.ts). */
export const clonedPostgres = (databaseUrl: string, schema: string) => clonePgDatabase(databaseUrl, schema, migrationsHash());

/** Test fixtures: a template of a kind, a batch of it, a member — through the API, as a user would. */
export async function fixtures(env: TestEnv, key?: string) {
  const k = key ? { key } : undefined;
  const ok = (r: { status: number; body: any }, what: string) => {
    if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  return {
    template: async (kind: string, value: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
      ok(await env.api('POST', '/v1/templates', { kind, name: `${kind} test`, value, validity: { type: 'relative', days: 30 }, ...extra }, k), 'template'),
    batch: async (template_id: string, extra: Record<string, unknown> = { mode: 'on_issue' }) =>
      ok(await env.api('POST', '/v1/batches', { template_id, name: 'b', ...extra }, k), 'batch'),
    member: async (extra: Record<string, unknown> = {}) => ok(await env.api('POST', '/v1/members', { name: 'm', ...extra }, k), 'member'),
    store: async (extra: Record<string, unknown> = {}) => ok(await env.api('POST', '/v1/stores', { name: 's', ...extra }, k), 'store'),
    issue: async (batch_id: string, member_id?: string) => ok(await env.api('POST', '/v1/cards/issue', { batch_id, member_id }, k), 'issue'),
    /** template + on_issue batch + member + issued card, in one call */
    card: async (kind: string, value: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
      const t = ok(
        await env.api('POST', '/v1/templates', { kind, name: `${kind} test`, value, validity: { type: 'relative', days: 30 }, ...extra }, k),
        'template',
      );
      const b = ok(await env.api('POST', '/v1/batches', { template_id: t.id, name: 'b', mode: 'on_issue' }, k), 'batch');
      const m = ok(await env.api('POST', '/v1/members', { name: 'm' }, k), 'member');
      const c = ok(await env.api('POST', '/v1/cards/issue', { batch_id: b.id, member_id: m.id }, k), 'issue');
      return { template: t, batch: b, member: m, card: c };
    },
  };
}
