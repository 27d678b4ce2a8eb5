import type { Invariant } from '../../platform/module.js';

export const redemptionInvariants: Invariant[] = [
  {
    name: 'reversal_gives_back',
    says: 'a reversed redemption gave back exactly what it took: each of its transfers has one reversal of the same amount, and it has its reversal time; a redemption that stands has none',
    violations: async (q, tenantId) =>
      (
        await q.query(
          `SELECT r.tenant_id, r.id, r.status, r.reversed_at, o.id AS transfer, o.amount, x.id AS reversal, x.amount AS back
           FROM redemptions r
           JOIN ledger_transfers o ON o.tenant_id = r.tenant_id AND o.reference = r.id AND o.reverses IS NULL
           LEFT JOIN ledger_transfers x ON x.tenant_id = o.tenant_id AND x.reverses = o.id
           WHERE ($1::text IS NULL OR r.tenant_id = $1)
             AND CASE WHEN r.status = 'reversed' THEN x.id IS NULL OR x.amount <> o.amount ELSE x.id IS NOT NULL END
           UNION ALL
           SELECT tenant_id, id, status, reversed_at, NULL, NULL, NULL, NULL FROM redemptions
           WHERE ($1::text IS NULL OR tenant_id = $1) AND status = 'reversed' AND reversed_at IS NULL`,
          [tenantId ?? null],
        )
      ).rows,
  },
];
