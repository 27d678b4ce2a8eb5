import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';
import { assertBadSort, assertSortedWalk } from '../../testing/lists.js';
import { ledgerMismatches } from '../ledger/service.js';
import { resetGuessing } from '../risk/guard.js';
import { generateCode } from '../codes/codes.js';

let env: TestEnv;
let fx: Awaited<ReturnType<typeof fixtures>>;
before(async () => {
  env = await startTestEnv();
  fx = await fixtures(env);
});
after(async () => {
  await env.close();
});
afterEach(async () => {
  assert.deepEqual(await ledgerMismatches(env.ctx.db), [], 'every card’s cached holdings equal its ledger');
  await resetGuessing();
});

const redeem = (body: Record<string, unknown>, key?: string) => env.api('POST', '/v1/redemptions', body, key ? { key } : undefined);

test('the walk: template → batch → issue → redeem → trace', async () => {
  const store = await fx.store({ name: '南京西路店' });
  const { card } = await fx.card('cash', { amount_off: 1000 }, { rules: { min_spend: 5000 } });
  assert.equal(card.state, 'active');
  assert.match(card.code, /^[0-9A-Z]{17}$/);
  assert.equal(card.uses_left, 1);
  const low = await redeem({ code: card.code, store_id: store.id, order_amount: 4000 });
  assert.equal(low.status, 422);
  assert.equal(low.body.code, 'RULE_MIN_SPEND_NOT_MET');
  const r = await redeem({ code: card.code.toLowerCase().replace(/(.{4})/g, '$1-'), store_id: store.id, order_amount: 8800 });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(r.body.amount, 1000);
  assert.equal(r.body.order_amount, 8800);
  assert.equal(r.body.card.state, 'used');
  const again = await redeem({ code: card.code, store_id: store.id, order_amount: 8800 });
  assert.equal(again.status, 409);
  assert.equal(again.body.code, 'CARD_ALREADY_REDEEMED');
  const trace = await env.api('GET', `/v1/cards/${card.id}/trace`);
  assert.equal(trace.status, 200);
  assert.deepEqual(
    trace.body.events.map((e: any) => e.event_type),
    ['generated', 'issued', 'redeemed'],
  );
  assert.equal(trace.body.events[2].store_id, store.id);
  assert.deepEqual(
    trace.body.ledger.map((l: any) => [l.entry_type, l.uses]),
    [
      ['issue', 1],
      ['redeem', -1],
    ],
  );
  assert.equal(trace.body.redemptions[0].id, r.body.id);
  assert.ok(!JSON.stringify(trace.body).includes(card.code), 'the trace never shows the clear code');
});

test('a mistyped code is told apart from an unknown one', async () => {
  const { card } = await fx.card('exchange', { sku: 'LATTE-M' });
  const wrong = card.code.slice(0, 5) + (card.code[5] === 'A' ? 'B' : 'A') + card.code.slice(6);
  const r = await redeem({ code: wrong });
  assert.equal(r.status, 422);
  assert.equal(r.body.code, 'CODE_MISTYPED');
  const unknown = await redeem({ code: generateCode({ prefix: '', length: 16, alphabet: 'crockford' }) });
  assert.equal(unknown.status, 404);
  assert.equal(unknown.body.code, 'CARD_NOT_FOUND');
  assert.equal((await redeem({ code: card.code.replace(/0/g, 'O').replace(/1/g, 'I') })).status, 201, 'O/0 and I/1 are read alike');
});

test('discount: percent of the order with a cap; order amount required', async () => {
  const { card } = await fx.card('discount', { percent_off: 15, max_off: 2000 });
  assert.equal((await redeem({ code: card.code })).body.code, 'ORDER_AMOUNT_REQUIRED');
  const r = await redeem({ code: card.code, order_amount: 9999 });
  assert.equal(r.body.amount, 1499, '15% of 99.99 rounded down');
  const { card: c2 } = await fx.card('discount', { percent_off: 15, max_off: 2000 });
  assert.equal((await redeem({ code: c2.code, order_amount: 50000 })).body.amount, 2000, 'capped');
});

