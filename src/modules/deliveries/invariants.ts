import type { Invariant } from '../../platform/module.js';

/** What a delivery's rows must keep. */
export const deliveryInvariants: Invariant[] = [
  {
    name: 'revoked_delivery_frees_cards',
    says: 'a revoked delivery holds no card (its cards may be delivered again); a live one holds exactly its count of cards',
    violations: async (q, tenantId) =>
      (
        await q.query(
          `SELECT d.tenant_id, d.id, d.cards, d.revoked_at, count(c.card_id) FILTER (WHERE c.live)::int AS live
           FROM deliveries d LEFT JOIN delivery_cards c ON c.tenant_id = d.tenant_id AND c.delivery_id = d.id
           WHERE ($1::text IS NULL OR d.tenant_id = $1)
           GROUP BY d.tenant_id, d.id, d.cards, d.revoked_at
           HAVING count(c.card_id) FILTER (WHERE c.live) <> CASE WHEN d.revoked_at IS NULL THEN d.cards ELSE 0 END`,
          [tenantId ?? null],
        )
      ).rows,
  },
  {
    name: 'downloads_attempted',
    says: 'every download through a link has its attempt row (served), and none more',
    violations: async (q, tenantId) =>
      (
        await q.query(
          `SELECT d.tenant_id, d.id, d.downloads, count(a.id)::int AS served
           FROM deliveries d LEFT JOIN delivery_attempts a ON a.tenant_id = d.tenant_id AND a.delivery_id = d.id AND a.outcome = 'served'
           WHERE ($1::text IS NULL OR d.tenant_id = $1)
           GROUP BY d.tenant_id, d.id, d.downloads HAVING d.downloads <> count(a.id)`,
          [tenantId ?? null],
        )
      ).rows,
  },
];
