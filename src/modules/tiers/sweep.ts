import type { Ctx } from '../../platform/context.js';
import type { Sql } from '../../db/index.js';
import { getTenant } from '../tenants/service.js';
import { growthEarnedBetween, growthOf } from './deps.js';
import { decideDowngrade, measure } from './growth.js';
import { higher, nextPeriodEnd, periodEndingAt, qualifyingPeriod, rankOf, tierForGrowth } from './policy.js';
import { loadLadder, lockState, settingsOf, settle, type TierState } from './state.js';

const CHUNK = 100;

/**
 * The `tiers.sweep` job: downgrades and period ends, on every process at once safely. Each step locks
 * the due rows with FOR UPDATE SKIP LOCKED (a second process takes other rows or none) and re-reads
 * each under its lock, so a row is settled once. Three kinds of due rows:
 * - a grace that has ended: the pending downgrade happens (to the higher of its target and what the
 *   member's growth reaches now; called off if the policy is `never` now);
 * - a manual floor whose end has come: the floor goes and the member holds what they earned;
 * - (policy `period`) a qualifying period that has ended: the member is judged on the growth earned
 *   in it, one period at a time, and the next period's end is set.
 */
export async function sweep(ctx: Ctx): Promise<{ again: Date } | undefined> {
  const now = ctx.clock.now();
  let full = false;
  for (const step of [graceEnded, floorEnded, periodEnded]) {
    const n = await ctx.db.tx((q) => step(q, now));
    await ctx.db.breathe();
    if (n >= CHUNK) full = true;
  }
  return full ? { again: now } : undefined;
}

const due = async (q: Sql, where: string, now: Date) =>
  (
    await q.query<{ tenant_id: string; member_id: string }>(
      `SELECT tenant_id, member_id FROM member_tiers mt WHERE ${where} ORDER BY tenant_id, member_id LIMIT ${CHUNK} FOR UPDATE OF mt SKIP LOCKED`,
      [now],
    )
  ).rows;

async function each(q: Sql, rows: { tenant_id: string; member_id: string }[], now: Date, fn: (st: TierState, t: Ctxt) => Promise<unknown>) {
  const tenants = new Map<string, Ctxt>();
  for (const r of rows) {
    let t = tenants.get(r.tenant_id);
    if (!t) {
      t = { ladder: await loadLadder(q, r.tenant_id), settings: await settingsOf(q, r.tenant_id), tz: (await getTenant(q, r.tenant_id)).time_zone };
      tenants.set(r.tenant_id, t);
    }
    await fn(await lockState(q, r.tenant_id, r.member_id, t.ladder, now), t);
  }
  return rows.length;
}
type Ctxt = { ladder: Awaited<ReturnType<typeof loadLadder>>; settings: Awaited<ReturnType<typeof settingsOf>>; tz: string };

async function graceEnded(q: Sql, now: Date) {
  const rows = await due(q, 'grace_until <= $1', now);
  return each(q, rows, now, async (st, { ladder, settings, tz }) => {
    if (!st.grace_until || st.grace_until > now) return;
    const cleared = { grace_until: null, grace_tier_id: null, grace_why: null };
    const detail = { grace_until: st.grace_until.toISOString() };
    if (settings.policy === 'never') return settle(q, ladder, st, cleared, st.grace_why!, { ...detail, cancelled: 'policy never' }, null, now);
    const growth = await measure(q, st.tenant_id, st.member_id, settings, tz, now, () => growthOf(q, st.tenant_id, st.member_id));
    const to = higher(ladder, st.grace_tier_id, tierForGrowth(ladder, growth)?.id ?? null);
    const lower = rankOf(ladder, to) < rankOf(ladder, st.earned_tier_id);
    return settle(q, ladder, st, lower ? { ...cleared, earned_tier_id: to } : cleared, st.grace_why!, { ...detail, growth }, null, now);
  });
}

async function floorEnded(q: Sql, now: Date) {
  const rows = await due(q, 'floor_until <= $1', now);
  return each(q, rows, now, async (st, { ladder }) => {
    if (!st.floor_until || st.floor_until > now) return;
    const detail = { floor_tier_id: st.floor_tier_id, floor_until: st.floor_until.toISOString(), reason: st.floor_reason };
    return settle(q, ladder, st, { floor_tier_id: null, floor_until: null, floor_reason: null, floor_by: null }, 'floor_ended', detail, null, now);
  });
}

async function periodEnded(q: Sql, now: Date) {
  // rows of members of tenants that switched to the period policy get their first period end
  const rows = await due(
    q,
    `(period_end <= $1 OR period_end IS NULL) AND EXISTS (SELECT 1 FROM tier_settings s WHERE s.tenant_id = mt.tenant_id AND s.policy = 'period')`,
    now,
  );
  return each(q, rows, now, async (st, { ladder, settings, tz }) => {
    if (settings.policy !== 'period') return;
    if (!st.period_end) return settle(q, ladder, st, { period_end: qualifyingPeriod(now, tz, settings.period_months).end }, 'period', {}, null, now);
    if (st.period_end > now) return;
    const p = periodEndingAt(st.period_end, tz, settings.period_months);
    const next = { period_end: nextPeriodEnd(st.period_end, tz, settings.period_months) };
    const growth = await growthEarnedBetween(q, st.tenant_id, st.member_id, p.start, p.end);
    const target = tierForGrowth(ladder, growth);
    const detail = { growth, period_start: p.start.toISOString(), period_end: p.end.toISOString() };
    if (rankOf(ladder, target?.id) >= rankOf(ladder, st.earned_tier_id)) return settle(q, ladder, st, next, 'period', detail, null, now);
    return decideDowngrade(q, ladder, st, settings, tz, target, 'period', p.end, detail, now, next);
  });
}
