import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';
import { dispatchEvents } from '../../platform/events.js';
import { problemText } from '../../platform/problems/catalogue.js';

/**
 * 窜货 leakage: a card of a 江苏省 channel redeemed at a Shanghai store is flagged (an alert in the
 * list, a channel.leakage event, a webhook delivery) or refused, per template; a store inside the
 * channel's regions and tags passes; a binding by a member outside the regions is flagged, one of
 * unknown region is not; a partner sees its own subtree's alerts only.
 */
let env: TestEnv;
let fx: Awaited<ReturnType<typeof fixtures>>;
let jiangsu: any;
let suzhou: any;
let other: any;
let shanghaiStore: any;
let nanjingStore: any;
let suzhouMall: any;

before(async () => {
  env = await startTestEnv();
  fx = await fixtures(env);
  const ch = async (body: object) => {
    const r = await env.api('POST', '/v1/channels', body);
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body;
  };
  jiangsu = await ch({ name: '江苏总代', regions: ['江苏省'] });
  suzhou = await ch({ name: '苏州商场代理', parent_id: jiangsu.id, regions: ['苏州市'], store_tags: ['商场'] });
  other = await ch({ name: '上海总代', regions: ['上海市'] });
  shanghaiStore = await fx.store({ name: '上海南京路店', province: '上海市', city: '上海市' });
  nanjingStore = await fx.store({ name: '南京新街口店', province: '江苏省', city: '南京市' });
  suzhouMall = await fx.store({ name: '苏州观前商场店', province: '江苏省', city: '苏州市', tags: ['商场'] });
});
after(() => env.close());

/** A card of this template issued to a member through a channel. */
async function cardOf(channelId: string, leakage?: string, member?: string) {
  const t = await fx.template('cash', { amount_off: 500 }, leakage ? { rules: { leakage } } : {});
  const b = await fx.batch(t.id);
  const m = member ?? (await fx.member()).id;
  const r = await env.api('POST', '/v1/cards/issue', { batch_id: b.id, member_id: m, channel_id: channelId });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return { card: r.body, template: t, batch: b };
}
const alerts = async (qs = '', key?: string) => {
  await dispatchEvents(env.ctx);
  const r = await env.api('GET', `/v1/leakage-alerts${qs}`, undefined, key ? { key } : undefined);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body;
};

test('flag (the default): a 江苏省 card redeemed in Shanghai goes through, is listed with names, and its event reaches a webhook', async () => {
  const hook = await env.api('POST', '/v1/webhook-endpoints', { url: 'https://example.com/leakage', event_types: ['channel.leakage'] });
  assert.equal(hook.status, 201, JSON.stringify(hook.body));
  const { card, template } = await cardOf(jiangsu.id);
  const r = await env.api('POST', '/v1/redemptions', { code: card.code, store_id: shanghaiStore.id, order_amount: 8_800 });
  assert.equal(r.status, 201, JSON.stringify(r.body));

  // the redemption event carries the card's channel (数据穿透)
  const ev = await env.ctx.db.query(`SELECT channel_id, store_id FROM events WHERE card_id = $1 AND event_type = 'card.redeemed'`, [card.id]);
  assert.deepEqual(ev.rows, [{ channel_id: jiangsu.id, store_id: shanghaiStore.id }]);

  const list = await alerts(`?template_id=${template.id}`);
  assert.equal(list.data.length, 1);
  const a = list.data[0];
  assert.equal(a.kind, 'redemption');
  assert.equal(a.rule, 'flag');
  assert.deepEqual(a.reasons, ['region']);
  assert.equal(a.card_id, card.id);
  assert.equal(a.channel_id, jiangsu.id);
  assert.equal(a.store_id, shanghaiStore.id);
  assert.equal(a.redemption_id, r.body.id);
  assert.equal(a.handled_at, null);
  assert.equal(list.names[jiangsu.id], '江苏总代');
  assert.equal(list.names[shanghaiStore.id], '上海南京路店');

  const leak = await env.ctx.db.query(`SELECT channel_id, store_id, template_id, data FROM events WHERE card_id = $1 AND event_type = 'channel.leakage'`, [
    card.id,
  ]);
  assert.equal(leak.rows.length, 1);
  assert.equal(leak.rows[0].channel_id, jiangsu.id);
  assert.equal(leak.rows[0].store_id, shanghaiStore.id);
  assert.equal(leak.rows[0].template_id, template.id);
  assert.equal(leak.rows[0].data.alert_id, a.id);
  assert.deepEqual(leak.rows[0].data.reasons, ['region']);

  await dispatchEvents(env.ctx); // the outbox follows the leakage event
  const sent = await env.api('GET', `/v1/webhook-endpoints/${hook.body.id}/deliveries`);
  assert.deepEqual(
    sent.body.data.map((d: any) => d.event_type),
    ['channel.leakage'],
  );

  // seeing the events again raises nothing twice
  await env.ctx.db.query(`UPDATE event_cursors SET xid = '0'::xid8, id = 0 WHERE subscriber = 'leakage'`);
  assert.equal((await alerts(`?template_id=${template.id}`)).data.length, 1);
});

