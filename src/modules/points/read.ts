import { DateTime } from 'luxon';
import type { Sql } from '../../db/index.js';
import { invalid } from '../../errors.js';
import { getTenant } from '../tenants/service.js';
import type { PointAsset } from './post.js';

/** What the staff and the member read: lots, every movement with its reason (paged), and per-day stats. */
export interface Lot {
  id: string;
  asset: PointAsset;
  kind: 'earn' | 'debt';
  amount: number;
  remaining: number;
  reason: string;
  order_id: string | null;
  rule_id: string | null;
  active_from: Date;
  expires_at: Date | null;
  expired_at: Date | null;
  created_at: Date;
}

export async function memberLots(q: Sql, tenantId: string, memberId: string, f: { asset?: PointAsset; all?: boolean }): Promise<Lot[]> {
  const r = await q.query<Lot>(
    `SELECT id, asset, kind, amount, remaining, reason, order_id, rule_id, active_from, expires_at, expired_at, created_at FROM point_lots
     WHERE tenant_id = $1 AND member_id = $2 AND ($3::text IS NULL OR asset = $3) AND ($4 OR remaining <> 0)
     ORDER BY expires_at NULLS LAST, created_at, id LIMIT 500`,
    [tenantId, memberId, f.asset ?? null, f.all ?? false],
  );
  return r.rows.map((l) => ({ ...l, amount: Number(l.amount), remaining: Number(l.remaining) }));
}

export interface MoveRow {
  id: string;
  asset: PointAsset;
  kind: string;
  delta: number;
  reason: string;
  reference: string;
  lot_id: string | null;
  spend_id: string | null;
  order_id: string | null;
  created_at: Date;
}

/** A member's movements, newest first; the cursor is the last id seen. */
export async function memberMoves(q: Sql, tenantId: string, memberId: string, f: { asset?: PointAsset; limit?: number; cursor?: string }) {
  const limit = f.limit ?? 50;
  if (f.cursor !== undefined && !/^\d{1,18}$/.test(f.cursor)) throw invalid('cursor', 'next_cursor of the previous page');
  const r = await q.query<MoveRow>(
    `SELECT id::text, asset, kind, delta, reason, reference, lot_id, spend_id, order_id, created_at FROM point_moves
     WHERE tenant_id = $1 AND member_id = $2 AND ($3::text IS NULL OR asset = $3) AND ($4::int8 IS NULL OR id < $4::int8) ORDER BY id DESC LIMIT $5`,
    [tenantId, memberId, f.asset ?? null, f.cursor ?? null, limit + 1],
  );
  const more = r.rows.length > limit;
  const data = (more ? r.rows.slice(0, limit) : r.rows).map((m) => ({ ...m, delta: Number(m.delta) }));
  return { data, next_cursor: more ? data[data.length - 1]!.id : null };
}

export interface DayStats {
  day: string;
  issued: number;
  spent: number;
  expired: number;
  clawed_back: number;
  adjusted: number;
  outstanding: number;
}

/**
 * Points per local day of the tenant in [from, to]: issued (earned), spent (less spends returned),
 * expired, clawed back, adjusted (signed), and outstanding — the balance members hold at the day's
 * end, the brand's liability. Every day present (zeros included).
 */
export async function pointStats(q: Sql, tenantId: string, f: { from: string; to: string }): Promise<{ time_zone: string; days: DayStats[] }> {
  const tz = (await getTenant(q, tenantId)).time_zone;
  const from = DateTime.fromISO(f.from, { zone: tz });
  const to = DateTime.fromISO(f.to, { zone: tz });
  if (!from.isValid) throw invalid('from', 'a date as YYYY-MM-DD');
  if (!to.isValid || to < from) throw invalid('to', 'a date as YYYY-MM-DD, not before from');
  if (to.diff(from, 'days').days > 366) throw invalid('to', 'at most 366 days');
  const start = from.startOf('day').toJSDate();
  const end = to.startOf('day').plus({ days: 1 }).toJSDate();
  const r = await q.query<Record<string, string>>(
    `WITH days AS (SELECT to_char(d, 'YYYY-MM-DD') AS day FROM generate_series($4::date::timestamp, $5::date::timestamp, interval '1 day') d),
     m AS (SELECT to_char(created_at AT TIME ZONE $6, 'YYYY-MM-DD') AS day,
             sum(delta) FILTER (WHERE kind = 'earn') AS issued, -sum(delta) FILTER (WHERE kind IN ('spend', 'return')) AS spent,
             -sum(delta) FILTER (WHERE kind = 'expire') AS expired, -sum(delta) FILTER (WHERE kind = 'clawback') AS clawed_back,
             sum(delta) FILTER (WHERE kind = 'adjust') AS adjusted, sum(delta) AS net
           FROM point_moves WHERE tenant_id = $1 AND asset = 'points' AND created_at >= $2 AND created_at < $3 GROUP BY 1),
     before AS (SELECT coalesce(sum(delta), 0) AS b FROM point_moves WHERE tenant_id = $1 AND asset = 'points' AND created_at < $2)
     SELECT days.day, coalesce(issued, 0)::int8 AS issued, coalesce(spent, 0)::int8 AS spent, coalesce(expired, 0)::int8 AS expired,
       coalesce(clawed_back, 0)::int8 AS clawed_back, coalesce(adjusted, 0)::int8 AS adjusted,
       ((SELECT b FROM before) + sum(coalesce(net, 0)) OVER (ORDER BY days.day))::int8 AS outstanding
     FROM days LEFT JOIN m ON m.day = days.day ORDER BY days.day`,
    [tenantId, start, end, from.toISODate(), to.toISODate(), tz],
  );
  return {
    time_zone: tz,
    days: r.rows.map((x) => ({
      day: x.day!,
      issued: Number(x.issued),
      spent: Number(x.spent),
      expired: Number(x.expired),
      clawed_back: Number(x.clawed_back),
      adjusted: Number(x.adjusted),
      outstanding: Number(x.outstanding),
    })),
  };
}
