import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';
import { clock } from '../../clock.js';
import { resetGuessing } from '../risk/guard.js';
import { hotp, matchStep, parsePayload, STEP_S } from './totp.js';

/**
 * Dynamic codes 动态码 (docs/risk.md "Verification"): the wallet shows a code that changes every 30 s,
 * the clerk scans it, it works once within its step ±1, and a template that requires it refuses the
 * printed code and the card id at the till.
 */
let env: TestEnv;
let fx: Awaited<ReturnType<typeof fixtures>>;
const start = Math.floor(Date.now() / 30_000) * 30_000 + 1_000; // 1 s into a step

before(async () => {
  env = await startTestEnv();
  fx = await fixtures(env);
});
after(() => env.close());

const wallet = async (memberId: string) => `Wallet ${(await env.api('POST', `/v1/members/${memberId}/wallet-link`, {})).body.token}`;
async function dynamicCard(value: Record<string, unknown> = { uses: 10 }, kind = 'count') {
  clock.set(new Date(start));
  const c = await fx.card(kind, value, { rules: { dynamic_code: true } });
  return { ...c, auth: await wallet(c.member.id) };
}
const code = (cardId: string, auth: string) => env.api('GET', `/v1/wallet/cards/${cardId}/dynamic-code`, undefined, { headers: { authorization: auth } });
const uses = async (cardId: string) => (await env.api('GET', `/v1/cards/${cardId}`)).body.uses_left;

test('RFC 6238 test vector (SHA-1, 59 s → 94287082, its last 6 digits)', () => {
  const secret = Buffer.from('12345678901234567890');
  assert.equal(hotp(secret, Math.floor(59 / STEP_S)), '287082');
  assert.equal(hotp(secret, Math.floor(1111111109 / STEP_S)), '081804');
  assert.equal(matchStep(secret, '287082', 59_000 + 30_000), 1, 'the step before still matches');
  assert.equal(matchStep(secret, '287082', 59_000 + 60_000), null, 'two steps later it does not');
});

test('the wallet shows a rotating payload that names the card, never its code or secret', async () => {
  const { card, auth } = await dynamicCard();
  const r = await code(card.id, auth);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.deepEqual(Object.keys(r.body).sort(), ['expires_in', 'payload', 'step']);
  assert.match(r.body.payload, new RegExp(`^KQ1\\.${card.id}\\.\\d{6}$`));
  assert.ok(!r.body.payload.includes(card.code));
  assert.equal(r.body.expires_in, 29);
  const again = await code(card.id, auth);
  assert.equal(again.body.payload, r.body.payload, 'the same step, the same code (one secret per card)');
  clock.advance(30_000);
  const next = await code(card.id, auth);
  assert.equal(next.body.step, r.body.step + 1);
  assert.notEqual(next.body.payload, r.body.payload, 'the next step, another code');
  const other = await dynamicCard();
  assert.equal((await code(card.id, other.auth)).status, 404, 'another member’s card is not found');
  const plain = await fx.card('count', { uses: 3 });
  assert.equal((await code(plain.card.id, await wallet(plain.member.id))).body.code, 'DYNAMIC_CODE_NOT_USED');
});

test('the clerk redeems the payload once; a replay, the printed code and the card id are refused and change nothing', async () => {
  const { card, auth } = await dynamicCard();
  const { payload } = (await code(card.id, auth)).body;
  const printed = await env.api('POST', '/v1/redemptions', { code: card.code });
  assert.equal(printed.status, 403);
  assert.equal(printed.body.code, 'DYNAMIC_CODE_REQUIRED');
  assert.equal((await env.api('POST', '/v1/redemptions', { card_id: card.id })).body.code, 'DYNAMIC_CODE_REQUIRED');
  assert.equal(await uses(card.id), 10);
  const looked = await env.api('POST', '/v1/cards/lookup', { code: payload });
  assert.equal(looked.status, 200);
  assert.equal(looked.body.id, card.id, 'the clerk’s look-up reads the payload too');
  const check = await env.api('POST', '/v1/redemptions/check', { code: payload });
  assert.equal(check.body.redeemable, true, 'a check does not use the code');
  const r = await env.api('POST', '/v1/redemptions', { code: payload });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(r.body.card_id, card.id);
  const replay = await env.api('POST', '/v1/redemptions', { code: payload });
  assert.equal(replay.status, 409);
  assert.equal(replay.body.code, 'DYNAMIC_CODE_USED');
  assert.equal(await uses(card.id), 9, 'one use taken');
  const recheck = await env.api('POST', '/v1/redemptions/check', { code: payload });
  assert.equal(recheck.body.code, 'DYNAMIC_CODE_USED', 'the check says so at once');
  clock.advance(20_000); // same step still (21 s in): same payload, still used
  assert.equal((await env.api('POST', '/v1/redemptions', { code: payload })).body.code, 'DYNAMIC_CODE_USED');
  clock.advance(10_000); // the next step: a new code works
  const next = (await code(card.id, auth)).body.payload;
  assert.equal((await env.api('POST', '/v1/redemptions', { code: next })).status, 201);
  assert.equal(await uses(card.id), 8);
});

