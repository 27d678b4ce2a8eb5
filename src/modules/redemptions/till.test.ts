import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';

/**
 * What the till 核销台 relies on from the API (issue 11, items 4, 6 and 11): the check says which
 * inputs a card needs before the clerk is refused for lacking them; the redemption list tells rows
 * apart by card, code tail and member; a reversal keeps its reason; a lost answer retried with the
 * same key is one redemption; a stamp card rewards only a coupon or uses; a clerk reads no member
 * profiles and is sent to the clerk page when signing in on the console.
 */
let env: TestEnv;
let fx: Awaited<ReturnType<typeof fixtures>>;
let store: { id: string };
let clerkKey: string;
before(async () => {
  env = await startTestEnv();
  fx = await fixtures(env);
  store = await fx.store({ name: '南京西路店' });
  clerkKey = (await env.api('POST', '/v1/api-keys', { name: 'till', role: 'clerk', store_ids: [store.id] })).body.secret;
});
after(async () => {
  await env.close();
});
const asClerk = (method: string, url: string, body?: unknown, headers?: Record<string, string>) => env.api(method, url, body, { key: clerkKey, headers });

test('the check names what a card needs (order amount, amount, products) with or without it', async () => {
  const minSpend = await fx.card('cash', { amount_off: 1000 }, { rules: { min_spend: 5000 } });
  const c1 = await asClerk('POST', '/v1/redemptions/check', { code: minSpend.card.code, store_id: store.id });
  assert.deepEqual([c1.body.redeemable, c1.body.code, c1.body.needs], [false, 'ORDER_AMOUNT_REQUIRED', ['order_amount']]);
  const c2 = await asClerk('POST', '/v1/redemptions/check', { code: minSpend.card.code, store_id: store.id, order_amount: 6800 });
  assert.deepEqual([c2.body.redeemable, c2.body.take.value, c2.body.needs], [true, 1000, ['order_amount']]);

  const sv = await fx.card('stored_value', { initial_balance: 5000 });
  const c3 = await asClerk('POST', '/v1/redemptions/check', { code: sv.card.code, store_id: store.id });
  assert.deepEqual([c3.body.code, c3.body.needs], ['AMOUNT_REQUIRED', ['amount']]);
  const discount = await fx.card('discount', { percent_off: 15 }, { rules: { product_ids: ['LATTE-M'] } });
  const c4 = await asClerk('POST', '/v1/redemptions/check', { code: discount.card.code, store_id: store.id });
  assert.deepEqual(c4.body.needs, ['order_amount', 'product_ids']);
  const plain = await fx.card('count', { uses: 5 });
  assert.deepEqual((await asClerk('POST', '/v1/redemptions/check', { code: plain.card.code, store_id: store.id })).body.needs, []);
});

test('a lost answer retried with the same Idempotency-Key is the same redemption, not a second one', async () => {
  const { card } = await fx.card('count', { uses: 5, card_value: 50000 });
  const key = 'till-confirm-0001';
  const first = await asClerk('POST', '/v1/redemptions', { code: card.code, store_id: store.id, uses: 2 }, { 'idempotency-key': key });
  assert.equal(first.status, 201);
  // the till never saw that answer and sends the very same request again
  const again = await asClerk('POST', '/v1/redemptions', { code: card.code, store_id: store.id, uses: 2 }, { 'idempotency-key': key });
  assert.equal(again.status, 201);
  assert.equal(again.headers['idempotent-replayed'], 'true');
  assert.equal(again.body.id, first.body.id);
  const list = (await asClerk('GET', `/v1/redemptions?card_id=${card.id}`)).body.data;
  assert.equal(list.length, 1);
  assert.equal((await env.api('GET', `/v1/cards/${card.id}`)).body.uses_left, 3);
});

test('the redemption list tells rows apart: template name, kind, code tail, member name', async () => {
  const member = await fx.member({ name: '王小明', phone: '13900001234', birthday: '1990-05-06' });
  const tpl = await fx.template('count', { uses: 10, card_value: 38800 });
  const card = await fx.issue((await fx.batch(tpl.id)).id, member.id);
  await asClerk('POST', '/v1/redemptions', { code: card.code, store_id: store.id, uses: 2 });
  const list = await asClerk('GET', `/v1/redemptions?store_id=${store.id}&limit=1`);
  assert.equal(list.status, 200);
  const row = list.body.data[0];
  assert.deepEqual(
    { kind: row.kind, template_name: row.template_name, code_tail: row.code_tail, member_name: row.member_name, uses: row.uses, amount: row.amount },
    { kind: 'count', template_name: 'count test', code_tail: card.code.slice(-4), member_name: '王小明', uses: 2, amount: 7760 },
  );
  assert.ok(!JSON.stringify(list.body).includes('1990-05-06') && !JSON.stringify(list.body).includes('1234'), 'a name only: no birthday, no phone');
});

