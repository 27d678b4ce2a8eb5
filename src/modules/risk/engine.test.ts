import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';
import { clock } from '../../clock.js';
import { outbox } from '../verification/sms/provider.js';
import { flushLog, actionLog } from './actionlog.js';
import { generateCode } from '../codes/codes.js';

/**
 * The risk engine at work, through the API: each outcome (refuse, flag, review, challenge — and
 * go to the review desk and the SMS second factor), lists (black refuses, grey reviews,
 * white exempts, an entry expires), counts given back when the action fails, failures counted for
 * guessing, decisions readable by member, rule and card (its trace) and in the member's profile.
 */
let env: TestEnv;
let fx: Awaited<ReturnType<typeof fixtures>>;
let batch: any;
before(async () => {
  env = await startTestEnv();
  fx = await fixtures(env);
  const t = await fx.template('count', { uses: 10 }, { name: '洗车次卡' });
  batch = await fx.batch(t.id);
});
after(async () => {
  await env.close();
});

const ok = (r: { status: number; body: any }, status = 201) => {
  assert.equal(r.status, status, JSON.stringify(r.body));
  return r.body;
};
const rule = async (body: Record<string, unknown>) =>
  ok(await env.api('POST', '/v1/risk/rules', { window: { size: 1, unit: 'day', mode: 'calendar' }, kind: 'limit', ...body }));
const pause = (r: any) => env.api('PATCH', `/v1/risk/rules/${r.id}`, { status: 'paused' });
const issue = (member_id: string, extra: Record<string, unknown> = {}, headers?: Record<string, string>) =>
  env.api('POST', '/v1/cards/issue', { batch_id: batch.id, member_id, ...extra }, headers ? { headers } : {});

test('a limit per member per day refuses the next one by the rule’s name, and the decision is kept with names', async () => {
  const r = await rule({ name: '每人每天两张 Two a day', actions: ['issue'], subject: 'member', limit: 2, outcome: 'refuse' });
  const m = await fx.member({ name: '王小明' });
  ok(await issue(m.id));
  ok(await issue(m.id));
  const refused = await issue(m.id);
  assert.equal(refused.status, 403);
  assert.equal(refused.body.code, 'RISK_REFUSED');
  assert.equal(refused.body.rule, '每人每天两张 Two a day');
  // another member is not touched by this member's count
  ok(await issue((await fx.member()).id));
  const d = ok(await env.api('GET', `/v1/risk/decisions?member_id=${m.id}`), 200);
  assert.equal(d.data.length, 1);
  assert.equal(d.data[0].outcome, 'refuse');
  assert.equal(d.data[0].action, 'issue');
  assert.deepEqual(
    d.data[0].rules.map((x: any) => x.name),
    ['每人每天两张 Two a day'],
  );
  assert.equal(d.names[m.id], '王小明');
  assert.equal(ok(await env.api('GET', `/v1/risk/decisions?rule_id=${r.id}`), 200).data.length, 1);
  // a new day in the tenant's time zone: counted afresh
  clock.advance(24 * 3600_000);
  ok(await issue(m.id));
  const profile = ok(await env.api('GET', `/v1/risk/members/${m.id}`), 200);
  assert.equal(profile.decisions.length, 1);
  assert.equal((await env.api('GET', '/v1/risk/members/mem_00000000000000000000000000')).status, 404);
  await pause(r);
});

test('an action that fails gives its count back', async () => {
  const r = await rule({ name: '每张卡绑定一次', actions: ['bind'], subject: 'card', limit: 1, outcome: 'refuse' });
  const c = ok(await env.api('POST', '/v1/cards/issue', { batch_id: batch.id }));
  const failed = await env.api('POST', '/v1/cards/bind', { code: c.code, member_id: 'mem_00000000000000000000000000' });
  assert.equal(failed.status, 404, JSON.stringify(failed.body));
  const m = await fx.member();
  ok(await env.api('POST', '/v1/cards/bind', { code: c.code, member_id: m.id }), 200);
  await pause(r);
});