test('count card: N uses, several at once, never below zero', async () => {
  const { card } = await fx.card('count', { uses: 5, face_value: 3000 });
  assert.equal((await redeem({ code: card.code, uses: 3 })).body.card.uses_left, 2);
  const over = await redeem({ code: card.code, uses: 3 });
  assert.equal(over.status, 409);
  assert.equal(over.body.code, 'INSUFFICIENT_USES');
  const last = await redeem({ code: card.code, uses: 2 });
  assert.equal(last.body.card.state, 'used');
  assert.equal(last.body.amount, 6000);
});

test('stored value: debit, top up to the max, never negative; reverse gives back exactly what was taken', async () => {
  const { card } = await fx.card('stored_value', { initial_balance: 10000, max_balance: 50000 });
  assert.equal(card.balance, 10000);
  assert.equal((await redeem({ code: card.code })).body.code, 'AMOUNT_REQUIRED');
  const r = await redeem({ code: card.code, amount: 2550 });
  assert.equal(r.body.card.balance, 7450);
  const over = await redeem({ code: card.code, amount: 7451 });
  assert.equal(over.body.code, 'INSUFFICIENT_BALANCE');
  const top = await env.api('POST', `/v1/cards/${card.id}/top-up`, { amount: 40000 });
  assert.equal(top.body.balance, 47450);
  const tooMuch = await env.api('POST', `/v1/cards/${card.id}/top-up`, { amount: 3000 });
  assert.equal(tooMuch.body.code, 'MAX_BALANCE_EXCEEDED');
  const rev = await env.api('POST', `/v1/redemptions/${r.body.id}/reverse`);
  assert.equal(rev.status, 200);
  assert.equal(rev.body.status, 'reversed');
  assert.equal(rev.body.card.balance, 50000);
  const twice = await env.api('POST', `/v1/redemptions/${r.body.id}/reverse`);
  assert.equal(twice.body.code, 'REDEMPTION_ALREADY_REVERSED');
});

test('reversal window: a redemption older than the tenant’s window cannot be reversed', async () => {
  await env.api('PATCH', '/v1/tenant', { reverse_window_minutes: 10 });
  const { card } = await fx.card('cash', { amount_off: 500 });
  const r = await redeem({ code: card.code });
  env.ctx.clock.advance(11 * 60_000);
  const late = await env.api('POST', `/v1/redemptions/${r.body.id}/reverse`);
  assert.equal(late.status, 409);
  assert.equal(late.body.code, 'REVERSAL_WINDOW_CLOSED');
  env.ctx.clock.reset();
  await env.api('PATCH', '/v1/tenant', { reverse_window_minutes: 1440 });
});

test('gift card: a bearer card needs its PIN; it transfers between members', async () => {
  const t = await fx.template('gift', { initial_balance: 20000 });
  const b = await fx.batch(t.id);
  const bearer = await fx.issue(b.id);
  assert.match(bearer.pin, /^\d{8}$/);
  assert.equal((await redeem({ code: bearer.code, amount: 100 })).body.code, 'PIN_INVALID');
  assert.equal((await redeem({ code: bearer.code, amount: 100, pin: '00000000' === bearer.pin ? '11111111' : '00000000' })).body.code, 'PIN_INVALID');
  assert.equal((await redeem({ code: bearer.code, amount: 100, pin: bearer.pin })).status, 201);
  const alice = await fx.member({ name: 'alice' });
  const bob = await fx.member({ name: 'bob' });
  assert.equal((await env.api('POST', '/v1/cards/bind', { code: bearer.code, member_id: alice.id })).body.code, 'PIN_INVALID');
  const bound = await env.api('POST', '/v1/cards/bind', { code: bearer.code, pin: bearer.pin, member_id: alice.id });
  assert.equal(bound.status, 200);
  assert.equal(bound.body.member_id, alice.id);
  const moved = await env.api('POST', `/v1/cards/${bearer.id}/transfer`, { to_member_id: bob.id });
  assert.equal(moved.status, 200);
  assert.equal(moved.body.member_id, bob.id);
  assert.equal(moved.body.balance, 19900);
  const self = await env.api('POST', `/v1/cards/${bearer.id}/transfer`, { to_member_id: bob.id });
  assert.equal(self.body.code, 'TRANSFER_TO_SELF');
  const { card: cash } = await fx.card('cash', { amount_off: 100 });
  assert.equal((await env.api('POST', `/v1/cards/${cash.id}/transfer`, { to_member_id: bob.id })).body.code, 'CARD_NOT_TRANSFERABLE');
});

