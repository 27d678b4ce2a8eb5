import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, type TestEnv } from '../../testing/harness.js';

/**
 * Orders in 订单接入: an order earns by the rules in its own transaction and says so; the brand's
 * order number is idempotent (same body: the first answer; another body: 409); a dry run answers the
 * same and changes nothing; refunds take back in proportion, never more than was paid; custom events
 * earn by activity rules within their caps.
 */
let env: TestEnv;
before(async () => {
  env = await startTestEnv();
  ok(
    await env.api('POST', '/v1/points/rules', { kind: 'order', name: '消费积分', points: 1, per_fen: 100, multipliers: [{ category: 'wine', multiplier: 2 }] }),
    201,
  );
  ok(await env.api('POST', '/v1/points/rules', { kind: 'order', name: '消费成长值', asset: 'growth', points: 1, per_fen: 1000 }), 201);
});
after(async () => {
  await env.close();
});

const ok = (r: { status: number; body: any }, status = 200) => {
  assert.equal(r.status, status, JSON.stringify(r.body));
  return r.body;
};
const member = async () => ok(await env.api('POST', '/v1/members', { name: '李四' }), 201).id as string;
const balances = async (m: string) => ok(await env.api('GET', `/v1/members/${m}/points`));
const counts = async () =>
  (
    await env.ctx.db.query(
      `SELECT (SELECT count(*) FROM member_orders)::int AS orders, (SELECT count(*) FROM point_lots)::int AS lots, (SELECT count(*) FROM point_moves)::int AS moves,
        (SELECT count(*) FROM events)::int AS events, (SELECT count(*) FROM ledger_transfers)::int AS transfers, (SELECT count(*) FROM audit_entries)::int AS audit`,
    )
  ).rows[0];

test('an order earns points and growth by the rules, weighted by category; the same order_no answers the first order', async () => {
  const m = await member();
  const body = {
    order_no: `POS-${m}`,
    member_id: m,
    amount: 30_000,
    lines: [
      { sku: 'A1', category: 'wine', quantity: 1, amount: 10_000 },
      { sku: 'B2', category: 'food', quantity: 2, amount: 20_000 },
    ],
  };
  const o = ok(await env.api('POST', '/v1/orders', body), 201);
  assert.match(o.id, /^ord_/);
  assert.equal(o.effects.points.points, 400, '¥100 of wine at 2× and ¥200 of food at 1×');
  assert.equal(o.effects.points.growth, 30);
  assert.deepEqual(await balances(m), { points: 400, pending: 0, growth: 30, next_expiries: [] });
  const again = ok(await env.api('POST', '/v1/orders', body), 201);
  assert.equal(again.id, o.id);
  assert.equal(again.replayed, true);
  assert.equal((await balances(m)).points, 400, 'a replay earns nothing more');
  const other = await env.api('POST', '/v1/orders', { ...body, amount: 1 });
  assert.equal(other.status, 409);
  assert.equal(other.body.code, 'ORDER_NO_REUSED');
  const listed = ok(await env.api('GET', `/v1/orders?member_id=${m}`));
  assert.deepEqual(
    listed.data.map((x: any) => x.id),
    [o.id],
  );
  const events = await env.ctx.db.query(`SELECT data FROM events WHERE event_type = 'order.placed' AND member_id = $1`, [m]);
  assert.equal(events.rows.length, 1);
});

test('a dry run answers what the order would earn and changes nothing', async () => {
  const m = await member();
  const before = await counts();
  const r = ok(await env.api('POST', '/v1/orders', { order_no: `DRY-${m}`, member_id: m, amount: 12_345, dry_run: true }));
  assert.equal(r.dry_run, true);
  assert.equal(r.effects.points.points, 123);
  assert.equal(r.effects.points.growth, 12);
  assert.deepEqual(await counts(), before, 'no order, lot, move, event, transfer or audit entry');
  assert.deepEqual(await balances(m), { points: 0, pending: 0, growth: 0, next_expiries: [] });
  const act = ok(await env.api('POST', `/v1/members/${m}/activities`, { type: 'signed_in', reference: `dry-${m}`, dry_run: true }));
  assert.equal(act.dry_run, true);
  assert.deepEqual(await counts(), before);
});

