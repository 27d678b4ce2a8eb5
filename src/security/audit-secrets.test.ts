import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../testing/harness.js';
import { requestSummary } from '../modules/audit/summary.js';

/**
 * The audit log is read by analysts: it keeps a bounded, redacted summary of each request, never a
 * code, a PIN or a password, and never a spread of an arbitrary body (an import used to land there
 * whole, one key per character for text/csv).
 */
let env: TestEnv;
let analyst: string;
before(async () => {
  env = await startTestEnv();
  analyst = (await env.api('POST', '/v1/api-keys', { name: 'analyst', role: 'analyst' })).body.secret;
});
after(async () => {
  await env.close();
});

const auditText = async () => JSON.stringify((await env.api('GET', '/v1/audit?limit=200', undefined, { key: analyst })).body);
const headers = { 'content-type': 'text/csv' };

test('an import leaves a digest and counts in the audit, never its codes or PINs', async () => {
  const fx = await fixtures(env);
  const t = await fx.template('gift', { initial_balance: 20000 });
  const batch = await fx.batch(t.id, { mode: 'imported' });
  const csv = 'GIFTSECRET0001ABCDEF,9911\nGIFTSECRET0002ABCDEF,9922\nbad line!,1\n';
  const r = await env.api('POST', `/v1/batches/${batch.id}/import`, csv, { headers });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  const json = await env.api('POST', `/v1/batches/${batch.id}/import`, { csv: 'GIFTSECRET0003ABCDEF,7733' });
  assert.equal(json.status, 200);
  const text = await auditText();
  for (const secret of ['GIFTSECRET', '9911', '9922', '7733']) assert.ok(!text.includes(secret), `the audit holds ${secret}`);
  const entries = (await env.api('GET', '/v1/audit?action=batch.import', undefined, { key: analyst })).body.data;
  const first = entries.find((e: any) => e.data.body.text);
  assert.equal(first.data.body.text.bytes, Buffer.byteLength(csv));
  assert.match(first.data.body.text.sha256, /^[0-9a-f]{64}$/);
  assert.equal(first.data.accepted, 2);
  assert.equal(first.data.refused, 1);
  assert.equal(first.data.lines, 3);
  assert.equal(Object.keys(first.data.body).length, 1, 'no key per character');
});

test('a big import or body makes a small audit entry', async () => {
  const fx = await fixtures(env);
  const t = await fx.template('exchange', { sku: 'X' });
  const batch = await fx.batch(t.id, { mode: 'imported' });
  const csv = Array.from({ length: 50_000 }, (_, i) => `BIGIMPORTCODE${String(i).padStart(10, '0')}`).join('\n');
  assert.ok(csv.length > 1_100_000);
  assert.equal((await env.api('POST', `/v1/batches/${batch.id}/import`, csv, { headers })).status, 200);
  const rows = (await env.ctx.db.query(`SELECT length(data::text) AS n FROM audit_entries WHERE action = 'batch.import' ORDER BY id DESC LIMIT 1`)).rows;
  assert.ok(rows[0].n < 1000, `audit row ${rows[0].n} bytes`);
  const m = await env.api('POST', '/v1/stores', { name: 'x'.repeat(200), tags: Array.from({ length: 50 }, (_, i) => `tag-${i}-${'y'.repeat(50)}`) });
  assert.equal(m.status, 201);
  const store = (await env.ctx.db.query(`SELECT length(data::text) AS n FROM audit_entries WHERE action = 'store.create' ORDER BY id DESC LIMIT 1`)).rows[0];
  assert.ok(store.n < 5000, `audit row ${store.n} bytes`);
});

test('secrets are redacted at any depth', async () => {
  const op = await env.api('POST', '/v1/operators', { username: 'wang', password: 'Correct-Horse-77', role: 'analyst' });
  assert.equal(op.status, 201, JSON.stringify(op.body));
  await env.api('POST', '/v1/members', { name: '王', phone: '13800138000' });
  const text = await auditText();
  assert.ok(!text.includes('Correct-Horse-77'));
  assert.ok(!text.includes('13800138000'));
  const nested = JSON.stringify(requestSummary({ id: 'x' }, { order: { lines: [{ code: 'SECRETCODE1', pin: '5511' }], token: 'tk-abc-123' }, csv: 'A,1' }));
  for (const secret of ['SECRETCODE1', '5511', 'tk-abc-123', 'A,1']) assert.ok(!nested.includes(secret), nested);
});
