import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { verifyInvariants } from '../platform/verify.js';
import { modules } from '../modules/index.js';
import { expireGroups } from '../modules/groups/expire.js';
import { SKIP, startCluster, allAtOnce, tally, type Cluster, type Reply } from './cluster.js';

/**
 * 组团解锁 under concurrency: three real server processes on one PostgreSQL. Many members join one group
 * of N at once: exactly N members, the group unlocked once and each member given once. The expiry sweep
 * racing the last join of many groups: each group ends either full and unlocked (the join won, every member
 * given) or expired (the join refused, nothing given) — never both. Every invariant holds after.
 */
describe('group unlock across three server processes', { skip: SKIP }, () => {
  let c: Cluster;
  const ok = (r: Reply, what: string) => {
    assert.ok(r.status < 300, `${what}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const members: { id: string; token: string }[] = [];
  const wallet = (m: { token: string }, server: number) => ({ headers: { authorization: `Wallet ${m.token}` }, server });
  const tokenOf = (url: string) => /#g=(kqj_[A-Za-z0-9_-]+)$/.exec(url)![1]!;
  const count = async (sql: string, args: unknown[]) => Number((await c.ctx.db.query<{ n: string }>(sql, args)).rows[0]!.n);
  let template: string;

  before(async () => {
    c = await startCluster(3);
    template = ok(
      await c.call('POST', '/v1/templates', { kind: 'cash', name: '成团券', value: { amount_off: 500 }, validity: { type: 'relative', days: 30 } }),
      'template',
    ).id;
    for (let i = 0; i < 60; i++) {
      const m = ok(await c.call('POST', '/v1/members', { name: `会员${i}` }), 'member');
      members.push({ id: m.id, token: ok(await c.call('POST', `/v1/members/${m.id}/wallet-link`, {}), 'link').token });
    }
  });
  after(async () => {
    await c?.stop();
  });

  const campaign = async (body: Record<string, unknown>) => {
    const made = ok(
      await c.call('POST', '/v1/group-campaigns', { time_limit_minutes: 60, rewards: [{ type: 'card', template_id: template }], ...body }),
      'campaign',
    );
    return ok(await c.call('POST', `/v1/group-campaigns/${made.id}/publish`, {}), 'publish');
  };

  test('50 members (and 10 of them twice) join one group of 6 at once: exactly 6 members, unlocked once, each given once', async () => {
    const camp = await campaign({ name: '六人团', size: 6, per_member_limit: null });
    const leader = members[0]!;
    const g = ok(await c.call('POST', `/v1/wallet/group-campaigns/${camp.id}/groups`, {}, wallet(leader, 0)), 'start');
    const joiners = [...members.slice(1, 51), ...members.slice(1, 11)];
    const rs = await allAtOnce(joiners.length, (i) => c.call('POST', '/v1/wallet/groups/join', { token: tokenOf(g.url) }, wallet(joiners[i]!, i % 3)));
    assert.ok(
      rs.every((r) => r.status === 200 || (r.status === 409 && ['GROUP_FULL', 'GROUP_ALREADY_JOINED'].includes(r.body.code))),
      JSON.stringify(tally(rs)),
    );
    assert.equal(rs.filter((r) => r.status === 200).length, 5, JSON.stringify(tally(rs)));
    assert.equal(rs.filter((r) => r.status === 200 && r.body.state === 'unlocked').length, 1, 'one join filled it');
    const group = ok(await c.call('GET', `/v1/group-campaigns/${camp.id}/groups`), 'groups').data[0];
    assert.deepEqual([group.joined, group.state, group.members.length], [6, 'unlocked', 6]);
    const inIt = group.members.map((m: any) => m.member_id);
    assert.equal(await count(`SELECT count(*) AS n FROM events WHERE event_type = 'group.unlocked' AND data->>'group_id' = $1`, [g.id]), 6);
    for (const m of members.slice(0, 51)) {
      const cards = ok(await c.call('GET', `/v1/cards?member_id=${m.id}`), 'cards').data.length;
      assert.equal(cards, inIt.includes(m.id) ? 1 : 0, `member ${m.id}: one card if in the group, none otherwise`);
    }
    const results = ok(await c.call('GET', `/v1/group-campaigns/${camp.id}`), 'campaign').results;
    assert.deepEqual([results.unlocked, results.rewarded, results.cards], [1, 6, 6]);
    assert.deepEqual(await verifyInvariants(c.ctx.db, modules, c.tenantId), []);
  });

  test('the expiry sweep racing the last join of 12 groups: each ends full and unlocked, or expired — never both', async (t) => {
    const camp = await campaign({ name: '三人团', size: 3, per_member_limit: null });
    const groups: { id: string; token: string; last: { id: string; token: string } }[] = [];
    for (let i = 0; i < 12; i++) {
      const [a, b, last] = [members[3 * i]!, members[3 * i + 1]!, members[3 * i + 2]!];
      const g = ok(await c.call('POST', `/v1/wallet/group-campaigns/${camp.id}/groups`, {}, wallet(a, i % 3)), 'start');
      ok(await c.call('POST', '/v1/wallet/groups/join', { token: tokenOf(g.url) }, wallet(b, i % 3)), 'join');
      groups.push({ id: g.id, token: tokenOf(g.url), last });
    }
    // the sweep runs as if past every deadline (three sweepers at once), while the servers still take joins
    const late = new Date(Date.now() + 2 * 3600_000);
    const [joins, ...swept] = await Promise.all([
      allAtOnce(groups.length, (i) => c.call('POST', '/v1/wallet/groups/join', { token: groups[i]!.token }, wallet(groups[i]!.last, i % 3))),
      expireGroups(c.ctx, late),
      expireGroups(c.ctx, late),
      expireGroups(c.ctx, late),
    ]);
    const expiredCount = (swept as number[]).reduce((a, b) => a + b, 0);
    const listed = ok(await c.call('GET', `/v1/group-campaigns/${camp.id}/groups?limit=50`), 'groups').data;
    let unlocked = 0;
    for (const [i, g] of groups.entries()) {
      const row = listed.find((x: any) => x.id === g.id);
      const r = (joins as Reply[])[i]!;
      const ev = async (type: string) => count(`SELECT count(*) AS n FROM events WHERE event_type = $1 AND data->>'group_id' = $2`, [type, g.id]);
      if (row.state === 'unlocked') {
        unlocked++;
        assert.equal(r.status, 200, JSON.stringify(r.body));
        assert.deepEqual([row.joined, await ev('group.unlocked'), await ev('group.expired')], [3, 3, 0]);
        assert.ok(row.members.every((m: any) => m.grant_id));
      } else {
        assert.equal(row.state, 'expired');
        assert.deepEqual([r.status, r.body.code], [409, 'GROUP_EXPIRED']);
        assert.deepEqual([row.joined, await ev('group.unlocked'), await ev('group.expired')], [2, 0, 2]);
        assert.ok(row.members.every((m: any) => !m.grant_id));
      }
    }
    assert.equal(unlocked + expiredCount, groups.length, `${unlocked} unlocked, ${expiredCount} expired`);
    t.diagnostic(`${unlocked} groups unlocked, ${expiredCount} expired`);
    const results = ok(await c.call('GET', `/v1/group-campaigns/${camp.id}`), 'campaign').results;
    assert.deepEqual([results.unlocked, results.expired, results.open, results.rewarded], [unlocked, expiredCount, 0, 3 * unlocked]);
    assert.deepEqual(await verifyInvariants(c.ctx.db, modules, c.tenantId), []);
  });
});
