import type { Sql } from '../../db/index.js';
import { AppError } from '../../errors.js';
import { newId } from '../../ids.js';
import { post, type PointAsset } from './post.js';
import { debtLot, drawLots, earn, lockDrawable, positive } from './service.js';

/** The tenant's points settings 积分设置 (one row; defaults when absent). */
export interface PointsSettings {
  /**
   * a refund whose points were already spent: `other_lots` (default) takes the rest from the member's other
   * active lots, closest to expiry first, and writes off what they cannot cover (the balance never goes below
   * zero); `negative` leaves the other lots alone and owes the rest (a debt: the balance goes negative, the
   * next earns pay it first and nothing can be spent while it stands)
   */
  refund_shortfall: 'other_lots' | 'negative';
}
export const DEFAULT_SETTINGS: PointsSettings = { refund_shortfall: 'other_lots' };

export async function getSettings(q: Sql, tenantId: string): Promise<PointsSettings> {
  const r = await q.query<PointsSettings>('SELECT refund_shortfall FROM points_settings WHERE tenant_id = $1', [tenantId]);
  return r.rows[0] ?? DEFAULT_SETTINGS;
}
export async function putSettings(q: Sql, tenantId: string, s: PointsSettings, at: Date): Promise<PointsSettings> {
  await q.query(
    `INSERT INTO points_settings (tenant_id, refund_shortfall, updated_at) VALUES ($1, $2, $3)
     ON CONFLICT (tenant_id) DO UPDATE SET refund_shortfall = $2, updated_at = $3`,
    [tenantId, s.refund_shortfall, at],
  );
  return getSettings(q, tenantId);
}

/**
 * Takes back what lots earned (a refund, a reversed redemption): `want` of each lot, from the lot
 * itself first; what was already spent comes from the member's other lots or becomes debt, by the
 * tenant's setting. Locks the member's drawable lots first (the order every spend locks them in), then
 * the lots taken back. Answers what was taken back per asset.
 */
export async function clawBack(
  q: Sql,
  tenantId: string,
  lots: { id: string; want: number }[],
  why: { reason: string; reference: string; orderId?: string | null },
  at: Date,
): Promise<{ points: number; growth: number }> {
  const out = { points: 0, growth: 0 }; // what was taken back (or owed), per asset
  if (!lots.some((l) => l.want > 0)) return out;
  const { refund_shortfall } = await getSettings(q, tenantId);
  const rows = (
    await q.query<{ id: string; member_id: string; asset: PointAsset }>(
      'SELECT id, member_id, asset FROM point_lots WHERE tenant_id = $1 AND id = ANY($2::text[])',
      [tenantId, lots.map((l) => l.id)],
    )
  ).rows;
  for (const asset of ['points', 'growth'] as const) {
    const mine = rows.filter((r) => r.asset === asset);
    if (!mine.length) continue;
    const memberId = mine[0]!.member_id;
    const drawable = await lockDrawable(q, tenantId, memberId, asset, at);
    const locked = (
      await q.query<{ id: string; remaining: string; expired: boolean }>(
        'SELECT id, remaining, expired_at IS NOT NULL AS expired FROM point_lots WHERE tenant_id = $1 AND id = ANY($2::text[]) ORDER BY id FOR UPDATE',
        [tenantId, mine.map((r) => r.id)],
      )
    ).rows;
    let main = 0;
    let shortfall = 0;
    for (const l of locked) {
      const want = lots.find((x) => x.id === l.id)!.want;
      if (want <= 0) continue;
      const own = Math.min(Number(l.remaining), want);
      await q.query('UPDATE point_lots SET remaining = remaining - $3, clawed = clawed + $4 WHERE tenant_id = $1 AND id = $2', [tenantId, l.id, own, want]);
      main += own;
      // what expired was taken back by the expiry already: only what was spent is made good
      if (!l.expired) shortfall += want - own;
    }
    if (shortfall && refund_shortfall === 'other_lots') {
      const others = drawable.lots.filter((l) => !mine.some((m) => m.id === l.id));
      const take = Math.min(
        shortfall,
        others.reduce((s, l) => s + l.remaining, 0),
      );
      if (take) await drawLots(q, tenantId, others, take);
      main += take;
      shortfall = 0; // what the other lots could not cover is written off
    }
    if (shortfall) {
      const debt = (await debtLot(q, tenantId, memberId, asset, at, true))!;
      await q.query('UPDATE point_lots SET remaining = remaining - $3 WHERE tenant_id = $1 AND id = $2', [tenantId, debt.id, shortfall]);
    }
    await post(
      q,
      tenantId,
      { memberId, asset, kind: 'clawback', main: -main, debt: -shortfall, reason: why.reason, reference: why.reference, orderId: why.orderId },
      at,
    );
    out[asset] = main + shortfall;
  }
  return out;
}

/**
 * 手动调整: a positive adjustment is a lot (with an optional expiry); a negative one draws the member's
 * active lots closest to expiry first and never takes the balance below zero (409 POINTS_INSUFFICIENT).
 */
export async function adjust(
  q: Sql,
  tenantId: string,
  a: { memberId: string; asset: PointAsset; delta: number; reason: string; expiresAt?: Date | null },
  at: Date,
): Promise<{ id: string; delta: number; lot_id: string | null }> {
  if (!Number.isSafeInteger(a.delta) || a.delta === 0)
    throw new AppError(422, 'VALIDATION_FAILED', 'delta: a whole number other than 0', { errors: [{ field: 'delta', reason: 'a whole number other than 0' }] });
  const id = newId('adj');
  if (a.delta > 0) {
    const { lotId } = await earn(
      q,
      tenantId,
      { memberId: a.memberId, asset: a.asset, amount: a.delta, reason: a.reason, reference: id, expiresAt: a.expiresAt, kind: 'adjust' },
      at,
    );
    return { id, delta: a.delta, lot_id: lotId };
  }
  positive('delta', -a.delta);
  const { lots, available } = await lockDrawable(q, tenantId, a.memberId, a.asset, at);
  if (available < -a.delta)
    throw new AppError(409, 'POINTS_INSUFFICIENT', `delta: ${-a.delta} asked, ${available} available`, {
      balance: available,
      asked: -a.delta,
      errors: [{ field: 'delta', reason: 'more than the balance' }],
    });
  await drawLots(q, tenantId, lots, -a.delta);
  await post(q, tenantId, { memberId: a.memberId, asset: a.asset, kind: 'adjust', main: a.delta, reason: a.reason, reference: id }, at);
  return { id, delta: a.delta, lot_id: null };
}
