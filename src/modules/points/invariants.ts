import type { Sql } from '../../db/index.js';
import type { Invariant } from '../../platform/module.js';
import { accountsOf } from '../ledger/service.js';

/**
 * The lots are the truth of a balance and the ledger moves with them: a member's `main` account of an
 * asset equals the sum of their earn lots' remaining (active, pending and expired-not-yet-swept), their
 * `debt` account equals their debt lot, and each spend's draws add up to its amount.
 */
async function lotsVsAccounts(q: Sql, tenantId?: string) {
  const sums = (
    await q.query<{ tenant_id: string; member_id: string; asset: 'points' | 'growth'; kind: string; s: string }>(
      `SELECT tenant_id, member_id, asset, kind, sum(remaining)::int8 AS s FROM point_lots WHERE $1::text IS NULL OR tenant_id = $1 GROUP BY 1, 2, 3, 4`,
      [tenantId ?? null],
    )
  ).rows;
  const tenants = new Set(sums.map((s) => s.tenant_id));
  const out: unknown[] = [];
  for (const t of tenants) {
    for (const asset of ['points', 'growth'] as const) {
      const accts = await accountsOf(q, t, { ownerType: 'member', asset });
      const seen = new Set<string>();
      for (const a of accts) {
        const kind = a.name === 'debt' ? 'debt' : 'earn';
        const lots = Number(sums.find((s) => s.tenant_id === t && s.member_id === a.owner_id && s.asset === asset && s.kind === kind)?.s ?? 0);
        seen.add(`${a.owner_id}/${kind}`);
        if ((a.balance ?? 0) !== lots) out.push({ tenant_id: t, member_id: a.owner_id, asset, account: a.name, balance: a.balance, lots });
      }
      for (const s of sums.filter((s) => s.tenant_id === t && s.asset === asset && Number(s.s) !== 0))
        if (!seen.has(`${s.member_id}/${s.kind}`)) out.push({ tenant_id: t, member_id: s.member_id, asset, account: null, lots: Number(s.s) });
    }
  }
  return out;
}

export const pointInvariants: Invariant[] = [
  {
    name: 'point_lots_accounts',
    says: "a member's points and growth accounts equal their lots: main = the earn lots' remaining, debt = the debt lot",
    violations: lotsVsAccounts,
  },
  {
    name: 'point_spend_draws',
    says: "each points spend's draws add up to its amount",
    violations: async (q, tenantId) =>
      (
        await q.query(
          `SELECT s.tenant_id, s.id, s.amount, coalesce(sum(d.amount), 0)::int8 AS drawn FROM point_spends s
           LEFT JOIN point_draws d ON d.tenant_id = s.tenant_id AND d.spend_id = s.id
           WHERE $1::text IS NULL OR s.tenant_id = $1 GROUP BY 1, 2, 3 HAVING s.amount <> coalesce(sum(d.amount), 0)`,
          [tenantId ?? null],
        )
      ).rows,
  },
];
