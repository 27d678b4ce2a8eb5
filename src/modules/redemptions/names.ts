import type { Sql } from '../../db/index.js';
import { nameResolvers } from '../../platform/names.js';
import { cardNames } from '../cards/names.js';

/** A redemption is known by the card it redeemed. */
async function redemptionNames(q: Sql, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  const r = await q.query<{ id: string; card_id: string }>('SELECT id, card_id FROM redemptions WHERE tenant_id = $1 AND id = ANY($2::text[])', [
    tenantId,
    ids,
  ]);
  const cards = await cardNames(q, tenantId, [...new Set(r.rows.map((x) => x.card_id))]);
  const out = new Map<string, string>();
  for (const x of r.rows) {
    const n = cards.get(x.card_id);
    if (n) out.set(x.id, n);
  }
  return out;
}

export const redemptionNameResolver = nameResolvers.with({ prefixes: ['red_'], names: redemptionNames });
