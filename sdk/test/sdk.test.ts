import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../src/testing/harness.js';
import { createKaquan, KaquanError, KaquanNetworkError, PROBLEM_CODES } from '../src/index.js';
import { redeemAtTill, till, undoAtTill } from '../examples/pos.js';
import { crm, orderPlaced, welcome } from '../examples/crm.js';

/** The SDK against a real server of this checkout over HTTP: the README's two integrations, typed errors, keys and retries. */
let env: TestEnv;
let base: string;
before(async () => {
  env = await startTestEnv();
  await env.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = env.app.server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
after(() => env.close());

test('the POS integration of the README: look up, check, redeem, reverse — and a second redemption is refused by its code', async () => {
  const fx = await fixtures(env);
  const store = await fx.store({ name: '南京西路店' });
  const clerk = await env.api('POST', '/v1/api-keys', { name: 'till 1', role: 'clerk', store_ids: [store.id] });
  assert.equal(clerk.status, 201, JSON.stringify(clerk.body));
  const { card } = await fx.card('cash', { amount_off: 1_000 }, { rules: { min_spend: 5_000 } });
  const kq = till(base, clerk.body.secret);

  const tooSmall = await redeemAtTill(kq, card.code, store.id, 3_000, 'T-0001');
  assert.equal(tooSmall.redeemed, false);
  assert.equal(tooSmall.why, 'RULE_MIN_SPEND_NOT_MET');

  const done = await redeemAtTill(kq, card.code, store.id, 8_000, 'T-0002');
  assert.ok(done.redeemed);
  assert.equal(done.discount, 1_000);
  const { data: again } = await kq.POST('/v1/redemptions', { body: { code: card.code, store_id: store.id, order_amount: 8_000, request_no: 'T-0002' } });
  assert.ok('id' in again && again.id === done.redemption.id, 'the same ticket number is the same redemption, not a second one');
  const other = await redeemAtTill(kq, card.code, store.id, 8_000, 'T-0003');
  assert.equal(other.redeemed, false, 'another ticket cannot redeem it again');

  const { data: reversed } = await undoAtTill(kq, done.redemption.id);
  assert.equal(reversed.status, 'reversed');
  assert.equal((await env.api('GET', `/v1/cards/${card.id}`)).body.state, 'active');
});

test('the CRM integration of the README: a member, one welcome card however often it runs, an order that earns points', async () => {
  const fx = await fixtures(env);
  const t = await fx.template('cash', { amount_off: 500 });
  const b = await fx.batch(t.id);
  assert.equal((await env.api('POST', '/v1/points/rules', { name: '消费积分', kind: 'order', asset: 'points', points: 1, per_fen: 100 })).status, 201);
  const kq = crm(base, env.ownerKey);
  const first = await welcome(kq, { externalId: 'crm-1', name: '王芳', phone: '13800138000', welcomeBatchId: b.id });
  assert.equal(first.card?.member_id, first.member.id);
  const rerun = await welcome(kq, { externalId: 'crm-1', name: '王芳', phone: '13800138000', welcomeBatchId: b.id });
  assert.equal(rerun.member.id, first.member.id);
  assert.equal(rerun.card?.id, first.card?.id);
  const { data: cards } = await kq.GET('/v1/cards', { params: { query: { member_id: first.member.id } } });
  assert.equal(cards.data.length, 1);
  const earned = await orderPlaced(kq, first.member.id, 'SO-1001', 12_345);
  assert.equal((earned.effects.points as { points: number }).points, 123);
  assert.equal(earned.balance, 123);
});

test('a refusal is a KaquanError with its typed code, the fields and the request id; bad input names the field', async () => {
  const kq = createKaquan({ baseUrl: base, apiKey: env.ownerKey });
  await assert.rejects(
    kq.GET('/v1/cards/{id}', { params: { path: { id: 'card_nope' } } }),
    (e: unknown) => e instanceof KaquanError && e.status === 404 && e.code === 'CARD_NOT_FOUND' && /^req-/.test(e.requestId ?? ''),
  );
  await assert.rejects(
    kq.POST('/v1/stores', { body: { name: 's', colour: 'red' } as never }),
    (e: unknown) => e instanceof KaquanError && e.status === 422 && e.errors.some((x) => x.field === 'body.colour' && x.rule === 'unknown'),
  );
  assert.ok((PROBLEM_CODES as readonly string[]).includes('CARD_NOT_FOUND'));
  // types: a path the API does not have, or a body it does not take, does not compile
  // @ts-expect-error no such route
  void (() => kq.GET('/v1/no-such-route'));
  // @ts-expect-error an amount is integer fen, not a string
  void (() => kq.POST('/v1/redemptions', { body: { code: 'x', amount: '12.50' } }));
});

/** A fetch that loses the first answer of every write after the server acted on it: the worst moment for a retry. */
function losingFirstAnswers(log: string[]) {
  const lost = new Set<string>();
  return async (req: Request) => {
    const key = req.headers.get('idempotency-key') ?? '';
    log.push(`${req.method} ${new URL(req.url).pathname} ${key}`);
    const res = await fetch(req);
    if (req.method !== 'GET' && !lost.has(key)) {
      lost.add(key);
      await res.body?.cancel();
      throw new TypeError('fetch failed (connection reset)');
    }
    return res;
  };
}

test('every write carries an Idempotency-Key, so a retry after a lost answer redeems once', async () => {
  const fx = await fixtures(env);
  const { card } = await fx.card('stored_value', { initial_balance: 10_000 });
  const log: string[] = [];
  const kq = createKaquan({ baseUrl: base, apiKey: env.ownerKey, fetch: losingFirstAnswers(log), retry: { baseDelayMs: 5 } });
  const { data } = await kq.POST('/v1/redemptions', { body: { code: card.code, amount: 2_500 } });
  assert.ok('card' in data && data.card.balance === 7_500, 'one redemption: the retry got the first answer');
  assert.equal(log.length, 2);
  assert.equal(log[0], log[1], 'the retry sent the same key');
  assert.match(log[0]!, /POST \/v1\/redemptions sdk-[0-9a-f-]{36}$/);
  const { data: after } = await kq.GET('/v1/cards/{id}', { params: { path: { id: card.id } } });
  assert.equal(after.balance, 7_500);

  // without keys, nothing that could act twice is sent twice
  const bare = createKaquan({ baseUrl: base, apiKey: env.ownerKey, fetch: losingFirstAnswers([]), idempotencyKeys: false, retry: { baseDelayMs: 5 } });
  await assert.rejects(bare.POST('/v1/redemptions', { body: { code: card.code, amount: 1_000 } }), KaquanNetworkError);
  assert.equal((await env.api('GET', `/v1/cards/${card.id}`)).body.balance, 6_500, 'it acted once, and was not sent again');
});

test('reads are retried on 502/503/504 and a short 429; a long lock goes back to the caller at once', async () => {
  let calls = 0;
  const flaky = async (req: Request) => {
    calls++;
    if (calls === 1) return new Response('', { status: 503 });
    if (calls === 2) return new Response(JSON.stringify({ code: 'CODE_LOOKUPS_THROTTLED' }), { status: 429, headers: { 'retry-after': '0.01' } });
    return fetch(req);
  };
  const kq = createKaquan({ baseUrl: base, apiKey: env.ownerKey, fetch: flaky, retry: { baseDelayMs: 5 } });
  const { data } = await kq.GET('/v1/stores');
  assert.ok(Array.isArray(data.data));
  assert.equal(calls, 3);

  let locked = 0;
  const lock = async () => {
    locked++;
    return new Response(JSON.stringify({ status: 429, code: 'CODE_LOOKUPS_LOCKED', detail: 'locked', retry_after: 900 }), {
      status: 429,
      headers: { 'retry-after': '900', 'content-type': 'application/problem+json' },
    });
  };
  const kq2 = createKaquan({ baseUrl: base, apiKey: env.ownerKey, fetch: lock });
  await assert.rejects(
    kq2.POST('/v1/cards/lookup', { body: { code: 'X' } }),
    (e: unknown) => e instanceof KaquanError && e.code === 'CODE_LOOKUPS_LOCKED' && e.fields.retry_after === 900,
  );
  assert.equal(locked, 1, 'a 15-minute lock is not waited out');
});
