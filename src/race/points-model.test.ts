import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { startTestEnv, type TestEnv } from '../testing/harness.js';
import { verifyInvariants } from '../platform/verify.js';
import { modules } from '../modules/index.js';
import { earn, spendPoints, returnSpend, pointBalances } from '../modules/points/service.js';
import { adjust } from '../modules/points/change.js';
import { expireLots } from '../modules/points/expire.js';

/**
 * Model-based property test of points as lots: random sequences of earn / order / spend / return /
 * refund / adjust / expire go to the service and the API and to an in-memory model of lots (closest to
 * expiry first, debt-free: the tenant's default `other_lots`); every answer, every balance and the lots
 * at the end must agree with the model, and every invariant hold. Runs on both engines.
 */
interface MLot {
  id?: string;
  seq: number;
  amount: number;
  remaining: number;
  expiresAt: number | null;
  expired: boolean;
  clawed: number;
}
interface MOrder {
  id: string;
  paid: number;
  refunded: number;
  lot: MLot | null;
}
interface MSpend {
  id: string;
  draws: { lot: MLot; amount: number }[];
  returned: boolean;
}
const DAY = 86_400_000;
const op = fc.oneof(
  fc.record({ t: fc.constant('earn' as const), amount: fc.integer({ min: 1, max: 200 }), days: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }) }),
  fc.record({ t: fc.constant('order' as const), amount: fc.integer({ min: 0, max: 30_000 }) }),
  fc.record({ t: fc.constant('spend' as const), amount: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ t: fc.constant('return' as const), spend: fc.nat() }),
  fc.record({ t: fc.constant('refund' as const), order: fc.nat(), amount: fc.integer({ min: 1, max: 30_000 }) }),
  fc.record({ t: fc.constant('adjust' as const), delta: fc.integer({ min: -150, max: 150 }).filter((d) => d !== 0) }),
  fc.record({ t: fc.constant('expire' as const), days: fc.integer({ min: 1, max: 12 }) }),
);

let env: TestEnv;
before(async () => {
  env = await startTestEnv();
  const r = await env.api('POST', '/v1/points/rules', { kind: 'order', name: '消费', points: 1, per_fen: 100 });
  assert.equal(r.status, 201);
});
after(async () => {
  await env.close();
});

const drawable = (lots: MLot[], now: number) =>
  lots
    .filter((l) => l.remaining > 0 && !l.expired && (l.expiresAt === null || l.expiresAt > now))
    .sort((a, b) => (a.expiresAt ?? Infinity) - (b.expiresAt ?? Infinity) || a.seq - b.seq);
function draw(lots: MLot[], amount: number) {
  const out: { lot: MLot; amount: number }[] = [];
  for (const l of lots) {
    if (amount <= 0) break;
    const take = Math.min(l.remaining, amount);
    l.remaining -= take;
    amount -= take;
    out.push({ lot: l, amount: take });
  }
  return out;
}

