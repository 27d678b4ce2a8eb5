import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, type TestEnv } from '../../testing/harness.js';
import { groupKit } from './testing.js';
import { tagMember } from '../segments/service.js';

/**
 * 组团解锁, its limits: a group not full by its deadline expires (the sweep), its hold of the stock goes
 * back to the campaign and its members are told by an event; the stock of groups and the per-member
 * limit hold; a paused campaign starts no group while its open ones may still fill; bad terms are named.
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

test('an unfilled group expires at its deadline: the stock it held comes back, its members are told, its link refuses', async () => {
  const { ok, refused, member, template, campaign, tokenOf } = kit;
  const c = await campaign({
    name: '限量团',
    size: 3,
    time_limit_minutes: 30,
    stock: 1,
    rewards: [{ type: 'card', template_id: (await template('限量券')).id }],
  });
  const [a, b, d] = [await member('甲'), await member('乙'), await member('丙')];
  const g = ok(await a.as('POST', `/v1/wallet/group-campaigns/${c.id}/groups`, {}), 201);
  ok(await b.as('POST', '/v1/wallet/groups/join', { token: tokenOf(g.url) }));
  // the one group of stock is held: nobody else can start one
  refused(await d.as('POST', `/v1/wallet/group-campaigns/${c.id}/groups`, {}), 'GROUP_STOCK_EXHAUSTED');
  const shelf = ok(await d.as('GET', '/v1/wallet/group-campaigns')).data.find((x: any) => x.id === c.id);
  assert.deepEqual([shelf.can_start, shelf.left, shelf.unavailable.code], [false, 0, 'GROUP_STOCK_EXHAUSTED']);
  assert.match(shelf.unavailable.zh, /成团名额已经用完/);

  env.ctx.clock.advance(30 * 60_000);
  const late = refused(await d.as('POST', '/v1/wallet/groups/join', { token: tokenOf(g.url) }), 'GROUP_EXPIRED');
  assert.ok(late.deadline);
  await env.jobs();
  const after = ok(await env.api('GET', `/v1/group-campaigns/${c.id}`));
  assert.deepEqual([after.results.expired, after.results.open, after.left], [1, 0, 1]);
  const expired = (
    await env.ctx.db.query<{ member_id: string }>(`SELECT member_id FROM events WHERE event_type = 'group.expired' AND data->>'group_id' = $1`, [g.id])
  ).rows;
  assert.deepEqual(expired.map((x) => x.member_id).sort(), [a.id, b.id].sort());
  assert.equal(ok(await a.as('GET', '/v1/wallet/groups')).data[0].state, 'expired');
  refused(await d.as('POST', '/v1/wallet/groups/join', { token: tokenOf(g.url) }), 'GROUP_EXPIRED');
  // the hold came back: a new group starts; the expired one no longer counts against 甲's limit (1 by default)
  assert.equal(ok(await a.as('GET', '/v1/wallet/group-campaigns')).data.find((x: any) => x.id === c.id).my_groups, 0);
  ok(await d.as('POST', `/v1/wallet/group-campaigns/${c.id}/groups`, {}), 201);
  await env.jobs();
  assert.equal(ok(await env.api('GET', `/v1/group-campaigns/${c.id}`)).results.expired, 1, 'a second sweep expires nothing more');
});

test('the per-member limit counts open and unlocked groups; a paused campaign starts none, its open groups still fill', async () => {
  const { ok, refused, member, campaign, tokenOf } = kit;
  const c = await campaign({ name: '每人一团', size: 2, time_limit_minutes: 60, per_member_limit: 1, rewards: [{ type: 'points', amount: 10 }] });
  const [a, b, d] = [await member('甲'), await member('乙'), await member('丙')];
  const g = ok(await a.as('POST', `/v1/wallet/group-campaigns/${c.id}/groups`, {}), 201);
  const limit = refused(await a.as('POST', `/v1/wallet/group-campaigns/${c.id}/groups`, {}), 'GROUP_MEMBER_LIMIT');
  assert.equal(limit.limit, 1);
  const other = ok(await b.as('POST', `/v1/wallet/group-campaigns/${c.id}/groups`, {}), 201);
  refused(await a.as('POST', '/v1/wallet/groups/join', { token: tokenOf(other.url) }), 'GROUP_MEMBER_LIMIT');
  assert.equal(ok(await env.api('GET', `/v1/group-campaigns/${c.id}/groups?state=open`)).data.length, 2, 'nothing changed');

  ok(await env.api('POST', `/v1/group-campaigns/${c.id}/pause`, {}));
  refused(await d.as('POST', `/v1/wallet/group-campaigns/${c.id}/groups`, {}), 'GROUP_CAMPAIGN_NOT_PUBLISHED');
  assert.equal(ok(await d.as('GET', '/v1/wallet/group-campaigns')).data.filter((x: any) => x.id === c.id).length, 0, 'a paused campaign is not offered');
  const filled = ok(await d.as('POST', '/v1/wallet/groups/join', { token: tokenOf(g.url) }));
  assert.equal(filled.state, 'unlocked');
  assert.equal(ok(await env.api('GET', `/v1/members/${d.id}/points`)).points, 10);
  // unlocked counts: 丙 is at the limit too
  refused(await d.as('POST', '/v1/wallet/groups/join', { token: tokenOf(other.url) }), 'GROUP_MEMBER_LIMIT');
});

test('bad terms are named by field and change nothing; stock never below the groups holding it', async () => {
  const { ok, refused, member, template, campaign } = kit;
  const t = await template('券');
  const base = { name: '团', size: 3, time_limit_minutes: 60, rewards: [{ type: 'card', template_id: t.id }] };
  const made = (await env.api('GET', '/v1/group-campaigns')).body.data.length;
  const field = async (body: unknown, want: RegExp, status = 400) => {
    const r = refused(await env.api('POST', '/v1/group-campaigns', body), 'VALIDATION_FAILED', status);
    assert.match(JSON.stringify(r.errors), want);
  };
  await field({ ...base, size: 1 }, /size/);
  await field({ ...base, size: 51 }, /size/);
  await field({ ...base, time_limit_minutes: 0 }, /time_limit_minutes/);
  await field({ ...base, stock: -1 }, /stock/);
  await field({ ...base, per_member_limit: 0 }, /per_member_limit/);
  await field({ ...base, rewards: [] }, /rewards/);
  await field({ ...base, colour: 'red' }, /colour/, 422);
  await field({ ...base, size: '3' }, /size/);
  await field({ ...base, rewards: [{ type: 'card', template_id: 'tpl_nope' }] }, /rewards\/0\/template_id/, 422);
  await field({ ...base, starts_at: '2030-01-02T00:00:00Z', ends_at: '2030-01-01T00:00:00Z' }, /ends_at/, 422);
  refused(await env.api('GET', '/v1/group-campaigns/gpc_nope'), 'GROUP_CAMPAIGN_NOT_FOUND', 404);
  assert.equal(ok(await env.api('GET', '/v1/group-campaigns')).data.length, made, 'nothing made');

  const c = await campaign({ ...base, stock: 5 });
  const a = await member('甲');
  ok(await a.as('POST', `/v1/wallet/group-campaigns/${c.id}/groups`, {}), 201);
  const low = refused(await env.api('PATCH', `/v1/group-campaigns/${c.id}`, { stock: 0 }), 'GROUP_STOCK_BELOW_USED');
  assert.equal(low.used, 1);
  const changed = ok(await env.api('PATCH', `/v1/group-campaigns/${c.id}`, { stock: 1, size: 4 }));
  assert.deepEqual([changed.stock, changed.left, changed.size], [1, 0, 4]);
  assert.equal(ok(await env.api('GET', `/v1/group-campaigns/${c.id}/groups`)).data[0].size, 3, 'an open group keeps the size it started with');
  // an analyst reads, never changes; a member's wallet key cannot reach the console's routes
  const analyst = ok(await env.api('POST', '/v1/api-keys', { name: 'a', role: 'analyst' }), 201).secret;
  assert.equal((await env.api('GET', '/v1/group-campaigns', undefined, { key: analyst })).status, 200);
  refused(await env.api('POST', `/v1/group-campaigns/${c.id}/pause`, {}, { key: analyst }), 'FORBIDDEN', 403);
});

test('an audience of a segment: only its members start or join; an unknown segment is named', async () => {
  const { ok, refused, member, template, campaign, tokenOf } = kit;
  const t = await template('会员专享券');
  // the segment 「VIP」 (members tagged VIP); made in SQL until the segments module has its routes
  await env.ctx.db.query(
    `INSERT INTO segments (tenant_id, id, name, conditions, created_at, updated_at) VALUES ($1, 'seg_vip', 'VIP 会员', $2, now(), now())`,
    [env.tenantId, JSON.stringify({ all: [{ field: 'tag', op: 'has', value: 'VIP' }] })],
  );
  const base = { name: 'VIP 双人团', size: 2, time_limit_minutes: 60, rewards: [{ type: 'card', template_id: t.id }] };
  const bad = refused(await env.api('POST', '/v1/group-campaigns', { ...base, audience: { segment_id: 'seg_nope' } }), 'VALIDATION_FAILED', 422);
  assert.match(JSON.stringify(bad.errors), /audience\/segment_id/);
  const c = await campaign({ ...base, audience: { segment_id: 'seg_vip' } });
  assert.deepEqual(c.audience, { segment_id: 'seg_vip', segment_name: 'VIP 会员' });
  const [vip, vip2, plain] = [await member('贵宾'), await member('贵宾二'), await member('普通')];
  await env.ctx.db.tx(async (q) => {
    for (const m of [vip, vip2]) await tagMember(q, env.tenantId, m.id, 'VIP', { kind: 'operator', id: 'test' }, env.ctx.clock.now());
  });
  assert.equal(ok(await plain.as('GET', '/v1/wallet/group-campaigns')).data.filter((x: any) => x.id === c.id).length, 0, 'not offered outside it');
  refused(await plain.as('POST', `/v1/wallet/group-campaigns/${c.id}/groups`, {}), 'GROUP_NOT_IN_AUDIENCE');
  const g = ok(await vip.as('POST', `/v1/wallet/group-campaigns/${c.id}/groups`, {}), 201);
  refused(await plain.as('POST', '/v1/wallet/groups/join', { token: tokenOf(g.url) }), 'GROUP_NOT_IN_AUDIENCE');
  assert.equal(ok(await vip2.as('POST', '/v1/wallet/groups/join', { token: tokenOf(g.url) })).state, 'unlocked');
});
