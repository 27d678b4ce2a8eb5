import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { startTestEnv, type TestEnv } from '../../testing/harness.js';

/**
 * 转赠 by link and by phone: the giver's card waits frozen (转赠中) until a friend accepts it in their
 * own wallet, the giver takes it back, or 24 hours pass. Only the secret in the link (or the phone
 * the offer was made to) opens an offer; two accepts race to one winner.
 */
let env: TestEnv;
let batch: any;
const m: Record<string, any> = {};
const tokens: Record<string, string> = {};

before(async () => {
  env = await startTestEnv();
  const tpl = (await env.api('POST', '/v1/templates', { kind: 'gift', name: '200元礼品卡', value: { initial_balance: 20000 }, validity: { type: 'none' } }))
    .body;
  batch = (await env.api('POST', '/v1/batches', { template_id: tpl.id, name: '礼品卡', mode: 'on_issue' })).body;
  for (const [k, name, phone] of [
    ['alice', '爱丽丝', '13800138000'],
    ['bob', '鲍勃', '13900139000'],
    ['carol', '卡罗', '13700137000'],
  ]) {
    m[k!] = (await env.api('POST', '/v1/members', { name, phone })).body;
    tokens[k!] = (await env.api('POST', `/v1/members/${m[k!].id}/wallet-link`, {})).body.token;
  }
});
after(async () => {
  await env.close();
});

