import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';

/**
 * 试运行 and 风控看板 (docs/risk.md "Dry run", "Dashboard"): a dry run counts what a rule would have
 * done to a seeded action log — calendar days in the tenant's zone (Asia/Shanghai), sliding windows,
 * its actions only, a saved rule by id — and the dashboard sums seeded decisions by outcome, rule
 * (current names), store, local hour and subject, leaving out the local day before.
 */
let env: TestEnv;
let fx: Awaited<ReturnType<typeof fixtures>>;
let zhang: any;
let li: any;
let wang: any;
const NOW = '2026-12-07T04:00:00Z'; // 12:00 on 7 December in Shanghai

before(async () => {
  env = await startTestEnv();
  env.ctx.clock.set(NOW);
  fx = await fixtures(env);
  zhang = await fx.member({ name: '张三' });
  li = await fx.member({ name: '李四' });
  wang = await fx.member({ name: '王五' });
  const log = (member: string, at: string, action = 'claim', device = 'dev-1') =>
    env.ctx.db.query(`INSERT INTO risk_action_log (tenant_id, action, at, outcome, subjects) VALUES ($1, $2, $3, 'allow', $4)`, [
      env.tenantId,
      action,
      at,
      JSON.stringify({ member_id: member, device_id: device, ip: '10.0.0.1' }),
    ]);
  // 张三: five claims at 08:00–08:04 local on the 7th, three redemptions (another action), one claim two days before
  for (let i = 0; i < 5; i++) await log(zhang.id, `2026-12-07T00:0${i}:00Z`);
  for (let i = 0; i < 3; i++) await log(zhang.id, `2026-12-07T00:1${i}:00Z`, 'redeem');
  await log(zhang.id, '2026-12-05T01:00:00Z');
  // 李四: two claims; 王五: two at 22:00 local on the 6th and two at 09:00 local on the 7th
  await log(li.id, '2026-12-07T02:00:00Z', 'claim', 'dev-2');
  await log(li.id, '2026-12-07T02:01:00Z', 'claim', 'dev-2');
  await log(wang.id, '2026-12-06T14:00:00Z', 'claim', 'dev-3');
  await log(wang.id, '2026-12-06T14:01:00Z', 'claim', 'dev-3');
  await log(wang.id, '2026-12-07T01:00:00Z', 'claim', 'dev-3');
  await log(wang.id, '2026-12-07T01:01:00Z', 'claim', 'dev-3');
});
after(() => env.close());

const rule = (extra: Record<string, unknown> = {}) => ({
  name: '每人每天限领 3 张',
  actions: ['claim'],
  kind: 'limit',
  subject: 'member',
  window: { size: 1, unit: 'day', mode: 'calendar' },
  limit: 3,
  outcome: 'refuse',
  ...extra,
});

test('dry run: a calendar day in the tenant’s zone refuses the 4th and 5th claims of one member', async () => {
  const r = await env.api('POST', '/v1/risk/rules/dry-run', { rule: rule() });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.actions_seen, 11, 'the claims of the last day, not the redemptions nor the claim two days before');
  assert.deepEqual(r.body.would, { refuse: 2, challenge: 0, review: 0, flag: 0 });
  assert.equal(r.body.subjects_hit, 1);
  assert.deepEqual(r.body.by_subject, [{ subject: 'member', value: zhang.id, name: '张三', count: 2 }]);
  assert.deepEqual(
    r.body.samples.map((s: any) => s.at),
    ['2026-12-07T00:04:00.000Z', '2026-12-07T00:03:00.000Z'],
  );
  // 王五's claims straddle local midnight: two a day, none refused by a calendar day, one by a sliding one
  const sliding = await env.api('POST', '/v1/risk/rules/dry-run', { rule: rule({ window: { size: 1, unit: 'day', mode: 'sliding' }, outcome: 'flag' }) });
  assert.equal(sliding.status, 200, JSON.stringify(sliding.body));
  assert.deepEqual(sliding.body.would, { refuse: 0, challenge: 0, review: 0, flag: 3 });
  assert.deepEqual(
    sliding.body.by_subject.map((s: any) => [s.name, s.count]),
    [
      ['张三', 2],
      ['王五', 1],
    ],
  );
});

