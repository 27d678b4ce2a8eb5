import type { Sql } from '../../db/index.js';
import { emit } from '../../platform/events.js';
import { baseTier, DEFAULT_SETTINGS, higher, rankOf, type Settings, type Tier } from './policy.js';

/**
 * A member's tier state (member_tiers) and the one way it changes (`settle`): the held tier is the
 * higher of the tier earned and the operator's floor while it lasts; when the held tier moves, a
 * history row (tier_changes) and a `tier.changed` event are written in the same transaction.
 */
export interface TierState {
  tenant_id: string;
  member_id: string;
  tier_id: string | null;
  earned_tier_id: string | null;
  since: Date;
  qualifying_order_id: string | null;
  grace_until: Date | null;
  grace_tier_id: string | null;
  grace_why: 'period' | 'refund' | null;
  floor_tier_id: string | null;
  floor_until: Date | null;
  floor_reason: string | null;
  floor_by: string | null;
  period_end: Date | null;
}
const COLS =
  'tenant_id, member_id, tier_id, earned_tier_id, since, qualifying_order_id, grace_until, grace_tier_id, grace_why, floor_tier_id, floor_until, floor_reason, floor_by, period_end';

export async function loadLadder(q: Sql, tenantId: string): Promise<Tier[]> {
  const r = await q.query<Tier>('SELECT id, name, rank, threshold FROM tiers WHERE tenant_id = $1 ORDER BY rank', [tenantId]);
  return r.rows.map((t) => ({ ...t, threshold: Number(t.threshold) }));
}

export async function settingsOf(q: Sql, tenantId: string): Promise<Settings> {
  const r = await q.query<Settings>('SELECT policy, period_months, grace_days FROM tier_settings WHERE tenant_id = $1', [tenantId]);
  return r.rows[0] ?? DEFAULT_SETTINGS;
}

export async function readState(q: Sql, tenantId: string, memberId: string): Promise<TierState | null> {
  const r = await q.query<TierState>(`SELECT ${COLS} FROM member_tiers WHERE tenant_id = $1 AND member_id = $2`, [tenantId, memberId]);
  return r.rows[0] ?? null;
}

/**
 * The member's state, locked for this transaction. A member seen for the first time gets a row in
 * the base tier (threshold 0) and a first history row (`joined`), so every row's history ends in its tier.
 */
export async function lockState(q: Sql, tenantId: string, memberId: string, ladder: Tier[], at: Date): Promise<TierState> {
  const base = baseTier(ladder)?.id ?? null;
  const ins = await q.query(
    `INSERT INTO member_tiers (tenant_id, member_id, tier_id, earned_tier_id, since, updated_at) VALUES ($1, $2, $3, $3, $4, $4)
     ON CONFLICT DO NOTHING RETURNING member_id`,
    [tenantId, memberId, base, at],
  );
  if (ins.rowCount) await history(q, tenantId, memberId, null, base, 'joined', {}, null, at);
  const r = await q.query<TierState>(`SELECT ${COLS} FROM member_tiers WHERE tenant_id = $1 AND member_id = $2 FOR UPDATE`, [tenantId, memberId]);
  return r.rows[0]!;
}

async function history(
  q: Sql,
  tenantId: string,
  memberId: string,
  from: string | null,
  to: string | null,
  why: string,
  detail: object,
  actor: string | null,
  at: Date,
) {
  await q.query(
    `INSERT INTO tier_changes (tenant_id, member_id, from_tier_id, to_tier_id, why, detail, actor, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [tenantId, memberId, from, to, why, JSON.stringify(detail), actor, at],
  );
}

export type Why = 'growth' | 'period' | 'refund' | 'manual' | 'floor_ended';

/**
 * Writes the state's new values (a locked row from lockState) and, when the held tier moves, its
 * history row and `tier.changed` event. The held tier is computed here, never passed in.
 */
export async function settle(
  q: Sql,
  ladder: Tier[],
  st: TierState,
  next: Partial<Omit<TierState, 'tenant_id' | 'member_id' | 'tier_id' | 'since'>>,
  why: Why,
  detail: Record<string, unknown>,
  actor: string | null,
  at: Date,
): Promise<{ from: string | null; to: string | null; changed: boolean }> {
  const s = { ...st, ...next };
  const floorActive = s.floor_tier_id && s.floor_until && s.floor_until > at ? s.floor_tier_id : null;
  const held = higher(ladder, s.earned_tier_id, floorActive);
  const changed = held !== st.tier_id;
  await q.query(
    `UPDATE member_tiers SET tier_id = $3, earned_tier_id = $4, since = $5, qualifying_order_id = $6, grace_until = $7, grace_tier_id = $8,
       grace_why = $9, floor_tier_id = $10, floor_until = $11, floor_reason = $12, floor_by = $13, period_end = $14, updated_at = $15
     WHERE tenant_id = $1 AND member_id = $2`,
    [
      st.tenant_id,
      st.member_id,
      held,
      s.earned_tier_id,
      changed ? at : st.since,
      s.qualifying_order_id,
      s.grace_until,
      s.grace_tier_id,
      s.grace_why,
      s.floor_tier_id,
      s.floor_until,
      s.floor_reason,
      s.floor_by,
      s.period_end,
      at,
    ],
  );
  if (changed) {
    const name = (id: string | null) => ladder.find((t) => t.id === id)?.name ?? null;
    const direction = rankOf(ladder, held) > rankOf(ladder, st.tier_id) ? 'up' : 'down';
    await history(q, st.tenant_id, st.member_id, st.tier_id, held, why, { ...detail, direction }, actor, at);
    await emit(q, [
      {
        tenantId: st.tenant_id,
        type: 'tier.changed',
        at,
        memberId: st.member_id,
        data: { from: st.tier_id, to: held, from_name: name(st.tier_id), to_name: name(held), why, direction, ...detail },
      },
    ]);
  }
  return { from: st.tier_id, to: held, changed };
}
