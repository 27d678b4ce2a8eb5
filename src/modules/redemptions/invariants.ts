import type { Invariant } from '../../platform/module.js';

export const redemptionInvariants: Invariant[] = [
  {
    name: 'reversal_gives_back',
    says: 'a reversed redemption gave back exactly what it took: its ledger entries sum to zero, and it has its reversal time',
    violations: async (q, tenantId) =>
      (
        await q.query(
          `SELECT r.tenant_id, r.id, r.reversed_at, sum(l.amount)::int8 AS amount, sum(l.uses)::int8 AS uses, sum(l.stamps)::int8 AS stamps
           FROM redemptions r LEFT JOIN ledger_entries l ON l.tenant_id = r.tenant_id AND l.redemption_id = r.id
           WHERE r.status = 'reversed' AND ($1::text IS NULL OR r.tenant_id = $1)
           GROUP BY r.tenant_id, r.id, r.reversed_at
           HAVING r.reversed_at IS NULL OR coalesce(sum(l.amount), 0) <> 0 OR coalesce(sum(l.uses), 0) <> 0 OR coalesce(sum(l.stamps), 0) <> 0`,
          [tenantId ?? null],
        )
      ).rows,
  },
];