test('stamp card: the goal issues the reward template to the member', async () => {
  const reward = await fx.template('exchange', { sku: 'FREE-COFFEE' });
  const { card, member } = await fx.card('stamp', { goal: 3, reward_template_id: reward.id });
  await redeem({ code: card.code });
  await redeem({ code: card.code });
  const third = await redeem({ code: card.code });
  assert.equal(third.status, 201);
  assert.ok(third.body.reward_card_id);
  assert.equal(third.body.card.stamps, 0);
  const rewardCard = await env.api('GET', `/v1/cards/${third.body.reward_card_id}`);
  assert.equal(rewardCard.body.template_id, reward.id);
  assert.equal(rewardCard.body.member_id, member.id);
  assert.equal(rewardCard.body.state, 'active');
  const events = (await env.api('GET', `/v1/cards/${card.id}/trace`)).body.events.map((e: any) => e.event_type);
  assert.deepEqual(events, ['generated', 'issued', 'stamped', 'stamped', 'stamped', 'rewarded']);
});

test('external codes are delivered, never redeemed', async () => {
  const t = await fx.template('external', { supplier: '腾讯视频', product_name: 'VIP 月卡' });
  assert.equal((await env.api('POST', '/v1/batches', { template_id: t.id, name: 'x', mode: 'on_issue' })).body.code, 'BATCH_MODE_INVALID');
  const b = await fx.batch(t.id, { mode: 'imported' });
  const imp = await env.api('POST', `/v1/batches/${b.id}/import`, 'code\nTXVIP0001AAAA\nTXVIP0002BBBB\n', { headers: { 'content-type': 'text/csv' } });
  assert.equal(imp.body.accepted, 2);
  const m = await fx.member();
  const c = await fx.issue(b.id, m.id);
  assert.equal(c.code, 'TXVIP0001AAAA');
  const events = (await env.api('GET', `/v1/cards/${c.id}/trace`)).body.events.map((e: any) => e.event_type);
  assert.deepEqual(events, ['generated', 'issued', 'delivered']);
  const r = await redeem({ code: c.code });
  assert.equal(r.status, 409);
  assert.equal(r.body.code, 'CARD_NOT_REDEEMABLE');
});

test('freeze, unfreeze, void: each refuses the wrong state and changes nothing', async () => {
  const { card } = await fx.card('count', { uses: 3 });
  assert.equal((await env.api('POST', `/v1/cards/${card.id}/unfreeze`)).body.code, 'CARD_NOT_FROZEN');
  assert.equal((await env.api('POST', `/v1/cards/${card.id}/freeze`, { reason: 'suspected fraud' })).body.state, 'frozen');
  assert.equal((await redeem({ code: card.code })).body.code, 'CARD_FROZEN');
  assert.equal((await env.api('POST', `/v1/cards/${card.id}/freeze`)).body.code, 'CARD_ALREADY_FROZEN');
  assert.equal((await env.api('POST', `/v1/cards/${card.id}/unfreeze`)).body.state, 'active');
  const v = await env.api('POST', `/v1/cards/${card.id}/void`, { reason: 'customer refund' });
  assert.equal(v.body.state, 'voided');
  assert.equal(v.body.uses_left, 0);
  assert.equal((await redeem({ code: card.code })).body.code, 'CARD_VOIDED');
  assert.equal((await env.api('POST', `/v1/cards/${card.id}/void`)).body.code, 'CARD_NOT_VOIDABLE');
});

