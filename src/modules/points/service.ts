import type { Sql } from '../../db/index.js';
import { AppError, invalid } from '../../errors.js';
import { newId } from '../../ids.js';
import { clock } from '../../clock.js';
import { assetTotal, post, type PointAsset } from './post.js';

/**
 * Points 积分 and growth 成长值 as lots (docs/membership.md "Points and growth"): each earn is a lot
 * with its own expiry and pending period; spending draws the lots closest to expiry first and records
 * its draws; every change moves the ledger in the same transaction (post.ts). These are the seams the
 * mall and tiers code against: keep their signatures.
 */
export type { PointAsset } from './post.js';

/** What a member can draw on: lots with something left, active and not expired at `at`, closest to expiry first, locked. */
const DRAWABLE = `SELECT id, remaining::int8 AS remaining FROM point_lots
  WHERE tenant_id = $1 AND member_id = $2 AND asset = $3 AND kind = 'earn' AND remaining > 0
    AND active_from <= $4 AND (expires_at IS NULL OR expires_at > $4)
  ORDER BY expires_at NULLS LAST, created_at, id FOR UPDATE`;

export const RETURNED_LOT_DAYS = 30;
const DAY = 86_400_000;

const positive = (field: string, n: number) => {
  if (!Number.isSafeInteger(n) || n <= 0) throw invalid(field, 'a whole number above 0');
};

/** Takes `amount` from lots in order, writing their new remaining; answers the draws. The caller checked there is enough. */
async function drawLots(q: Sql, tenantId: string, lots: { id: string; remaining: number }[], amount: number) {
  const draws: { lotId: string; amount: number }[] = [];
  let left = amount;
  for (const l of lots) {
    if (left <= 0) break;
    const take = Math.min(Number(l.remaining), left);
    if (take > 0) draws.push({ lotId: l.id, amount: take });
    left -= take;
  }
  if (draws.length)
    await q.query(
      `UPDATE point_lots l SET remaining = l.remaining - d.amount FROM unnest($2::text[], $3::int8[]) AS d(id, amount)
       WHERE l.tenant_id = $1 AND l.id = d.id`,
      [tenantId, draws.map((d) => d.lotId), draws.map((d) => d.amount)],
    );
  return draws;
}

/** The member's debt lot of an asset (remaining ≤ 0), made on first need, locked. */
async function debtLot(q: Sql, tenantId: string, memberId: string, asset: PointAsset, at: Date, make: boolean) {
  if (make)
    await q.query(
      `INSERT INTO point_lots (tenant_id, id, member_id, asset, kind, amount, remaining, reason, reference, active_from, created_at)
       VALUES ($1, $2, $3, $4, 'debt', 0, 0, 'debt', $5, $6, $6) ON CONFLICT DO NOTHING`,
      [tenantId, newId('lot'), memberId, asset, `debt:${memberId}`, at],
    );
  const r = await q.query<{ id: string; remaining: string }>(
    `SELECT id, remaining FROM point_lots WHERE tenant_id = $1 AND member_id = $2 AND asset = $3 AND kind = 'debt' FOR UPDATE`,
    [tenantId, memberId, asset],
  );
  return r.rows[0] ? { id: r.rows[0].id, remaining: Number(r.rows[0].remaining) } : null;
}

export interface EarnInput {
  memberId: string;
  asset: PointAsset;
  amount: number;
  reason: string;
  reference: string;
  expiresAt?: Date | null;
  activeFrom?: Date | null;
  orderId?: string | null;
  ruleId?: string | null;
  /** how the move reads in the member's history: an earn (default) or a manual adjustment */
  kind?: 'earn' | 'adjust';
}

/**
 * An earn: one lot. Idempotent on (tenant, asset, reference): the same reference answers the first
 * lot and changes nothing. A member in debt (a refund took points already spent) pays it first.
 */
