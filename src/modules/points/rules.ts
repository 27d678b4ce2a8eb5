import { DateTime } from 'luxon';
import type { Sql } from '../../db/index.js';
import { AppError, invalid } from '../../errors.js';
import { newId } from '../../ids.js';
import type { PointAsset } from './post.js';

/**
 * Earning rules 积分规则: an order rule earns `points` per `per_fen` paid (lines weighted by sku or
 * category multipliers), an activity rule `points` per custom event; either may be capped per member
 * per day, week or month (times and/or amount), expire its lots and hold them pending for a while.
 */
export type Expiry =
  | { type: 'none' }
  | { type: 'days'; days: number }
  | { type: 'date'; date: string }
  | { type: 'month_end' }
  | { type: 'quarter_end' }
  | { type: 'year_end' };
export interface Multiplier {
  sku?: string;
  category?: string;
  multiplier: number;
}
export interface Rule {
  id: string;
  name: string;
  asset: PointAsset;
  kind: 'order' | 'activity';
  points: number;
  per_fen: number | null;
  min_amount: number;
  multipliers: Multiplier[];
  activity_type: string | null;
  cap_period: 'day' | 'week' | 'month' | null;
  cap_times: number | null;
  cap_amount: number | null;
  expiry: Expiry;
  pending_days: number;
  status: 'active' | 'paused';
  created_at: Date;
  updated_at: Date;
}
export type RuleInput = Partial<Omit<Rule, 'id' | 'created_at' | 'updated_at'>>;

const COLS =
  'id, name, asset, kind, points, per_fen, min_amount, multipliers, activity_type, cap_period, cap_times, cap_amount, expiry, pending_days, status, created_at, updated_at';
const view = (r: Rule): Rule => ({
  ...r,
  points: Number(r.points),
  per_fen: r.per_fen === null ? null : Number(r.per_fen),
  min_amount: Number(r.min_amount),
  cap_amount: r.cap_amount === null ? null : Number(r.cap_amount),
});

function check(r: RuleInput) {
  if (r.kind === 'order' && !r.per_fen) throw invalid('per_fen', 'an order rule says per how many fen it earns');
  if (r.kind === 'activity' && !r.activity_type) throw invalid('activity_type', 'an activity rule names the event it rewards');
  if (r.kind === 'activity' && r.per_fen) throw invalid('per_fen', 'only order rules earn per fen');
  if (r.cap_period && !r.cap_times && !r.cap_amount) throw invalid('cap_times', 'a cap says how many times or how much');
  if (!r.cap_period && (r.cap_times || r.cap_amount)) throw invalid('cap_period', 'a cap says per day, week or month');
  if (r.expiry?.type === 'date' && !DateTime.fromISO(r.expiry.date).isValid) throw invalid('expiry/date', 'a date as YYYY-MM-DD');
}

export async function createRule(q: Sql, tenantId: string, input: RuleInput & Pick<Rule, 'name' | 'kind' | 'points'>, at: Date): Promise<Rule> {
  const r: RuleInput = { asset: 'points', min_amount: 0, multipliers: [], expiry: { type: 'none' }, pending_days: 0, status: 'active', ...input };
  check(r);
  const made = await q.query<Rule>(
    `INSERT INTO point_rules (tenant_id, id, name, asset, kind, points, per_fen, min_amount, multipliers, activity_type, cap_period, cap_times, cap_amount,
       expiry, pending_days, status, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17) RETURNING ${COLS}`,
    [
      tenantId,
      newId('prl'),
      r.name,
      r.asset,
      r.kind,
      r.points,
      r.per_fen ?? null,
      r.min_amount,
      JSON.stringify(r.multipliers),
      r.activity_type ?? null,
      r.cap_period ?? null,
      r.cap_times ?? null,
      r.cap_amount ?? null,
      JSON.stringify(r.expiry),
      r.pending_days,
      r.status,
      at,
    ],
  );
  return view(made.rows[0]!);
}

export async function getRule(q: Sql, tenantId: string, id: string, lock = false): Promise<Rule> {
  const r = await q.query<Rule>(`SELECT ${COLS} FROM point_rules WHERE tenant_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`, [tenantId, id]);
  if (!r.rows[0]) throw new AppError(404, 'POINT_RULE_NOT_FOUND', 'earning rule not found');
  return view(r.rows[0]);
}

export async function updateRule(q: Sql, tenantId: string, id: string, input: RuleInput, at: Date): Promise<Rule> {
  const cur = await getRule(q, tenantId, id, true);
  if (input.kind && input.kind !== cur.kind) throw invalid('kind', 'a rule keeps its kind: make a new rule');
  const next = { ...cur, ...input };
  check(next);
  const r = await q.query<Rule>(
    `UPDATE point_rules SET name = $3, asset = $4, points = $5, per_fen = $6, min_amount = $7, multipliers = $8, activity_type = $9, cap_period = $10,
       cap_times = $11, cap_amount = $12, expiry = $13, pending_days = $14, status = $15, updated_at = $16
     WHERE tenant_id = $1 AND id = $2 RETURNING ${COLS}`,
    [
      tenantId,
      id,
      next.name,
      next.asset,
      next.points,
      next.per_fen,
      next.min_amount,
      JSON.stringify(next.multipliers),
      next.activity_type,
      next.cap_period,
      next.cap_times,
      next.cap_amount,
      JSON.stringify(next.expiry),
      next.pending_days,
      next.status,
      at,
    ],
  );
  return view(r.rows[0]!);
}