test('rules: stores, store tags, weekdays, hours, geofence, products, verification', async () => {
  const inside = await fx.store({ name: 'in', tags: ['mall'], lat: 31.2304, lng: 121.4737 });
  const outside = await fx.store({ name: 'out', tags: ['street'], lat: 39.9042, lng: 116.4074 });
  const { card: byStore } = await fx.card('count', { uses: 9 }, { rules: { store_ids: [inside.id] } });
  assert.equal((await redeem({ code: byStore.code })).body.code, 'STORE_REQUIRED');
  assert.equal((await redeem({ code: byStore.code, store_id: outside.id })).body.code, 'RULE_STORE_NOT_ALLOWED');
  assert.equal((await redeem({ code: byStore.code, store_id: inside.id })).status, 201);
  assert.equal((await redeem({ code: byStore.code, store_id: 'sto_nope' })).body.code, 'STORE_NOT_FOUND');

  const { card: byTag } = await fx.card('count', { uses: 9 }, { rules: { store_tags: ['mall'] } });
  assert.equal((await redeem({ code: byTag.code, store_id: outside.id })).body.code, 'RULE_STORE_NOT_ALLOWED');
  assert.equal((await redeem({ code: byTag.code, store_id: inside.id })).status, 201);

  // 2026-11-23 is a Monday; 10:00 in Shanghai is 02:00 UTC
  env.ctx.clock.set('2026-11-23T02:00:00Z');
  const { card: weekend } = await fx.card('count', { uses: 9 }, { rules: { weekdays: [6, 7] } });
  assert.equal((await redeem({ code: weekend.code })).body.code, 'RULE_WEEKDAY_NOT_ALLOWED');
  const { card: evening } = await fx.card('count', { uses: 9 }, { rules: { hours: [{ from: '17:00', to: '22:00' }] } });
  assert.equal((await redeem({ code: evening.code })).body.code, 'RULE_OUTSIDE_HOURS');
  env.ctx.clock.set('2026-11-23T10:00:00Z'); // 18:00 local
  assert.equal((await redeem({ code: evening.code })).status, 201);
  const { card: night } = await fx.card('count', { uses: 9 }, { rules: { hours: [{ from: '22:00', to: '02:00' }] } });
  env.ctx.clock.set('2026-11-23T15:30:00Z'); // 23:30 local: inside a window across midnight
  assert.equal((await redeem({ code: night.code })).status, 201);
  env.ctx.clock.reset();

  const { card: geo } = await fx.card('count', { uses: 9 }, { rules: { geofence: { lat: 31.23, lng: 121.47, radius_m: 2000 } } });
  assert.equal((await redeem({ code: geo.code })).body.code, 'RULE_LOCATION_REQUIRED');
  assert.equal((await redeem({ code: geo.code, store_id: outside.id })).body.code, 'RULE_OUTSIDE_GEOFENCE');
  assert.equal((await redeem({ code: geo.code, store_id: inside.id })).status, 201);
  assert.equal((await redeem({ code: geo.code, location: { lat: 31.231, lng: 121.471 } })).status, 201);

  const { card: scoped } = await fx.card('exchange', { sku: 'CAKE' }, { rules: { product_ids: ['CAKE', 'CAKE-L'] } });
  assert.equal((await redeem({ code: scoped.code })).body.code, 'PRODUCTS_REQUIRED');
  assert.equal((await redeem({ code: scoped.code, product_ids: ['TEA'] })).body.code, 'RULE_PRODUCT_NOT_IN_SCOPE');
  assert.equal((await redeem({ code: scoped.code, product_ids: ['TEA', 'CAKE-L'] })).status, 201);

  const { card: big } = await fx.card('stored_value', { initial_balance: 100000 }, { rules: { verification: { threshold: 50000 } } });
  assert.equal((await redeem({ code: big.code, amount: 1000 })).status, 201, 'below the threshold: no verification');
  const v = await redeem({ code: big.code, amount: 60000 });
  assert.equal(v.status, 403);
  assert.equal(v.body.code, 'VERIFICATION_REQUIRED');
  const apr = await env.api('POST', `/v1/cards/${big.id}/approvals`, { max_amount: 60000 });
  assert.equal(apr.status, 201);
  assert.equal((await redeem({ code: big.code, amount: 60000, approval_id: apr.body.id })).status, 201);
  assert.equal((await redeem({ code: big.code, amount: 30000, approval_id: apr.body.id })).status, 201, 'below threshold ignores the used approval');
  const apr2 = await env.api('POST', `/v1/cards/${big.id}/approvals`, {});
  await env.api('POST', `/v1/cards/${big.id}/top-up`, { amount: 150000 });
  assert.equal((await redeem({ code: big.code, amount: 60000, approval_id: apr2.body.id })).status, 201);
  assert.equal((await redeem({ code: big.code, amount: 55000, approval_id: apr2.body.id })).body.code, 'VERIFICATION_INVALID', 'single use');
});

