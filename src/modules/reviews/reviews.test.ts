import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';
import { installTestReviewGuard, RULE } from './test-guard.js';

/**
 * 人工审核: a redemption a rule sends to review answers 202 and holds the card (nobody else redeems,
 * unfreezes or voids it) until an operator approves (redeemed exactly as asked, once) or rejects, or
 * the hold runs out; the clerk who asked polls its own review; a retry with the same key is the same review.
 */
let env: TestEnv;
let fx: Awaited<ReturnType<typeof fixtures>>;
let store: any;
let clerk: string;
let otherClerk: string;
before(async () => {
  env = await startTestEnv();
  fx = await fixtures(env);
  installTestReviewGuard(3000);
  store = await fx.store({ name: '南京西路店' });
  clerk = (await env.api('POST', '/v1/api-keys', { name: '收银台1', role: 'clerk', store_ids: [store.id] })).body.secret;
  otherClerk = (await env.api('POST', '/v1/api-keys', { name: '收银台2', role: 'clerk', store_ids: [store.id] })).body.secret;
});
after(async () => {
  await env.close();
});

const ok = (r: { status: number; body: any }, status = 200) => {
  assert.equal(r.status, status, JSON.stringify(r.body));
  return r.body;
};
const card = async () => (await fx.card('stored_value', { initial_balance: 10_000 }, { name: '储值卡', rules: { transferable: true } })).card;
const redeem = (c: any, amount: number, headers: Record<string, string> = {}, key = clerk) =>
  env.api('POST', '/v1/redemptions', { code: c.code, store_id: store.id, amount }, { key, headers });

test('a large redemption waits for review: 202, the card held against everyone, then approved and redeemed once', async () => {
  const c = await card();
  const pending = ok(await redeem(c, 5000, { 'idempotency-key': 'till-1' }), 202);
  assert.equal(pending.status, 'pending_review');
  assert.match(pending.review_id, /^rev_/);
  assert.ok(pending.message.zh.includes('人工审核'));
  assert.ok(new Date(pending.hold_until).getTime() - Date.now() > 23 * 3600_000, 'held 24 h by default');

  // the same request again (a retry with the same key) is the same review, not a second one
  const again = await redeem(c, 5000, { 'idempotency-key': 'till-1' });
  assert.equal(again.status, 202, JSON.stringify(again.body));
  assert.equal(again.body.review_id, pending.review_id);
  assert.equal(ok(await env.api('GET', '/v1/reviews?status=pending')).data.filter((r: any) => r.subjects.card_id === c.id).length, 1);

  // held: a small redemption (no review) is refused, an operator cannot unfreeze or void it
  assert.equal(ok(await redeem(c, 100), 409).code, 'CARD_UNDER_REVIEW');
  assert.equal(ok(await env.api('POST', `/v1/cards/${c.id}/unfreeze`, {}), 409).code, 'CARD_UNDER_REVIEW');
  assert.equal(ok(await env.api('POST', `/v1/cards/${c.id}/void`, { reason: 'x' }), 409).code, 'CARD_UNDER_REVIEW');
  const friend = await fx.member({ name: '朋友' });
  assert.equal(ok(await env.api('POST', `/v1/cards/${c.id}/transfer`, { to_member_id: friend.id }), 409).code, 'CARD_UNDER_REVIEW');

  // the review as the operator reads it: names, not ids; no code or PIN kept
  const r = ok(await env.api('GET', `/v1/reviews/${pending.review_id}`));
  assert.equal(r.status, 'pending');
  assert.equal(r.action, 'redeem');
  assert.equal(r.amount, 5000);
  assert.deepEqual(r.rules, [RULE]);
  assert.equal(r.request.card_id, c.id);
  assert.equal(r.request.code, undefined);
  assert.ok(!JSON.stringify(r).includes(c.code), 'the code is not kept');
  assert.equal(r.names[store.id], '南京西路店');
  assert.match(r.names[c.id], /储值卡 •••• /);
  assert.equal(r.names[r.requested_by], '收银台1');

  // the clerk polls its own request; another clerk does not see it
  assert.equal(ok(await env.api('GET', `/v1/reviews/${pending.review_id}`, undefined, { key: clerk })).status, 'pending');
  assert.equal(ok(await env.api('GET', `/v1/reviews/${pending.review_id}`, undefined, { key: otherClerk }), 404).code, 'REVIEW_NOT_FOUND');
  assert.equal(ok(await env.api('GET', '/v1/reviews', undefined, { key: otherClerk })).data.length, 0);
  // a clerk does not decide
  assert.equal(ok(await env.api('POST', `/v1/reviews/${pending.review_id}/approve`, {}, { key: clerk }), 403).code, 'FORBIDDEN');

  const approved = ok(await env.api('POST', `/v1/reviews/${pending.review_id}/approve`, {}));
  assert.equal(approved.status, 'approved');
  assert.equal(approved.result.amount, 5000);
  assert.equal(approved.result.store_id, store.id);
  assert.equal(approved.result.card.balance, 5000);
  assert.equal(ok(await env.api('POST', `/v1/reviews/${pending.review_id}/approve`, {}), 409).code, 'REVIEW_DECIDED');
  assert.equal(ok(await env.api('POST', `/v1/reviews/${pending.review_id}/reject`, { reason: '晚了' }), 409).code, 'REVIEW_DECIDED');

  const seen = ok(await env.api('GET', `/v1/reviews/${pending.review_id}`, undefined, { key: clerk }));
  assert.equal(seen.status, 'approved');
  assert.equal(seen.result.id, approved.result.id);
  const after = ok(await env.api('GET', `/v1/cards/${c.id}`));
  assert.equal(after.state, 'active');
  assert.equal(after.balance, 5000);
  const reds = ok(await env.api('GET', `/v1/redemptions?card_id=${c.id}`)).data;
  assert.equal(reds.length, 1, 'redeemed exactly once');
  // the card is free again: a small redemption goes through
  ok(await redeem(c, 100), 201);
});