export async function earn(q: Sql, tenantId: string, e: EarnInput, at: Date): Promise<{ lotId: string }> {
  positive('amount', e.amount);
  const prior = await q.query<{ id: string }>('SELECT id FROM point_lots WHERE tenant_id = $1 AND asset = $2 AND reference = $3', [
    tenantId,
    e.asset,
    e.reference,
  ]);
  if (prior.rows[0]) return { lotId: prior.rows[0].id };
  const debt = await debtLot(q, tenantId, e.memberId, e.asset, at, false);
  const pay = debt && debt.remaining < 0 ? Math.min(-debt.remaining, e.amount) : 0;
  const id = newId('lot');
  const made = await q.query<{ id: string }>(
    `INSERT INTO point_lots (tenant_id, id, member_id, asset, kind, amount, remaining, reason, reference, order_id, rule_id, active_from, expires_at, created_at)
     VALUES ($1, $2, $3, $4, 'earn', $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT DO NOTHING RETURNING id`,
    [
      tenantId,
      id,
      e.memberId,
      e.asset,
      e.amount,
      e.amount - pay,
      e.reason,
      e.reference,
      e.orderId ?? null,
      e.ruleId ?? null,
      e.activeFrom ?? at,
      e.expiresAt ?? null,
      at,
    ],
  );
  if (!made.rows[0]) {
    // a concurrent earn of the same reference committed first: its lot is the answer
    const r = await q.query<{ id: string }>('SELECT id FROM point_lots WHERE tenant_id = $1 AND asset = $2 AND reference = $3', [
      tenantId,
      e.asset,
      e.reference,
    ]);
    return { lotId: r.rows[0]!.id };
  }
  if (pay) await q.query('UPDATE point_lots SET remaining = remaining + $3 WHERE tenant_id = $1 AND id = $2', [tenantId, debt!.id, pay]);
  await post(
    q,
    tenantId,
    {
      memberId: e.memberId,
      asset: e.asset,
      kind: e.kind ?? 'earn',
      main: e.amount - pay,
      debt: pay,
      reason: e.reason,
      reference: e.reference,
      lotId: id,
      orderId: e.orderId,
    },
    at,
  );
  return { lotId: id };
}

const insufficient = (balance: number, asked: number) =>
  new AppError(409, 'POINTS_INSUFFICIENT', `amount: ${asked} asked, ${balance} available`, {
    balance,
    asked,
    errors: [{ field: 'amount', reason: 'more than the balance' }],
  });

/**
 * The member's drawable lots of an asset (active, unexpired), locked in draw order, then their debt
 * lot: what they can spend is the lots less the debt (a negative balance is paid before anything is spent).
 */
export async function lockDrawable(q: Sql, tenantId: string, memberId: string, asset: PointAsset, at: Date) {
  const lots = (await q.query<{ id: string; remaining: string }>(DRAWABLE, [tenantId, memberId, asset, at])).rows.map((l) => ({
    id: l.id,
    remaining: Number(l.remaining),
  }));
  const debt = (await debtLot(q, tenantId, memberId, asset, at, false))?.remaining ?? 0;
  return { lots, available: Math.max(0, lots.reduce((s, l) => s + l.remaining, 0) + debt) };
}

/**
 * A spend: draws lots closest to expiry first; 409 POINTS_INSUFFICIENT (changes nothing) when the
 * active balance is short. Idempotent on (tenant, reference): the same reference answers the first spend.
 */
export async function spendPoints(
  q: Sql,
  tenantId: string,
  s: { memberId: string; amount: number; reason: string; reference: string },
  at: Date,
): Promise<{ spendId: string; draws: { lotId: string; amount: number }[] }> {
  positive('amount', s.amount);
  const id = newId('spd');
  const made = await q.query(
    `INSERT INTO point_spends (tenant_id, id, member_id, amount, reason, reference, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (tenant_id, reference) DO NOTHING RETURNING id`,
    [tenantId, id, s.memberId, s.amount, s.reason, s.reference, at],
  );
  if (!made.rows[0]) {
    const prev = (await q.query<{ id: string }>('SELECT id FROM point_spends WHERE tenant_id = $1 AND reference = $2', [tenantId, s.reference])).rows[0]!;
    const draws = await q.query<{ lot_id: string; amount: string }>(
      'SELECT lot_id, amount FROM point_draws WHERE tenant_id = $1 AND spend_id = $2 ORDER BY lot_id',
      [tenantId, prev.id],
    );
    return { spendId: prev.id, draws: draws.rows.map((d) => ({ lotId: d.lot_id, amount: Number(d.amount) })) };
  }
  const { lots, available } = await lockDrawable(q, tenantId, s.memberId, 'points', at);
  if (available < s.amount) throw insufficient(available, s.amount);
  const draws = await drawLots(q, tenantId, lots, s.amount);
  await q.query(
    `INSERT INTO point_draws (tenant_id, spend_id, lot_id, amount) SELECT $1, $2, d.lot, d.amount FROM unnest($3::text[], $4::int8[]) AS d(lot, amount)`,
    [tenantId, id, draws.map((d) => d.lotId), draws.map((d) => d.amount)],
  );
  await post(q, tenantId, { memberId: s.memberId, asset: 'points', kind: 'spend', main: -s.amount, reason: s.reason, reference: s.reference, spendId: id }, at);
  return { spendId: id, draws };
}

/**
 * Gives a spend back (a mall exchange refunded): into the lots it drew from; what it drew from a lot
 * expired since comes back as one new lot that expires RETURNED_LOT_DAYS later. Once: a second call changes nothing.
 */
