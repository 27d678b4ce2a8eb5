import type { Sql } from '../../db/index.js';
import type { Invariant } from '../../platform/module.js';
import { cardNames } from '../cards/names.js';

/** What always holds of packs: stock is exactly what was drawn, and every grant's cards exist. */
const takenIsDrawn = (q: Sql, tenantId?: string) =>
  q
    .query(
      `SELECT z.tenant_id, z.id AS prize_id, z.taken, z.stock, count(d.id)::int AS draws
       FROM pack_prizes z LEFT JOIN pack_draws d ON d.tenant_id = z.tenant_id AND d.prize_id = z.id
       WHERE ($1::text IS NULL OR z.tenant_id = $1)
       GROUP BY z.tenant_id, z.id, z.taken, z.stock HAVING z.taken <> count(d.id) OR (z.stock IS NOT NULL AND z.taken > z.stock)`,
      [tenantId ?? null],
    )
    .then((r) => r.rows);

/** A grant gives exactly its pack's items (fixed) or its prize's items (random), and each card it names exists. */
async function grantCards(q: Sql, tenantId?: string) {
  const r = await q.query<{ tenant_id: string; id: string; cards: { id: string }[]; expected: number; drawn: number; kind: string }>(
    `SELECT g.tenant_id, g.id, g.cards, p.kind,
       (SELECT coalesce(sum(i.quantity), 0)::int FROM pack_items i WHERE i.tenant_id = g.tenant_id AND i.pack_id = g.pack_id
          AND i.prize_id IS NOT DISTINCT FROM g.prize_id) AS expected,
       (SELECT count(*)::int FROM pack_draws d WHERE d.tenant_id = g.tenant_id AND d.grant_id = g.id) AS drawn
     FROM pack_grants g JOIN packs p ON p.tenant_id = g.tenant_id AND p.id = g.pack_id
     WHERE ($1::text IS NULL OR g.tenant_id = $1)`,
    [tenantId ?? null],
  );
  const out: unknown[] = [];
  for (const t of new Set(r.rows.map((g) => g.tenant_id))) {
    const rows = r.rows.filter((g) => g.tenant_id === t);
    const known = await cardNames(
      q,
      t,
      rows.flatMap((g) => g.cards.map((c) => c.id)),
    );
    for (const g of rows) {
      const missing = g.cards.filter((c) => !known.has(c.id)).map((c) => c.id);
      const draws = g.kind === 'random' ? 1 : 0;
      if (missing.length || g.cards.length !== g.expected || g.drawn !== draws)
        out.push({ tenant_id: t, grant_id: g.id, missing_cards: missing, cards: g.cards.length, expected: g.expected, draws: g.drawn });
    }
  }
  return out;
}

export const packInvariants: Invariant[] = [
  { name: 'pack_prize_taken_is_drawn', says: "a prize's stock taken equals the draws of that prize, and never passes its stock", violations: takenIsDrawn },
  {
    name: 'pack_grant_cards_exist',
    says: "a grant's cards exist and are exactly its pack's (or its prize's) items; a random pack's grant has exactly one draw",
    violations: grantCards,
  },
];