test('flag lets the action through and records it (risk.flagged); review goes to the review desk, challenge to the SMS code', async () => {
  const m = await fx.member();
  const flag = await rule({ name: '标记 Flag', actions: ['issue'], subject: 'member', limit: 1, outcome: 'flag' });
  ok(await issue(m.id));
  ok(await issue(m.id));
  const d = ok(await env.api('GET', `/v1/risk/decisions?member_id=${m.id}&outcome=flag`), 200);
  assert.equal(d.data.length, 1);
  const ev = await env.ctx.db.query(`SELECT count(*)::int AS n FROM events WHERE tenant_id = $1 AND event_type = 'risk.flagged' AND member_id = $2`, [
    env.tenantId,
    m.id,
  ]);
  assert.equal(ev.rows[0].n, 1);
  await pause(flag);

  const review = await rule({ name: '人工审核 Review', actions: ['issue'], subject: 'member', limit: 1, outcome: 'review' });
  const n = await fx.member();
  ok(await issue(n.id));
  const held = await issue(n.id);
  assert.equal(held.status, 202, JSON.stringify(held.body));
  assert.equal(held.body.status, 'pending_review');
  const rev = ok(await env.api('GET', `/v1/reviews/${held.body.review_id}`), 200);
  assert.equal(rev.action, 'issue');
  await pause(review);

  const challenge = await rule({ name: '二次验证 Challenge', actions: ['issue'], subject: 'member', limit: 1, outcome: 'challenge' });
  const p = await fx.member({ phone: '13800138123' });
  ok(await issue(p.id));
  const asked = await issue(p.id);
  assert.equal(asked.status, 428, JSON.stringify(asked.body));
  assert.equal(asked.body.code, 'OTP_REQUIRED');
  // the code sent back with the request (X-Kaquan-OTP: <challenge_id>:<code>) lets it through
  const code = outbox[outbox.length - 1]!.params.code;
  const proven = await issue(p.id, undefined, { 'x-kaquan-otp': `${asked.body.challenge_id}:${code}` });
  assert.equal(proven.status, 201, JSON.stringify(proven.body));
  await pause(challenge);
});

test('the strongest outcome wins: a review and a challenge hit together go to review', async () => {
  const m = await fx.member({ phone: '13800138124' });
  const review = await rule({ name: '人工审核 Review 2', actions: ['issue'], subject: 'member', limit: 1, outcome: 'review' });
  const challenge = await rule({ name: '二次验证 Challenge 2', actions: ['issue'], subject: 'member', limit: 1, outcome: 'challenge' });
  ok(await issue(m.id));
  const x = await issue(m.id);
  assert.equal(x.status, 202, JSON.stringify(x.body));
  const rev = ok(await env.api('GET', `/v1/reviews/${x.body.review_id}`), 200);
  assert.deepEqual(rev.rules.map((r: { name: string }) => r.name).sort(), ['二次验证 Challenge 2', '人工审核 Review 2'].sort());
  await pause(review);
  await pause(challenge);
});

test('lists: black refuses, grey goes to review, white exempts from limits; an entry expires', async () => {
  const m = await fx.member();
  const black = ok(
    await env.api('POST', '/v1/risk/lists', {
      list: 'black',
      subject: 'member',
      value: m.id,
      reason: '黄牛',
      expires_at: new Date(clock.now().getTime() + 60_000).toISOString(),
    }),
  );
  const x = await issue(m.id);
  assert.equal(x.body.code, 'RISK_REFUSED');
  assert.match(x.body.rule, /黑名单/);
  clock.advance(61_000);
  ok(await issue(m.id));
  ok(await env.api('POST', `/v1/risk/lists/${black.id}/remove`, {}), 200);

  const g = await fx.member();
  ok(await env.api('POST', '/v1/risk/lists', { list: 'grey', subject: 'member', value: g.id, reason: '可疑' }));
  assert.equal((await issue(g.id)).status, 202, 'grey: sent to the review desk');

  const r = await rule({ name: '每人一张 One each', actions: ['issue'], subject: 'member', limit: 1, outcome: 'refuse' });
  const w = await fx.member();
  ok(await env.api('POST', '/v1/risk/lists', { list: 'white', subject: 'member', value: w.id, reason: '员工' }));
  for (let i = 0; i < 3; i++) ok(await issue(w.id));
  const other = await fx.member();
  ok(await issue(other.id));
  assert.equal((await issue(other.id)).body.code, 'RISK_REFUSED');
  await pause(r);
});

