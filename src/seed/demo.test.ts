import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, type TestEnv } from '../testing/harness.js';
import { seedDemo } from './demo.js';
import { ledgerMismatches } from '../modules/ledger/service.js';

let env: TestEnv;
before(async () => {
  env = await startTestEnv();
});
after(async () => {
  await env.close();
});

test('the demo seed gives every screen something real to show, once', async () => {
  const ctx = { ...env.ctx, config: { ...env.ctx.config, bootstrapKey: 'kq_test_bootstrap_key_0123456789' } };
  const first = await seedDemo(ctx);
  assert.deepEqual({ ownerKey: first.ownerKey, seeded: first.seeded }, { ownerKey: 'kq_test_bootstrap_key_0123456789', seeded: true });
  assert.equal((await seedDemo(ctx)).seeded, false, 'a second start seeds nothing');
  const key = { key: first.ownerKey };
  const kinds = (await env.api('GET', '/v1/templates?limit=100', undefined, key)).body.data.map((t: any) => t.kind).sort();
  assert.deepEqual([...new Set(kinds)], ['cash', 'count', 'discount', 'exchange', 'external', 'gift', 'periodic', 'stamp', 'stored_value']);
  const batches = (await env.api('GET', '/v1/batches?limit=100', undefined, key)).body.data;
  const pre = batches.find((b: any) => b.mode === 'pregenerated');
  assert.equal(pre.status, 'ready');
  assert.equal(pre.generated, 1000);
  assert.equal((await env.api('GET', '/v1/stores', undefined, key)).body.data.length, 3);
  const stats = await env.api('GET', '/v1/stats', undefined, key);
  assert.ok(stats.body.totals.issued >= 19);
  assert.ok(stats.body.totals.redeemed >= 3);
  const admin = first.accounts!.find((a) => a.username === 'admin')!;
  const signIn = await env.app.inject({
    method: 'POST',
    url: '/v1/sessions',
    payload: { tenant_id: 'demo', username: admin.username, password: admin.password },
  });
  assert.equal(signIn.statusCode, 201, signIn.body);
  assert.ok(!/kaquan-demo-2026/.test(admin.password) && admin.password.length >= 16, 'no sign-in is known from the source');
  const other = await startTestEnv();
  try {
    const again = await seedDemo({ ...other.ctx, config: { ...other.ctx.config, bootstrapKey: 'kq_test_bootstrap_key_0123456789' } });
    assert.notEqual(again.accounts![0].password, admin.password, 'every install has its own');
  } finally {
    await other.close();
  }
  assert.deepEqual(await ledgerMismatches(env.ctx.db), []);
});
