import type { Sql } from '../../db/index.js';
import type { Invariant } from '../../platform/module.js';

export const tierInvariants: Invariant[] = [
  {
    name: 'tier_is_last_change',
    says: "each member's current tier equals the tier of the last row of their tier history",
    violations: async (q: Sql, tenantId?: string) =>
      (
        await q.query(
          `SELECT mt.tenant_id, mt.member_id, mt.tier_id, last.to_tier_id AS history_says
           FROM member_tiers mt
           LEFT JOIN LATERAL (SELECT to_tier_id FROM tier_changes c WHERE c.tenant_id = mt.tenant_id AND c.member_id = mt.member_id ORDER BY id DESC LIMIT 1) last ON true
           WHERE ($1::text IS NULL OR mt.tenant_id = $1)
             AND (last.to_tier_id IS DISTINCT FROM mt.tier_id OR NOT EXISTS (SELECT 1 FROM tier_changes c WHERE c.tenant_id = mt.tenant_id AND c.member_id = mt.member_id))`,
          [tenantId ?? null],
        )
      ).rows,
  },
  {
    name: 'tier_floor_has_end',
    says: 'a manual tier floor always has an end date (never a silent permanent floor)',
    violations: async (q: Sql, tenantId?: string) =>
      (
        await q.query(
          `SELECT tenant_id, member_id FROM member_tiers WHERE floor_tier_id IS NOT NULL AND floor_until IS NULL AND ($1::text IS NULL OR tenant_id = $1)`,
          [tenantId ?? null],
        )
      ).rows,
  },
];
