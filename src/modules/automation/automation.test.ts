import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';
import { memberTags } from '../segments/service.js';

/**
 * 自动化规则: a rule's trigger, conditions, limits and actions, evaluated by the event subscriber once
 * per (rule, event) however often the event is delivered; every firing recorded, fired or skipped with
 * why; the card a rule gave names it on its trace; bad rules refused by field with nothing written.
 */
let env: TestEnv;
let fx: Awaited<ReturnType<typeof fixtures>>;
before(async () => {
  env = await startTestEnv();
  fx = await fixtures(env);
});
after(async () => {
  await env.close();
});

const ok = (r: { status: number; body: any }, status = 200) => {
  assert.equal(r.status, status, JSON.stringify(r.body));
  return r.body;
};
const rule = async (body: Record<string, unknown>) => ok(await env.api('POST', '/v1/automation/rules', body), 201);
let orderNo = 0;
const order = async (member_id: string, amount: number) =>
  ok(await env.api('POST', '/v1/orders', { order_no: `A-${++orderNo}`, member_id, amount, lines: [] }), 201);
const firings = async (ruleId: string) => ok(await env.api('GET', `/v1/automation/firings?rule_id=${ruleId}`)).data as any[];
const count = async (sql: string, args: unknown[] = []) => (await env.ctx.db.query<{ n: number }>(sql, args)).rows[0]!.n;
const latte = async () => fx.template('cash', { amount_off: 1500 }, { name: '首单拿铁券' });

test('a bad rule is refused naming the field, and nothing is written', async () => {
  const t = await latte();
  const gives = { rewards: [{ type: 'card', template_id: t.id }] };
  const cases: [Record<string, unknown>, string][] = [
    [{ name: 'x', trigger: { type: 'order.teleported' }, actions: gives }, 'trigger/type'],
    [{ name: 'x', trigger: { type: 'order.placed' }, conditions: [{ field: 'colour', op: 'eq', value: 'red' }], actions: gives }, 'conditions/0/field'],
    [{ name: 'x', trigger: { type: 'order.placed' }, limits: { budget_cards: -1 }, actions: gives }, 'limits/budget_cards'],
    [{ name: 'x', trigger: { type: 'order.placed' }, limits: { per_member: { times: -2, per: 'day' } }, actions: gives }, 'limits/per_member/times'],
    [{ name: 'x', trigger: { type: 'points.threshold' }, actions: gives }, 'trigger/threshold'],
    [{ name: 'x', trigger: { type: 'order.placed' }, actions: {} }, 'actions'],
    [
      { name: 'x', trigger: { type: 'order.placed' }, conditions: [{ field: 'segment_id', op: 'in', value: 'seg_nope' }], actions: gives },
      'conditions/0/value',
    ],
    [{ name: 'x', trigger: { type: 'order.placed' }, actions: { rewards: [{ type: 'card', template_id: 'tpl_nope' }] } }, 'actions/rewards/0/template_id'],
  ];
  for (const [body, field] of cases) {
    const r = await env.api('POST', '/v1/automation/rules', body);
    assert.equal(r.status, 422, JSON.stringify(r.body));
    assert.ok(
      r.body.errors.some((e: any) => String(e.field).includes(field)),
      `${field}: ${JSON.stringify(r.body.errors)}`,
    );
  }
  assert.equal(await count('SELECT count(*)::int AS n FROM automation_rules'), 0);
});

test('首单礼: the first order fires once, a later order does not; a replayed delivery gives nothing twice; the card names the rule', async () => {
  const t = await latte();
  const r = await rule({ name: '首单礼', trigger: { type: 'order.first' }, actions: { rewards: [{ type: 'card', template_id: t.id }], webhook: true } });
  assert.equal(r.trigger_name, '首单 First order');
  const m = await fx.member({ name: '王五' });
  await order(m.id, 3000);
  await order(m.id, 4000);
  await env.jobs();
  // deliver every event again, as a retry or a second process would
  await env.ctx.db.query(`UPDATE event_cursors SET xid = '0'::xid8, id = 0 WHERE subscriber = 'automation.rules'`);
  await env.jobs();
  const fs = await firings(r.id);
  assert.deepEqual(
    fs.map((f) => [f.outcome, f.member_name, f.event_type]),
    [['fired', '王五', 'order.placed']],
  );
  const cardId = fs[0].card_ids[0];
  const trace = ok(await env.api('GET', `/v1/cards/${cardId}/trace`));
  assert.deepEqual(trace.events.find((e: any) => e.event_type === 'issued').data.source, { kind: 'rule', id: r.id, name: '首单礼' });
  const fired = await count(`SELECT count(*)::int AS n FROM events WHERE event_type = 'automation.fired' AND member_id = $1`, [m.id]);
  assert.equal(fired, 1);
  const got = ok(await env.api('GET', `/v1/automation/rules/${r.id}`)).results;
  assert.equal(got.fired, 1);
  assert.equal(got.cards, 1);
  assert.equal(got.value, 1500);
});