test('check answers whether and why, and changes nothing', async () => {
  const store = await fx.store();
  const { card } = await fx.card('cash', { amount_off: 300 }, { rules: { min_spend: 3000 } });
  const no = await env.api('POST', '/v1/redemptions/check', { code: card.code, store_id: store.id, order_amount: 1000 });
  assert.equal(no.status, 200);
  assert.equal(no.body.redeemable, false);
  assert.equal(no.body.code, 'RULE_MIN_SPEND_NOT_MET');
  const yes = await env.api('POST', '/v1/redemptions/check', { code: card.code, store_id: store.id, order_amount: 3000 });
  assert.equal(yes.body.redeemable, true);
  assert.equal(yes.body.take.value, 300);
  assert.equal((await env.api('GET', `/v1/cards/${card.id}`)).body.state, 'active');
});

test('per-member limit and stock are honoured; issue is idempotent by request_no', async () => {
  const t = await fx.template('cash', { amount_off: 100 }, { rules: { per_member_limit: 2 } });
  const b = await fx.batch(t.id, { mode: 'on_issue', stock: 3 });
  const m = await fx.member();
  const first = await env.api('POST', '/v1/cards/issue', { batch_id: b.id, member_id: m.id, request_no: 'order-1' });
  const replay = await env.api('POST', '/v1/cards/issue', { batch_id: b.id, member_id: m.id, request_no: 'order-1' });
  assert.equal(replay.body.id, first.body.id);
  assert.equal(replay.body.code, first.body.code);
  assert.equal((await fx.issue(b.id, m.id)).state, 'active');
  const third = await env.api('POST', '/v1/cards/issue', { batch_id: b.id, member_id: m.id });
  assert.equal(third.status, 409);
  assert.equal(third.body.code, 'MEMBER_LIMIT_REACHED');
  const other = await fx.member();
  await fx.issue(b.id, other.id);
  const out = await env.api('POST', '/v1/cards/issue', { batch_id: b.id, member_id: (await fx.member()).id });
  assert.equal(out.body.code, 'STOCK_EXHAUSTED');
  assert.equal((await env.api('GET', `/v1/batches/${b.id}`)).body.issued, 3);
  assert.equal((await env.api('POST', '/v1/cards/issue', { batch_id: b.id, member_id: 'mem_nope' })).body.code, 'MEMBER_NOT_FOUND');
});

test('bind within N hours: unbound codes cannot be redeemed and lapse', async () => {
  const t = await fx.template('cash', { amount_off: 100 }, { rules: { bind_within_hours: 24 } });
  const b = await fx.batch(t.id);
  const a = await fx.issue(b.id);
  const z = await fx.issue(b.id);
  assert.ok(a.bind_deadline);
  assert.equal((await redeem({ code: a.code })).body.code, 'CARD_NOT_BOUND');
  const m = await fx.member();
  assert.equal((await env.api('POST', '/v1/cards/bind', { code: a.code, member_id: m.id })).body.member_id, m.id);
  assert.equal((await redeem({ code: a.code })).status, 201);
  env.ctx.clock.advance(25 * 3_600_000);
  await env.jobs();
  const lapsed = await env.api('GET', `/v1/cards/${z.id}`);
  assert.equal(lapsed.body.state, 'expired');
  assert.equal(lapsed.body.state_reason, 'bind_deadline');
  assert.equal((await env.api('POST', '/v1/cards/bind', { code: z.code, member_id: m.id })).body.code, 'CARD_BIND_EXPIRED');
  env.ctx.clock.reset();
});