export async function returnSpend(q: Sql, tenantId: string, spendId: string, reason: string, at: Date): Promise<void> {
  const r = await q.query<{ member_id: string; amount: string; reference: string }>(
    'UPDATE point_spends SET returned_at = $3 WHERE tenant_id = $1 AND id = $2 AND returned_at IS NULL RETURNING member_id, amount, reference',
    [tenantId, spendId, at],
  );
  const spend = r.rows[0];
  if (!spend) {
    const known = await q.query('SELECT 1 FROM point_spends WHERE tenant_id = $1 AND id = $2', [tenantId, spendId]);
    if (!known.rows.length) throw new AppError(404, 'SPEND_NOT_FOUND', 'no such spend');
    return;
  }
  const draws = (
    await q.query<{ lot_id: string; amount: string; live: boolean }>(
      `SELECT d.lot_id, d.amount, (l.expired_at IS NULL AND (l.expires_at IS NULL OR l.expires_at > $3)) AS live
       FROM point_draws d JOIN point_lots l ON l.tenant_id = d.tenant_id AND l.id = d.lot_id
       WHERE d.tenant_id = $1 AND d.spend_id = $2 ORDER BY l.expires_at NULLS LAST, l.created_at, l.id FOR UPDATE OF l`,
      [tenantId, spendId, at],
    )
  ).rows;
  const live = draws.filter((d) => d.live);
  const lapsed = draws.filter((d) => !d.live).reduce((s, d) => s + Number(d.amount), 0);
  if (live.length)
    await q.query(
      `UPDATE point_lots l SET remaining = l.remaining + d.amount FROM unnest($2::text[], $3::int8[]) AS d(id, amount) WHERE l.tenant_id = $1 AND l.id = d.id`,
      [tenantId, live.map((d) => d.lot_id), live.map((d) => Number(d.amount))],
    );
  let lotId: string | null = null;
  if (lapsed) {
    lotId = newId('lot');
    await q.query(
      `INSERT INTO point_lots (tenant_id, id, member_id, asset, kind, amount, remaining, reason, reference, active_from, expires_at, created_at)
       VALUES ($1, $2, $3, 'points', 'earn', $4, $4, $5, $6, $7, $8, $7)`,
      [tenantId, lotId, spend.member_id, lapsed, reason, `return:${spendId}`, at, new Date(at.getTime() + RETURNED_LOT_DAYS * DAY)],
    );
  }
  await post(
    q,
    tenantId,
    { memberId: spend.member_id, asset: 'points', kind: 'return', main: Number(spend.amount), reason, reference: spend.reference, spendId, lotId },
    at,
  );
}

export interface Balances {
  points: number;
  pending: number;
  growth: number;
  next_expiries: { expires_at: string; amount: number }[];
}

/** A member's balances: active points (less any debt), pending points, growth, and every upcoming expiry with its amount. */
export async function pointBalances(q: Sql, tenantId: string, memberId: string, at: Date = clock.now()): Promise<Balances> {
  const r = await q.query<{ asset: PointAsset; pending: boolean; expires_at: Date | null; amount: string }>(
    `SELECT asset, active_from > $3 AS pending, expires_at, sum(remaining)::int8 AS amount FROM point_lots
     WHERE tenant_id = $1 AND member_id = $2 AND remaining <> 0 AND (expires_at IS NULL OR expires_at > $3)
     GROUP BY 1, 2, 3 ORDER BY expires_at NULLS LAST`,
    [tenantId, memberId, at],
  );
  const out: Balances = { points: 0, pending: 0, growth: 0, next_expiries: [] };
  const byExpiry = new Map<string, number>();
  for (const x of r.rows) {
    const n = Number(x.amount);
    if (x.asset === 'growth') out.growth += n;
    else if (x.pending) out.pending += n;
    else out.points += n;
    if (x.asset === 'points' && x.expires_at && n > 0) {
      const k = new Date(x.expires_at).toISOString();
      byExpiry.set(k, (byExpiry.get(k) ?? 0) + n);
    }
  }
  out.next_expiries = [...byExpiry].map(([expires_at, amount]) => ({ expires_at, amount }));
  return out;
}

/** Growth earned in [from, to): earns less claw-backs and adjustments (expiry is not un-earning). */
export async function growthEarnedBetween(q: Sql, tenantId: string, memberId: string, from: Date, to: Date): Promise<number> {
  const r = await q.query<{ s: string }>(
    `SELECT coalesce(sum(delta), 0)::int8 AS s FROM point_moves
     WHERE tenant_id = $1 AND member_id = $2 AND asset = 'growth' AND kind <> 'expire' AND created_at >= $3 AND created_at < $4`,
    [tenantId, memberId, from, to],
  );
  return Number(r.rows[0]!.s);
}

export { assetTotal, debtLot, drawLots, positive };
