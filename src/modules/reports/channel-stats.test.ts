import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';

/**
 * 数据穿透: stats by channel and subtree. A tree 华东 → 苏州 → 观前 and a sibling 华南, cards issued to
 * members and as bearer codes through them, bound and redeemed: each channel's subtree is exactly its
 * own plus its children's subtrees, the top level plus the cards of no channel is the whole tenant
 * (GET /v1/stats), the funnel narrows stage by stage, and a partner reads its own subtree only.
 */
let env: TestEnv;
let fx: Awaited<ReturnType<typeof fixtures>>;
const ch: Record<string, any> = {};
let tpl: any;
let batch: any;
let store: any;

const KEYS = ['issued', 'issued_to_members', 'bound', 'in_hands', 'redeemed', 'redeemed_cards', 'redeemed_amount', 'order_gmv'];

before(async () => {
  env = await startTestEnv();
  fx = await fixtures(env);
  const made = async (name: string, parent_id?: string) => (await env.api('POST', '/v1/channels', { name, parent_id })).body;
  ch.east = await made('华东总代');
  ch.suzhou = await made('苏州代理', ch.east.id);
  ch.guanqian = await made('观前团长', ch.suzhou.id);
  ch.south = await made('华南总代');
  tpl = await fx.template('cash', { amount_off: 500 });
  batch = await fx.batch(tpl.id);
  store = await fx.store({ name: '一号店' });
  // per channel: [to members, bearer codes, of the bearer bound, redeemed (of the member cards), order amount each]
  const plan: [string | null, number, number, number, number, number][] = [
    ['east', 1, 1, 0, 1, 10_000],
    ['suzhou', 2, 2, 1, 1, 20_000],
    ['guanqian', 1, 3, 2, 1, 30_000],
    ['south', 2, 0, 0, 2, 5_000],
    [null, 1, 0, 0, 1, 7_000],
  ];
  for (const [name, members, bearer, bound, redeemed, order] of plan) {
    const channel_id = name ? ch[name].id : undefined;
    const cards = [];
    for (let i = 0; i < members; i++) {
      const m = await fx.member();
      const r = await env.api('POST', '/v1/cards/issue', { batch_id: batch.id, member_id: m.id, channel_id });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      cards.push(r.body);
    }
    for (let i = 0; i < bearer; i++) {
      const r = await env.api('POST', '/v1/cards/issue', { batch_id: batch.id, channel_id });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      if (i < bound) {
        const m = await fx.member();
        assert.equal((await env.api('POST', '/v1/cards/bind', { code: r.body.code, member_id: m.id })).status, 200);
      }
    }
    for (let i = 0; i < redeemed; i++) {
      const r = await env.api('POST', '/v1/redemptions', { code: cards[i].code, store_id: store.id, order_amount: order });
      assert.equal(r.status, 201, JSON.stringify(r.body));
    }
  }
});
after(() => env.close());

const get = async (qs = '', key?: string) => {
  const r = await env.api('GET', `/v1/stats/channels${qs}`, undefined, key ? { key } : undefined);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body;
};
const sum = (...fs: any[]) => Object.fromEntries(KEYS.filter((k) => k in fs[0]).map((k) => [k, fs.reduce((a, f) => a + f[k], 0)]));
const pick = (f: any) => Object.fromEntries(KEYS.filter((k) => k in f).map((k) => [k, f[k]]));

test('the top level: each root’s subtree, the cards of no channel, and together the whole tenant', async () => {
  const s = await get();
  assert.deepEqual(
    s.rows.map((r: any) => r.name),
    ['华东总代', '华南总代'],
  );
  const east = s.rows[0];
  assert.equal(east.children, 1);
  assert.deepEqual(pick(east.subtree), {
    issued: 10,
    issued_to_members: 4,
    bound: 3,
    in_hands: 7,
    redeemed: 3,
    redeemed_cards: 3,
    redeemed_amount: east.subtree.redeemed_amount,
    order_gmv: 60_000,
  });
  assert.equal(east.own.issued, 2);
  assert.equal(east.own.order_gmv, 10_000);
  assert.equal(s.unattributed.issued, 1);
  assert.equal(s.unattributed.order_gmv, 7_000);
  assert.deepEqual(pick(s.totals), sum(...s.rows.map((r: any) => r.subtree), s.unattributed));
  const whole = (await env.api('GET', '/v1/stats?group_by=template')).body.totals;
  for (const k of ['issued', 'issued_to_members', 'bound', 'in_hands', 'redeemed', 'redeemed_amount', 'order_gmv'])
    assert.equal(s.totals[k], whole[k], `${k}: the channels add up to the tenant`);
});