test('expiry is a durable job: cards past validity expire and their value leaves by the ledger', async () => {
  const { card } = await fx.card('stored_value', { initial_balance: 5000 }, { validity: { type: 'relative', days: 1 } });
  env.ctx.clock.advance(2 * 86_400_000);
  assert.equal((await redeem({ code: card.code, amount: 10 })).body.code, 'CARD_EXPIRED', 'expired even before the sweep runs');
  await env.jobs();
  const t = await env.api('GET', `/v1/cards/${card.id}/trace`);
  assert.equal(t.body.card.state, 'expired');
  assert.equal(t.body.card.balance, 0);
  assert.deepEqual(
    t.body.ledger.map((l: any) => [l.entry_type, l.amount]),
    [
      ['issue', 5000],
      ['expire', -5000],
    ],
  );
  env.ctx.clock.reset();
});

test('periodic card: uses per period, refilled by the job each month, ends after its periods', async () => {
  env.ctx.clock.set('2026-01-10T04:00:00Z');
  const { card } = await fx.card('periodic', { uses_per_period: 2, period: 'month', periods: 2 }, { validity: { type: 'none' } });
  assert.equal(card.uses_left, 2);
  assert.equal(card.period_ends_at, '2026-01-31T16:00:00.000Z', 'end of January in Shanghai');
  await redeem({ code: card.code, uses: 2 });
  const empty = await redeem({ code: card.code });
  assert.equal(empty.body.code, 'PERIOD_USES_EXHAUSTED');
  env.ctx.clock.set('2026-02-02T00:00:00Z');
  await env.jobs();
  const feb = await env.api('GET', `/v1/cards/${card.id}`);
  assert.equal(feb.body.uses_left, 2);
  assert.equal(feb.body.period_no, 2);
  assert.equal((await redeem({ code: card.code })).status, 201);
  env.ctx.clock.set('2026-03-05T00:00:00Z');
  assert.equal((await redeem({ code: card.code })).body.code, 'CARD_EXPIRED');
  await env.jobs();
  const done = await env.api('GET', `/v1/cards/${card.id}/trace`);
  assert.equal(done.body.card.state, 'expired');
  assert.deepEqual(
    done.body.ledger.map((l: any) => `${l.entry_type}:${l.uses}`),
    // January's uses were all spent, so its period_close moved nothing: a transfer moves a positive amount, so there is none
    ['issue:2', 'redeem:-2', 'refill:2', 'redeem:-1', 'expire:-1'],
  );
  env.ctx.clock.reset();
});

test('roles and tenants: a clerk redeems only at its stores; other tenants see 404', async () => {
  const mine = await fx.store({ name: 'mine' });
  const theirs = await fx.store({ name: 'theirs' });
  const clerk = (await env.api('POST', '/v1/api-keys', { name: 'clerk', role: 'clerk', store_ids: [mine.id] })).body.secret;
  const { card } = await fx.card('count', { uses: 5 });
  assert.equal((await redeem({ code: card.code, store_id: theirs.id }, clerk)).body.code, 'STORE_NOT_FOUND');
  const r = await redeem({ code: card.code }, clerk);
  assert.equal(r.status, 201);
  assert.equal(r.body.store_id, mine.id, 'a one-store clerk redeems at its store');
  assert.equal((await env.api('POST', `/v1/cards/${card.id}/void`, {}, { key: clerk })).status, 403);
  const other = await env.newTenant('Other');
  const o = await env.api('POST', '/v1/redemptions', { code: card.code }, { key: other.ownerKey });
  assert.equal(o.status, 404);
  assert.equal((await env.api('GET', `/v1/cards/${card.id}`, undefined, { key: other.ownerKey })).status, 404);
  assert.equal((await env.api('POST', `/v1/redemptions/${r.body.id}/reverse`, {}, { key: other.ownerKey })).status, 404);
});

