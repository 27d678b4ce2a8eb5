import type { Sql } from '../../db/index.js';

/**
 * Wholesale orders by name, for lists that refer to them (a delivery's reference): the buyer's name
 * and the order's units, e.g. 「华东礼品批发 · 200 张」.
 */
export async function orderNames(q: Sql, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const r = await q.query<{ id: string; buyer: string; units: number }>(
    `SELECT o.id, b.name AS buyer, o.units FROM wholesale_orders o JOIN wholesale_buyers b ON b.tenant_id = o.tenant_id AND b.id = o.buyer_id
     WHERE o.tenant_id = $1 AND o.id = ANY($2::text[])`,
    [tenantId, [...new Set(ids)]],
  );
  return new Map(r.rows.map((o) => [o.id, `${o.buyer} · ${Number(o.units)} 张`]));
}
