import { randomBytes } from 'node:crypto';
import { generateKeyMaterial } from '../secrets.js';
import type { Config } from '../config.js';
import { createContext } from '../context.js';
import { buildApp, type App } from '../http/app.js';
import type { Ctx } from '../http/context.js';
import { createTenant, createApiKey } from '../modules/tenants/service.js';
import { clock } from '../clock.js';
import { drainJobs } from '../jobs/queue.js';

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
  api: (method: string, url: string, body?: unknown, opts?: { key?: string; headers?: Record<string, string> }) => Promise<{ status: number; body: any; headers: Record<string, any> }>;
  newTenant: (name?: string) => Promise<{ tenantId: string; ownerKey: string }>;
  jobs: () => Promise<number>;
  close: () => Promise<void>;
}

export async function startTestEnv(): Promise<TestEnv> {
  clock.reset();
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const schema = databaseUrl ? `t_${randomBytes(6).toString('hex')}` : undefined;
  const config: Config = {
    port: 0, host: '127.0.0.1', dataDir: '', databaseUrl, logLevel: 'silent', runJobs: false,
    keys: generateKeyMaterial(), keysSource: 'env', publicUrl: 'http://localhost',
  };
  const ctx = await createContext(config, { schema, poolSize: 10 });
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
    app, ctx, api, newTenant, tenantId: first.tenantId, ownerKey: first.ownerKey,
    jobs: () => drainJobs(ctx),
    async close() {
      await app.close();
      if (schema) await ctx.db.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => {});
      await ctx.db.close();
      clock.reset();
    },
  };
}