test('a channel key issues into its channel and sees only its channel’s cards', async () => {
  const ch = await env.api('POST', '/v1/channels', { name: '团长 A' });
  const key = (await env.api('POST', '/v1/api-keys', { name: 'ch', role: 'channel', channel_id: ch.body.id })).body.secret;
  const t = await fx.template('cash', { amount_off: 100 });
  const b = await fx.batch(t.id);
  const m = await fx.member();
  const mine = await env.api('POST', '/v1/cards/issue', { batch_id: b.id, member_id: m.id }, { key });
  assert.equal(mine.status, 201);
  assert.equal(mine.body.channel_id, ch.body.id);
  const notMine = await fx.issue(b.id, m.id);
  assert.equal((await env.api('GET', `/v1/cards/${notMine.id}`, undefined, { key })).status, 404);
  assert.equal((await env.api('GET', `/v1/cards/${mine.body.id}`, undefined, { key })).status, 200);
  const list = await env.api('GET', `/v1/cards?batch_id=${b.id}`, undefined, { key });
  assert.deepEqual(
    list.body.data.map((c: any) => c.id),
    [mine.body.id],
  );
  assert.equal((await env.api('POST', '/v1/redemptions', { code: mine.body.code }, { key })).status, 403, 'channels do not redeem');
  assert.equal((await env.api('POST', '/v1/cards/issue', { batch_id: b.id, channel_id: 'chn_other' }, { key })).status, 404);
});

test('guessing codes is throttled, then locked out', async () => {
  const clerkStore = await fx.store();
  const key = (await env.api('POST', '/v1/api-keys', { name: 'g', role: 'clerk', store_ids: [clerkStore.id] })).body.secret;
  let status = 0;
  for (let i = 0; i < 25 && status !== 429; i++) status = (await redeem({ code: `GUESS${i}XXXXXXXX` }, key)).status;
  assert.equal(status, 429);
  const r = await redeem({ code: 'GUESS0XXXXXXXX' }, key);
  assert.equal(r.body.code, 'CODE_LOOKUPS_THROTTLED');
});

test('stats: issued, bound, redeemed, rate, amount and GMV by template and by day', async () => {
  const other = await env.newTenant('Stats');
  const f = await fixtures(env, other.ownerKey);
  const t = await f.template('cash', { amount_off: 500 });
  const b = await f.batch(t.id);
  const m = await f.member();
  const cards = [await f.issue(b.id, m.id), await f.issue(b.id, m.id), await f.issue(b.id)];
  await env.api('POST', '/v1/cards/bind', { code: cards[2].code, member_id: m.id }, { key: other.ownerKey });
  await env.api('POST', '/v1/redemptions', { code: cards[0].code, order_amount: 3000 }, { key: other.ownerKey });
  const rev = await env.api('POST', '/v1/redemptions', { code: cards[1].code, order_amount: 2000 }, { key: other.ownerKey });
  await env.api('POST', `/v1/redemptions/${rev.body.id}/reverse`, {}, { key: other.ownerKey });
  const s = await env.api('GET', '/v1/stats?group_by=template', undefined, { key: other.ownerKey });
  assert.equal(s.status, 200);
  assert.deepEqual(
    { ...s.body.totals },
    {
      issued: 3,
      issued_to_members: 2,
      exported: 1,
      bound: 1,
      in_hands: 3,
      in_hands_redeemed: 1,
      redeemed: 1,
      redeemed_cards: 1,
      redemption_rate: 0.3333,
      redeemed_amount: 500,
      order_gmv: 3000,
    },
  );
  assert.equal(s.body.rows[0].key, t.id);
  const d = await env.api('GET', '/v1/stats?group_by=day', undefined, { key: other.ownerKey });
  assert.equal(d.body.rows.filter((r: any) => r.issued).length, 1, 'one day with data (the others are there as zeros)');
  assert.match(d.body.rows[0].key, /^\d{4}-\d{2}-\d{2}$/);
  assert.equal((await env.api('GET', '/v1/stats?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', undefined, { key: other.ownerKey })).status, 422);

  // one count card used at two stores on two days: a row per store and per day, one card in the totals
  const count = await f.template('count', { uses: 5 });
  const card = await f.issue((await f.batch(count.id)).id, m.id);
  const [s1, s2] = [await f.store(), await f.store()];
  assert.equal((await env.api('POST', '/v1/redemptions', { code: card.code, store_id: s1.id }, { key: other.ownerKey })).status, 201);
  env.ctx.clock.advance(86_400_000);
  assert.equal((await env.api('POST', '/v1/redemptions', { code: card.code, store_id: s2.id }, { key: other.ownerKey })).status, 201);
  for (const by of ['store', 'day']) {
    const g = (await env.api('GET', `/v1/stats?group_by=${by}&template_id=${count.id}`, undefined, { key: other.ownerKey })).body;
    assert.deepEqual(
      g.rows.filter((x: any) => x.redeemed).map((x: any) => x.redeemed_cards),
      [1, 1],
      by,
    );
    assert.equal(g.totals.redeemed, 2, by);
    assert.equal(g.totals.redeemed_cards, 1, by);
    assert.equal(g.totals.redemption_rate, 1, by);
  }
  env.ctx.clock.reset();
});

