import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';

/**
 * Points as lots on the API: expiry on the tenant's calendar and the sweep; pending lots; a refund of
 * points already spent by the tenant's setting (other lots, or a negative balance paid back by the next
 * earn); manual adjustments, audited and never below zero; the member's reads and the wallet; stats;
 * earning on a template's redemption and its reversal.
 */
let env: TestEnv;
before(async () => {
  env = await startTestEnv();
  env.ctx.clock.set('2026-05-10T04:00:00Z'); // noon in Shanghai
});
after(async () => {
  await env.close();
});

const ok = (r: { status: number; body: any }, status = 200) => {
  assert.equal(r.status, status, JSON.stringify(r.body));
  return r.body;
};
const member = async () => ok(await env.api('POST', '/v1/members', { name: '王五' }), 201).id as string;
const bal = async (m: string) => ok(await env.api('GET', `/v1/members/${m}/points`));
const order = async (m: string, no: string, amount: number) => ok(await env.api('POST', '/v1/orders', { order_no: no, member_id: m, amount }), 201);
const rule = async (body: Record<string, unknown>) =>
  ok(await env.api('POST', '/v1/points/rules', { kind: 'order', name: 'r', points: 1, per_fen: 100, ...body }), 201);
const pause = async (id: string) => ok(await env.api('PATCH', `/v1/points/rules/${id}`, { status: 'paused' }));

test('lots expire at the end of the month in the tenant’s zone; the sweep takes exactly what is left, once', async () => {
  const r = await rule({ expiry: { type: 'month_end' } });
  const m = await member();
  await order(m, `E1-${m}`, 10_000);
  const b = await bal(m);
  assert.deepEqual(b.next_expiries, [{ expires_at: '2026-05-31T16:00:00.000Z', amount: 100 }], 'midnight of 1 June in Shanghai');
  ok(await env.api('POST', `/v1/members/${m}/points/adjustments`, { delta: -30, reason: '测试扣减' }), 201);
  env.ctx.clock.set('2026-05-31T16:00:00Z');
  await env.jobs();
  await env.jobs();
  assert.equal((await bal(m)).points, 0);
  const moves = ok(await env.api('GET', `/v1/members/${m}/points/moves`)).data;
  assert.deepEqual(
    moves.map((x: any) => [x.kind, x.delta]),
    [
      ['expire', -70],
      ['adjust', -30],
      ['earn', 100],
    ],
  );
  const spend = await env.api('POST', `/v1/members/${m}/points/adjustments`, { delta: -1, reason: '过期后扣减' });
  assert.equal(spend.status, 409, 'an expired lot is not drawn');
  assert.equal(spend.body.code, 'POINTS_INSUFFICIENT');
  await pause(r.id);
  env.ctx.clock.set('2026-05-10T04:00:00Z');
});

test('pending lots activate after their days; N-day expiry ends with the local day', async () => {
  const r = await rule({ pending_days: 7, expiry: { type: 'days', days: 30 } });
  const m = await member();
  await order(m, `P1-${m}`, 5_000);
  const b = await bal(m);
  assert.equal(b.points, 0);
  assert.equal(b.pending, 50);
  assert.deepEqual(b.next_expiries, [{ expires_at: '2026-06-09T16:00:00.000Z', amount: 50 }]);
  env.ctx.clock.advance(7 * 86_400_000);
  assert.deepEqual([(await bal(m)).points, (await bal(m)).pending], [50, 0]);
  await pause(r.id);
  env.ctx.clock.set('2026-05-10T04:00:00Z');
});

const SHORTFALL = { other_lots: [0, 100], negative: [-30, 70] } as const;
for (const shortfall of ['other_lots', 'negative'] as const) {
  test(`a refund of points already spent: ${shortfall}`, async () => {
    ok(await env.api('PUT', '/v1/points/settings', { refund_shortfall: shortfall }));
    const r = await rule({});
    const m = await member();
    ok(await env.api('POST', `/v1/members/${m}/points/adjustments`, { delta: 40, reason: '开卡礼' }), 201);
    const o = await order(m, `S-${shortfall}-${m}`, 10_000);
    ok(await env.api('POST', `/v1/members/${m}/points/adjustments`, { delta: -120, reason: '兑换' }), 201);
    ok(await env.api('POST', `/v1/members/${m}/points/adjustments`, { delta: 50, reason: '活动奖励' }), 201);
    assert.equal((await bal(m)).points, 70, 'the order’s lot has 20 left of its 100, and a later lot 50');
    const back = ok(await env.api('POST', `/v1/orders/${o.id}/refunds`, { refund_no: `RF-${m}`, amount: 10_000 }), 201);
    // other lots: 20 from the order's lot and 50 from the later one, the other 30 written off; negative: 20 taken and 80 owed
    assert.equal(back.effects.points.points, shortfall === 'other_lots' ? 70 : 100);
    assert.equal((await bal(m)).points, SHORTFALL[shortfall][0]);
    if (shortfall === 'negative') {
      const refused = await env.api('POST', `/v1/members/${m}/points/adjustments`, { delta: -1, reason: '欠分时扣减' });
      assert.equal(refused.status, 409, 'nothing is spent while a debt stands');
    }
    // the next earn pays any debt first
    await order(m, `S2-${shortfall}-${m}`, 10_000);
    assert.equal((await bal(m)).points, SHORTFALL[shortfall][1]);
    await pause(r.id);
    ok(await env.api('PUT', '/v1/points/settings', { refund_shortfall: 'other_lots' }));
  });
}

