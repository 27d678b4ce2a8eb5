import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';
import { dispatchEvents } from '../../platform/events.js';
import { verifyInvariants } from '../../platform/verify.js';
import { modules } from '../index.js';

/**
 * 分享领券: a member makes a share link (its token shown once); friends who open it claim from the
 * campaign's pool — never the sharer, once per friend per link, at most friends_per_share per link;
 * the sharer is credited once per friend, on the friend's claim or on the friend's first redemption
 * (a subscriber on card.redeemed), up to the cap. Another tenant's link is not found.
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

const ok = (r: { status: number; body: any }, status = 200) => {
  assert.equal(r.status, status, JSON.stringify(r.body));
  return r.body;
};
const refused = (r: { status: number; body: any }, status: number, code: string) => {
  assert.equal(r.status, status, JSON.stringify(r.body));
  assert.equal(r.body.code, code, JSON.stringify(r.body));
  return r.body;
};
const walletOf = async (memberId: string, key?: string) => {
  const token = ok(await env.api('POST', `/v1/members/${memberId}/wallet-link`, {}, key ? { key } : undefined), 201).token as string;
  return (method: string, url: string, body?: unknown) => env.api(method, url, body, { headers: { authorization: `Wallet ${token}` } });
};
const member = async (name: string) => {
  const m = await fx.member({ name });
  return { id: m.id as string, w: await walletOf(m.id) };
};
const points = async (memberId: string) => ok(await env.api('GET', `/v1/members/${memberId}/points`)).points as number;
const shareCampaign = async (share: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
  const t = await fx.template('cash', { amount_off: 500 }, { name: '好友分享券' });
  const c = ok(
    await env.api('POST', '/v1/campaigns', {
      kind: 'share',
      name: '分享得积分',
      stock: 20,
      rewards: [{ type: 'card', template_id: t.id }],
      share: { credit_rewards: [{ type: 'points', amount: 30 }], credit_cap: 2, friends_per_share: null, ...share },
      ...extra,
    }),
    201,
  );
  ok(await env.api('POST', `/v1/campaigns/${c.id}/publish`));
  return c;
};

test('credit on claim: friends claim through the link, the sharer gets points per friend up to the cap; own link and a second claim refused', async () => {
  const c = await shareCampaign({ credit_on: 'claim' });
  const sharer = await member('分享人');
  const link = ok(await sharer.w('POST', `/v1/wallet/campaigns/${c.id}/shares`, {}), 201);
  assert.match(link.url, /\/wallet\/claim#s=kqs_/);
  assert.equal(link.url.split('#s=')[1], link.secret);
  const token = link.secret as string;

  const own = ok(await sharer.w('POST', '/v1/wallet/shares/preview', { token }));
  assert.deepEqual([own.yours, own.campaign.available, own.campaign.unavailable.code], [true, false, 'SHARE_OWN']);
  refused(await sharer.w('POST', '/v1/wallet/shares/claim', { token }), 409, 'SHARE_OWN');

  const friends = [await member('好友甲'), await member('好友乙'), await member('好友丙')];
  const seen = ok(await friends[0]!.w('POST', '/v1/wallet/shares/preview', { token }));
  assert.deepEqual([seen.sharer_name, seen.yours, seen.claimed, seen.campaign.available], ['分享人', false, false, true]);
  for (const f of friends) {
    const claim = ok(await f.w('POST', '/v1/wallet/shares/claim', { token }), 201);
    assert.equal(claim.via, 'share');
    assert.equal(claim.share_id, link.id);
    assert.equal(claim.cards.length, 1);
  }
  refused(await friends[0]!.w('POST', '/v1/wallet/shares/claim', { token }), 409, 'SHARE_ALREADY_CLAIMED');
  assert.equal(await points(sharer.id), 60, 'credited for two friends: the cap');
  const mine = ok(await sharer.w('GET', '/v1/wallet/shares')).data;
  assert.deepEqual(
    mine.map((s: any) => [s.campaign_name, s.friends, s.credited, s.pending]),
    [['分享得积分', 3, 2, 0]],
  );
  const results = ok(await env.api('GET', `/v1/campaigns/${c.id}`)).results;
  assert.deepEqual([results.claimed, results.shares, results.friends, results.credited], [3, 1, 3, 2]);
  assert.deepEqual(await verifyInvariants(env.ctx.db, modules, env.tenantId), []);
});

test('credit on redeem: the sharer is credited once, when the friend’s card is first redeemed', async () => {
  const c = await shareCampaign({ credit_on: 'redeem', friends_per_share: 1 });
  const sharer = await member('分享人二');
  const token = ok(await sharer.w('POST', `/v1/wallet/campaigns/${c.id}/shares`, {}), 201).secret;
  const friend = await member('好友丁');
  const claim = ok(await friend.w('POST', '/v1/wallet/shares/claim', { token }), 201);
  const late = await member('好友戊');
  refused(await late.w('POST', '/v1/wallet/shares/claim', { token }), 409, 'SHARE_FULL');
  await dispatchEvents(env.ctx);
  assert.equal(await points(sharer.id), 0, 'nothing before the redemption');
  assert.equal(ok(await sharer.w('GET', '/v1/wallet/shares')).data[0].pending, 1);

  const store = await fx.store();
  const code = ok(await env.api('POST', `/v1/cards/${claim.cards[0].id}/reveal`, {})).code;
  ok(await env.api('POST', '/v1/redemptions', { code, store_id: store.id, order_amount: 3000 }), 201);
  await dispatchEvents(env.ctx);
  await dispatchEvents(env.ctx);
  assert.equal(await points(sharer.id), 30);
  assert.deepEqual(
    ok(await sharer.w('GET', '/v1/wallet/shares')).data.map((s: any) => [s.friends, s.credited, s.pending]),
    [[1, 1, 0]],
  );
  assert.deepEqual(await verifyInvariants(env.ctx.db, modules, env.tenantId), []);
});

test('bad input: another tenant’s share link is not found; a claim campaign has no links; a forged token is refused by its shape', async () => {
  const c = await shareCampaign({ credit_on: 'claim' });
  const sharer = await member('分享人三');
  const token = ok(await sharer.w('POST', `/v1/wallet/campaigns/${c.id}/shares`, {}), 201).secret;

  const other = await env.newTenant('别家品牌');
  const stranger = ok(await env.api('POST', '/v1/members', { name: '别家会员' }, { key: other.ownerKey }), 201);
  const sw = await walletOf(stranger.id, other.ownerKey);
  refused(await sw('POST', '/v1/wallet/shares/preview', { token }), 404, 'SHARE_NOT_FOUND');
  refused(await sw('POST', '/v1/wallet/shares/claim', { token }), 404, 'SHARE_NOT_FOUND');
  refused(await sw('POST', `/v1/wallet/campaigns/${c.id}/claim`, {}), 404, 'CAMPAIGN_NOT_FOUND');

  const friend = await member('好友己');
  const r = await friend.w('POST', '/v1/wallet/shares/claim', { token: 'not-a-token' });
  assert.equal(r.status, 400, JSON.stringify(r.body));
  const extra = await friend.w('POST', '/v1/wallet/shares/claim', { token, sharer: 'x' });
  assert.equal(extra.status, 422, JSON.stringify(extra.body));
  refused(await friend.w('POST', '/v1/wallet/shares/claim', { token: `kqs_${'A'.repeat(43)}` }), 404, 'SHARE_NOT_FOUND');

  const t = await fx.template('cash', { amount_off: 100 });
  const plain = ok(await env.api('POST', '/v1/campaigns', { name: '普通领券', rewards: [{ type: 'card', template_id: t.id }] }), 201);
  ok(await env.api('POST', `/v1/campaigns/${plain.id}/publish`));
  refused(await friend.w('POST', `/v1/wallet/campaigns/${plain.id}/shares`, {}), 409, 'CAMPAIGN_NOT_SHAREABLE');
  assert.equal(ok(await env.api('GET', `/v1/campaigns/${c.id}`)).claimed, 0, 'nothing claimed by the refusals');
});