test('cards sort on the server by balance and by expiry; redemptions by amount and order amount; across pages, both ways', async () => {
  const { ownerKey: key } = await env.newTenant('Sorting');
  const mine = await fixtures(env, key);
  const sv = await mine.template('stored_value', { initial_balance: 0, max_balance: 100000 });
  const forever = await mine.template('stored_value', { initial_balance: 0, max_balance: 100000 }, { validity: { type: 'none' } });
  const b = await mine.batch(sv.id);
  const cards = [];
  for (const topUp of [5000, 800, 5000, 1200, 300]) {
    const c = await mine.issue(b.id);
    assert.equal((await env.api('POST', `/v1/cards/${c.id}/top-up`, { amount: topUp }, { key })).status, 200);
    cards.push(c);
    env.ctx.clock.advance(3_600_000); // each card an hour later: a later expiry
  }
  const lasting = await mine.issue((await mine.batch(forever.id)).id);
  const byBalance = await assertSortedWalk(env, { url: '/v1/cards', sort: 'balance', value: (c) => c.balance, key });
  assert.deepEqual(
    byBalance.map((c) => c.balance),
    [0, 300, 800, 1200, 5000, 5000],
  );
  const byExpiry = await assertSortedWalk(env, { url: '/v1/cards', sort: 'valid_until', value: (c) => c.valid_until ?? '9999', key });
  assert.deepEqual(
    byExpiry.map((c) => c.id),
    [...cards.map((c) => c.id), lasting.id],
    'soonest expiry first; no expiry last',
  );
  await assertSortedWalk(env, { url: `/v1/cards?batch_id=${b.id}&state=active`, sort: 'balance', value: (c) => c.balance, key });
  await assertBadSort(env, '/v1/cards', key);

  for (const [i, amount, order] of [
    [0, 1000, 8000],
    [1, 200, undefined],
    [2, 3000, 3000],
    [3, 200, 9000],
    [0, 500, undefined],
  ] as const) {
    const r = await env.api('POST', '/v1/redemptions', { card_id: cards[i].id, amount, order_amount: order }, { key });
    assert.equal(r.status, 201, JSON.stringify(r.body));
  }
  const byAmount = await assertSortedWalk(env, { url: '/v1/redemptions', sort: 'amount', value: (r) => r.amount, key });
  assert.deepEqual(
    byAmount.map((r) => r.amount),
    [200, 200, 500, 1000, 3000],
  );
  const byOrder = await assertSortedWalk(env, { url: '/v1/redemptions?status=done', sort: 'order_amount', value: (r) => r.order_amount ?? -1, key });
  assert.deepEqual(
    byOrder.map((r) => r.order_amount),
    [null, null, 3000, 8000, 9000],
    'no order amount sorts as the smallest',
  );
  await assertBadSort(env, '/v1/redemptions', key);
});
