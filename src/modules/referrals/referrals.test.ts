import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, type TestEnv } from '../../testing/harness.js';
import { referralKit } from './testing.js';

/**
 * 邀请有礼: a member's code, a friend joining with it, the rewards paid once after the friend's first
 * order and its return window (a refund in the window cancels), on registration at once; a cap per
 * referrer; self-referral, a second code, loops and another brand's code refused by name, nothing changed.
 */
let env: TestEnv;
let kit: ReturnType<typeof referralKit>;
before(async () => {
  env = await startTestEnv();
  kit = referralKit(env);
});
after(async () => {
  await env.close();
});
const DAY = 86_400_000;
const referral = async (refereeId: string) => (await env.ctx.db.query<any>('SELECT * FROM referrals WHERE referee_id = $1', [refereeId])).rows[0];
const order = (memberId: string, no: string, amount = 5000) => env.api('POST', '/v1/orders', { order_no: no, member_id: memberId, amount });

test('first order: paid to both only after the 7-day return window, once; a refund inside the window cancels', async () => {
  const { ok, member, template, campaign, codeOf, cards } = kit;
  const voucher = await template('邀请礼 10元券');
  const c = await campaign({
    name: '邀请好友 · 各得10元',
    qualify_on: 'first_order',
    return_days: 7,
    referrer_rewards: [{ type: 'card', template_id: voucher.id }],
    referee_rewards: [{ type: 'card', template_id: voucher.id }],
  });
  const [a, b, d] = [await member('张伟'), await member('王芳'), await member('李娜')];
  const code = await codeOf(a);
  assert.match(code, /^[2-9A-HJKMNP-Z]{8}$/);
  assert.equal(await codeOf(a), code, 'the code is stable');
  const view = ok(await b.as('POST', '/v1/wallet/referral/join', { code: code.toLowerCase() }));
  assert.deepEqual([view.referred_by.name, view.referred_by.state, view.can_join], ['张**', 'pending', false]);
  ok(await d.as('POST', '/v1/wallet/referral/join', { code }));

  ok(await order(b.id, 'R-1'), 201);
  const od = ok(await order(d.id, 'R-2'), 201);
  await env.jobs();
  assert.equal((await referral(b.id)).state, 'qualified');
  assert.equal((await cards(a.id)).length, 0, 'nothing before the return window ends');
  ok(await env.api('POST', `/v1/orders/${od.id}/refunds`, { refund_no: 'RF-2', amount: 5000 }), 201);
  ok(await order(b.id, 'R-3'), 201); // a second order changes nothing
  env.ctx.clock.advance(6 * DAY);
  await env.jobs();
  assert.equal((await referral(d.id)).state, 'cancelled');
  assert.equal((await referral(b.id)).state, 'qualified');
  env.ctx.clock.advance(2 * DAY);
  await env.jobs();
  await env.jobs();
  const paid = await referral(b.id);
  assert.equal(paid.state, 'rewarded');
  assert.equal((await cards(a.id)).length, 1, 'the referrer once, for B only (D’s order was refunded)');
  assert.equal((await cards(b.id)).length, 1);
  assert.equal((await cards(d.id)).length, 0);
  const grants = (await env.ctx.db.query<{ reference: string }>(`SELECT reference FROM reward_grants WHERE reference LIKE 'referral:%' ORDER BY 1`)).rows;
  assert.deepEqual(
    grants.map((g) => g.reference),
    [`referral:${paid.id}:referee`, `referral:${paid.id}:referrer`],
  );
  const results = ok(await env.api('GET', `/v1/referral-campaigns/${c.id}`)).results;
  assert.deepEqual([results.referrals, results.rewarded, results.cancelled, results.cards], [2, 1, 1, 2]);
  const mine = ok(await (await kit.relink(a.id)).as('GET', '/v1/wallet/referral'));
  assert.deepEqual(mine.invited.map((i: any) => [i.name, i.state, i.rewarded]).sort(), [
    ['李**', 'cancelled', false],
    ['王**', 'rewarded', true],
  ]);
  assert.match(mine.url, new RegExp(`/wallet#r=${code}$`));
  const list = ok(await env.api('GET', `/v1/referrals?campaign_id=${c.id}&state=rewarded`)).data;
  assert.deepEqual([list.length, list[0].referrer_name, list[0].referee_name, list[0].campaign_name], [1, '张伟', '王芳', '邀请好友 · 各得10元']);
  ok(await env.api('POST', `/v1/referral-campaigns/${c.id}/pause`, {}));
});