test('a reversal keeps its reason: on the reversed event and in the audit log', async () => {
  const { card } = await fx.card('count', { uses: 5 });
  const r = await asClerk('POST', '/v1/redemptions', { code: card.code, store_id: store.id });
  const rev = await asClerk('POST', `/v1/redemptions/${r.body.id}/reverse`, { reason: '顾客退单' });
  assert.equal(rev.status, 200, JSON.stringify(rev.body));
  const trace = (await env.api('GET', `/v1/cards/${card.id}/trace`)).body;
  const reversed = trace.events.find((e: any) => e.event_type === 'reversed');
  assert.equal(reversed.data.reason, '顾客退单');
  const audit = (await env.api('GET', `/v1/audit?action=card.reverse&target_id=${r.body.id}`)).body.data;
  assert.equal(audit.length, 1);
  assert.equal(audit[0].data.body.reason, '顾客退单');
});

test('a stamp card rewards a coupon or uses; stored value, gift, stamp and external templates are refused, naming the field', async () => {
  const make = (reward: string) =>
    env.api('POST', '/v1/templates', { kind: 'stamp', name: '集点', value: { goal: 5, reward_template_id: reward }, validity: { type: 'none' } });
  const refused: Record<string, [string, Record<string, unknown>]> = {
    stored_value: ['stored_value', { initial_balance: 0 }],
    gift: ['gift', { initial_balance: 10000 }],
    external: ['external', { supplier: 'x', product_name: 'VIP' }],
  };
  for (const [what, [kind, value]] of Object.entries(refused)) {
    const tpl = await fx.template(kind, value);
    const r = await make(tpl.id);
    assert.equal(r.status, 422, what);
    assert.equal(r.body.code, 'TEMPLATE_INVALID', what);
    assert.equal(r.body.errors[0].field, 'value.reward_template_id', what);
    assert.match(r.body.errors[0].reason, new RegExp(kind), what);
  }
  const stamp = (await make((await fx.template('exchange', { sku: 'TEA' })).id)).body;
  assert.equal((await make(stamp.id)).status, 422, 'not another stamp card');
  for (const [kind, value] of [
    ['cash', { amount_off: 500 }],
    ['discount', { percent_off: 10 }],
    ['count', { uses: 2 }],
    ['periodic', { uses_per_period: 1, period: 'week', periods: 4 }],
  ] as const)
    assert.equal((await make((await fx.template(kind, value)).id)).status, 201, kind);
});

test('a clerk reads no member profile: the member list, search and profile answer 403', async () => {
  const m = await fx.member({ name: '李四', phone: '13800009999', birthday: '1985-01-02' });
  for (const url of ['/v1/members', '/v1/members?q=13800009999', `/v1/members?q=${encodeURIComponent('李四')}`, `/v1/members/${m.id}`]) {
    const r = await asClerk('GET', url);
    assert.equal(r.status, 403, url);
    assert.ok(!JSON.stringify(r.body).includes('1985-01-02'), url);
  }
  // staff who manage members still read them
  assert.equal((await env.api('GET', `/v1/members/${m.id}`)).status, 200);
});

test('a clerk signing in on the console gets the clerk page’s session, not a console one', async () => {
  assert.equal((await env.api('POST', '/v1/operators', { username: 'xiaoli', password: 'clerk pass 123', role: 'clerk', store_ids: [store.id] })).status, 201);
  const r = await env.app.inject({
    method: 'POST',
    url: '/v1/sessions',
    headers: { 'x-kaquan-screen': 'console', 'sec-fetch-site': 'same-origin' },
    payload: { username: 'xiaoli', password: 'clerk pass 123' },
  });
  assert.equal(r.statusCode, 201, r.body);
  assert.equal(r.json().operator.role, 'clerk');
  const cookie = String(r.headers['set-cookie']).split(';')[0];
  assert.match(cookie, /^kq_clerk=kqs_/);
  const me = (screen: string) =>
    env.app.inject({ method: 'GET', url: '/v1/sessions/current', headers: { cookie, 'x-kaquan-screen': screen, 'sec-fetch-site': 'same-origin' } });
  assert.equal((await me('clerk')).statusCode, 200);
  assert.equal((await me('console')).statusCode, 401, 'the console has no session for a clerk');
});
