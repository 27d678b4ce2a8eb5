import type { Sql } from '../../db/index.js';
import type { Caller } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { newId } from '../../ids.js';
import { getMember } from '../members/service.js';
import { getTenant } from '../tenants/service.js';
import { baseTier, floorEnd, ladderProblems, rankOf, type Settings, type Tier } from './policy.js';
import { loadLadder, lockState, readState, settingsOf, settle } from './state.js';

export type { Tier, Settings };

export const tierInvalid = (errors: { field: string; reason: string }[]) =>
  new AppError(422, 'TIER_INVALID', errors.map((e) => `${e.field}: ${e.reason}`).join('; '), { errors });
const tierNotFound = (field: string) => new AppError(404, 'TIER_NOT_FOUND', `${field}: no such tier`, { errors: [{ field, reason: 'not found' }] });

/** The tier a member holds now (the mall's tier restrictions read this); null when the tenant has no tier they reach. */
export async function tierOf(q: Sql, tenantId: string, memberId: string): Promise<{ id: string; name: string; rank: number } | null> {
  const ladder = await loadLadder(q, tenantId);
  const st = await readState(q, tenantId, memberId);
  const t = st ? ladder.find((x) => x.id === st.tier_id) : baseTier(ladder);
  return t ? { id: t.id, name: t.name, rank: t.rank } : null;
}

export const listTiers = loadLadder;
export { settingsOf };

/**
 * Replaces the ladder 等级阶梯 with the list given, lowest first: ids keep their tier (a rename or a
 * new threshold), a tier without an id is new, a tier left out is removed — unless a member holds it,
 * earned it, has it as a floor or a pending downgrade, or a benefit names it (409 TIER_IN_USE).
 * Thresholds strictly increase (422 naming `tiers[i].threshold`). Members move at their next growth
 * change or period end, not at once.
 */
export async function setLadder(q: Sql, tenantId: string, input: { id?: string; name: string; threshold: number }[], at: Date): Promise<Tier[]> {
  const problems = ladderProblems(input);
  if (problems.length) throw tierInvalid(problems);
  await q.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`tiers:${tenantId}`]);
  const old = await loadLadder(q, tenantId);
  input.forEach((t, i) => {
    if (t.id && !old.some((o) => o.id === t.id)) throw tierNotFound(`tiers[${i}].id`);
  });
  const keep = new Set(input.map((t) => t.id).filter(Boolean));
  for (const gone of old.filter((o) => !keep.has(o.id))) {
    const used = await q.query(
      `SELECT 1 FROM member_tiers WHERE tenant_id = $1 AND $2 IN (tier_id, earned_tier_id, floor_tier_id, grace_tier_id)
       UNION ALL SELECT 1 FROM tier_benefits WHERE tenant_id = $1 AND tier_id = $2 AND active LIMIT 1`,
      [tenantId, gone.id],
    );
    if (used.rowCount) throw new AppError(409, 'TIER_IN_USE', `tier ${gone.id} is held by members or carries benefits`, { name: gone.name });
    await q.query('DELETE FROM tiers WHERE tenant_id = $1 AND id = $2', [tenantId, gone.id]);
  }
  for (const [rank, t] of input.entries()) {
    const name = t.name.trim();
    if (t.id)
      await q.query('UPDATE tiers SET name = $3, rank = $4, threshold = $5, updated_at = $6 WHERE tenant_id = $1 AND id = $2', [
        tenantId,
        t.id,
        name,
        rank,
        t.threshold,
        at,
      ]);
    else
      await q.query('INSERT INTO tiers (tenant_id, id, name, rank, threshold, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)', [
        tenantId,
        newId('tier'),
        name,
        rank,
        t.threshold,
        at,
      ]);
  }
  return loadLadder(q, tenantId);
}

export async function setSettings(q: Sql, tenantId: string, s: Settings, at: Date): Promise<Settings> {
  await q.query(
    `INSERT INTO tier_settings (tenant_id, policy, period_months, grace_days, updated_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (tenant_id) DO UPDATE SET policy = $2, period_months = $3, grace_days = $4, updated_at = $5`,
    [tenantId, s.policy, s.period_months, s.grace_days, at],
  );
  // a new period length: every member is judged next at the end of the period containing now
  if (s.policy === 'period') await q.query('UPDATE member_tiers SET period_end = NULL WHERE tenant_id = $1', [tenantId]);
  return settingsOf(q, tenantId);
}

/**
 * An operator sets a member's tier 手动调整等级: the member holds it at once, and it is a floor until
 * the end of `until` (a local date): they cannot fall below it before then; after it the normal rules
 * apply (the sweep removes the floor). Upgrades by growth still happen above it. A tier below what
 * they earned lowers what they earned too (an operator's demotion). The reason is kept and audited.
 */
export async function setMemberTier(
  q: Sql,
  caller: Caller,
  memberId: string,
  input: { tier_id: string; until: string; reason: string },
  actor: string,
  at: Date,
) {
  const tenantId = caller.tenantId;
  const member = await getMember(q, tenantId, memberId);
  const ladder = await loadLadder(q, tenantId);
  const tier = ladder.find((t) => t.id === input.tier_id);
  if (!tier) throw tierNotFound('tier_id');
  const until = floorEnd(input.until, (await getTenant(q, tenantId)).time_zone);
  if (!until) throw tierInvalid([{ field: 'until', reason: 'a date YYYY-MM-DD' }]);
  if (until <= at) throw tierInvalid([{ field: 'until', reason: 'must be today or later' }]);
  const reason = input.reason.trim();
  if (!reason) throw tierInvalid([{ field: 'reason', reason: 'required' }]);
  const st = await lockState(q, tenantId, member.id, ladder, at);
  const demote = rankOf(ladder, tier.id) < rankOf(ladder, st.earned_tier_id) ? { earned_tier_id: tier.id } : {};
  await settle(
    q,
    ladder,
    st,
    { ...demote, floor_tier_id: tier.id, floor_until: until, floor_reason: reason, floor_by: actor, grace_until: null, grace_tier_id: null, grace_why: null },
    'manual',
    { reason, until: until.toISOString() },
    actor,
    at,
  );
  return { id: member.id, tier_id: tier.id, floor_until: until, reason };
}