export async function listRules(q: Sql, tenantId: string, f: { kind?: string; status?: string } = {}): Promise<Rule[]> {
  const r = await q.query<Rule>(
    `SELECT ${COLS} FROM point_rules WHERE tenant_id = $1 AND ($2::text IS NULL OR kind = $2) AND ($3::text IS NULL OR status = $3) ORDER BY created_at, id`,
    [tenantId, f.kind ?? null, f.status ?? null],
  );
  return r.rows.map(view);
}

/** What an order earns by a rule, before its cap: the paid amount, weighted by the lines' multipliers, per `per_fen`. */
export function orderEarns(rule: Rule, o: { amount: number; lines: { sku: string; category?: string; amount: number }[] }): number {
  if (o.amount < rule.min_amount || !rule.per_fen) return 0;
  let base = o.amount;
  const total = o.lines.reduce((s, l) => s + l.amount, 0);
  if (rule.multipliers.length && total > 0) {
    const mult = (l: { sku: string; category?: string }) =>
      rule.multipliers.find((m) => m.sku !== undefined && m.sku === l.sku)?.multiplier ??
      rule.multipliers.find((m) => m.category !== undefined && m.category === l.category)?.multiplier ??
      1;
    // the weights apply to what was paid: a discount shrinks every line alike
    base = (o.amount * o.lines.reduce((s, l) => s + l.amount * mult(l), 0)) / total;
  }
  return Math.floor(Math.floor(base) / rule.per_fen) * rule.points;
}

/** When a lot earned at `at` expires (exclusive), in the tenant's time zone; null: never. */
export function expiresAt(expiry: Expiry, at: Date, tz: string): Date | null {
  const local = DateTime.fromJSDate(at, { zone: tz });
  switch (expiry.type) {
    case 'none':
      return null;
    case 'days':
      return local
        .startOf('day')
        .plus({ days: expiry.days + 1 })
        .toJSDate();
    case 'date':
      return DateTime.fromISO(expiry.date, { zone: tz }).plus({ days: 1 }).startOf('day').toJSDate();
    case 'month_end':
      return local.startOf('month').plus({ months: 1 }).toJSDate();
    case 'quarter_end':
      return local.startOf('quarter').plus({ quarters: 1 }).toJSDate();
    case 'year_end':
      return local.startOf('year').plus({ years: 1 }).toJSDate();
  }
}

/** The cap's period a moment falls in, on the tenant's calendar: 2026-05-01, 2026-W18, 2026-05. */
export function periodKey(period: 'day' | 'week' | 'month', at: Date, tz: string): string {
  const d = DateTime.fromJSDate(at, { zone: tz });
  return period === 'day' ? d.toFormat('yyyy-LL-dd') : period === 'week' ? d.toFormat("kkkk-'W'WW") : d.toFormat('yyyy-LL');
}

const BIG = 9_000_000_000_000_000;
/**
 * What a capped rule may still award: one conditional upsert of the member's counter for the period
 * (no count-then-insert), so concurrent awards are admitted exactly up to the cap. A dry run reads it.
 */
export async function capped(q: Sql, tenantId: string, rule: Rule, memberId: string, amount: number, at: Date, tz: string, dryRun: boolean): Promise<number> {
  if (!rule.cap_period || amount <= 0) return amount;
  const period = periodKey(rule.cap_period, at, tz);
  const times = rule.cap_times ?? 2_000_000_000;
  const most = rule.cap_amount ?? BIG;
  if (dryRun) {
    const r = await q.query<{ times: number; amount: string }>(
      'SELECT times, amount FROM point_cap_counts WHERE tenant_id = $1 AND rule_id = $2 AND member_id = $3 AND period = $4',
      [tenantId, rule.id, memberId, period],
    );
    const c = r.rows[0];
    if (!c) return Math.min(amount, most);
    return c.times >= times ? 0 : Math.max(0, Math.min(amount, most - Number(c.amount)));
  }
  const r = await q.query<{ last: string }>(
    `INSERT INTO point_cap_counts AS c (tenant_id, rule_id, member_id, period, times, amount, last)
     VALUES ($1, $2, $3, $4, 1, LEAST($5::int8, $7::int8), LEAST($5::int8, $7::int8))
     ON CONFLICT (tenant_id, rule_id, member_id, period) DO UPDATE
       SET times = c.times + 1, last = LEAST($5::int8, $7::int8 - c.amount), amount = c.amount + LEAST($5::int8, $7::int8 - c.amount)
       WHERE c.times < $6 AND c.amount < $7::int8
     RETURNING last`,
    [tenantId, rule.id, memberId, period, amount, times, most],
  );
  return r.rows[0] ? Number(r.rows[0].last) : 0;
}
