import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { generateKeyMaterial } from '../secrets.js';
import { createContext } from '../context.js';
import { buildApp } from '../app.js';
import { loggerOptions } from '../http/logging.js';
import { createTenant } from '../modules/tenants/service.js';
import { createApiKey } from '../modules/identity/api-keys.js';
import { migratedPglite } from '../testing/harness.js';

/** The request log, read as an operator of the server would: no phone number, no credential. */
test('a member search by phone leaves no phone number (and no key) in the request log', async () => {
  const lines: string[] = [];
  const stream = new PassThrough();
  stream.on('data', (b) => lines.push(String(b)));
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const schema = databaseUrl ? `t_log_${Date.now().toString(36)}` : undefined;
  const ctx = await createContext(
    {
      port: 0,
      host: '127.0.0.1',
      dataDir: '',
      databaseUrl,
      logLevel: 'info',
      runJobs: false,
      keys: generateKeyMaterial(),
      keysSource: 'env',
      publicUrl: 'http://localhost',
    },
    { schema, poolSize: 2, loadDataDir: databaseUrl ? undefined : await migratedPglite() },
  );
  const app = await buildApp(ctx, { logger: loggerOptions('info', stream) });
  try {
    const t = await createTenant(ctx.db, { name: 'Log' });
    const key = (await createApiKey(ctx.db, t.id, { name: 'o', role: 'owner' })).secret;
    const r = await app.inject({ method: 'GET', url: '/v1/members?q=13800138001&limit=5', headers: { authorization: `Bearer ${key}` } });
    assert.equal(r.statusCode, 200);
    const log = lines.join('');
    assert.match(log, /\/v1\/members\?q=\[redacted\]&limit=5/, 'the request is logged, its search term redacted');
    assert.ok(!log.includes('13800138001'), log);
    assert.ok(!log.includes(key), 'the API key never reaches the log');
  } finally {
    await app.close();
    if (schema) await ctx.db.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => {});
    await ctx.db.close();
  }
});
