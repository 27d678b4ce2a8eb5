import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';
import { earn } from '../points/service.js';
import { post } from '../points/post.js';

/**
 * Tiers follow growth 成长值: up at once in the growth's own transaction (skipping levels), down by
 * the tenant's policy — at a qualifying period's end on the growth earned in it, or when a refund
 * takes growth below the tier — after the grace period; an operator's floor holds until its end date.
 */
let env: TestEnv;
let fx: Awaited<ReturnType<typeof fixtures>>;
const tiers: Record<string, string> = {};
before(async () => {
  env = await startTestEnv();
  fx = await fixtures(env);
  const made = (
    await env.api('PUT', '/v1/tiers', {
      tiers: [
        { name: '普通', threshold: 0 },
        { name: '银卡', threshold: 1000 },
        { name: '金卡', threshold: 5000 },
        { name: '黑卡', threshold: 20000 },
      ],
    })
  ).body.data;
  for (const t of made) tiers[t.name] = t.id;
});
after(async () => {
  await env.close();
});

const ok = (r: { status: number; body: any }, status = 200) => {
  assert.equal(r.status, status, JSON.stringify(r.body));
  return r.body;
};
let n = 0;
const grow = (memberId: string, amount: number, orderId: string | null = null) =>
  env.ctx.db.tx((q) => earn(q, env.tenantId, { memberId, asset: 'growth', amount, reason: 'order', reference: `ref-${++n}`, orderId }, env.ctx.clock.now()));
/** What a refund's claw-back does to growth (the points module's refund path): the order's lot gives back, one move. */
const clawBack = (memberId: string, orderId: string, amount: number) =>
  env.ctx.db.tx(async (q) => {
    await q.query(`UPDATE point_lots SET remaining = remaining - $3 WHERE tenant_id = $1 AND order_id = $2 AND asset = 'growth'`, [
      env.tenantId,
      orderId,
      amount,
    ]);
    await post(
      q,
      env.tenantId,
      { memberId, asset: 'growth', kind: 'clawback', main: -amount, reason: 'refund', reference: `refund-${++n}`, orderId },
      env.ctx.clock.now(),
    );
  });
const tierNow = async (memberId: string) => ok(await env.api('GET', `/v1/members/${memberId}/tier`));
const setPolicy = async (s: object) => ok(await env.api('PUT', '/v1/tier-settings', s));
const at = (iso: string) => env.ctx.clock.set(iso);
const sweep = () => env.jobs();

test('up at once when a threshold is crossed, skipping levels, in the transaction that changed the growth', async () => {
  at('2026-03-10T04:00:00Z');
  await setPolicy({ policy: 'never', period_months: 12, grace_days: 0 });
  const m = await fx.member({ name: '张三' });
  await grow(m.id, 1200);
  assert.equal((await tierNow(m.id)).tier.name, '银卡');
  await grow(m.id, 19000);
  const t = await tierNow(m.id);
  assert.equal(t.tier.name, '黑卡', '银卡 straight to 黑卡');
  assert.deepEqual(
    t.history.map((h: any) => [h.why, h.from?.name, h.to?.name]),
    [
      ['growth', '银卡', '黑卡'],
      ['growth', '普通', '银卡'],
      ['joined', undefined, '普通'],
    ],
  );
  // a growth change that rolls back takes its tier change with it
  const m2 = await fx.member({ name: '回滚' });
  await assert.rejects(
    env.ctx.db.tx(async (q) => {
      await earn(q, env.tenantId, { memberId: m2.id, asset: 'growth', amount: 6000, reason: 'x', reference: 'rolled-back' }, env.ctx.clock.now());
      throw new Error('the order failed');
    }),
  );
  assert.equal((await tierNow(m2.id)).tier.name, '普通');
  assert.equal((await tierNow(m2.id)).history.length, 0);
  // the progress: growth now, the next tier and what it needs
  await grow(m2.id, 1500);
  const p = await tierNow(m2.id);
  assert.deepEqual([p.growth, p.next.name, p.next.needed], [1500, '金卡', 3500]);
});

