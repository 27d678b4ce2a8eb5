import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, type TestEnv } from '../../testing/harness.js';
import { groupKit } from './testing.js';
import { resolveNames } from '../../platform/names.js';

/**
 * 组团解锁: a member starts a group and friends join it through its link; the join that fills it unlocks
 * it for every member at once (each given the campaign's rewards, once, in the fill's transaction); a
 * full group, your own group twice and another brand's group are refused by name with nothing changed;
 * joins at once never overfill a group; the campaign's results count it all.
 */
let env: TestEnv;
let kit: ReturnType<typeof groupKit>;
before(async () => {
  env = await startTestEnv();
  kit = groupKit(env);
});
after(async () => {
  await env.close();
});

const events = async (type: string, groupId: string) =>
  (
    await env.ctx.db.query<{ member_id: string; data: any }>(`SELECT member_id, data FROM events WHERE event_type = $1 AND data->>'group_id' = $2`, [
      type,
      groupId,
    ])
  ).rows;

test('a group of 3 fills through its link and unlocks for all three at once; a fourth is refused as full', async () => {
  const { ok, refused, member, template, campaign, tokenOf } = kit;
  const latte = await template('拿铁兑换券');
  const c = await campaign({ name: '3人成团 · 每人一杯拿铁', size: 3, time_limit_minutes: 120, stock: 10, rewards: [{ type: 'card', template_id: latte.id }] });
  const [a, b, d, e] = [await member('张伟'), await member('王芳'), await member('李娜'), await member('赵敏')];

  const g = ok(await a.as('POST', `/v1/wallet/group-campaigns/${c.id}/groups`, {}), 201);
  assert.deepEqual([g.size, g.joined, g.state, g.mine, g.members[0].name], [3, 1, 'open', true, '张伟']);
  assert.match(g.url, /^http:\/\/localhost\/wallet\/group#g=kqj_/);
  const token = tokenOf(g.url);

  // the friend's landing: who started it (masked), progress; no link for a non-member of the group
  const seen = ok(await b.as('POST', '/v1/wallet/groups/preview', { token }));
  assert.deepEqual([seen.leader_name, seen.joined, seen.mine, seen.url], ['张**', 1, false, null]);
  refused(await a.as('POST', '/v1/wallet/groups/join', { token }), 'GROUP_ALREADY_JOINED');

  const two = ok(await b.as('POST', '/v1/wallet/groups/join', { token }));
  assert.deepEqual([two.joined, two.state, two.card_ids.length], [2, 'open', 0]);
  refused(await b.as('POST', '/v1/wallet/groups/join', { token }), 'GROUP_ALREADY_JOINED');
  const three = ok(await d.as('POST', '/v1/wallet/groups/join', { token }));
  assert.deepEqual([three.joined, three.state, three.url, three.card_ids.length], [3, 'unlocked', null, 1]);

  // every member holds the card now, each once, and its trace names the campaign
  for (const m of [a, b, d]) {
    const cards = ok(await env.api('GET', `/v1/cards?member_id=${m.id}`)).data;
    assert.equal(cards.length, 1, `${m.name} has one card`);
    assert.equal(cards[0].template_id, latte.id);
    const mine = ok(await m.as('GET', '/v1/wallet/groups')).data[0];
    assert.deepEqual([mine.state, mine.card_ids], ['unlocked', [cards[0].id]]);
  }
  const trace = ok(await env.api('GET', `/v1/cards/${three.card_ids[0]}/trace`));
  assert.deepEqual(trace.events.find((x: any) => x.event_type === 'issued').data.source, { kind: 'group', id: c.id, name: '3人成团 · 每人一杯拿铁' });

  // a fourth: refused by name, nothing changed
  const full = refused(await e.as('POST', '/v1/wallet/groups/join', { token }), 'GROUP_FULL');
  assert.equal(full.size, 3);
  assert.equal(ok(await env.api('GET', `/v1/cards?member_id=${e.id}`)).data.length, 0);

  const unlocked = await events('group.unlocked', g.id);
  assert.deepEqual(unlocked.map((x) => x.member_id).sort(), [a.id, b.id, d.id].sort());
  assert.equal((await events('group.joined', g.id)).length, 2);
  assert.equal((await events('group.started', g.id)).length, 1);

  const row = ok(await env.api('GET', `/v1/group-campaigns/${c.id}`));
  assert.deepEqual(row.results, {
    started: 1,
    open: 0,
    unlocked: 1,
    expired: 0,
    members: 3,
    rewarded: 3,
    cards: 3,
    redeemed_cards: 0,
    redeemed_amount: 0,
    gmv: 0,
  });
  assert.equal(row.left, 9);
  // the audit log and other read models name the campaign and the group, never their ids
  const names = await resolveNames(env.ctx.db, env.tenantId, [c.id, g.id]);
  assert.deepEqual([names.get(c.id), names.get(g.id)], ['3人成团 · 每人一杯拿铁', '3人成团 · 每人一杯拿铁 · 张伟的团']);
  const groups = ok(await env.api('GET', `/v1/group-campaigns/${c.id}/groups`)).data;
  assert.deepEqual(
    groups[0].members.map((m: any) => [m.name, m.seat, !!m.grant_id]),
    [
      ['张伟', 1, true],
      ['王芳', 2, true],
      ['李娜', 3, true],
    ],
  );
});

test('another brand’s member cannot join by the link; an unknown token is not found; bad tokens are named', async () => {
  const { ok, refused, member, template, campaign, tokenOf } = kit;
  const c = await campaign({ name: '双人团', size: 2, time_limit_minutes: 60, rewards: [{ type: 'card', template_id: (await template('双人券')).id }] });
  const a = await member('甲');
  const token = tokenOf(ok(await a.as('POST', `/v1/wallet/group-campaigns/${c.id}/groups`, {}), 201).url);
  const other = await env.newTenant('别家');
  const stranger = await member('外人', other.ownerKey);
  refused(await stranger.as('POST', '/v1/wallet/groups/join', { token }), 'GROUP_NOT_FOUND', 404);
  refused(await stranger.as('POST', '/v1/wallet/groups/preview', { token }), 'GROUP_NOT_FOUND', 404);
  refused(await a.as('POST', '/v1/wallet/groups/join', { token: `kqj_${'x'.repeat(32)}` }), 'GROUP_NOT_FOUND', 404);
  const bad = refused(await a.as('POST', '/v1/wallet/groups/join', { token: 'not-a-token' }), 'VALIDATION_FAILED', 400);
  assert.match(JSON.stringify(bad.errors), /token/);
  const extra = refused(await a.as('POST', '/v1/wallet/groups/join', { token, member_id: 'mem_x' }), 'VALIDATION_FAILED', 422);
  assert.match(JSON.stringify(extra.errors), /member_id/);
  // staff and other members' keys: the wallet routes are the member's own
  assert.equal((await env.api('POST', '/v1/wallet/groups/join', { token })).status, 401);
  const g = ok(await env.api('GET', `/v1/group-campaigns/${c.id}/groups`)).data[0];
  assert.equal(g.joined, 1, 'nothing changed');
});

test('many joining one group at once: exactly its size, unlocked once, each member given once', async () => {
  const { ok, member, template, campaign, tokenOf } = kit;
  const c = await campaign({
    name: '四人团',
    size: 4,
    time_limit_minutes: 60,
    rewards: [
      { type: 'card', template_id: (await template('四人券')).id },
      { type: 'points', amount: 5 },
    ],
  });
  const leader = await member('团长');
  const token = tokenOf(ok(await leader.as('POST', `/v1/wallet/group-campaigns/${c.id}/groups`, {}), 201).url);
  const friends = [];
  for (let i = 0; i < 8; i++) friends.push(await member(`朋友${i}`));
  const rs = await Promise.all([...friends, ...friends.slice(0, 3)].map((f) => f.as('POST', '/v1/wallet/groups/join', { token })));
  assert.equal(rs.filter((r) => r.status === 200).length, 3, JSON.stringify(rs.map((r) => r.body.code ?? r.status)));
  assert.ok(rs.every((r) => r.status === 200 || ['GROUP_FULL', 'GROUP_ALREADY_JOINED'].includes(r.body.code)));
  const g = ok(await env.api('GET', `/v1/group-campaigns/${c.id}/groups`)).data[0];
  assert.deepEqual([g.joined, g.state, g.members.length], [4, 'unlocked', 4]);
  assert.equal((await events('group.unlocked', g.id)).length, 4);
  const results = ok(await env.api('GET', `/v1/group-campaigns/${c.id}`)).results;
  assert.deepEqual([results.unlocked, results.rewarded, results.cards], [1, 4, 4]);
});

test('a member whose own reward is refused is recorded; the group still unlocks for the others', async () => {
  const { ok, member, template, campaign, tokenOf } = kit;
  const once = await template('限领一张', { rules: { per_member_limit: 1 } });
  const batch = ok(await env.api('POST', '/v1/batches', { template_id: once.id, name: 'b', mode: 'on_issue' }), 201);
  const c = await campaign({ name: '限领团', size: 2, time_limit_minutes: 60, rewards: [{ type: 'card', template_id: once.id }] });
  const [a, b] = [await member('已领过'), await member('新朋友')];
  ok(await env.api('POST', '/v1/cards/issue', { batch_id: batch.id, member_id: a.id }), 201);
  const token = tokenOf(ok(await a.as('POST', `/v1/wallet/group-campaigns/${c.id}/groups`, {}), 201).url);
  const g = ok(await b.as('POST', '/v1/wallet/groups/join', { token }));
  assert.deepEqual([g.state, g.card_ids.length], ['unlocked', 1]);
  const members = ok(await env.api('GET', `/v1/group-campaigns/${c.id}/groups`)).data[0].members;
  assert.deepEqual(
    members.map((m: any) => [m.name, m.reward_problem, !!m.grant_id]),
    [
      ['已领过', 'MEMBER_LIMIT_REACHED', false],
      ['新朋友', null, true],
    ],
  );
});