test('drilling down: a subtree is exactly its own plus its children’s subtrees, at every level', async () => {
  const all = await get('?all=true');
  assert.equal(all.rows.length, 4);
  for (const parent of all.rows) {
    const d = await get(`?parent_id=${parent.channel_id}`);
    assert.equal(d.parent.channel_id, parent.channel_id);
    assert.equal(d.unattributed, null);
    assert.deepEqual(pick(d.parent.subtree), sum(d.parent.own, ...d.rows.map((r: any) => r.subtree)), parent.name);
    assert.deepEqual(pick(d.totals), pick(d.parent.subtree));
    assert.deepEqual(pick(parent.subtree), pick(d.parent.subtree), 'the same figures in either view');
  }
  const suzhou = (await get(`?parent_id=${ch.east.id}`)).rows[0];
  assert.equal(suzhou.name, '苏州代理');
  assert.equal(suzhou.subtree.issued, 8);
  assert.equal(suzhou.own.issued, 4);
  assert.equal(suzhou.subtree.order_gmv, 50_000);
});

test('the funnel: issued → reached a member → redeemed, each a part of the one before', async () => {
  const f = (await env.api('GET', `/v1/stats/channels/funnel?parent_id=${ch.suzhou.id}`)).body;
  assert.deepEqual(f.parent.own, { issued: 4, reached: 3, redeemed: 1 });
  assert.deepEqual(f.rows[0].own, { issued: 4, reached: 3, redeemed: 1 });
  assert.deepEqual(f.parent.subtree, { issued: 8, reached: 6, redeemed: 2 });
  const top = (await env.api('GET', '/v1/stats/channels/funnel')).body;
  assert.deepEqual(top.totals, { issued: 13, reached: 10, redeemed: 6 });
});

test('a partner reads its own subtree only; above or beside it is not found', async () => {
  const key = (await env.api('POST', '/v1/api-keys', { name: 'p', role: 'channel', channel_id: ch.suzhou.id })).body.secret;
  const s = await get('', key);
  assert.deepEqual(
    s.rows.map((r: any) => r.channel_id),
    [ch.suzhou.id],
  );
  assert.equal(s.unattributed, null);
  assert.equal(s.totals.issued, 8);
  assert.ok(!JSON.stringify(s).includes(ch.south.id));
  assert.equal((await get(`?parent_id=${ch.suzhou.id}`, key)).rows[0].channel_id, ch.guanqian.id);
  for (const id of [ch.east.id, ch.south.id]) assert.equal((await env.api('GET', `/v1/stats/channels?parent_id=${id}`, undefined, { key })).status, 404);
  const all = await get('?all=true', key);
  assert.deepEqual(
    all.rows.map((r: any) => r.name),
    ['苏州代理', '观前团长'],
  );
  assert.equal((await env.api('GET', '/v1/stats', undefined, { key })).status, 403, 'the tenant’s stats stay the brand’s');
});

test('the export: names, subtree and own figures, yuan, the total', async () => {
  const csv = await env.api('GET', '/v1/stats/channels/export?format=csv');
  assert.equal(csv.status, 200);
  assert.match(String(csv.headers['content-type']), /text\/csv/);
  const lines = String(csv.body)
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  assert.match(lines[0]!, /^渠道,层级,含下级·发放/);
  assert.ok(lines.some((l) => l.startsWith('华东总代,1,10,')));
  assert.ok(lines.some((l) => l.startsWith('（无渠道）')));
  assert.match(lines.at(-1)!, /^合计,,13,/);
  assert.ok(lines.find((l) => l.startsWith('华东总代'))!.includes(',600.00,'), 'GMV in yuan');
  const xlsx = await env.api('GET', '/v1/stats/channels/export?format=xlsx&lang=en');
  assert.equal(xlsx.status, 200);
});