test('registration pays at once; the per-referrer cap stops the referrer’s rewards, not the friend’s', async () => {
  const { ok, member, campaign, codeOf } = kit;
  const c = await campaign({
    name: '注册即送',
    qualify_on: 'registration',
    per_referrer_cap: 1,
    referrer_rewards: [{ type: 'points', amount: 100 }],
    referee_rewards: [{ type: 'points', amount: 50 }],
  });
  const [a, b, d] = [await member('周杰'), await member('孙丽'), await member('钱勇')];
  const code = await codeOf(a);
  const r1 = ok(await env.api('POST', '/v1/referrals', { member_id: b.id, code }), 201);
  assert.deepEqual([r1.state, r1.referrer_name, r1.referee_name], ['rewarded', '周杰', '孙丽']);
  const r2 = ok(await env.api('POST', '/v1/referrals', { member_id: d.id, code }), 201);
  assert.deepEqual([r2.state, r2.referrer_problem, !!r2.referee_grant_id], ['rewarded', 'REFERRAL_CAP_REACHED', true]);
  const balance = async (id: string) => ok(await env.api('GET', `/v1/members/${id}/points`)).points;
  assert.deepEqual([await balance(a.id), await balance(b.id), await balance(d.id)], [100, 50, 50]);
  ok(await env.api('POST', `/v1/referral-campaigns/${c.id}/pause`, {}));
});

test('own code, a second code, a loop, an unknown or another brand’s code, bad input: refused by name, nothing changed', async () => {
  const { ok, refused, member, campaign, codeOf, template } = kit;
  const t = await template('好友券');
  const c = await campaign({ name: '邀请首单', qualify_on: 'first_redemption', referee_rewards: [{ type: 'card', template_id: t.id }] });
  const [a, b, d] = [await member('吴芳'), await member('郑强'), await member('冯敏')];
  const [ca, cb, cd] = [await codeOf(a), await codeOf(b), await codeOf(d)];
  const count = async () => Number((await env.ctx.db.query<{ n: string }>('SELECT count(*) AS n FROM referrals')).rows[0]!.n);
  const before = await count();
  refused(await a.as('POST', '/v1/wallet/referral/join', { code: ca }), 'REFERRAL_SELF');
  ok(await b.as('POST', '/v1/wallet/referral/join', { code: ca })); // A invites B
  ok(await d.as('POST', '/v1/wallet/referral/join', { code: cb })); // B invites D
  refused(await b.as('POST', '/v1/wallet/referral/join', { code: cd }), 'REFERRAL_ALREADY_REFERRED');
  refused(await a.as('POST', '/v1/wallet/referral/join', { code: cb }), 'REFERRAL_LOOP'); // B invited by A
  refused(await a.as('POST', '/v1/wallet/referral/join', { code: cd }), 'REFERRAL_LOOP'); // D through B
  const other = await env.newTenant('别家');
  const stranger = await member('外人', other.ownerKey);
  refused(await stranger.as('POST', '/v1/wallet/referral/join', { code: cd }), 'REFERRAL_CODE_NOT_FOUND', 404);
  const bad = await a.as('POST', '/v1/wallet/referral/join', { code: 'AB-12' });
  assert.equal(bad.status, 400);
  assert.match(bad.body.errors[0].field, /code$/);
  assert.equal((await a.as('POST', '/v1/wallet/referral/join', { code: cb, extra: 1 })).status, 422, 'an unknown field');
  refused(await env.api('POST', '/v1/referrals', { member_id: 'mem_nobody', code: ca }), 'MEMBER_NOT_FOUND', 404);
  assert.equal(await count(), before + 2);
  ok(await env.api('POST', `/v1/referral-campaigns/${c.id}/pause`, {}));
  const e = await member('陈晨');
  refused(await e.as('POST', '/v1/wallet/referral/join', { code: ca }), 'REFERRAL_NO_CAMPAIGN');
});

test('a campaign’s terms are checked by field; members and analysts may not manage campaigns', async () => {
  const { refused, member } = kit;
  const none = refused(await env.api('POST', '/v1/referral-campaigns', { name: '空', qualify_on: 'registration' }), 'VALIDATION_FAILED', 422);
  assert.equal(none.errors[0].field, 'referrer_rewards');
  const ghost = refused(
    await env.api('POST', '/v1/referral-campaigns', { name: '无券', qualify_on: 'registration', referee_rewards: [{ type: 'card', template_id: 'tpl_nope' }] }),
    'VALIDATION_FAILED',
    422,
  );
  assert.equal(ghost.errors[0].field, 'referee_rewards/0/template_id');
  const bad = await env.api('POST', '/v1/referral-campaigns', { name: 'x', qualify_on: 'first_visit', referee_rewards: [{ type: 'points', amount: 1 }] });
  assert.equal(bad.status, 400);
  assert.equal((await env.api('POST', '/v1/referral-campaigns', { name: 'x', qualify_on: 'registration', return_days: -1 })).status, 400);
  const analyst = kit.ok(await env.api('POST', '/v1/api-keys', { name: 'a', role: 'analyst' }), 201).secret;
  assert.equal((await env.api('GET', '/v1/referral-campaigns', undefined, { key: analyst })).status, 200);
  refused(
    await env.api(
      'POST',
      '/v1/referral-campaigns',
      { name: 'x', qualify_on: 'registration', referee_rewards: [{ type: 'points', amount: 1 }] },
      { key: analyst },
    ),
    'FORBIDDEN',
    403,
  );
  const m = await member('路人');
  assert.equal((await m.as('GET', '/v1/referral-campaigns')).status, 401, 'a wallet link cannot reach the console’s routes');
});
