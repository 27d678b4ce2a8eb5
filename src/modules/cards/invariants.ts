import type { Invariant } from '../../platform/module.js';

/** What the batches' counters say of their cards, checked against the cards themselves. */
export const cardInvariants: Invariant[] = [
  {
    name: 'pool_counted',
    says: 'a pregenerated or imported batch counts every code in its pool (generated = its cards)',
    violations: async (q, tenantId) =>
      (
        await q.query(
          `SELECT b.tenant_id, b.id, b.generated, count(c.id)::int8 AS cards
           FROM batches b LEFT JOIN cards c ON c.tenant_id = b.tenant_id AND c.batch_id = b.id
           WHERE b.mode IN ('pregenerated', 'imported') AND ($1::text IS NULL OR b.tenant_id = $1)
           GROUP BY b.tenant_id, b.id, b.generated HAVING b.generated <> count(c.id)`,
          [tenantId ?? null],
        )
      ).rows,
  },
  {
    name: 'issued_counted',
    says: 'a batch counts every card it has issued (issued = its cards out of the pool)',
    violations: async (q, tenantId) =>
      (
        await q.query(
          `SELECT b.tenant_id, b.id, b.issued, count(c.id)::int8 AS cards
           FROM batches b LEFT JOIN cards c ON c.tenant_id = b.tenant_id AND c.batch_id = b.id AND c.state <> 'unissued'
           WHERE ($1::text IS NULL OR b.tenant_id = $1)
           GROUP BY b.tenant_id, b.id, b.issued HAVING b.issued <> count(c.id)`,
          [tenantId ?? null],
        )
      ).rows,
  },
];
