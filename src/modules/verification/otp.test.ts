import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';
import { clock } from '../../clock.js';
import { outbox } from './sms/provider.js';

/**
 * Second verification by SMS 短信二次验证: a redemption above the template's otp_above is answered 428
 * OTP_REQUIRED with a challenge (a code sent to the member's phone: the console provider's outbox),
 * then goes through with otp { challenge_id, code }; an operator approval satisfies it too. Every
 * refusal changes nothing (the balance), and only the attempt counter moves on a wrong code.
 */
let env: TestEnv;
let fx: Awaited<ReturnType<typeof fixtures>>;
let batch: string;
let approvalBatch: string;

before(async () => {
  env = await startTestEnv();
  fx = await fixtures(env);
  const t = await fx.template('stored_value', { initial_balance: 100_000 }, { rules: { otp_above: 10_000 } });
  batch = (await fx.batch(t.id)).id;
  approvalBatch = batch;
});
after(() => env.close());

async function card(phone: string | null = '13812345678') {
  const m = await fx.member(phone ? { phone } : {});
  return { member: m, card: await fx.issue(batch, m.id) };
}
const redeem = (body: Record<string, unknown>) => env.api('POST', '/v1/redemptions', body);
const balance = async (id: string) => (await env.api('GET', `/v1/cards/${id}`)).body.balance;
const lastCode = () => outbox[outbox.length - 1]!.params.code;

test('up to the amount no code is asked; above it a code goes to the member’s phone and the redemption waits for it', async () => {
  const { card: c } = await card();
  assert.equal((await redeem({ code: c.code, amount: 10_000 })).status, 201, 'at otp_above: no code');
  const sent = outbox.length;
  const r = await redeem({ code: c.code, amount: 20_000 });
  assert.equal(r.status, 428, JSON.stringify(r.body));
  assert.equal(r.body.code, 'OTP_REQUIRED');
  assert.equal(r.body.phone_masked, '*******5678');
  assert.equal(r.body.phone_last4, '5678');
  assert.match(r.body.challenge_id, /^otp_/);
  assert.equal(outbox.length, sent + 1);
  assert.equal(outbox.at(-1)!.phone, '13812345678');
  assert.match(lastCode(), /^\d{6}$/);
  assert.ok(!JSON.stringify(r.body).includes(lastCode()), 'the answer never carries the code');
  const stored = await env.ctx.db.query('SELECT code_hash FROM otp_challenges WHERE id = $1', [r.body.challenge_id]);
  assert.ok(!Buffer.from(stored.rows[0].code_hash).toString('latin1').includes(lastCode()), 'only a hash is kept');
  assert.equal(await balance(c.id), 90_000, 'nothing taken yet');

  // asking again within the minute names the same challenge and sends nothing
  const again = await redeem({ code: c.code, amount: 20_000 });
  assert.equal(again.body.challenge_id, r.body.challenge_id);
  assert.equal(outbox.length, sent + 1, 'one code a minute');

  const code = lastCode();
  const wrong = await redeem({ code: c.code, amount: 20_000, otp: { challenge_id: r.body.challenge_id, code: code === '000000' ? '111111' : '000000' } });
  assert.equal(wrong.status, 403);
  assert.equal(wrong.body.code, 'OTP_WRONG');
  assert.equal(wrong.body.attempts_left, 4);
  const ok = await redeem({ code: c.code, amount: 20_000, otp: { challenge_id: r.body.challenge_id, code } });
  assert.equal(ok.status, 201, JSON.stringify(ok.body));
  assert.equal(await balance(c.id), 70_000);
  const reused = await redeem({ code: c.code, amount: 20_000, otp: { challenge_id: r.body.challenge_id, code } });
  assert.equal(reused.body.code, 'OTP_USED');
  assert.equal(await balance(c.id), 70_000);
});

test('a code for another card is refused naming it, and changes nothing', async () => {
  const a = await card();
  const b = await card();
  const ch = (await redeem({ code: a.card.code, amount: 20_000 })).body.challenge_id;
  const r = await redeem({ code: b.card.code, amount: 20_000, otp: { challenge_id: ch, code: lastCode() } });
  assert.equal(r.status, 403);
  assert.equal(r.body.code, 'OTP_WRONG_CARD');
  assert.equal(r.body.otp_card_id, a.card.id);
  assert.equal(r.body.errors[0].field, 'otp.challenge_id');
  assert.equal(await balance(b.card.id), 100_000);
  const still = await redeem({ code: a.card.code, amount: 20_000, otp: { challenge_id: ch, code: lastCode() } });
  assert.equal(still.status, 201, 'the code still works for its own card');
});

