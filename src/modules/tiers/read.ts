import { DateTime } from 'luxon';
import type { Sql } from '../../db/index.js';
import { resolveNames } from '../../platform/names.js';
import { getMember } from '../members/service.js';
import { getTenant } from '../tenants/service.js';
import { growthOf } from './deps.js';
import { measure } from './growth.js';
import { baseTier, qualifyingPeriod } from './policy.js';
import { loadLadder, readState, settingsOf } from './state.js';

const named = (ladder: { id: string; name: string; rank: number; threshold: number }[], id: string | null) => {
  const t = ladder.find((x) => x.id === id);
  return t ? { id: t.id, name: t.name, rank: t.rank, threshold: t.threshold } : null;
};

/**
 * A member's tier as staff and the member read it: the tier held, the growth that counts now and
 * what the next tier needs, a pending downgrade (grace), an operator's floor, and the history.
 */
export async function memberTier(q: Sql, tenantId: string, memberId: string, at: Date) {
  const member = await getMember(q, tenantId, memberId);
  const [ladder, settings, tenant, st] = [
    await loadLadder(q, tenantId),
    await settingsOf(q, tenantId),
    await getTenant(q, tenantId),
    await readState(q, tenantId, member.id),
  ];
  const tier = named(ladder, st ? st.tier_id : (baseTier(ladder)?.id ?? null));
  const growth = await measure(q, tenantId, member.id, settings, tenant.time_zone, at, () => growthOf(q, tenantId, member.id));
  const next = ladder.find((t) => t.rank > (tier?.rank ?? -1)) ?? null;
  const period = settings.policy === 'period' ? qualifyingPeriod(at, tenant.time_zone, settings.period_months) : null;
  const history = await q.query(
    `SELECT id, from_tier_id, to_tier_id, why, detail, actor, created_at FROM tier_changes WHERE tenant_id = $1 AND member_id = $2 ORDER BY id DESC LIMIT 100`,
    [tenantId, member.id],
  );
  const actors = await resolveNames(q, tenantId, [...history.rows.map((h: any) => h.actor), st?.floor_by]);
  const through = st?.floor_until ? DateTime.fromJSDate(new Date(st.floor_until.getTime() - 1), { zone: tenant.time_zone }).toISODate()! : null;
  return {
    member_id: member.id,
    member_name: member.name ?? null,
    tier,
    since: st?.since ?? null,
    policy: settings.policy,
    growth,
    counts: period ? ('period' as const) : ('balance' as const),
    period: period ? { start: period.start, end: period.end } : null,
    next: next ? { ...named(ladder, next.id)!, needed: Math.max(0, next.threshold - growth) } : null,
    grace: st?.grace_until ? { until: st.grace_until, to: named(ladder, st.grace_tier_id), why: st.grace_why! } : null,
    floor: st?.floor_until
      ? {
          tier: named(ladder, st.floor_tier_id)!,
          until: st.floor_until,
          through: through!,
          reason: st.floor_reason ?? '',
          by: st.floor_by,
          by_name: actors.get(st.floor_by ?? '') ?? null,
        }
      : null,
    history: history.rows.map((h: any) => ({
      id: Number(h.id),
      from: named(ladder, h.from_tier_id),
      to: named(ladder, h.to_tier_id),
      from_tier_id: h.from_tier_id,
      to_tier_id: h.to_tier_id,
      why: h.why,
      detail: h.detail ?? {},
      actor: h.actor,
      actor_name: actors.get(h.actor ?? '') ?? null,
      created_at: h.created_at,
    })),
  };
}