test('dry run: per device, per hour; a device serving more members than its limit; the redemptions only', async () => {
  const perDevice = await env.api('POST', '/v1/risk/rules/dry-run', {
    rule: rule({ subject: 'device', window: { size: 1, unit: 'hour', mode: 'calendar' }, limit: 1 }),
  });
  assert.equal(perDevice.status, 200, JSON.stringify(perDevice.body));
  // dev-1: 5 claims in one hour (4 hit); dev-2: 2 (1); dev-3: 2 at 22:00 and 2 at 09:00 (1 + 1)
  assert.equal(perDevice.body.would.refuse, 7);
  const redeem = await env.api('POST', '/v1/risk/rules/dry-run', { rule: rule({ actions: ['redeem'], limit: 1 }) });
  assert.equal(redeem.body.actions_seen, 3);
  assert.equal(redeem.body.would.refuse, 2);
});

test('dry run of a signal: a device serving more members than its limit; a failures rule cannot be dry run', async () => {
  for (const [i, m] of [zhang, li, wang, li].entries())
    await env.ctx.db.query(`INSERT INTO risk_action_log (tenant_id, action, at, outcome, subjects) VALUES ($1, 'bind', $2, 'allow', $3)`, [
      env.tenantId,
      `2026-12-07T03:0${i}:00Z`,
      JSON.stringify({ member_id: m.id, device_id: 'dev-farm' }),
    ]);
  const body = { ...rule({ actions: ['bind'], kind: 'signal', signal: 'device_members', limit: 2, outcome: 'review' }), subject: undefined };
  const r = await env.api('POST', '/v1/risk/rules/dry-run', { rule: body });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  // 王五 is the third member on dev-farm; 李四's second bind comes after, with three members on it
  assert.deepEqual([r.body.actions_seen, r.body.would.review], [4, 2]);
  assert.deepEqual(r.body.by_subject, [{ subject: 'device', value: 'dev-farm', name: null, count: 2 }]);
  const failures = await env.api('POST', '/v1/risk/rules/dry-run', { rule: rule({ count: 'failures' }) });
  assert.equal(failures.status, 422);
  assert.equal(failures.body.errors[0].field, 'rule.count');
});

test('dry run of a saved rule by id, over a chosen period; bad input is refused naming the field', async () => {
  const saved = await env.api('POST', '/v1/risk/rules', rule({ name: '限领' }), { headers: { 'idempotency-key': 'dry-saved' } });
  assert.equal(saved.status, 201, JSON.stringify(saved.body));
  const r = await env.api('POST', '/v1/risk/rules/dry-run', { rule_id: saved.body.id, from: '2026-12-06T00:00:00Z', to: '2026-12-06T23:00:00Z' });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.actions_seen, 2, 'only 王五’s two claims of the 6th');
  assert.equal(r.body.would.refuse, 0);
  const bad = async (body: unknown, field: string) => {
    const x = await env.api('POST', '/v1/risk/rules/dry-run', body);
    assert.ok([400, 422].includes(x.status), JSON.stringify(x.body));
    assert.ok(JSON.stringify(x.body.errors).includes(field), JSON.stringify(x.body));
  };
  await bad({}, 'rule');
  await bad({ rule: rule(), rule_id: saved.body.id }, 'rule_id');
  await bad({ rule: rule(), from: '2026-11-01T00:00:00Z', to: '2026-11-20T00:00:00Z' }, 'to');
  await bad({ rule: rule({ window: { size: 0, unit: 'day' } }) }, 'rule.window.size');
  await bad({ rule: rule({ subject: 'planet' }) }, 'rule.subject');
  await bad({ rule: rule(), surprise: 1 }, 'surprise');
  assert.equal((await env.api('POST', '/v1/risk/rules/dry-run', { rule_id: 'rrl_nope' })).status, 404);
});