test('a redemption limit per card per day; a refused redemption shows on the card’s trace', async () => {
  const r = await rule({ name: '每卡每天核销一次 Once a day per card', actions: ['redeem'], subject: 'card', limit: 1, outcome: 'refuse' });
  const c = ok(await issue((await fx.member()).id));
  ok(await env.api('POST', '/v1/redemptions', { code: c.code }));
  const x = await env.api('POST', '/v1/redemptions', { code: c.code });
  assert.equal(x.body.code, 'RISK_REFUSED', JSON.stringify(x.body));
  const trace = ok(await env.api('GET', `/v1/cards/${c.id}/trace`), 200);
  assert.equal(trace.risk_decisions.length, 1);
  assert.equal(trace.risk_decisions[0].rules[0].name, '每卡每天核销一次 Once a day per card');
  await pause(r);
});

test('guessing: failed look-ups are counted (and only those); past the limit even a valid code is refused', async () => {
  const key = ok(await env.api('POST', '/v1/api-keys', { name: 'clerk', role: 'operator' })).secret;
  const r = await rule({
    name: '查码失败 Unknown codes',
    actions: ['lookup'],
    subject: 'key',
    limit: 3,
    count: 'failures',
    outcome: 'refuse',
    window: { size: 1, unit: 'hour' },
  });
  const c = ok(await issue((await fx.member()).id));
  for (let i = 0; i < 5; i++) ok(await env.api('POST', '/v1/cards/lookup', { code: c.code }, { key }), 200);
  for (let i = 0; i < 3; i++)
    assert.equal((await env.api('POST', '/v1/cards/lookup', { code: generateCode({ prefix: '', length: 16, alphabet: 'crockford' }) }, { key })).status, 404);
  const x = await env.api('POST', '/v1/cards/lookup', { code: c.code }, { key });
  assert.equal(x.body.code, 'RISK_REFUSED');
  ok(await env.api('POST', '/v1/cards/lookup', { code: c.code }), 200); // another key
  await pause(r);
});

test('redemptions are counted by the till’s device and address: one device past its limit is refused, another goes on', async () => {
  const r = await rule({ name: '每台设备每天一次 One per device', actions: ['redeem'], subject: 'device', limit: 1, outcome: 'refuse' });
  const [a, b] = [ok(await issue((await fx.member()).id)), ok(await issue((await fx.member()).id))];
  const till = { 'x-kaquan-device': 'wd-till-0001' };
  ok(await env.api('POST', '/v1/redemptions', { code: a.code }, { headers: till }));
  const refused = await env.api('POST', '/v1/redemptions', { code: b.code }, { headers: till });
  assert.equal(refused.body.code, 'RISK_REFUSED', JSON.stringify(refused.body));
  ok(await env.api('POST', '/v1/redemptions', { code: b.code }, { headers: { 'x-kaquan-device': 'wd-till-0002' } }));
  await pause(r);
  await flushLog(env.ctx.db);
  const logged = await actionLog(env.ctx.db, env.tenantId, new Date(0), new Date(clock.now().getTime() + 1000), 'redeem');
  assert.ok(
    logged.some((x) => x.subjects.device_id === 'wd-till-0001' && x.subjects.ip === '127.0.0.1'),
    'the dry runs see the device and address',
  );
});

test('the action log holds every guarded action for the dry runs', async () => {
  await flushLog(env.ctx.db);
  const rows = await actionLog(env.ctx.db, env.tenantId, new Date(0), new Date(clock.now().getTime() + 1000), 'issue');
  assert.ok(rows.length >= 10);
  assert.ok(rows.some((x) => x.outcome === 'refuse'));
  assert.ok(rows.every((x) => x.action === 'issue' && x.subjects.batch_id === batch.id));
});
