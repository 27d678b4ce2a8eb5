import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';
import { walk, assertSortedWalk } from '../../testing/lists.js';

/**
 * 卡券搜索 card search: GET /v1/cards by member, template, batch, channel, state and expiring soon,
 * combined; keyset pages that keep the filters; unknown or malformed parameters refused; a channel
 * key or a wallet sees only its own cards whatever it asks for; GET /v1/cards/count counts what a
 * bulk action over the search would cover.
 */
let env: TestEnv;
let fx: Awaited<ReturnType<typeof fixtures>>;
const S: Record<string, any> = {};
let channelKey: string;

const ok = (r: { status: number; body: any }, what: string) => {
  assert.ok(r.status < 300, `${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};
const ids = async (query: string, key?: string) => (await walk(env, `/v1/cards?limit=3&${query}`, key)).rows.map((c) => c.id).sort();
const idsOf = (...cards: any[]) => cards.map((c) => c.id).sort();

before(async () => {
  env = await startTestEnv();
  fx = await fixtures(env);
  S.coffee = await fx.template('cash', { amount_off: 500 }, { name: '咖啡立减5元', validity: { type: 'relative', days: 2 } });
  S.tea = await fx.template('count', { uses: 3 }, { name: '奶茶次卡' });
  S.coffeeA = await fx.batch(S.coffee.id);
  S.coffeeB = await fx.batch(S.coffee.id);
  S.teaBatch = await fx.batch(S.tea.id);
  S.wang = await fx.member({ name: '王小明', phone: '13900001234' });
  S.li = await fx.member({ name: '李雷', phone: '13800005678' });
  S.ch1 = ok(await env.api('POST', '/v1/channels', { name: '美团' }), 'channel');
  S.ch2 = ok(await env.api('POST', '/v1/channels', { name: '抖音' }), 'channel');
  const issue = async (batch: any, member?: any, channel?: any) =>
    ok(await env.api('POST', '/v1/cards/issue', { batch_id: batch.id, member_id: member?.id, channel_id: channel?.id }), 'issue');
  S.c1 = await issue(S.coffeeA, S.wang, S.ch1);
  S.c2 = await issue(S.coffeeB, S.wang);
  S.c3 = await issue(S.teaBatch, S.wang, S.ch2);
  S.c4 = await issue(S.coffeeA, S.li, S.ch1);
  S.c5 = await issue(S.teaBatch, S.li);
  S.c6 = await issue(S.coffeeB, undefined, S.ch1); // a bearer code sold through channel 1
  ok(await env.api('POST', `/v1/cards/${S.c4.id}/freeze`, { reason: '客诉核实中' }), 'freeze');
  ok(await env.api('POST', `/v1/cards/${S.c5.id}/void`, { reason: '重复发放' }), 'void');
  channelKey = ok(await env.api('POST', '/v1/api-keys', { name: 'mt', role: 'channel', channel_id: S.ch1.id }), 'key').secret;
});
after(async () => {
  await env.close();
});

test('each filter alone, and together', async () => {
  assert.deepEqual(await ids(`member_id=${S.wang.id}`), idsOf(S.c1, S.c2, S.c3));
  assert.deepEqual(await ids(`template_id=${S.coffee.id}`), idsOf(S.c1, S.c2, S.c4, S.c6), 'a template’s cards across its batches');
  assert.deepEqual(await ids(`batch_id=${S.coffeeA.id}`), idsOf(S.c1, S.c4));
  assert.deepEqual(await ids(`channel_id=${S.ch1.id}`), idsOf(S.c1, S.c4, S.c6));
  assert.deepEqual(await ids('state=frozen'), idsOf(S.c4));
  assert.deepEqual(await ids('state=voided'), idsOf(S.c5));
  assert.deepEqual(await ids(`member_id=${S.wang.id}&template_id=${S.coffee.id}`), idsOf(S.c1, S.c2));
  assert.deepEqual(await ids(`template_id=${S.coffee.id}&channel_id=${S.ch1.id}&state=active`), idsOf(S.c1, S.c6));
  assert.deepEqual(await ids(`member_id=${S.li.id}&state=active`), []);
  const unused = await fx.template('cash', { amount_off: 100 });
  assert.deepEqual(await ids(`template_id=${unused.id}`), [], 'a template without batches has no cards');
});

test('expiring soon: active cards within the tenant’s days, with the other filters', async () => {
  env.ctx.clock.set(new Date(Date.now() + 36 * 3_600_000)); // the coffee cards (2 days) have half a day left; tea cards 29.5
  try {
    assert.deepEqual(await ids('expiring_soon=true'), idsOf(S.c1, S.c2, S.c6), 'not the frozen c4, not the voided c5');
    assert.deepEqual(await ids(`expiring_soon=true&member_id=${S.wang.id}`), idsOf(S.c1, S.c2));
    assert.deepEqual(await ids('expiring_soon=false'), await ids(''), 'false is the same as leaving it out');
    assert.deepEqual(ok(await env.api('GET', '/v1/cards/count?expiring_soon=true'), 'count'), { count: 3, over_cap: false, cap: 10_000 });
  } finally {
    env.ctx.clock.reset();
  }
});

test('pages keep the filters and the sort; the count matches', async () => {
  const rows = await assertSortedWalk(env, {
    url: `/v1/cards?template_id=${S.coffee.id}`,
    sort: 'valid_until',
    value: (c) => c.valid_until,
    limit: 2,
  });
  assert.deepEqual(rows.map((c) => c.id).sort(), idsOf(S.c1, S.c2, S.c4, S.c6));
  assert.equal(ok(await env.api('GET', `/v1/cards/count?template_id=${S.coffee.id}`), 'count').count, 4);
  assert.equal(ok(await env.api('GET', `/v1/cards/count?member_id=${S.wang.id}&state=active`), 'count').count, 3);
});

test('unknown or malformed parameters are refused, naming them; nothing is guessed', async () => {
  for (const [query, field] of [
    ['member=王小明', 'querystring'],
    ['state=lost', 'querystring.state'],
    ['expiring_soon=yes', 'querystring.expiring_soon'],
    ['channel_id=', 'querystring.channel_id'],
  ]) {
    const r = await env.api('GET', `/v1/cards?${query}`);
    assert.ok([400, 422].includes(r.status), `${query}: ${JSON.stringify(r.body)}`);
    assert.equal(r.body.code, 'VALIDATION_FAILED');
    assert.ok(r.body.errors[0].field.startsWith(field), `${query}: ${r.body.errors[0].field}`);
    assert.equal((await env.api('GET', `/v1/cards/count?${query}`)).status, r.status, `count ${query}`);
  }
});

test('a channel key finds only its channel’s cards, whatever it searches for; a wallet only its member’s', async () => {
  assert.deepEqual(await ids('', channelKey), idsOf(S.c1, S.c4, S.c6));
  assert.deepEqual(await ids(`channel_id=${S.ch2.id}`, channelKey), [], 'another channel’s cards are not found');
  assert.deepEqual(await ids(`member_id=${S.wang.id}`, channelKey), idsOf(S.c1));
  assert.equal(ok(await env.api('GET', `/v1/cards/count?channel_id=${S.ch2.id}`, undefined, { key: channelKey }), 'count').count, 0);
  assert.equal(ok(await env.api('GET', '/v1/cards/count', undefined, { key: channelKey }), 'count').count, 3);
  const link = ok(await env.api('POST', `/v1/members/${S.li.id}/wallet-link`, {}), 'link');
  const w = await env.api('GET', `/v1/cards/count?member_id=${S.wang.id}`, undefined, { headers: { authorization: `Wallet ${link.token}` } });
  assert.ok(w.status === 401 || (w.status === 200 && w.body.count === 0), `a wallet link is no key for the staff API: ${w.status}`);
  const other = await env.newTenant('别家');
  assert.deepEqual((await walk(env, `/v1/cards?member_id=${S.wang.id}`, other.ownerKey)).rows, [], 'another tenant finds nothing');
});
