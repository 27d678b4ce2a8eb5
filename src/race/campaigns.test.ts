import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { verifyInvariants } from '../platform/verify.js';
import { modules } from '../modules/index.js';
import { SKIP, startCluster, allAtOnce, tally, type Cluster, type Reply } from './cluster.js';

/**
 * The claim center under a rush 领券中心秒杀: three real server processes on one PostgreSQL. One campaign
 * of limited stock is claimed by many members at once, many more requests than stock, each member
 * asking several times against a limit of two, from their wallets and through the brand's API:
 * exactly the stock is claimed, no member passes their limit, each claim gave one card, and every
 * invariant (claimed = claims, member counts = their claims) holds. Then friends rush one share link
 * capped at a few friends: exactly that many claim through it, and the sharer is credited up to the cap.
 */
describe('claim center across three server processes', { skip: SKIP }, () => {
  let c: Cluster;
  const ok = (r: Reply, what: string) => {
    assert.ok(r.status < 300, `${what}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  before(async () => {
    c = await startCluster(3);
  });
  after(async () => {
    await c?.stop();
  });
  const members = async (n: number) => {
    const out: { id: string; token: string }[] = [];
    for (let i = 0; i < n; i++) {
      const m = ok(await c.call('POST', '/v1/members', { name: `会员${i}` }), 'member');
      out.push({ id: m.id, token: ok(await c.call('POST', `/v1/members/${m.id}/wallet-link`, {}), 'link').token });
    }
    return out;
  };

  test('stock 15, 40 members × 4 requests at once against a limit of 2: exactly 15 claims, nobody over 2', async () => {
    const t = ok(
      await c.call('POST', '/v1/templates', { kind: 'cash', name: '秒杀券', value: { amount_off: 1000 }, validity: { type: 'relative', days: 30 } }),
      'template',
    );
    const camp = ok(
      await c.call('POST', '/v1/campaigns', { name: '秒杀', stock: 15, per_member_limit: 2, rewards: [{ type: 'card', template_id: t.id }] }),
      'campaign',
    );
    ok(await c.call('POST', `/v1/campaigns/${camp.id}/publish`, {}), 'publish');
    const ms = await members(40);
    const rs = await allAtOnce(160, (i) => {
      const m = ms[i % ms.length]!;
      return i % 2
        ? c.call('POST', `/v1/wallet/campaigns/${camp.id}/claim`, {}, { headers: { authorization: `Wallet ${m.token}` }, server: i % 3 })
        : c.call('POST', `/v1/campaigns/${camp.id}/claims`, { member_id: m.id }, { server: i % 3 });
    });
    assert.ok(
      rs.every((r) => r.status === 201 || (r.status === 409 && ['CAMPAIGN_SOLD_OUT', 'CAMPAIGN_MEMBER_LIMIT'].includes(r.body.code))),
      JSON.stringify(tally(rs)),
    );
    const won = rs.map((r, i) => ({ r, m: ms[i % ms.length]! })).filter((x) => x.r.status === 201);
    assert.equal(won.length, 15, JSON.stringify(tally(rs)));
    const per = new Map<string, number>();
    for (const w of won) per.set(w.m.id, (per.get(w.m.id) ?? 0) + 1);
    assert.ok(
      [...per.values()].every((n) => n <= 2),
      'no member over their limit of two',
    );
    assert.equal(new Set(won.map((w) => w.r.body.cards[0].id)).size, 15, 'a card for each claim');
    const after = ok(await c.call('GET', `/v1/campaigns/${camp.id}`), 'campaign');
    assert.deepEqual([after.claimed, after.left, after.results.cards], [15, 0, 15]);
    assert.deepEqual(await verifyInvariants(c.ctx.db, modules, c.tenantId), []);
  });

  test('a share link capped at 5 friends, 30 friends at once: exactly 5 claim through it, the sharer credited for 3 (the cap)', async () => {
    const t = ok(
      await c.call('POST', '/v1/templates', { kind: 'cash', name: '分享券', value: { amount_off: 500 }, validity: { type: 'relative', days: 30 } }),
      'template',
    );
    const camp = ok(
      await c.call('POST', '/v1/campaigns', {
        kind: 'share',
        name: '分享领券',
        stock: 100,
        rewards: [{ type: 'card', template_id: t.id }],
        share: { credit_on: 'claim', credit_rewards: [{ type: 'points', amount: 10 }], credit_cap: 3, friends_per_share: 5 },
      }),
      'campaign',
    );
    ok(await c.call('POST', `/v1/campaigns/${camp.id}/publish`, {}), 'publish');
    const [sharer, ...friends] = await members(31);
    const link = ok(await c.call('POST', `/v1/wallet/campaigns/${camp.id}/shares`, {}, { headers: { authorization: `Wallet ${sharer!.token}` } }), 'share');
    const rs = await allAtOnce(60, (i) =>
      c.call('POST', '/v1/wallet/shares/claim', { token: link.secret }, { headers: { authorization: `Wallet ${friends[i % 30]!.token}` }, server: i % 3 }),
    );
    assert.ok(
      rs.every((r) => r.status === 201 || (r.status === 409 && ['SHARE_FULL', 'SHARE_ALREADY_CLAIMED', 'CAMPAIGN_MEMBER_LIMIT'].includes(r.body.code))),
      JSON.stringify(tally(rs)),
    );
    assert.equal(rs.filter((r) => r.status === 201).length, 5, JSON.stringify(tally(rs)));
    const pts = ok(await c.call('GET', `/v1/members/${sharer!.id}/points`), 'points');
    assert.equal(pts.points, 30, 'credited for three friends');
    const res = ok(await c.call('GET', `/v1/campaigns/${camp.id}`), 'campaign').results;
    assert.deepEqual([res.claimed, res.friends, res.credited], [5, 5, 3]);
    assert.deepEqual(await verifyInvariants(c.ctx.db, modules, c.tenantId), []);
  });
});