test('expired, too many attempts, malformed and unknown: clear problems, nothing taken', async () => {
  clock.reset();
  const { card: c } = await card();
  const ch = (await redeem({ code: c.code, amount: 20_000 })).body.challenge_id;
  const code = lastCode();
  const wrongDigits = code === '000000' ? '111111' : '000000';
  for (let i = 0; i < 5; i++)
    assert.equal((await redeem({ code: c.code, amount: 20_000, otp: { challenge_id: ch, code: wrongDigits } })).body.code, 'OTP_WRONG');
  const locked = await redeem({ code: c.code, amount: 20_000, otp: { challenge_id: ch, code } });
  assert.equal(locked.status, 429);
  assert.equal(locked.body.code, 'OTP_TOO_MANY_ATTEMPTS', 'the right code no longer works after 5 wrong ones');
  const malformed = await redeem({ code: c.code, amount: 20_000, otp: { challenge_id: ch, code: '12ab' } });
  assert.equal(malformed.status, 400);
  assert.equal(malformed.body.errors[0].field, 'body.otp.code');
  const unknown = await redeem({ code: c.code, amount: 20_000, otp: { challenge_id: 'otp_nope', code: '123456' } });
  assert.equal(unknown.body.code, 'OTP_INVALID');

  clock.advance(61_000);
  const fresh = (await redeem({ code: c.code, amount: 20_000 })).body;
  assert.notEqual(fresh.challenge_id, ch, 'a new challenge once the old one is spent');
  const freshCode = lastCode();
  clock.advance(5 * 60_000 + 1_000);
  const late = await redeem({ code: c.code, amount: 20_000, otp: { challenge_id: fresh.challenge_id, code: freshCode } });
  assert.equal(late.body.code, 'OTP_EXPIRED');
  assert.equal(await balance(c.id), 100_000);
  clock.reset();
});

test('resend: once a minute per challenge, the old code stops working', async () => {
  clock.reset();
  const { card: c } = await card();
  const ch = (await redeem({ code: c.code, amount: 20_000 })).body.challenge_id;
  const first = lastCode();
  const soon = await env.api('POST', `/v1/otp-challenges/${ch}/resend`, {});
  assert.equal(soon.status, 429);
  assert.equal(soon.body.code, 'OTP_RESEND_TOO_SOON');
  clock.advance(61_000);
  const r = await env.api('POST', `/v1/otp-challenges/${ch}/resend`, {});
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.phone_masked, '*******5678');
  const second = lastCode();
  if (second !== first)
    assert.equal((await redeem({ code: c.code, amount: 20_000, otp: { challenge_id: ch, code: first } })).body.code, 'OTP_WRONG', 'the old code is replaced');
  assert.equal((await redeem({ code: c.code, amount: 20_000, otp: { challenge_id: ch, code: second } })).status, 201);
  clock.reset();
});

test('no phone, no member: 409 naming why; an operator approval satisfies the rule instead', async () => {
  const { card: c, member } = await card(null);
  const r = await redeem({ code: c.code, amount: 20_000 });
  assert.equal(r.status, 409);
  assert.equal(r.body.code, 'OTP_NO_PHONE');
  assert.equal(r.body.member_id, member.id);
  const unbound = await fx.issue(approvalBatch);
  assert.equal((await redeem({ code: unbound.code, amount: 20_000 })).body.code, 'OTP_NO_MEMBER');
  const made = await redeem({ code: c.code, amount: 20_000, approval_id: 'apr_made_up' });
  assert.equal(made.body.code, 'VERIFICATION_INVALID', 'a made-up approval is refused by the redemption');
  const apr = (await env.api('POST', `/v1/cards/${c.id}/approvals`, {})).body.id;
  assert.equal((await redeem({ code: c.code, amount: 20_000, approval_id: apr })).status, 201);
  assert.equal(await balance(c.id), 80_000);
});

test('SMS settings: a provider’s keys are required, the secret is written once and shown masked', async () => {
  assert.equal((await env.api('GET', '/v1/settings/sms')).body.provider, 'console');
  const missing = await env.api('PUT', '/v1/settings/sms', { provider: 'aliyun', access_key_id: 'LTAI5t' });
  assert.equal(missing.status, 422);
  assert.deepEqual(
    missing.body.errors.map((e: any) => e.field),
    ['sign_name', 'template_code', 'access_key_secret'],
  );
  const put = await env.api('PUT', '/v1/settings/sms', {
    provider: 'aliyun',
    access_key_id: 'LTAI5t',
    access_key_secret: 'very-secret-key-9876',
    sign_name: '卡券',
    template_code: 'SMS_1',
  });
  assert.equal(put.status, 200, JSON.stringify(put.body));
  assert.equal(put.body.access_key_secret_masked, '••••••9876');
  assert.ok(!JSON.stringify(put.body).includes('very-secret'));
  const kept = await env.api('PUT', '/v1/settings/sms', { provider: 'aliyun', access_key_id: 'LTAI5t', sign_name: '卡券', template_code: 'SMS_2' });
  assert.equal(kept.body.access_key_secret_set, true, 'left out: the stored secret is kept');
  const row = await env.ctx.db.query('SELECT sms_secret_enc FROM verification_settings WHERE tenant_id = $1', [env.tenantId]);
  assert.ok(!Buffer.from(row.rows[0].sms_secret_enc).toString('latin1').includes('very-secret'), 'sealed at rest');
  assert.equal((await env.api('PUT', '/v1/settings/sms', { provider: 'console' })).body.provider, 'console');
});
