import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';

/**
 * The channel tree 渠道树: levels of any depth, moves that carry the subtree, no loops, and a
 * partner that sees and extends only its own subtree (everything else is 404, as if absent).
 */
let env: TestEnv;
let fx: Awaited<ReturnType<typeof fixtures>>;
before(async () => {
  env = await startTestEnv();
  fx = await fixtures(env);
});
after(async () => {
  await env.close();
});

const made = async (body: Record<string, unknown>, key?: string) => {
  const r = await env.api('POST', '/v1/channels', body, key ? { key } : undefined);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
};
const partnerKey = async (channel_id: string) => {
  const r = await env.api('POST', '/v1/api-keys', { name: `partner ${channel_id}`, role: 'channel', channel_id });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.secret as string;
};

test('a three-level tree: paths, depths, tree order, regions and price level', async () => {
  const top = await made({ name: '华东总代', regions: ['上海市', ' 江苏省 ', '上海市'], price_level: 'L1' });
  const region = await made({ name: '苏州区域代理', parent_id: top.id, regions: ['苏州市'], store_tags: ['商场'] });
  const shop = await made({ name: '观前街团长', parent_id: region.id });
  assert.deepEqual([top.depth, region.depth, shop.depth], [0, 1, 2]);
  assert.equal(shop.path, `/${top.id}/${region.id}/${shop.id}/`);
  assert.deepEqual(top.regions, ['上海市', '江苏省'], 'trimmed, repeats dropped');
  assert.equal(top.price_level, 'L1');
  assert.equal(top.status, 'active');
  const list = (await env.api('GET', '/v1/channels')).body.data.map((c: any) => c.id);
  assert.ok(list.indexOf(top.id) < list.indexOf(region.id) && list.indexOf(region.id) < list.indexOf(shop.id), 'tree order');
  const blank = await env.api('POST', '/v1/channels', { name: 'x', regions: ['  '] });
  assert.equal(blank.status, 422);
  assert.equal(blank.body.code, 'CHANNEL_INVALID');
  assert.equal(blank.body.errors[0].field, 'regions');
  const orphan = await env.api('POST', '/v1/channels', { name: 'x', parent_id: 'chn_nope' });
  assert.equal(orphan.status, 404);
  assert.equal(orphan.body.code, 'CHANNEL_NOT_FOUND');
});

test('a move carries the subtree; a move under itself or its own descendant is refused and changes nothing', async () => {
  const a = await made({ name: 'A' });
  const b = await made({ name: 'B', parent_id: a.id });
  const c = await made({ name: 'C', parent_id: b.id });
  const d = await made({ name: 'D' });

  for (const parent of [a.id, b.id, c.id]) {
    const r = await env.api('PATCH', `/v1/channels/${a.id}`, { parent_id: parent });
    assert.equal(r.status, 422, JSON.stringify(r.body));
    assert.equal(r.body.code, 'CHANNEL_CYCLE');
  }
  assert.equal((await env.api('GET', `/v1/channels/${c.id}`)).body.path, `/${a.id}/${b.id}/${c.id}/`, 'unchanged');

  const moved = await env.api('PATCH', `/v1/channels/${b.id}`, { parent_id: d.id });
  assert.equal(moved.status, 200, JSON.stringify(moved.body));
  assert.equal(moved.body.path, `/${d.id}/${b.id}/`);
  const c2 = (await env.api('GET', `/v1/channels/${c.id}`)).body;
  assert.equal(c2.path, `/${d.id}/${b.id}/${c.id}/`, 'the subtree moved along');
  assert.equal(c2.depth, 2);

  const root = await env.api('PATCH', `/v1/channels/${b.id}`, { parent_id: null });
  assert.equal(root.body.path, `/${b.id}/`);
  assert.equal((await env.api('GET', `/v1/channels/${c.id}`)).body.depth, 1);
});

test('crossing moves at once (A under B, B under A): one moves, the other is refused as a loop, never a 500', async () => {
  for (let i = 0; i < 5; i++) {
    const a = await made({ name: `甲${i}` });
    const b = await made({ name: `乙${i}` });
    const [ab, ba] = await Promise.all([
      env.api('PATCH', `/v1/channels/${a.id}`, { parent_id: b.id }),
      env.api('PATCH', `/v1/channels/${b.id}`, { parent_id: a.id }),
    ]);
    assert.deepEqual([ab.status, ba.status].sort(), [200, 422], JSON.stringify([ab.body, ba.body]));
    assert.equal([ab, ba].find((r) => r.status === 422)!.body.code, 'CHANNEL_CYCLE');
    const [a2, b2] = [(await env.api('GET', `/v1/channels/${a.id}`)).body, (await env.api('GET', `/v1/channels/${b.id}`)).body];
    assert.ok(a2.parent_id === null || b2.parent_id === null, 'no loop: one of them is still at the top');
  }
});

