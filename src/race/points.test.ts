import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { verifyInvariants } from '../platform/verify.js';
import { modules } from '../modules/index.js';
import { SKIP, startCluster, allAtOnce, tally, type Cluster, type Reply } from './cluster.js';
import { expireLots } from '../modules/points/expire.js';

/**
 * Points under concurrency 积分并发: three real server processes on one PostgreSQL. Spends (negative
 * adjustments draw lots like any spend) racing on one member never overdraw; a capped activity rule
 * admits exactly its cap however many sign-ins arrive at once; one order number sent at once to every
 * process makes one order and earns once; every invariant (lots = accounts, draws = spends) holds.
 */
describe('points across three server processes', { skip: SKIP }, () => {
  let c: Cluster;
  const ok = (r: Reply, what: string) => {
    assert.ok(r.status < 300, `${what}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  before(async () => {
    c = await startCluster(3);
  });
  after(async () => {
    await c?.stop();
  });
  const member = async () => ok(await c.call('POST', '/v1/members', { name: '并发会员' }), 'member').id as string;
  const balance = async (m: string) => ok(await c.call('GET', `/v1/members/${m}/points`), 'balance');
  const invariantsHold = async () => assert.deepEqual(await verifyInvariants(c.ctx.db, modules, c.tenantId), []);

  test('balance 60 in three lots: 120 spends of 1 at once — exactly 60 succeed, the rest 409, never below zero', async () => {
    const m = await member();
    for (const delta of [10, 20, 30]) ok(await c.call('POST', `/v1/members/${m}/points/adjustments`, { delta, reason: '充值' }), 'earn');
    const rs = await allAtOnce(120, (i) => c.call('POST', `/v1/members/${m}/points/adjustments`, { delta: -1, reason: `兑换${i}` }, { server: i % 3 }));
    assert.ok(
      rs.every((r) => r.status === 201 || (r.status === 409 && r.body.code === 'POINTS_INSUFFICIENT')),
      JSON.stringify(tally(rs)),
    );
    assert.equal(rs.filter((r) => r.status === 201).length, 60, JSON.stringify(tally(rs)));
    assert.equal((await balance(m)).points, 0);
    await invariantsHold();
  });

  test('a sign-in capped at 5 a day: 40 sign-ins at once earn exactly 5 times', async () => {
    ok(
      await c.call('POST', '/v1/points/rules', { kind: 'activity', name: '签到', activity_type: 'signed_in', points: 3, cap_period: 'day', cap_times: 5 }),
      'rule',
    );
    const m = await member();
    const rs = await allAtOnce(40, (i) => c.call('POST', `/v1/members/${m}/activities`, { type: 'signed_in', reference: `race-${m}-${i}` }, { server: i % 3 }));
    assert.ok(
      rs.every((r) => r.status === 201),
      JSON.stringify(tally(rs)),
    );
    assert.equal(rs.filter((r) => r.body.effects.points.points === 3).length, 5);
    assert.equal((await balance(m)).points, 15);
    await invariantsHold();
  });

  test('one order number sent 30 times at once to three processes: one order, earned once', async () => {
    ok(await c.call('POST', '/v1/points/rules', { kind: 'order', name: '消费', points: 1, per_fen: 100 }), 'rule');
    const m = await member();
    const body = { order_no: `RACE-${m}`, member_id: m, amount: 8_800 };
    const rs = await allAtOnce(30, (i) => c.call('POST', '/v1/orders', body, { server: i % 3 }));
    assert.ok(
      rs.every((r) => r.status === 201),
      JSON.stringify(tally(rs)),
    );
    assert.equal(new Set(rs.map((r) => r.body.id)).size, 1);
    assert.equal((await balance(m)).points, 88);
    await invariantsHold();
  });

  test('four expiry sweeps at once while the member spends: every lot expires once, exactly what was left', async () => {
    const m = await member();
    const until = Date.now() + 20_000; // time enough to make the lots and spend under load, then they expire
    const soon = new Date(until).toISOString();
    for (let i = 0; i < 10; i++) ok(await c.call('POST', `/v1/members/${m}/points/adjustments`, { delta: 30, reason: `限时${i}`, expires_at: soon }), 'lot');
    ok(await c.call('POST', `/v1/members/${m}/points/adjustments`, { delta: 50, reason: '长期' }), 'lot');
    const spent = await allAtOnce(20, (i) => c.call('POST', `/v1/members/${m}/points/adjustments`, { delta: -5, reason: `兑换${i}` }, { server: i % 3 }));
    assert.ok(
      spent.every((r) => r.status === 201),
      JSON.stringify(tally(spent)),
    );
    await new Promise((r) => setTimeout(r, Math.max(0, until - Date.now() + 100)));
    await Promise.all([0, 1, 2, 3].map(() => expireLots(c.ctx)));
    const moves = ok(await c.call('GET', `/v1/members/${m}/points/moves?limit=200`), 'moves').data as { kind: string; delta: number; lot_id: string }[];
    const expired = moves.filter((x) => x.kind === 'expire');
    assert.equal(new Set(expired.map((x) => x.lot_id)).size, expired.length, 'no lot expired twice');
    // 350 earned, 100 spent from the lots closest to expiry: 200 expire, the 50 without expiry stay
    assert.equal(-expired.reduce((s, x) => s + x.delta, 0), 200);
    assert.equal((await balance(m)).points, 50);
    await invariantsHold();
  });
});
