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
  // the membership: four tiers, earning rules, a fixed and a random pack, mall items, members in different tiers with history
  const ladder = (await env.api('GET', '/v1/tiers', undefined, key)).body;
  assert.deepEqual(
    ladder.data.map((x: any) => [x.name, x.threshold]),
    [
      ['普通', 0],
      ['银卡', 500],
      ['金卡', 2000],
      ['黑卡', 8000],
    ],
  );
  assert.equal(ladder.benefits.length, 1, '金卡 has a monthly pack');
  const rules = (await env.api('GET', '/v1/points/rules', undefined, key)).body.data;
  assert.deepEqual(rules.map((r: any) => r.kind).sort(), ['activity', 'order', 'order']);
  assert.ok(rules.some((r: any) => r.multipliers.some((m: any) => m.category === 'coffee' && m.multiplier === 2)));
  assert.ok(rules.some((r: any) => r.activity_type === 'signed_in' && r.cap_period === 'day' && r.cap_times === 1));
  const packs = (await env.api('GET', '/v1/packs?limit=20', undefined, key)).body.data;
  assert.deepEqual(packs.map((p: any) => [p.kind, p.status]).sort(), [
    ['fixed', 'live'],
    ['random', 'live'],
  ]);
  const items = (await env.api('GET', '/v1/mall/items', undefined, key)).body.data;
  assert.deepEqual(new Set(items.map((i: any) => i.kind)), new Set(['card', 'pack']));
  assert.ok(items.every((i: any) => i.status === 'published'));
  const people = new Map((await env.api('GET', '/v1/members?limit=20', undefined, key)).body.data.map((m: any) => [m.name, m.id]));
  const tierOf = async (name: string) => (await env.api('GET', `/v1/members/${people.get(name)}/tier`, undefined, key)).body;
  const [zhang, wang, li, chen] = await Promise.all(['张伟', '王芳', '李娜', '陈静'].map(tierOf));
  assert.deepEqual([zhang.tier.name, wang.tier.name, li.tier.name, chen.tier.name], ['金卡', '黑卡', '银卡', '金卡']);
  assert.ok(li.grace, '李娜’s refund took her growth below 银卡: a downgrade pending, with grace');
  assert.ok(chen.floor, '陈静 holds 金卡 by hand, until a date');
  const points = (await env.api('GET', `/v1/members/${people.get('张伟')}/points`, undefined, key)).body;
  assert.ok(points.points > 300 && points.next_expiries.length >= 3, 'points with several expiries');
  const moves = (await env.api('GET', `/v1/members/${people.get('张伟')}/points/moves?asset=points`, undefined, key)).body.data;
  assert.deepEqual(new Set(moves.map((m: any) => m.kind)), new Set(['earn', 'spend']));
  assert.ok((await env.api('GET', `/v1/orders?member_id=${people.get('李娜')}`, undefined, key)).body.data.some((o: any) => o.refunded > 0));
  const exchanges = (await env.api('GET', '/v1/mall/exchanges', undefined, key)).body.data;
  assert.equal(exchanges.length, 3);
  const grants = (await env.api('GET', '/v1/pack-grants?limit=50', undefined, key)).body.data;
  assert.deepEqual(new Set(grants.map((g: any) => g.source)), new Set(['tier', 'mall', 'manual']), 'the monthly 金卡 pack, a 盲盒 from the mall, one by hand');
  // 人群与标签: two segments with live counts, a few tags
  const segments = (await env.api('GET', '/v1/segments', undefined, key)).body.data;
  assert.deepEqual(segments.map((x: any) => x.name).sort(), ['90天未核销', '近30天消费满500元'].sort());
  assert.ok(segments.every((x: any) => Number.isInteger(x.members)));
  assert.ok((await env.api('GET', '/v1/tags', undefined, key)).body.data.some((x: any) => x.tag === '高价值' && x.members === 2));
  const other = await startTestEnv();
  try {
    const again = await seedDemo({ ...other.ctx, config: { ...other.ctx.config, bootstrapKey: 'kq_test_bootstrap_key_0123456789' } });
    assert.notEqual(again.accounts![0].password, admin.password, 'every install has its own');
  } finally {
    await other.close();
  }
  assert.deepEqual(await ledgerMismatches(env.ctx.db), []);
});