test('a code is good for its step ±1: a minute and a half later it is refused, and nothing changes', async () => {
  const { card, auth } = await dynamicCard();
  const { payload } = (await code(card.id, auth)).body;
  clock.advance(35_000); // the step after: still good
  assert.equal((await env.api('POST', '/v1/redemptions/check', { code: payload })).body.redeemable, true);
  clock.advance(60_000);
  const late = await env.api('POST', '/v1/redemptions', { code: payload });
  assert.equal(late.status, 403);
  assert.equal(late.body.code, 'DYNAMIC_CODE_INVALID');
  assert.equal(await uses(card.id), 10);
});

test('malformed payloads are a 422 naming code; wrong digits count as failed look-ups in the guessing guard', async () => {
  await resetGuessing();
  const { card, auth } = await dynamicCard();
  for (const bad of ['KQ1.', `KQ1.${card.id}.12345`, `KQ1.${card.id}.1234567`, 'KQ1.a b.123456']) {
    const r = await env.api('POST', '/v1/redemptions', { code: bad });
    assert.equal(r.status, 422, bad);
    assert.equal(r.body.code, 'DYNAMIC_CODE_MALFORMED');
    assert.equal(r.body.errors[0].field, 'code');
  }
  assert.throws(() => parsePayload('KQ1.x'), /KQ1/);
  const right = (await code(card.id, auth)).body.payload as string;
  const digits = right.slice(-6);
  const wrong = (i: number) => `KQ1.${card.id}.${String((Number(digits) + 1 + i) % 1_000_000).padStart(6, '0')}`;
  const key = (await env.api('POST', '/v1/api-keys', { name: 'guesser', role: 'clerk', store_ids: [] })).body.secret;
  const answers: number[] = [];
  for (let i = 0; i < 22; i++) answers.push((await env.api('POST', '/v1/redemptions', { code: wrong(i) }, { key })).status);
  assert.deepEqual(answers.slice(0, 20), Array(20).fill(403), 'twenty failures answered as a wrong code');
  assert.deepEqual(answers.slice(20), [429, 429], 'then the guessing guard throttles the key');
  assert.equal(await uses(card.id), 10);
  await resetGuessing();
});

test('templates: dynamic_code and otp_above are validated and read back', async () => {
  const bad = await env.api('POST', '/v1/templates', {
    kind: 'external',
    name: 'x',
    value: { supplier: 's', product_name: 'p' },
    validity: { type: 'none' },
    rules: { dynamic_code: true },
  });
  assert.equal(bad.status, 422);
  assert.equal(bad.body.errors[0].field, 'rules.dynamic_code');
  const notBool = await env.api('POST', '/v1/templates', {
    kind: 'count',
    name: 'x',
    value: { uses: 1 },
    validity: { type: 'none' },
    rules: { dynamic_code: 'yes' },
  });
  assert.equal(notBool.status, 400, 'a schema refusal names the field');
  assert.equal(notBool.body.errors[0].field, 'body.rules.dynamic_code');
  const neg = await env.api('POST', '/v1/templates', {
    kind: 'cash',
    name: 'x',
    value: { amount_off: 1 },
    validity: { type: 'none' },
    rules: { otp_above: -1 },
  });
  assert.equal(neg.body.errors[0].field, 'body.rules.otp_above');
  const t = await fx.template('stored_value', { initial_balance: 100_000 }, { rules: { dynamic_code: true, otp_above: 50_000 } });
  assert.deepEqual((await env.api('GET', `/v1/templates/${t.id}`)).body.rules, { dynamic_code: true, otp_above: 50_000 });
});