test('refuse: the clerk reads why, naming the channel and the store; nothing is written', async () => {
  const { card, template } = await cardOf(jiangsu.id, 'refuse');
  const r = await env.api('POST', '/v1/redemptions', { code: card.code, store_id: shanghaiStore.id });
  assert.equal(r.status, 403, JSON.stringify(r.body));
  assert.equal(r.body.code, 'CHANNEL_LEAKAGE_REFUSED');
  assert.equal(r.body.channel_name, '江苏总代');
  assert.equal(r.body.store_name, '上海南京路店');
  assert.match(problemText(r.body, 'zh-CN').text, /这张券属于其他区域的渠道（江苏总代），不能在本店（上海南京路店）核销/);
  assert.equal((await env.api('GET', `/v1/cards/${card.id}`)).body.uses_left, 1);
  assert.equal((await alerts(`?template_id=${template.id}`)).data.length, 0);
  // inside the channel's region it goes through
  const ok = await env.api('POST', '/v1/redemptions', { code: card.code, store_id: nanjingStore.id });
  assert.equal(ok.status, 201, JSON.stringify(ok.body));
  assert.equal((await alerts(`?template_id=${template.id}`)).data.length, 0);
});

test('refuse on the transactional path too (a stamp card reaching its goal): the guard reads through the transaction', async () => {
  const reward = await fx.template('cash', { amount_off: 100 });
  const t = await fx.template('stamp', { goal: 2, reward_template_id: reward.id }, { rules: { leakage: 'refuse' } });
  const b = await fx.batch(t.id);
  const m = await fx.member();
  const card = (await env.api('POST', '/v1/cards/issue', { batch_id: b.id, member_id: m.id, channel_id: jiangsu.id })).body;
  assert.equal((await env.api('POST', '/v1/redemptions', { code: card.code, store_id: nanjingStore.id })).status, 201);
  const r = await env.api('POST', '/v1/redemptions', { code: card.code, store_id: shanghaiStore.id });
  assert.equal(r.status, 403, JSON.stringify(r.body));
  assert.equal(r.body.code, 'CHANNEL_LEAKAGE_REFUSED');
  assert.equal((await env.api('GET', `/v1/cards/${card.id}`)).body.stamps, 1);
  const ok = await env.api('POST', '/v1/redemptions', { code: card.code, store_id: nanjingStore.id });
  assert.equal(ok.status, 201, JSON.stringify(ok.body));
  assert.ok(ok.body.reward_card_id, 'the goal was reached inside the region');
});

test('a store inside the regions and with a matching tag passes; a tag missing is flagged; allow raises nothing', async () => {
  const inside = await cardOf(suzhou.id);
  assert.equal((await env.api('POST', '/v1/redemptions', { code: inside.card.code, store_id: suzhouMall.id })).status, 201);
  assert.equal((await alerts(`?template_id=${inside.template.id}`)).data.length, 0);

  const untagged = await cardOf(suzhou.id);
  const plain = await fx.store({ name: '苏州街边店', province: '江苏省', city: '苏州市' });
  assert.equal((await env.api('POST', '/v1/redemptions', { code: untagged.card.code, store_id: plain.id })).status, 201);
  assert.deepEqual((await alerts(`?template_id=${untagged.template.id}`)).data[0].reasons, ['store_tags']);

  const allowed = await cardOf(jiangsu.id, 'allow');
  assert.equal((await env.api('POST', '/v1/redemptions', { code: allowed.card.code, store_id: shanghaiStore.id })).status, 201);
  assert.equal((await alerts(`?template_id=${allowed.template.id}`)).data.length, 0);

  const bad = await env.api('POST', '/v1/templates', {
    kind: 'cash',
    name: 'x',
    value: { amount_off: 1 },
    validity: { type: 'none' },
    rules: { leakage: 'maybe' },
  });
  assert.equal(bad.status, 400, 'allow, flag or refuse only');
});

test('a binding by a member outside the regions is flagged; a member of unknown region raises nothing', async () => {
  const t = await fx.template('cash', { amount_off: 500 });
  const b = await fx.batch(t.id);
  const bearer = async () => {
    const r = await env.api('POST', '/v1/cards/issue', { batch_id: b.id, channel_id: jiangsu.id });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body;
  };
  const outsider = await fx.member({ province: '广东省', city: '深圳市' });
  const unknown = await fx.member();
  const local = await fx.member({ province: '江苏省' });
  for (const m of [outsider, unknown, local]) {
    const c = await bearer();
    const r = await env.api('POST', '/v1/cards/bind', { code: c.code, member_id: m.id });
    assert.equal(r.status, 200, JSON.stringify(r.body));
  }
  const list = (await alerts(`?template_id=${t.id}`)).data;
  assert.equal(list.length, 1);
  assert.equal(list[0].kind, 'binding');
  assert.equal(list[0].member_id, outsider.id);
  assert.deepEqual(list[0].reasons, ['member_region']);
  assert.equal(list[0].store_id, null);
});