test('rejected with a reason: the hold is lifted, nothing redeemed; the reason is kept', async () => {
  const c = await card();
  const p = ok(await redeem(c, 4000), 202);
  assert.equal(ok(await env.api('POST', `/v1/reviews/${p.review_id}/reject`, {}), 400).code, 'VALIDATION_FAILED');
  const r = ok(await env.api('POST', `/v1/reviews/${p.review_id}/reject`, { reason: '持卡人身份存疑' }));
  assert.equal(r.status, 'rejected');
  assert.equal(r.reason, '持卡人身份存疑');
  const now = ok(await env.api('GET', `/v1/cards/${c.id}`));
  assert.equal(now.state, 'active');
  assert.equal(now.balance, 10_000);
  ok(await redeem(c, 100), 201);
});

test('a review past its hold expires: released by the job, refused to approval, a rejection for the requester', async () => {
  ok(await env.api('PATCH', '/v1/tenant', { review_hold_hours: 2 }));
  const c = await card();
  const p = ok(await redeem(c, 3000), 202);
  assert.ok(new Date(p.hold_until).getTime() - env.ctx.clock.now().getTime() <= 2 * 3600_000);
  env.ctx.clock.advance(2 * 3600_000 + 1000);
  assert.equal(ok(await env.api('POST', `/v1/reviews/${p.review_id}/approve`, {}), 409).code, 'REVIEW_DECIDED');
  await env.jobs();
  const r = ok(await env.api('GET', `/v1/reviews/${p.review_id}`, undefined, { key: clerk }));
  assert.equal(r.status, 'expired');
  assert.equal(ok(await env.api('GET', `/v1/cards/${c.id}`)).state, 'active');
  const types = (
    await env.ctx.db.query(`SELECT event_type FROM events WHERE tenant_id = $1 AND data->>'review_id' = $2 ORDER BY id`, [env.tenantId, p.review_id])
  ).rows.map((e: any) => e.event_type);
  assert.deepEqual(types, ['card.review_held', 'review.requested', 'card.review_released', 'review.expired']);
  ok(await env.api('PATCH', '/v1/tenant', { review_hold_hours: 24 }));
});

test('the review.* events are in the catalogue webhooks subscribe to', async () => {
  const types = ok(await env.api('GET', '/v1/event-types')).data ?? ok(await env.api('GET', '/v1/event-types'));
  const names = (Array.isArray(types) ? types : []).map((t: any) => t.type);
  for (const t of ['review.requested', 'review.approved', 'review.rejected', 'review.expired']) assert.ok(names.includes(t), t);
});

test('a redemption on the transactional path (an operator approval to spend) goes to review too; approving twice under one key answers the same', async () => {
  const { card: c } = await fx.card('stored_value', { initial_balance: 10_000 }, { name: '高额储值卡', rules: { verification: { threshold: 2000 } } });
  const approval = ok(await env.api('POST', `/v1/cards/${c.id}/approvals`, {}), 201);
  // the guard runs inside the redemption's transaction here: the review is written after it rolls back
  const body = { code: c.code, store_id: store.id, amount: 6000, approval_id: approval.id };
  const pending = ok(await env.api('POST', '/v1/redemptions', body, { key: clerk, headers: { 'idempotency-key': 'tx-2' } }), 202);
  const retry = ok(await env.api('POST', '/v1/redemptions', body, { key: clerk, headers: { 'idempotency-key': 'tx-2' } }), 202);
  assert.equal(retry.review_id, pending.review_id);
  assert.equal(ok(await env.api('GET', `/v1/reviews/${pending.review_id}`)).request.approval_id, approval.id);
  assert.equal(ok(await env.api('POST', `/v1/reviews/${pending.review_id}/reject`, { reason: '  ' }), 422).code, 'VALIDATION_FAILED');
  const first = ok(await env.api('POST', `/v1/reviews/${pending.review_id}/approve`, {}, { headers: { 'idempotency-key': 'ap-1' } }));
  const again = await env.api('POST', `/v1/reviews/${pending.review_id}/approve`, {}, { headers: { 'idempotency-key': 'ap-1' } });
  assert.equal(again.status, 200);
  assert.equal(again.headers['idempotent-replayed'], 'true');
  assert.equal(again.body.result.id, first.result.id);
  assert.equal(ok(await env.api('GET', `/v1/cards/${c.id}`)).balance, 4000);
});