test('period policy: judged at the period’s end on the growth earned in it (not the balance), after the grace period', async () => {
  at('2026-03-10T04:00:00Z');
  await setPolicy({ policy: 'period', period_months: 1, grace_days: 7 });
  const a = await fx.member({ name: '周期会员' });
  const b = await fx.member({ name: '宽限期内补上' });
  await grow(a.id, 6000);
  await grow(b.id, 6000);
  assert.equal((await tierNow(a.id)).tier.name, '金卡');
  // April 2 (Shanghai): March earned 6000 ≥ 5000, both keep 金卡
  at('2026-04-02T01:00:00Z');
  await sweep();
  assert.equal((await tierNow(a.id)).tier.name, '金卡');
  await grow(a.id, 1200); // April: 1200 only — the balance (7200) would still be 金卡
  await grow(b.id, 1200);
  // 1 May 00:00 Shanghai = 30 April 16:00Z: April is judged; the downgrade waits 7 days
  at('2026-04-30T17:00:00Z');
  await sweep();
  const pending = await tierNow(a.id);
  assert.equal(pending.tier.name, '金卡', 'kept during grace');
  assert.equal(pending.grace.to.name, '银卡');
  assert.equal(pending.grace.until, '2026-05-07T16:00:00.000Z', 'grace ends at local midnight 7 days after the period’s end');
  // b earns the tier back within the grace (May growth ≥ 5000): the downgrade is called off
  await grow(b.id, 5000);
  assert.equal((await tierNow(b.id)).grace, null);
  at('2026-05-07T15:59:00Z');
  await sweep();
  assert.equal((await tierNow(a.id)).tier.name, '金卡', 'a minute before the grace ends');
  at('2026-05-07T16:00:00Z');
  await sweep();
  const down = await tierNow(a.id);
  assert.equal(down.tier.name, '银卡');
  assert.equal(down.history[0].why, 'period');
  assert.equal(down.history[0].detail.direction, 'down');
  assert.equal((await tierNow(b.id)).tier.name, '金卡');
  // a second sweep changes nothing more
  await sweep();
  assert.equal((await tierNow(a.id)).history.length, down.history.length);
});

test('refund policy: a refund of the qualifying order that takes growth below the tier lowers it, at once or after grace', async () => {
  at('2026-06-10T04:00:00Z');
  await setPolicy({ policy: 'refund', period_months: 12, grace_days: 0 });
  const m = await fx.member({ name: '退款会员' });
  await grow(m.id, 800, 'ord_a');
  await grow(m.id, 5000, 'ord_b');
  assert.equal((await tierNow(m.id)).tier.name, '金卡');
  await clawBack(m.id, 'ord_b', 5000);
  const t = await tierNow(m.id);
  assert.equal(t.tier.name, '普通');
  assert.equal(t.history[0].why, 'refund');
  assert.equal(t.history[0].detail.order_id, 'ord_b');

  await setPolicy({ policy: 'refund', period_months: 12, grace_days: 3 });
  const g = await fx.member({ name: '退款宽限' });
  await grow(g.id, 6000, 'ord_c');
  await clawBack(g.id, 'ord_c', 2000); // 4000: below 金卡
  const pending = await tierNow(g.id);
  assert.equal(pending.tier.name, '金卡');
  assert.equal(pending.grace.to.name, '银卡');
  env.ctx.clock.advance(3 * 86400_000);
  await sweep();
  assert.equal((await tierNow(g.id)).tier.name, '银卡');
  // under the never policy a refund lowers nothing
  await setPolicy({ policy: 'never', period_months: 12, grace_days: 0 });
  await clawBack(g.id, 'ord_c', 3500);
  assert.equal((await tierNow(g.id)).tier.name, '银卡');
});

test('a manual floor holds against a period downgrade until its end date, then the normal rules apply', async () => {
  at('2026-09-05T04:00:00Z');
  await setPolicy({ policy: 'period', period_months: 1, grace_days: 0 });
  const m = await fx.member({ name: '保级会员' });
  await grow(m.id, 6000);
  ok(await env.api('POST', `/v1/members/${m.id}/tier`, { tier_id: tiers.金卡, until: '2026-11-15', reason: '老会员保级' }));
  at('2026-10-01T01:00:00Z'); // September judged: 6000 earned, 金卡 kept
  await sweep();
  assert.equal((await tierNow(m.id)).tier.name, '金卡');
  at('2026-11-01T01:00:00Z'); // October judged: nothing earned → 普通 earned, but the floor holds 金卡
  await sweep();
  const held = await tierNow(m.id);
  assert.equal(held.tier.name, '金卡');
  assert.equal(held.floor.until, '2026-11-15T16:00:00.000Z', 'through 15 November, Shanghai');
  at('2026-11-15T15:59:00Z');
  await sweep();
  assert.equal((await tierNow(m.id)).tier.name, '金卡');
  at('2026-11-15T16:00:00Z');
  await sweep();
  const after = await tierNow(m.id);
  assert.equal(after.tier.name, '普通', 'no silent permanent floor: back to what the rules give');
  assert.equal(after.history[0].why, 'floor_ended');
});

test('end to end: an order’s growth lifts the tier in the order’s answer transaction; its full refund lowers it (refund policy)', async () => {
  at('2026-12-01T04:00:00Z');
  await setPolicy({ policy: 'refund', period_months: 12, grace_days: 0 });
  ok(await env.api('POST', '/v1/points/rules', { kind: 'order', name: '消费成长值', asset: 'growth', points: 1, per_fen: 1 }), 201);
  const m = await fx.member({ name: '下单会员' });
  const o = ok(await env.api('POST', '/v1/orders', { order_no: 'T-1', member_id: m.id, amount: 6000 }), 201);
  const up = await tierNow(m.id);
  assert.equal(up.tier.name, '金卡');
  assert.equal(up.history[0].detail.order_id, o.id);
  ok(await env.api('POST', `/v1/orders/${o.id}/refunds`, { refund_no: 'RF-T-1', amount: 6000 }), 201);
  const down = await tierNow(m.id);
  assert.equal(down.tier.name, '普通');
  assert.equal(down.history[0].why, 'refund');
});