test('a partner sees its subtree only, adds below itself, and cannot reach above or beside', async () => {
  const top = await made({ name: '总代' });
  const mine = await made({ name: '区域代理甲', parent_id: top.id });
  const sibling = await made({ name: '区域代理乙', parent_id: top.id });
  const key = await partnerKey(mine.id);

  const child = await made({ name: '团长', parent_id: mine.id }, key);
  const grandchild = await made({ name: 'KOC', parent_id: child.id }, key);
  const seen = (await env.api('GET', '/v1/channels', undefined, { key })).body.data.map((c: any) => c.id);
  assert.deepEqual(seen, [mine.id, child.id, grandchild.id]);

  for (const id of [top.id, sibling.id]) {
    assert.equal((await env.api('GET', `/v1/channels/${id}`, undefined, { key })).status, 404);
    assert.equal((await env.api('PATCH', `/v1/channels/${id}`, { name: '改' }, { key })).status, 404);
    assert.equal((await env.api('POST', '/v1/channels', { name: 'x', parent_id: id }, { key })).status, 404);
  }
  assert.equal((await env.api('POST', '/v1/channels', { name: '顶级' }, { key })).status, 404, 'no top-level channel');
  assert.equal((await env.api('PATCH', `/v1/channels/${mine.id}`, { parent_id: child.id }, { key })).status, 403, 'its own place is the brand’s to change');
  assert.equal((await env.api('PATCH', `/v1/channels/${grandchild.id}`, { parent_id: sibling.id }, { key })).status, 404);
  assert.equal((await env.api('PATCH', `/v1/channels/${grandchild.id}`, { parent_id: mine.id }, { key })).status, 200, 'moves within');

  // cards issued through the subtree are the partner's to read; a sibling's are not
  const t = await fx.template('cash', { amount_off: 500 });
  const batch = await fx.batch(t.id);
  const viaChild = await env.api('POST', '/v1/cards/issue', { batch_id: batch.id, channel_id: child.id }, { key });
  assert.equal(viaChild.status, 201, JSON.stringify(viaChild.body));
  const viaSibling = await env.api('POST', '/v1/cards/issue', { batch_id: batch.id, channel_id: sibling.id });
  assert.equal((await env.api('POST', '/v1/cards/issue', { batch_id: batch.id, channel_id: sibling.id }, { key })).status, 404);
  assert.equal((await env.api('GET', `/v1/cards/${viaChild.body.id}`, undefined, { key })).status, 200);
  assert.equal((await env.api('GET', `/v1/cards/${viaSibling.body.id}`, undefined, { key })).status, 404);
  const childKey = await partnerKey(child.id);
  assert.equal((await env.api('GET', `/v1/cards/${viaChild.body.id}`, undefined, { key: childKey })).status, 200);
  assert.equal((await env.api('GET', `/v1/channels/${mine.id}`, undefined, { key: childKey })).status, 404, 'a child does not see its parent');
});

test('a suspended channel keeps its cards but issues no more', async () => {
  const ch = await made({ name: '暂停的渠道' });
  const t = await fx.template('cash', { amount_off: 500 });
  const batch = await fx.batch(t.id);
  const card = await env.api('POST', '/v1/cards/issue', { batch_id: batch.id, channel_id: ch.id });
  assert.equal(card.status, 201);
  assert.equal((await env.api('PATCH', `/v1/channels/${ch.id}`, { status: 'suspended' })).body.status, 'suspended');
  const refused = await env.api('POST', '/v1/cards/issue', { batch_id: batch.id, channel_id: ch.id });
  assert.equal(refused.status, 409);
  assert.equal(refused.body.code, 'CHANNEL_SUSPENDED');
  assert.equal((await env.api('GET', `/v1/cards/${card.body.id}`)).status, 200);
  const trail = (await env.api('GET', '/v1/audit?action=channel.update')).body.data ?? [];
  assert.ok(trail.length >= 1, 'the change is audited');
});