test('dashboard: the local day’s decisions by outcome, rule (by its current name), store, hour and subject', async () => {
  const a = (await env.api('POST', '/v1/risk/rules', rule({ name: '旧名字' }), { headers: { 'idempotency-key': 'dash-a' } })).body;
  const b = (await env.api('POST', '/v1/risk/rules', rule({ name: '同设备多会员', outcome: 'flag' }), { headers: { 'idempotency-key': 'dash-b' } })).body;
  await env.api('PATCH', `/v1/risk/rules/${a.id}`, { name: '每人每天限领' }, { headers: { 'idempotency-key': 'dash-a2' } });
  const store = await fx.store({ name: '南京西路店' });
  let n = 0;
  const decide = (outcome: string, hits: any[], at: string, member: string | null, storeId: string | null) =>
    env.ctx.db.query(
      `INSERT INTO risk_decisions (tenant_id, id, action, outcome, score, rules, subjects, member_id, card_id, store_id, rule_ids, created_at)
       VALUES ($1, $2, 'claim', $3, 50, $4, $5, $6, NULL, $7, $8, $9)`,
      [
        env.tenantId,
        `rdc_t${++n}`,
        outcome,
        JSON.stringify(hits.map((h) => ({ id: h.id, name: h.name, kind: 'limit', outcome: h.outcome }))),
        JSON.stringify({ member_id: member, device_id: 'dev-9' }),
        member,
        storeId,
        hits.map((h) => h.id),
        at,
      ],
    );
  await decide('refuse', [a, b], '2026-12-07T01:10:00Z', zhang.id, store.id); // 09:10 local
  await decide('refuse', [a], '2026-12-07T01:20:00Z', zhang.id, store.id);
  await decide('flag', [b], '2026-12-07T03:00:00Z', li.id, null); // 11:00 local
  await decide('refuse', [a], '2026-12-06T15:00:00Z', wang.id, store.id); // 23:00 on the 6th: not today
  const r = await env.api('GET', '/v1/risk/dashboard');
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.from, '2026-12-07');
  assert.deepEqual(r.body.totals, { refuse: 2, challenge: 0, review: 0, flag: 1, total: 3 });
  const byRule = Object.fromEntries(r.body.by_rule.map((x: any) => [x.rule_name, [x.refuse, x.flag, x.total]]));
  assert.deepEqual(byRule, { 每人每天限领: [2, 0, 2], 同设备多会员: [0, 2, 2] });
  assert.deepEqual(
    r.body.by_store.map((s: any) => [s.store_name, s.total]),
    [
      ['南京西路店', 2],
      [null, 1],
    ],
  );
  const hours = Object.fromEntries(r.body.by_hour.filter((h: any) => h.total).map((h: any) => [h.hour, h.total]));
  assert.deepEqual(hours, { 9: 2, 11: 1 });
  assert.equal(r.body.by_hour.length, 24);
  assert.deepEqual(r.body.top_subjects[0], { subject: 'device', value: 'dev-9', name: null, refuse: 2, challenge: 0, review: 0, flag: 1, total: 3 });
  assert.ok(r.body.top_subjects.some((s: any) => s.subject === 'member' && s.name === '张三' && s.total === 2));
  assert.deepEqual(
    r.body.recent.map((d: any) => [d.member_name, d.store_name, d.outcome]),
    [
      ['李四', null, 'flag'],
      ['张三', '南京西路店', 'refuse'],
      ['张三', '南京西路店', 'refuse'],
    ],
  );
  const two = await env.api('GET', '/v1/risk/dashboard?from=2026-12-06&to=2026-12-07');
  assert.equal(two.body.totals.total, 4);
  assert.equal((await env.api('GET', '/v1/risk/dashboard?from=2026-12-08&to=2026-12-07')).status, 422);
  assert.equal((await env.api('GET', '/v1/risk/dashboard?from=7.12.2026')).status, 422);
});
