import type { Sql } from '../../db/index.js';
import type { Basis } from './compute.js';

/**
 * 佣金/返利 The commission model: one rate per price level, in basis points (1 bp = 0.01 %), on the
 * period's net sales at the price level (`sales`) or on its net redeemed face value (`redeemed`).
 * A level with no rate earns none. A statement snapshots the rate it was computed with.
 */
export interface Rate {
  price_level: string;
  rate_bp: number;
  basis: Basis;
  updated_at: Date;
}
const COLS = 'price_level, rate_bp, basis, updated_at';

export async function rateOf(q: Sql, tenantId: string, level: string): Promise<Rate | null> {
  const r = await q.query<Rate>(`SELECT ${COLS} FROM settlement_rates WHERE tenant_id = $1 AND price_level = $2`, [tenantId, level]);
  return r.rows[0] ?? null;
}

export async function listRates(q: Sql, tenantId: string): Promise<Rate[]> {
  return (await q.query<Rate>(`SELECT ${COLS} FROM settlement_rates WHERE tenant_id = $1 ORDER BY price_level`, [tenantId])).rows;
}

export async function setRate(q: Sql, tenantId: string, level: string, input: { rate_bp: number; basis: Basis }, at: Date): Promise<Rate & { id: string }> {
  const r = await q.query<Rate>(
    `INSERT INTO settlement_rates (tenant_id, price_level, rate_bp, basis, updated_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (tenant_id, price_level) DO UPDATE SET rate_bp = $3, basis = $4, updated_at = $5 RETURNING ${COLS}`,
    [tenantId, level, input.rate_bp, input.basis, at],
  );
  return { id: level, ...r.rows[0]! };
}