test('refunds take back in proportion; more than paid is refused; the refund number is idempotent', async () => {
  const m = await member();
  const o = ok(await env.api('POST', '/v1/orders', { order_no: `R-${m}`, member_id: m, amount: 10_000 }), 201);
  assert.equal((await balances(m)).points, 100);
  const r1 = ok(await env.api('POST', `/v1/orders/${o.id}/refunds`, { refund_no: `RF1-${m}`, amount: 2_500 }), 201);
  assert.deepEqual(r1.effects.points, { points: 25, growth: 2 });
  assert.deepEqual((await balances(m)).points, 75);
  const same = ok(await env.api('POST', `/v1/orders/${o.id}/refunds`, { refund_no: `RF1-${m}`, amount: 2_500 }), 201);
  assert.equal(same.id, r1.id);
  assert.equal((await balances(m)).points, 75, 'the same refund number takes nothing twice');
  const over = await env.api('POST', `/v1/orders/${o.id}/refunds`, { refund_no: `RF2-${m}`, amount: 7_501 });
  assert.equal(over.status, 409);
  assert.equal(over.body.code, 'REFUND_EXCEEDS_PAID');
  assert.equal(over.body.refundable, 7_500);
  ok(await env.api('POST', `/v1/orders/${o.id}/refunds`, { refund_no: `RF3-${m}`, amount: 7_500 }), 201);
  assert.deepEqual(await balances(m), { points: 0, pending: 0, growth: 0, next_expiries: [] });
  const read = ok(await env.api('GET', `/v1/orders/${o.id}`));
  assert.equal(read.refunded, 10_000);
  assert.equal(read.refunds.length, 2);
  const unknown = await env.api('POST', '/v1/orders/ord_nope/refunds', { refund_no: 'RF-X', amount: 1 });
  assert.equal(unknown.status, 404);
  assert.equal(unknown.body.code, 'MEMBER_ORDER_NOT_FOUND');
});

test('bad input: unknown member, unknown fields, wrong types, zero quantity — problem+json naming the field, nothing changed', async () => {
  const before = await counts();
  const cases: [unknown, number, string][] = [
    [{ order_no: 'B1', member_id: 'mem_nope', amount: 100 }, 404, 'member_id'],
    [{ order_no: 'B2', member_id: 'x', amount: '100' }, 400, 'amount'],
    [{ order_no: 'B3', member_id: 'x', amount: 100, color: 'red' }, 422, 'color'],
    [{ order_no: 'B4', member_id: 'x', amount: -1 }, 400, 'amount'],
  ];
  for (const [body, status, field] of cases) {
    const r = await env.api('POST', '/v1/orders', body);
    assert.ok(r.status === status || (status === 400 && r.status === 422), JSON.stringify(r.body));
    assert.match(r.headers['content-type'], /problem\+json/);
    assert.match(JSON.stringify(r.body.errors ?? r.body), new RegExp(field));
  }
  const m = await member();
  const q0 = await env.api('POST', '/v1/orders', { order_no: 'B5', member_id: m, amount: 100, lines: [{ sku: 'a', quantity: 0, amount: 100 }] });
  assert.equal(q0.status, 422);
  assert.equal(q0.body.errors[0].field, 'lines/0/quantity');
  const after = await counts();
  assert.equal(after.orders, before.orders);
  assert.equal(after.lots, before.lots);
});

test('custom events earn by activity rules within a daily cap; the reference is idempotent', async () => {
  ok(
    await env.api('POST', '/v1/points/rules', { kind: 'activity', name: '签到', activity_type: 'signed_in', points: 5, cap_period: 'day', cap_times: 2 }),
    201,
  );
  const m = await member();
  const got: number[] = [];
  for (let i = 0; i < 4; i++)
    got.push(ok(await env.api('POST', `/v1/members/${m}/activities`, { type: 'signed_in', reference: `s${i}-${m}` }), 201).effects.points.points);
  assert.deepEqual(got, [5, 5, 0, 0]);
  const replay = ok(await env.api('POST', `/v1/members/${m}/activities`, { type: 'signed_in', reference: `s0-${m}` }), 201);
  assert.equal(replay.effects.points.points, 5, 'the first answer');
  const reused = await env.api('POST', `/v1/members/${m}/activities`, { type: 'shared', reference: `s0-${m}` });
  assert.equal(reused.status, 409);
  assert.equal(reused.body.code, 'ACTIVITY_REFERENCE_REUSED');
  assert.equal((await balances(m)).points, 10);
  env.ctx.clock.advance(86_400_000);
  assert.equal(
    ok(await env.api('POST', `/v1/members/${m}/activities`, { type: 'signed_in', reference: `next-${m}` }), 201).effects.points.points,
    5,
    'a new day',
  );
  assert.equal(ok(await env.api('GET', `/v1/members/${m}/activities`)).data.length, 5);
});