test('regions are kept on stores and members; a store moved into the region passes; external templates take no leakage rule', async () => {
  const store = await fx.store({ name: '临时店', province: ' 上海市 ', city: '上海市' });
  assert.equal(store.province, '上海市', 'trimmed');
  const { card, template } = await cardOf(jiangsu.id, 'refuse');
  assert.equal((await env.api('POST', '/v1/redemptions', { code: card.code, store_id: store.id })).status, 403);
  const moved = await env.api('PATCH', `/v1/stores/${store.id}`, { province: '江苏省', city: '无锡市' });
  assert.equal(moved.status, 200, JSON.stringify(moved.body));
  assert.deepEqual([moved.body.province, moved.body.city], ['江苏省', '无锡市']);
  assert.equal((await env.api('POST', '/v1/redemptions', { code: card.code, store_id: store.id })).status, 201);
  assert.equal((await alerts(`?template_id=${template.id}`)).data.length, 0);

  const m = await fx.member({ province: '广东省' });
  assert.equal(m.province, '广东省');
  const changed = await env.api('PATCH', `/v1/members/${m.id}`, { city: '深圳市' });
  assert.deepEqual([changed.body.province, changed.body.city], ['广东省', '深圳市']);

  const ext = await env.api('POST', '/v1/templates', {
    kind: 'external',
    name: 'x',
    value: { supplier: 's', product_name: 'p' },
    validity: { type: 'none' },
    rules: { leakage: 'flag' },
  });
  assert.equal(ext.status, 422);
  assert.equal(ext.body.errors[0].field, 'rules.leakage');
});

test('a partner sees its subtree’s alerts only; handling is once and audited; filters narrow the list', async () => {
  const mine = await cardOf(suzhou.id); // suzhou's card at a Shanghai store: outside region and tags
  const theirs = await cardOf(other.id); // 上海总代's card in Nanjing
  await env.api('POST', '/v1/redemptions', { code: mine.card.code, store_id: shanghaiStore.id });
  await env.api('POST', '/v1/redemptions', { code: theirs.card.code, store_id: nanjingStore.id });
  const key = (await env.api('POST', '/v1/api-keys', { name: 'p', role: 'channel', channel_id: jiangsu.id })).body.secret;
  const seen = await alerts('?limit=200', key);
  assert.ok(seen.data.length > 0);
  assert.ok(
    seen.data.every((a: any) => [jiangsu.id, suzhou.id].includes(a.channel_id)),
    'only its subtree',
  );
  assert.ok(seen.data.some((a: any) => a.card_id === mine.card.id));
  assert.equal((await env.api('GET', `/v1/leakage-alerts?channel_id=${other.id}`, undefined, { key })).status, 404);
  const sub = await alerts(`?channel_id=${suzhou.id}&limit=200`);
  assert.ok(sub.data.every((a: any) => a.channel_id === suzhou.id));
  assert.deepEqual(sub.data.find((a: any) => a.card_id === mine.card.id).reasons, ['region', 'store_tags']);
  const all = await alerts('?limit=200');
  assert.ok(all.data.some((a: any) => a.card_id === theirs.card.id));
  assert.ok(
    all.data.every((a: any, i: number) => i === 0 || a.id < all.data[i - 1].id),
    'newest first',
  );
  assert.equal((await alerts(`?store_id=${nanjingStore.id}&limit=200`)).data.filter((a: any) => a.card_id === theirs.card.id).length, 1);

  const target = all.data.find((a: any) => a.card_id === theirs.card.id);
  assert.equal((await env.api('POST', `/v1/leakage-alerts/${target.id}/handle`, { note: '已联系渠道' }, { key })).status, 403);
  const h = await env.api('POST', `/v1/leakage-alerts/${target.id}/handle`, { note: '已联系渠道' });
  assert.equal(h.status, 200, JSON.stringify(h.body));
  assert.ok(h.body.handled_at);
  assert.equal(h.body.note, '已联系渠道');
  const again = await env.api('POST', `/v1/leakage-alerts/${target.id}/handle`, { note: 'later' });
  assert.equal(again.body.note, '已联系渠道', 'the first handling stays');
  const handledList = await alerts('?handled=true&limit=200');
  assert.ok(handledList.data.some((a: any) => a.id === target.id));
  // who handled it is named beside its actor reference, like the card, channel and store
  const handledBy = handledList.data.find((a: any) => a.id === target.id).handled_by;
  assert.ok(handledBy && handledList.names[handledBy], `a name for ${handledBy}: ${JSON.stringify(handledList.names)}`);
  assert.ok(!(await alerts('?handled=false&limit=200')).data.some((a: any) => a.id === target.id));
  const audit = await env.ctx.db.query(`SELECT count(*)::int AS n FROM audit_entries WHERE action = 'leakage.handle' AND target_id = $1`, [target.id]);
  assert.equal(audit.rows[0].n, 2);
  assert.equal((await env.api('POST', '/v1/leakage-alerts/lka_nope/handle', {})).status, 404);
});