test('conditions, a per-member limit per day and a budget in cards: skipped firings say why; an order the conditions refuse is no firing; a tag is set', async () => {
  const t = await fx.template('cash', { amount_off: 1000 }, { name: '满百返券' });
  const r = await rule({
    name: '满百返券',
    trigger: { type: 'order.placed' },
    conditions: [{ field: 'amount', op: 'gte', value: 10_000 }],
    limits: { per_member: { times: 1, per: 'day' }, budget_cards: 2 },
    actions: { rewards: [{ type: 'card', template_id: t.id }], tag: '高消费' },
  });
  const a = await fx.member({ name: '甲' });
  const b = await fx.member({ name: '乙' });
  const c = await fx.member({ name: '丙' });
  await order(a.id, 5000); // the conditions do not hold: no firing
  await order(a.id, 12_000); // fired
  await order(a.id, 15_000); // member_limit
  await order(b.id, 20_000); // fired
  await order(c.id, 20_000); // budget
  await env.jobs();
  const fs = (await firings(r.id)).reverse();
  assert.deepEqual(
    fs.map((f) => [f.member_name, f.outcome, f.reason]),
    [
      ['甲', 'fired', null],
      ['甲', 'skipped', 'member_limit'],
      ['乙', 'fired', null],
      ['丙', 'skipped', 'budget'],
    ],
  );
  assert.equal(fs[3].reason_text.zh, '规则预算已用完');
  assert.deepEqual(await memberTags(env.ctx.db, env.tenantId, a.id), ['高消费']);
  assert.deepEqual(await memberTags(env.ctx.db, env.tenantId, c.id), []);
  const res = ok(await env.api('GET', `/v1/automation/rules/${r.id}`)).results;
  assert.deepEqual([res.fired, res.skipped, res.cards, res.budget_cards_used], [2, 2, 2, 2]);
  // the budget cannot go below what was given
  const low = await env.api('PATCH', `/v1/automation/rules/${r.id}`, { limits: { budget_cards: 1 } });
  assert.equal(low.status, 409);
  assert.equal(low.body.code, 'AUTOMATION_BUDGET_BELOW_USED');

  // the dry run says which rules would fire for a sample order and why not the others
  const dry = ok(await env.api('POST', '/v1/automation/dry-run', { type: 'order.placed', member_id: a.id, data: { amount: 50_000 } })).data;
  const mine = dry.find((d: any) => d.rule_id === r.id);
  assert.equal(mine.would_fire, false);
  assert.equal(mine.reason, 'member_limit');
  const small = ok(await env.api('POST', '/v1/automation/dry-run', { type: 'order.placed', member_id: c.id, data: { amount: 100 } })).data;
  assert.equal(small.find((d: any) => d.rule_id === r.id).reason, 'conditions');
  assert.equal(await count('SELECT count(*)::int AS n FROM automation_firings WHERE rule_id = $1', [r.id]), 4);

  // paused, an order is not evaluated against it
  ok(await env.api('POST', `/v1/automation/rules/${r.id}/pause`));
  await order(b.id, 30_000);
  await env.jobs();
  assert.equal((await firings(r.id)).length, 4);
});

test('points crossing a threshold fire once; a custom event with a condition on its type', async () => {
  ok(await env.api('POST', '/v1/points/rules', { kind: 'order', name: '消费积分', points: 1, per_fen: 100 }), 201);
  const th = await rule({ name: '千分礼', trigger: { type: 'points.threshold', threshold: 100 }, actions: { tag: '百分会员' } });
  const act = await rule({
    name: '晒单有礼',
    trigger: { type: 'activity.recorded' },
    conditions: [{ field: 'type', op: 'eq', value: 'review' }],
    actions: { rewards: [{ type: 'points', amount: 20 }] },
  });
  const m = await fx.member({ name: '丁' });
  await order(m.id, 5000); // 50 points
  await order(m.id, 6000); // 110: crossed
  await order(m.id, 1000); // 120: already above
  ok(await env.api('POST', `/v1/members/${m.id}/activities`, { type: 'share', reference: 's-1' }), 201);
  ok(await env.api('POST', `/v1/members/${m.id}/activities`, { type: 'review', reference: 'r-1' }), 201);
  await env.jobs();
  assert.deepEqual(
    (await firings(th.id)).map((f) => f.outcome),
    ['fired'],
  );
  assert.deepEqual(
    (await firings(act.id)).map((f) => [f.outcome, f.reason]),
    [['fired', null]],
  );
  assert.equal(ok(await env.api('GET', `/v1/automation/rules/${act.id}`)).results.points, 20);
});
