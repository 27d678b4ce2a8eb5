import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, type TestEnv } from '../../testing/harness.js';
import { earn, spendPoints, returnSpend, pointBalances, growthEarnedBetween } from './service.js';
import { growthChanged, type GrowthChange } from './extensions.js';

/**
 * The points seams other modules code against (the mall spends and returns, tiers read growth): lots
 * drawn closest to expiry first, spends recorded with their draws, refused whole when short, idempotent
 * by reference; balances list every upcoming expiry; growth changes reach the extension point.
 */
let env: TestEnv;
const seen: GrowthChange[] = [];
const listener = async (_q: unknown, c: GrowthChange) => void seen.push(c);
before(async () => {
  growthChanged.with(listener).install();
  env = await startTestEnv();
});
after(async () => {
  await env.close();
});

const day = 86_400_000;
const member = async () => (await env.api('POST', '/v1/members', { name: '张三' })).body.id as string;

test('earn makes lots; a spend draws the lot closest to expiry first and records its draws; return puts them back', async () => {
  const t = env.tenantId;
  const db = env.ctx.db;
  const m = await member();
  const now = env.ctx.clock.now();
  const late = new Date(now.getTime() + 60 * day);
  const soon = new Date(now.getTime() + 10 * day);
  const a = await db.tx((q) => earn(q, t, { memberId: m, asset: 'points', amount: 100, reason: 'order', reference: 'o1', expiresAt: late }, now));
  const b = await db.tx((q) => earn(q, t, { memberId: m, asset: 'points', amount: 50, reason: 'order', reference: 'o2', expiresAt: soon }, now));
  const c = await db.tx((q) =>
    earn(q, t, { memberId: m, asset: 'points', amount: 30, reason: 'order', reference: 'o3', activeFrom: new Date(now.getTime() + 7 * day) }, now),
  );
  const again = await db.tx((q) => earn(q, t, { memberId: m, asset: 'points', amount: 100, reason: 'order', reference: 'o1', expiresAt: late }, now));
  assert.equal(again.lotId, a.lotId, 'the same reference answers the first lot');

  let bal = await pointBalances(db, t, m, now);
  assert.deepEqual(bal, {
    points: 150,
    pending: 30,
    growth: 0,
    next_expiries: [
      { expires_at: soon.toISOString(), amount: 50 },
      { expires_at: late.toISOString(), amount: 100 },
    ],
  });

  const s = await db.tx((q) => spendPoints(q, t, { memberId: m, amount: 70, reason: 'mall', reference: 'mex_1' }, now));
  assert.deepEqual(s.draws, [
    { lotId: b.lotId, amount: 50 },
    { lotId: a.lotId, amount: 20 },
  ]);
  const same = await db.tx((q) => spendPoints(q, t, { memberId: m, amount: 70, reason: 'mall', reference: 'mex_1' }, now));
  assert.equal(same.spendId, s.spendId, 'the same reference answers the first spend and spends nothing more');
  assert.equal((await pointBalances(db, t, m, now)).points, 80);

  // short: refused whole, nothing changed (the pending lot is not spendable)
  await assert.rejects(
    db.tx((q) => spendPoints(q, t, { memberId: m, amount: 81, reason: 'mall', reference: 'mex_2' }, now)),
    (e: any) => e.code === 'POINTS_INSUFFICIENT' && e.status === 409 && e.extra?.balance === 80,
  );
  assert.equal((await pointBalances(db, t, m, now)).points, 80);

  await db.tx((q) => returnSpend(q, t, s.spendId, 'mall refund', now));
  await db.tx((q) => returnSpend(q, t, s.spendId, 'mall refund', now));
  bal = await pointBalances(db, t, m, now);
  assert.equal(bal.points, 150, 'returned once into the lots it drew from');
  assert.deepEqual(bal.next_expiries, [
    { expires_at: soon.toISOString(), amount: 50 },
    { expires_at: late.toISOString(), amount: 100 },
  ]);
  assert.ok(c.lotId);
});

test('a return after the drawn lot expired comes back as a new lot; expired lots are not drawn', async () => {
  const t = env.tenantId;
  const db = env.ctx.db;
  const m = await member();
  const now = env.ctx.clock.now();
  const soon = new Date(now.getTime() + day);
  await db.tx((q) => earn(q, t, { memberId: m, asset: 'points', amount: 40, reason: 'order', reference: `x-${m}`, expiresAt: soon }, now));
  const s = await db.tx((q) => spendPoints(q, t, { memberId: m, amount: 40, reason: 'mall', reference: `s-${m}` }, now));
  const later = new Date(now.getTime() + 2 * day);
  await db.tx((q) => returnSpend(q, t, s.spendId, 'mall refund', later));
  const bal = await pointBalances(db, t, m, later);
  assert.equal(bal.points, 40);
  assert.equal(bal.next_expiries.length, 1);
  assert.equal(bal.next_expiries[0]!.expires_at, new Date(later.getTime() + 30 * day).toISOString());
});

test('growth: earned between two instants, every change reaches growthChanged in its transaction', async () => {
  const t = env.tenantId;
  const db = env.ctx.db;
  const m = await member();
  const now = env.ctx.clock.now();
  await db.tx((q) => earn(q, t, { memberId: m, asset: 'growth', amount: 120, reason: 'order', reference: `g1-${m}` }, now));
  await db.tx((q) => earn(q, t, { memberId: m, asset: 'growth', amount: 30, reason: 'order', reference: `g2-${m}` }, new Date(now.getTime() + day)));
  assert.equal(await growthEarnedBetween(db, t, m, new Date(now.getTime() - day), new Date(now.getTime() + 2 * day)), 150);
  assert.equal(await growthEarnedBetween(db, t, m, new Date(now.getTime() - day), new Date(now.getTime() + 1)), 120);
  const mine = seen.filter((c) => c.memberId === m);
  assert.deepEqual(
    mine.map((c) => [c.delta, c.total]),
    [
      [120, 120],
      [30, 150],
    ],
  );
  assert.equal((await pointBalances(db, t, m, now)).growth, 150);
});