test('random sequences of points operations agree with a model of lots', async () => {
  let run = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 20 }), async (ops) => {
      run++;
      env.ctx.clock.set('2026-03-01T00:00:00Z');
      const t = env.tenantId;
      const db = env.ctx.db;
      const m = (await env.api('POST', '/v1/members', { name: `模型${run}` })).body.id as string;
      const lots: MLot[] = [];
      const orders: MOrder[] = [];
      const spends: MSpend[] = [];
      let seq = 0;
      const now = () => env.ctx.clock.now();
      for (const [i, o] of ops.entries()) {
        const at = now();
        const ms = at.getTime();
        const where = `${JSON.stringify(o)} (step ${i})`;
        switch (o.t) {
          case 'earn': {
            const expiresAt = o.days === null ? null : ms + o.days * DAY;
            const { lotId } = await db.tx((q) =>
              earn(
                q,
                t,
                {
                  memberId: m,
                  asset: 'points',
                  amount: o.amount,
                  reason: 'model',
                  reference: `m${run}-${i}`,
                  expiresAt: expiresAt === null ? null : new Date(expiresAt),
                },
                at,
              ),
            );
            lots.push({ id: lotId, seq: seq++, amount: o.amount, remaining: o.amount, expiresAt, expired: false, clawed: 0 });
            break;
          }
          case 'order': {
            const r = await env.api('POST', '/v1/orders', { order_no: `M${run}-${i}`, member_id: m, amount: o.amount });
            assert.equal(r.status, 201, where);
            const earned = Math.floor(o.amount / 100);
            assert.equal(r.body.effects.points.points, earned, where);
            const lot = earned ? { seq: seq++, amount: earned, remaining: earned, expiresAt: null, expired: false, clawed: 0 } : null;
            if (lot) lots.push(lot);
            orders.push({ id: r.body.id, paid: o.amount, refunded: 0, lot });
            break;
          }
          case 'spend':
          case 'adjust': {
            const amount = o.t === 'spend' ? o.amount : -o.delta;
            if (o.t === 'adjust' && o.delta > 0) {
              await db.tx((q) => adjust(q, t, { memberId: m, asset: 'points', delta: o.delta, reason: 'model' }, at));
              lots.push({ seq: seq++, amount: o.delta, remaining: o.delta, expiresAt: null, expired: false, clawed: 0 });
              break;
            }
            const avail = drawable(lots, ms);
            const enough = avail.reduce((s, l) => s + l.remaining, 0) >= amount;
            const call =
              o.t === 'spend'
                ? db.tx((q) => spendPoints(q, t, { memberId: m, amount, reason: 'model', reference: `s${run}-${i}` }, at))
                : db.tx((q) => adjust(q, t, { memberId: m, asset: 'points', delta: -amount, reason: 'model' }, at));
            if (!enough) {
              await assert.rejects(call, (e: any) => e.code === 'POINTS_INSUFFICIENT', where);
              break;
            }
            const res = await call;
            const draws = draw(avail, amount);
            if (o.t === 'spend') {
              const got = (res as { spendId: string; draws: { lotId: string; amount: number }[] }).draws;
              assert.deepEqual(
                got.map((d) => d.amount),
                draws.map((d) => d.amount),
                where,
              );
              spends.push({ id: (res as { spendId: string }).spendId, draws, returned: false });
            }
            break;
          }
          case 'return': {
            if (!spends.length) continue;
            const s = spends[o.spend % spends.length]!;
            await db.tx((q) => returnSpend(q, t, s.id, 'model', at));
            if (s.returned) break;
            s.returned = true;
            let lapsed = 0;
            for (const d of s.draws) {
              if (d.lot.expired || (d.lot.expiresAt !== null && d.lot.expiresAt <= ms)) lapsed += d.amount;
              else d.lot.remaining += d.amount;
            }
            if (lapsed) lots.push({ seq: seq++, amount: lapsed, remaining: lapsed, expiresAt: ms + 30 * DAY, expired: false, clawed: 0 });
            break;
          }
          case 'refund': {
            if (!orders.length) continue;
            const ord = orders[o.order % orders.length]!;
            const r = await env.api('POST', `/v1/orders/${ord.id}/refunds`, { refund_no: `RF${run}-${i}`, amount: o.amount });
            if (o.amount > ord.paid - ord.refunded) {
              assert.equal(r.status, 409, where);
              assert.equal(r.body.code, 'REFUND_EXCEEDS_PAID', where);
              break;
            }
            assert.equal(r.status, 201, `${where} ${JSON.stringify(r.body)}`);
            ord.refunded += o.amount;
            const l = ord.lot;
            if (!l) break;
            const target = ord.refunded === ord.paid ? l.amount : Math.floor((l.amount * ord.refunded) / ord.paid);
            const want = target - l.clawed;
            if (want <= 0) break;
            const others = drawable(lots, ms).filter((x) => x !== l);
            const own = Math.min(l.remaining, want);
            l.remaining -= own;
            l.clawed += want;
            const short = l.expired ? 0 : want - own;
            draw(
              others,
              Math.min(
                short,
                others.reduce((s, x) => s + x.remaining, 0),
              ),
            );
            break;
          }
          case 'expire': {
            env.ctx.clock.advance(o.days * DAY);
            await expireLots(env.ctx);
            const later = now().getTime();
            for (const l of lots)
              if (l.expiresAt !== null && l.expiresAt <= later && l.remaining > 0) {
                l.remaining = 0;
                l.expired = true;
              } else if (l.expiresAt !== null && l.expiresAt <= later) l.expired = true;
            break;
          }
        }
        const want = drawable(lots, now().getTime()).reduce((s, l) => s + l.remaining, 0);
        assert.equal((await pointBalances(db, t, m, now())).points, want, `balance after ${where}`);
      }
      const held = await db.query<{ remaining: string }>(
        `SELECT remaining FROM point_lots WHERE tenant_id = $1 AND member_id = $2 AND remaining > 0 ORDER BY remaining`,
        [t, m],
      );
      assert.deepEqual(
        held.rows.map((r) => Number(r.remaining)),
        lots
          .filter((l) => l.remaining > 0)
          .map((l) => l.remaining)
          .sort((a, b) => a - b),
      );
      assert.deepEqual(await verifyInvariants(db, modules, t), []);
    }),
    { numRuns: 30 },
  );
});