const as = (who: string, method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
  env.api(method, url, body, { headers: { authorization: `Wallet ${tokens[who]}`, ...headers } });
const issue = async (to = m.alice.id) => (await env.api('POST', '/v1/cards/issue', { batch_id: batch.id, member_id: to })).body;
const card = async (id: string) => (await env.api('GET', `/v1/cards/${id}`)).body;
const offer = async (who: string, cardId: string, body: object = {}) => {
  const r = await as(who, 'POST', `/v1/wallet/cards/${cardId}/gift-offers`, body);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
};
const eventsOf = async (cardId: string) =>
  (await env.ctx.db.query(`SELECT event_type FROM events WHERE card_id = $1 ORDER BY id`, [cardId])).rows.map((e) => e.event_type.slice(5));

test('gift by link: the card waits as 转赠中, a friend accepts it from the link and it moves to them under a new code', async () => {
  const c = await issue();
  const o = await offer('alice', c.id);
  assert.match(o.url, /^http:\/\/localhost\/wallet\/gift#g=kqg_[A-Za-z0-9_-]{43}$/);
  assert.equal(o.url.split('#g=')[1], o.secret);
  assert.equal(o.state, 'pending');
  assert.equal(o.card.balance, 20000);
  assert.equal(new Date(o.expires_at).getTime() - new Date(o.created_at).getTime(), 24 * 3600_000);
  // the secret is kept only as its hash
  const row = (await env.ctx.db.query('SELECT * FROM card_gift_offers WHERE id = $1', [o.id])).rows[0];
  assert.deepEqual(Buffer.from(row.token_hash), createHash('sha256').update(o.secret).digest());
  assert.ok(!JSON.stringify(row).includes(o.secret));

  // pending: the giver sees it, cannot use or offer it again
  assert.equal((await card(c.id)).state, 'frozen');
  const mine = (await as('alice', 'GET', '/v1/wallet/cards')).body.data.find((x: any) => x.id === c.id);
  assert.equal(mine.gift_offer.id, o.id);
  assert.equal((await as('alice', 'GET', '/v1/wallet/gift-offers')).body.sent[0].id, o.id);
  const redeem = await env.api('POST', '/v1/redemptions', { code: c.code, amount: 100 });
  assert.equal(redeem.status, 409);
  assert.equal(redeem.body.code, 'CARD_GIFT_PENDING');
  const twice = await as('alice', 'POST', `/v1/wallet/cards/${c.id}/gift-offers`, {});
  assert.equal(twice.body.code, 'CARD_GIFT_PENDING');
  assert.equal((await env.api('POST', `/v1/cards/${c.id}/top-up`, { amount: 100 })).body.code, 'CARD_GIFT_PENDING');

  // the friend opens the link; the giver cannot accept their own gift; nobody else sees it without the link
  const seen = await as('bob', 'POST', '/v1/wallet/gift-offers/preview', { token: o.secret });
  assert.equal(seen.status, 200, JSON.stringify(seen.body));
  assert.equal(seen.body.from_name, '爱丽丝');
  assert.equal(seen.body.card.name, '200元礼品卡');
  assert.equal(seen.body.card_id, null, 'the friend is not told the giver’s card id');
  assert.deepEqual([seen.body.yours, seen.body.for_you], [false, true]);
  assert.deepEqual([(await as('alice', 'POST', '/v1/wallet/gift-offers/preview', { token: o.secret })).body.yours], [true]);
  assert.equal((await as('alice', 'POST', '/v1/wallet/gift-offers/accept', { token: o.secret })).body.code, 'GIFT_OFFER_OWN');
  assert.deepEqual((await as('bob', 'GET', '/v1/wallet/gift-offers')).body, { sent: [], received: [] });
  assert.equal((await as('bob', 'POST', `/v1/wallet/gift-offers/${o.id}/cancel`)).status, 404, 'only the giver takes it back');
  assert.equal((await as('bob', 'POST', '/v1/wallet/gift-offers/accept', { offer_id: o.id })).status, 404, 'by id only an offer made to my phone');
  assert.equal((await as('bob', 'POST', '/v1/wallet/gift-offers/preview', { token: `${o.secret.slice(0, -2)}xx` })).status, 404);

  const took = await as('bob', 'POST', '/v1/wallet/gift-offers/accept', { token: o.secret });
  assert.equal(took.status, 200, JSON.stringify(took.body));
  assert.equal(took.body.offer.state, 'accepted');
  assert.equal(took.body.card.id, c.id);
  assert.equal(took.body.card.balance, 20000);
  const moved = await card(c.id);
  assert.equal(moved.member_id, m.bob.id);
  assert.equal(moved.state, 'active');
  assert.equal(moved.state_reason, null);
  assert.equal((await env.api('POST', '/v1/cards/lookup', { code: c.code })).status, 404, 'the code the giver saw is dead');
  assert.ok(!(await as('alice', 'GET', '/v1/wallet/cards')).body.data.some((x: any) => x.id === c.id));
  assert.equal((await as('bob', 'GET', `/v1/wallet/cards/${c.id}`)).body.balance, 20000);
  assert.deepEqual((await eventsOf(c.id)).slice(-3), ['gift_offered', 'transferred', 'gift_accepted']);
  const audit = await env.ctx.db.query(`SELECT actor, action, data FROM audit_entries WHERE action LIKE 'wallet.gift_%' ORDER BY id`);
  assert.deepEqual(
    audit.rows.map((a) => [a.action, a.actor]),
    [
      ['wallet.gift_offer', `member:${m.alice.id}`],
      ['wallet.gift_accept', `member:${m.bob.id}`],
    ],
  );
  assert.ok(!JSON.stringify(audit.rows).includes(o.secret), 'the audit keeps no secret');

  // settled: another accept is told so; the winner asking again is told it is theirs
  assert.equal((await as('carol', 'POST', '/v1/wallet/gift-offers/accept', { token: o.secret })).body.code, 'GIFT_OFFER_ACCEPTED');
  const again = await as('bob', 'POST', '/v1/wallet/gift-offers/accept', { token: o.secret });
  assert.deepEqual([again.status, again.body.already_accepted], [200, true]);
});

test('the giver takes an offer back: the card is theirs and usable; the link no longer works', async () => {
  const c = await issue();
  const keyed = await as('alice', 'POST', `/v1/wallet/cards/${c.id}/gift-offers`, {}, { 'idempotency-key': 'gift-once' });
  assert.equal(keyed.status, 201);
  const replay = await as('alice', 'POST', `/v1/wallet/cards/${c.id}/gift-offers`, {}, { 'idempotency-key': 'gift-once' });
  assert.equal(replay.body.secret, keyed.body.secret, 'a retry gets the same link, not a second offer');
  const stored = await env.ctx.db.query(`SELECT response::text AS r FROM idempotency_keys WHERE key = 'gift-once'`);
  assert.ok(!stored.rows[0].r.includes(keyed.body.secret), 'the stored answer is sealed: the secret is not in clear');
  const o = keyed.body;
  const back = await as('alice', 'POST', `/v1/wallet/gift-offers/${o.id}/cancel`);
  assert.equal(back.status, 200, JSON.stringify(back.body));
  assert.equal(back.body.state, 'cancelled');
  const now = await card(c.id);
  assert.deepEqual([now.state, now.member_id, now.state_reason], ['active', m.alice.id, null]);
  assert.equal((await as('bob', 'POST', '/v1/wallet/gift-offers/accept', { token: o.secret })).body.code, 'GIFT_OFFER_CANCELLED');
  assert.equal((await env.api('POST', '/v1/redemptions', { code: c.code, amount: 500 })).status, 201, 'usable again, under its own code');
  assert.deepEqual((await eventsOf(c.id)).slice(-3), ['gift_offered', 'gift_cancelled', 'redeemed']);
});

test('an offer not accepted in 24 hours expires and the card is the giver’s again', async () => {
  const c = await issue();
  const o = await offer('alice', c.id);
  env.ctx.clock.advance(24 * 3600_000 + 1000);
  try {
    assert.equal((await as('bob', 'POST', '/v1/wallet/gift-offers/accept', { token: o.secret })).body.code, 'GIFT_OFFER_EXPIRED', 'refused before the sweep');
    await env.jobs();
    const row = (await env.ctx.db.query('SELECT state FROM card_gift_offers WHERE id = $1', [o.id])).rows[0];
    assert.equal(row.state, 'expired');
    const back = await card(c.id);
    assert.deepEqual([back.state, back.member_id], ['active', m.alice.id]);
    assert.equal((await eventsOf(c.id)).at(-1), 'gift_expired');
    assert.equal((await as('alice', 'GET', '/v1/wallet/cards')).body.data.find((x: any) => x.id === c.id).gift_offer, null);
  } finally {
    env.ctx.clock.reset();
  }
});

test('gift by phone: only the member with that phone sees and accepts it; an unknown number is told so', async () => {
  const c = await issue();
  const o = await offer('alice', c.id, { phone: '139-0013-9000' });
  assert.equal(o.to_phone_last4, '9000');
  const inbox = (await as('bob', 'GET', '/v1/wallet/gift-offers')).body.received;
  assert.deepEqual(
    inbox.map((x: any) => [x.id, x.from_name, x.card.name]),
    [[o.id, '爱丽丝', '200元礼品卡']],
  );
  assert.deepEqual((await as('carol', 'GET', '/v1/wallet/gift-offers')).body.received, []);
  assert.equal((await as('carol', 'POST', '/v1/wallet/gift-offers/accept', { token: o.secret })).body.code, 'GIFT_OFFER_NOT_FOR_YOU');
  assert.equal((await as('carol', 'POST', '/v1/wallet/gift-offers/accept', { offer_id: o.id })).status, 404);
  const took = await as('bob', 'POST', '/v1/wallet/gift-offers/accept', { offer_id: o.id });
  assert.equal(took.status, 200, JSON.stringify(took.body));
  assert.equal((await card(c.id)).member_id, m.bob.id);

  const c2 = await issue();
  const unknown = await as('alice', 'POST', `/v1/wallet/cards/${c2.id}/gift-offers`, { phone: '13600000000' });
  assert.equal(unknown.status, 404);
  assert.equal(unknown.body.code, 'MEMBER_NOT_FOUND');
  assert.equal(unknown.body.errors[0].field, 'phone');
  const self = await as('alice', 'POST', `/v1/wallet/cards/${c2.id}/gift-offers`, { phone: '13800138000' });
  assert.equal(self.body.code, 'TRANSFER_TO_SELF');
  assert.equal((await card(c2.id)).state, 'active', 'refusals changed nothing');
  const audit = await env.ctx.db.query(`SELECT data FROM audit_entries WHERE action = 'wallet.gift_offer' AND data::text LIKE '%9000%'`);
  assert.equal(audit.rowCount, 0, 'the phone is not in the audit log');
});

test('what cannot be offered, and what an operator’s void or unfreeze does to an offer', async () => {
  const coupon = (await env.api('POST', '/v1/templates', { kind: 'cash', name: '满50减5', value: { amount_off: 500 }, validity: { type: 'none' } })).body;
  const cb = (await env.api('POST', '/v1/batches', { template_id: coupon.id, name: 'c', mode: 'on_issue' })).body;
  const plain = (await env.api('POST', '/v1/cards/issue', { batch_id: cb.id, member_id: m.alice.id })).body;
  assert.equal((await as('alice', 'POST', `/v1/wallet/cards/${plain.id}/gift-offers`, {})).body.code, 'CARD_NOT_TRANSFERABLE');
  const bobs = await issue(m.bob.id);
  assert.equal((await as('alice', 'POST', `/v1/wallet/cards/${bobs.id}/gift-offers`, {})).status, 404, 'another member’s card is not found');
  assert.equal((await as('alice', 'POST', `/v1/wallet/cards/${bobs.id}/gift-offers`, { to: 'x' })).status, 422, 'unknown fields are refused');

  const voided = await issue();
  const o1 = await offer('alice', voided.id);
  assert.equal((await env.api('POST', `/v1/cards/${voided.id}/void`, {})).status, 200);
  assert.equal((await as('bob', 'POST', '/v1/wallet/gift-offers/accept', { token: o1.secret })).body.code, 'GIFT_OFFER_CANCELLED');

  const unfrozen = await issue();
  const o2 = await offer('alice', unfrozen.id);
  assert.equal((await env.api('POST', `/v1/cards/${unfrozen.id}/unfreeze`, {})).status, 200);
  assert.equal((await card(unfrozen.id)).state, 'active');
  assert.equal((await as('bob', 'POST', '/v1/wallet/gift-offers/accept', { token: o2.secret })).body.code, 'GIFT_OFFER_CANCELLED');
  assert.deepEqual((await eventsOf(unfrozen.id)).slice(-3), ['gift_offered', 'gift_cancelled', 'unfrozen']);
});

test('a link of another tenant opens nothing', async () => {
  const c = await issue();
  const o = await offer('alice', c.id);
  const other = await env.newTenant('B');
  const stranger = (await env.api('POST', '/v1/members', { name: 'x' }, { key: other.ownerKey })).body;
  const link = (await env.api('POST', `/v1/members/${stranger.id}/wallet-link`, {}, { key: other.ownerKey })).body.token;
  const r = await env.api('POST', '/v1/wallet/gift-offers/accept', { token: o.secret }, { headers: { authorization: `Wallet ${link}` } });
  assert.equal(r.status, 404);
  assert.equal((await card(c.id)).member_id, m.alice.id);
  await as('alice', 'POST', `/v1/wallet/gift-offers/${o.id}/cancel`);
});

test('many friends accept one link at once: exactly one gets the card', async () => {
  const friends: string[] = [];
  for (let i = 0; i < 8; i++) {
    const f = (await env.api('POST', '/v1/members', { name: `friend ${i}` })).body;
    tokens[`f${i}`] = (await env.api('POST', `/v1/members/${f.id}/wallet-link`, {})).body.token;
    friends.push(`f${i}`);
  }
  for (let round = 0; round < 3; round++) {
    const c = await issue();
    const o = await offer('alice', c.id);
    // round 0: accepts only; then the giver cancels in the same instant
    const withCancel = round > 0;
    const answers = await Promise.all([
      ...friends.map((f) => as(f, 'POST', '/v1/wallet/gift-offers/accept', { token: o.secret })),
      ...(withCancel ? [as('alice', 'POST', `/v1/wallet/gift-offers/${o.id}/cancel`)] : []),
    ]);
    const accepts = answers.slice(0, friends.length);
    const cancel = answers[friends.length];
    if (!withCancel) assert.equal(accepts.filter((r) => r.status === 200).length, 1, 'one winner');
    const won = accepts.filter((r) => r.status === 200);
    const row = (await env.ctx.db.query('SELECT state, accepted_by FROM card_gift_offers WHERE id = $1', [o.id])).rows[0];
    const now = await card(c.id);
    if (row.state === 'accepted') {
      assert.equal(won.length, 1, JSON.stringify(accepts.map((r) => r.body.code ?? r.status)));
      assert.equal(now.member_id, row.accepted_by);
      if (cancel) assert.equal(cancel.body.code, 'GIFT_OFFER_ACCEPTED');
      for (const r of accepts) if (r.status !== 200) assert.equal(r.body.code, 'GIFT_OFFER_ACCEPTED');
    } else {
      assert.equal(row.state, 'cancelled');
      assert.equal(won.length, 0);
      assert.equal(now.member_id, m.alice.id);
      for (const r of accepts) assert.equal(r.body.code, 'GIFT_OFFER_CANCELLED');
    }
    assert.equal(now.state, 'active');
    const n = (await env.ctx.db.query(`SELECT count(*)::int AS n FROM events WHERE card_id = $1 AND event_type = 'card.gift_accepted'`, [c.id])).rows[0].n;
    assert.equal(n, row.state === 'accepted' ? 1 : 0);
  }
});
