import type { Sql } from '../../db/index.js';
import { getTenant } from '../tenants/service.js';
import { growthEarnedBetween, type GrowthChange } from './deps.js';
import { graceEnd, qualifyingPeriod, rankOf, tierForGrowth, type Settings, type Tier } from './policy.js';
import { loadLadder, lockState, settingsOf, settle } from './state.js';

/**
 * What a member's growth counts toward a tier now: under the period policy the growth earned in the
 * current qualifying period (never the lifetime balance: Open Loyalty #131), otherwise the balance.
 */
export async function measure(q: Sql, tenantId: string, memberId: string, s: Settings, tz: string, at: Date, total: () => Promise<number>) {
  if (s.policy !== 'period') return total();
  const p = qualifyingPeriod(at, tz, s.period_months);
  return growthEarnedBetween(q, tenantId, memberId, p.start, p.end);
}

/**
 * Plugged into points' `growthChanged`: runs in the transaction that changed the member's growth.
 * Upward at once (to the highest tier reached, skipping levels); a pending downgrade is cancelled when
 * the member reaches their tier again; under the refund policy a refund's negative growth that takes
 * them below their tier decides a downgrade (at once, or after the grace period).
 */
export async function onGrowthChanged(q: Sql, c: GrowthChange): Promise<void> {
  const ladder = await loadLadder(q, c.tenantId);
  if (!ladder.length) return;
  const s = await settingsOf(q, c.tenantId);
  const tz = (await getTenant(q, c.tenantId)).time_zone;
  const st = await lockState(q, c.tenantId, c.memberId, ladder, c.at);
  const growth = await measure(q, c.tenantId, c.memberId, s, tz, c.at, async () => c.total);
  const target = tierForGrowth(ladder, growth);
  const reached = rankOf(ladder, target?.id);
  const earned = rankOf(ladder, st.earned_tier_id);
  const period = s.policy === 'period' && !st.period_end ? { period_end: qualifyingPeriod(c.at, tz, s.period_months).end } : {};
  const detail = { growth, reference: c.reference, order_id: c.orderId };
  if (reached > earned) {
    await settle(
      q,
      ladder,
      st,
      { ...period, earned_tier_id: target!.id, qualifying_order_id: c.orderId, grace_until: null, grace_tier_id: null, grace_why: null },
      'growth',
      detail,
      null,
      c.at,
    );
  } else if (reached === earned && st.grace_until) {
    // back at their tier before the grace ended: the downgrade is called off
    await settle(q, ladder, st, { ...period, grace_until: null, grace_tier_id: null, grace_why: null }, 'growth', detail, null, c.at);
  } else if (reached < earned && s.policy === 'refund' && c.delta < 0 && c.orderId) {
    await decideDowngrade(q, ladder, st, s, tz, target, 'refund', c.at, detail, c.at);
  } else if (period.period_end) {
    await settle(q, ladder, st, period, 'growth', detail, null, c.at);
  }
}

/**
 * A downgrade decided at `decidedAt`: with no grace it happens now; with grace the member keeps their
 * tier and the sweep lowers it when the grace ends (a second decision during grace lowers the target,
 * never moves the end later).
 */
export async function decideDowngrade(
  q: Sql,
  ladder: Tier[],
  st: Awaited<ReturnType<typeof lockState>>,
  s: Settings,
  tz: string,
  target: Tier | null,
  why: 'period' | 'refund',
  decidedAt: Date,
  detail: Record<string, unknown>,
  now: Date,
  extra: Record<string, unknown> = {},
) {
  if (s.grace_days === 0)
    return settle(
      q,
      ladder,
      st,
      { ...extra, earned_tier_id: target?.id ?? null, grace_until: null, grace_tier_id: null, grace_why: null },
      why,
      detail,
      null,
      now,
    );
  const end = graceEnd(decidedAt, tz, s.grace_days);
  const until = st.grace_until && st.grace_until < end ? st.grace_until : end;
  const lower = st.grace_until && rankOf(ladder, st.grace_tier_id) < rankOf(ladder, target?.id) ? st.grace_tier_id : (target?.id ?? null);
  return settle(q, ladder, st, { ...extra, grace_until: until, grace_tier_id: lower, grace_why: why }, why, detail, null, now);
}
