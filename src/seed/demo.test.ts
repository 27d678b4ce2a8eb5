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
  // the channel tree and a partner's sign-in: the partner portal sees its own subtree only
  const tree = (await env.api('GET', '/v1/channels', undefined, key)).body.data;
  const byName = new Map(tree.map((c: any) => [c.name, c]));
  const [east, suzhou, guanqian] = ['华东总代', '苏州区域代理', '观前街团长'].map((n) => byName.get(n) as any);
  assert.deepEqual([east.depth, suzhou.parent_id, guanqian.parent_id], [0, east.id, suzhou.id]);
  assert.deepEqual(suzhou.regions, ['苏州市']);
  const partner = first.accounts!.find((a) => a.username === 'suzhou')!;
  assert.equal(partner.role, 'channel');
  const ps = await env.app.inject({ method: 'POST', url: '/v1/sessions', payload: { tenant_id: 'demo', username: 'suzhou', password: partner.password } });
  assert.equal(ps.statusCode, 201, ps.body);
  const pk = { key: ps.json().token };
  assert.deepEqual(
    (await env.api('GET', '/v1/channels', undefined, pk)).body.data.map((c: any) => c.name),
    ['苏州区域代理', '观前街团长'],
  );
  const theirs = (await env.api('GET', '/v1/cards?limit=200', undefined, pk)).body.data;
  assert.ok(theirs.length >= 2 && theirs.every((c: any) => [suzhou.id, guanqian.id].includes(c.channel_id)), 'cards issued through its subtree, only');
  // the trade: a quota down the tree, a price list per level, a buyer with a paid order to fulfil
  const held = (await env.api('GET', `/v1/channels/${suzhou.id}/holdings`, undefined, pk)).body.data;
  assert.equal(
    held.reduce((n: number, h: any) => n + h.available, 0),
    50,
    '苏州区域代理 holds 50 of 华东总代’s 200',
  );
  assert.ok((await env.api('GET', '/v1/price-lists?price_level=L2', undefined, key)).body.data.length >= 2);
  const orders = (await env.api('GET', '/v1/wholesale-orders', undefined, key)).body.data;
  assert.deepEqual(
    orders.map((o: any) => [o.state, o.units]),
    [['paid', 20]],
  );
  assert.equal((await env.api('POST', `/v1/wholesale-orders/${orders[0].id}/fulfil`, undefined, key)).body.state, 'fulfilled', 'the demo order fulfils');
  const other = await startTestEnv();
  try {
    const again = await seedDemo({ ...other.ctx, config: { ...other.ctx.config, bootstrapKey: 'kq_test_bootstrap_key_0123456789' } });
    assert.notEqual(again.accounts![0].password, admin.password, 'every install has its own');
  } finally {
    await other.close();
  }
  assert.deepEqual(await ledgerMismatches(env.ctx.db), []);
});
