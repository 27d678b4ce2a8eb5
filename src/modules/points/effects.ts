import type { Sql } from '../../db/index.js';
import { getTenant } from '../tenants/service.js';
import type { ActivityFacts, OrderEffect, OrderFacts } from '../orders/extensions.js';
import { earn } from './service.js';
import { clawBack } from './change.js';
import { capped, expiresAt, listRules, orderEarns, type Rule } from './rules.js';

/**
 * The points effect of orders and custom events (plugged into `orderEffects`): each active rule that
 * applies earns one lot (reference `<order or activity id>:<rule id>`, so a retry earns nothing twice),
 * within its cap; a refund takes back each lot's share of what was refunded. A dry run computes the
 * same answer and writes nothing (caps are read, not counted).
 */
export interface Earned {
  points: number;
  growth: number;
  lots: { rule_id: string; asset: 'points' | 'growth'; amount: number; capped: boolean; expires_at: Date | null; active_from: Date; lot_id: string | null }[];
}

const DAY = 86_400_000;

async function award(
  q: Sql,
  tenantId: string,
  memberId: string,
  rules: { rule: Rule; amount: number }[],
  src: { id: string; orderId: string | null; at: Date; reason: string },
  dryRun: boolean,
): Promise<Earned> {
  const out: Earned = { points: 0, growth: 0, lots: [] };
  if (!rules.some((r) => r.amount > 0)) return out;
  const tz = (await getTenant(q, tenantId)).time_zone;
  for (const { rule, amount } of rules) {
    if (amount <= 0) continue;
    const amt = await capped(q, tenantId, rule, memberId, amount, src.at, tz, dryRun);
    const exp = expiresAt(rule.expiry, src.at, tz);
    const activeFrom = new Date(src.at.getTime() + rule.pending_days * DAY);
    let lotId: string | null = null;
    if (amt > 0 && !dryRun)
      lotId = (
        await earn(
          q,
          tenantId,
          {
            memberId,
            asset: rule.asset,
            amount: amt,
            reason: src.reason,
            reference: `${src.id}:${rule.id}`,
            expiresAt: exp,
            activeFrom,
            orderId: src.orderId,
            ruleId: rule.id,
          },
          src.at,
        )
      ).lotId;
    out[rule.asset] += amt;
    out.lots.push({ rule_id: rule.id, asset: rule.asset, amount: amt, capped: amt < amount, expires_at: exp, active_from: activeFrom, lot_id: lotId });
  }
  return out;
}

async function placed(q: Sql, o: OrderFacts, dryRun: boolean): Promise<Earned> {
  const rules = await listRules(q, o.tenantId, { kind: 'order', status: 'active' });
  return award(
    q,
    o.tenantId,
    o.memberId,
    rules.map((rule) => ({ rule, amount: orderEarns(rule, o) })),
    { id: o.orderId, orderId: o.orderId, at: o.placedAt, reason: `order:${o.orderNo}` },
    dryRun,
  );
}

async function activity(q: Sql, a: ActivityFacts, dryRun: boolean): Promise<Earned> {
  const rules = (await listRules(q, a.tenantId, { kind: 'activity', status: 'active' })).filter((r) => r.activity_type === a.type);
  return award(
    q,
    a.tenantId,
    a.memberId,
    rules.map((rule) => ({ rule, amount: rule.points })),
    { id: a.activityId, orderId: null, at: a.at, reason: `activity:${a.type}` },
    dryRun,
  );
}

/** A refund takes back each of the order's lots' share: all of it on a full refund, else ⌊earned × refunded ÷ paid⌋, less what earlier refunds took. */
async function refunded(q: Sql, o: OrderFacts, r: { refundId: string; amount: number; at: Date; full: boolean; refunded?: number }) {
  const lots = (
    await q.query<{ id: string; amount: string; clawed: string }>(
      `SELECT id, amount, clawed FROM point_lots WHERE tenant_id = $1 AND order_id = $2 AND kind = 'earn' AND reference LIKE $3 ORDER BY id`,
      [o.tenantId, o.orderId, `${o.orderId}:%`],
    )
  ).rows;
  const refundedSoFar = r.refunded ?? r.amount;
  const want = lots.map((l) => {
    const target = r.full || o.amount === 0 ? Number(l.amount) : Math.floor((Number(l.amount) * refundedSoFar) / o.amount);
    return { id: l.id, want: Math.max(0, target - Number(l.clawed)) };
  });
  return clawBack(q, o.tenantId, want, { reason: `refund:${r.refundId}`, reference: r.refundId, orderId: o.orderId }, r.at);
}

export const pointsEffect: OrderEffect = { name: 'points', placed, activity, refunded };