test('adjustments: audited with their reason; negative never below zero; bad input changes nothing', async () => {
  const m = await member();
  ok(await env.api('POST', `/v1/members/${m}/points/adjustments`, { delta: 15, reason: '客服补偿', asset: 'growth' }), 201);
  assert.equal((await bal(m)).growth, 15);
  const audit = await env.ctx.db.query(`SELECT data FROM audit_entries WHERE action = 'points.adjust' AND data::text LIKE $1`, [`%${m}%`]);
  assert.equal(audit.rows.length, 1);
  assert.match(JSON.stringify(audit.rows[0].data), /客服补偿/);
  for (const body of [{ delta: -16, reason: 'x', asset: 'growth' }, { delta: 0, reason: 'x' }, { delta: 5 }, { delta: 5, reason: 'x', asset: 'gold' }]) {
    const r = await env.api('POST', `/v1/members/${m}/points/adjustments`, body);
    assert.ok([400, 409, 422].includes(r.status), JSON.stringify(r.body));
    assert.match(r.headers['content-type'], /problem\+json/);
  }
  assert.equal((await env.api('POST', '/v1/members/mem_nope/points/adjustments', { delta: 1, reason: 'x' })).status, 404);
  const other = await env.newTenant('别家');
  assert.equal((await env.api('GET', `/v1/members/${m}/points`, undefined, { key: other.ownerKey })).status, 404);
  assert.equal((await bal(m)).growth, 15, 'nothing changed');
});

test('the wallet reads the member’s own points; stats per local day carry the liability', async () => {
  const r = await rule({ expiry: { type: 'year_end' } });
  const m = await member();
  await order(m, `W1-${m}`, 20_000);
  const link = ok(await env.api('POST', `/v1/members/${m}/wallet-link`, {}), 201);
  const w = ok(await env.api('GET', '/v1/wallet/points', undefined, { headers: { authorization: `Wallet ${link.token}` } }));
  assert.equal(w.balances.points, 200);
  assert.equal(w.lots.length, 1);
  assert.equal(w.moves.data[0].delta, 200);
  assert.equal((await env.api('GET', '/v1/wallet/points')).status, 401, 'a staff key is not a wallet link');
  const s = ok(await env.api('GET', '/v1/points/stats?from=2026-05-09&to=2026-05-10'));
  assert.equal(s.time_zone, 'Asia/Shanghai');
  assert.equal(s.days.length, 2);
  const today = s.days[1];
  assert.ok(today.issued >= 200);
  // every member's balance today: what the lots hold now, less what moved after today (the first test's expiry on 1 June)
  const all = await env.ctx.db.query(`SELECT coalesce(sum(remaining), 0)::int8 AS s FROM point_lots WHERE tenant_id = $1 AND asset = 'points'`, [env.tenantId]);
  const later = await env.ctx.db.query(
    `SELECT coalesce(sum(delta), 0)::int8 AS s FROM point_moves WHERE tenant_id = $1 AND asset = 'points' AND created_at >= $2`,
    [env.tenantId, '2026-05-10T16:00:00Z'],
  );
  assert.equal(today.outstanding, Number(all.rows[0].s) - Number(later.rows[0].s), 'outstanding is every member’s balance at the day’s end');
  await pause(r.id);
});

test('a template’s earning on redemption: awarded once, taken back when the redemption is reversed', async () => {
  const fx = await fixtures(env);
  const t = await fx.template('cash', { amount_off: 500 });
  const b = await fx.batch(t.id);
  const m = await member();
  ok(await env.api('PUT', `/v1/templates/${t.id}/earning`, { points: 20, growth: 5 }));
  assert.equal(ok(await env.api('GET', `/v1/templates/${t.id}/earning`)).points, 20);
  assert.equal((await env.api('PUT', '/v1/templates/tpl_nope/earning', { points: 1, growth: 0 })).status, 404);
  const card = ok(await env.api('POST', '/v1/cards/issue', { batch_id: b.id, member_id: m }), 201);
  const red = ok(await env.api('POST', '/v1/redemptions', { code: card.code }), 201);
  await env.jobs();
  await env.jobs();
  assert.deepEqual([(await bal(m)).points, (await bal(m)).growth], [20, 5]);
  ok(await env.api('POST', `/v1/redemptions/${red.id}/reverse`, {}));
  await env.jobs();
  assert.deepEqual([(await bal(m)).points, (await bal(m)).growth], [0, 0]);
});
