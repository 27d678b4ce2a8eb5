import type { Sql } from '../../db/index.js';
import type { Invariant } from '../../platform/module.js';

/**
 * Stock and per-member counts are counters beside the exchanges: each is taken by one conditional
 * statement in the exchange's transaction and given back in the refund's, so they always equal the
 * exchanges that stand (not refunded). An exchange that charged points names its spend.
 */
export const mallInvariants: Invariant[] = [
  {
    name: 'mall_stock_sold',
    says: "an item's sold count equals its exchanges not refunded",
    violations: async (q: Sql, tenantId?: string) =>
      (
        await q.query(
          `SELECT i.tenant_id, i.id AS item_id, i.sold, count(e.id) AS standing
           FROM mall_items i LEFT JOIN mall_exchanges e ON e.tenant_id = i.tenant_id AND e.item_id = i.id AND e.state = 'done'
           WHERE ($1::text IS NULL OR i.tenant_id = $1) GROUP BY i.tenant_id, i.id, i.sold HAVING i.sold <> count(e.id)`,
          [tenantId ?? null],
        )
      ).rows,
  },
  {
    name: 'mall_member_counts',
    says: "a member's count of an item equals their exchanges of it not refunded",
    violations: async (q: Sql, tenantId?: string) =>
      (
        await q.query(
          `WITH standing AS (SELECT tenant_id, item_id, member_id, count(*) AS n FROM mall_exchanges
             WHERE state = 'done' AND ($1::text IS NULL OR tenant_id = $1) GROUP BY tenant_id, item_id, member_id),
           counted AS (SELECT * FROM mall_member_counts WHERE $1::text IS NULL OR tenant_id = $1)
           SELECT coalesce(c.tenant_id, s.tenant_id) AS tenant_id, coalesce(c.item_id, s.item_id) AS item_id,
             coalesce(c.member_id, s.member_id) AS member_id, coalesce(c.exchanged, 0) AS counted, coalesce(s.n, 0) AS standing
           FROM counted c FULL JOIN standing s ON s.tenant_id = c.tenant_id AND s.item_id = c.item_id AND s.member_id = c.member_id
           WHERE coalesce(c.exchanged, 0) <> coalesce(s.n, 0)`,
          [tenantId ?? null],
        )
      ).rows,
  },
  {
    name: 'mall_points_spent',
    says: 'an exchange that cost points names the spend that charged them',
    violations: async (q: Sql, tenantId?: string) =>
      (
        await q.query(`SELECT tenant_id, id FROM mall_exchanges WHERE points > 0 AND spend_id IS NULL AND ($1::text IS NULL OR tenant_id = $1)`, [
          tenantId ?? null,
        ])
      ).rows,
  },
];
