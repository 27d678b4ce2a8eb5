import type { Sql } from '../../db/index.js';
import type { Invariant } from '../../platform/module.js';

/**
 * What the ledger's tables always keep (checked after every test's server closes, on both engines,
 * and by `kaquan verify`). Balances here are sums over the transfers: the ledger's own answer,
 * compared with what the card rows and bounded accounts keep.
 */

/** Each transfer as its two legs: the account, the asset and the signed amount it gained. */
const LEGS = `SELECT tenant_id, debit_account AS account, asset, -amount AS delta FROM ledger_transfers WHERE $1::text IS NULL OR tenant_id = $1
  UNION ALL SELECT tenant_id, credit_account, asset, amount FROM ledger_transfers WHERE $1::text IS NULL OR tenant_id = $1`;

/** Cards whose cached holdings differ from their accounts' balances (the sums of their transfers): always empty. */
export async function ledgerMismatches(
  q: Sql,
  tenantId?: string,
): Promise<{ id: string; balance: number; sum_amount: number; uses_left: number; sum_uses: number; stamps: number; sum_stamps: number }[]> {
  return (
    await q.query(
      `SELECT c.id, c.balance, coalesce(l.a, 0) AS sum_amount, c.uses_left, coalesce(l.u, 0) AS sum_uses, c.stamps, coalesce(l.s, 0) AS sum_stamps
       FROM cards c LEFT JOIN (
         SELECT tenant_id, account AS card_id, sum(delta) FILTER (WHERE asset = 'fen')::int8 a, sum(delta) FILTER (WHERE asset = 'uses')::int8 u,
           sum(delta) FILTER (WHERE asset = 'stamps')::int8 s
         FROM (${LEGS}) g WHERE starts_with(account, 'card_') GROUP BY 1, 2) l
         ON l.tenant_id = c.tenant_id AND l.card_id = c.id
       WHERE ($1::text IS NULL OR c.tenant_id = $1)
         AND (c.balance <> coalesce(l.a, 0) OR c.uses_left <> coalesce(l.u, 0) OR c.stamps <> coalesce(l.s, 0))`,
      [tenantId ?? null],
    )
  ).rows;
}

const rows = async (q: Sql, sql: string, tenantId?: string) => (await q.query(sql, [tenantId ?? null])).rows;

export const ledgerInvariants: Invariant[] = [
  {
    name: 'card_holdings',
    says: "every card's balance, uses and stamps equal its accounts' balances: the credits minus the debits of its transfers",
    violations: (q, tenantId) => ledgerMismatches(q, tenantId),
  },
  {
    name: 'account_balances',
    says: "a bounded account's kept balance equals its credits minus its debits",
    violations: (q, tenantId) =>
      rows(
        q,
        `SELECT a.tenant_id, a.id, a.balance, coalesce(s.b, 0) AS sum
         FROM ledger_accounts a LEFT JOIN (SELECT tenant_id, account, sum(delta)::int8 AS b FROM (${LEGS}) g GROUP BY 1, 2) s
           ON s.tenant_id = a.tenant_id AND s.account = a.id
         WHERE ($1::text IS NULL OR a.tenant_id = $1) AND a.balance IS NOT NULL AND a.balance <> coalesce(s.b, 0)`,
        tenantId,
      ),
  },
  {
    name: 'within_bounds',
    says: 'no account is outside its bounds: a card account never below 0, an explicit one between its lower and upper bound',
    violations: (q, tenantId) =>
      rows(
        q,
        `SELECT s.tenant_id, s.account, s.asset, s.b AS balance, a.lower_bound, a.upper_bound
         FROM (SELECT tenant_id, account, asset, sum(delta)::int8 AS b FROM (${LEGS}) g GROUP BY 1, 2, 3) s
         LEFT JOIN ledger_accounts a ON a.tenant_id = s.tenant_id AND a.id = s.account
         WHERE (starts_with(s.account, 'card_') AND s.b < 0) OR s.b < a.lower_bound OR s.b > a.upper_bound`,
        tenantId,
      ),
  },
  {
    name: 'accounts_exist',
    says: 'every account a transfer names exists: a card, or an explicit account of the transfer’s asset',
    violations: (q, tenantId) =>
      rows(
        q,
        `SELECT DISTINCT g.tenant_id, g.account, g.asset FROM (${LEGS}) g
         WHERE CASE WHEN starts_with(g.account, 'card_')
           THEN NOT EXISTS (SELECT 1 FROM cards c WHERE c.tenant_id = g.tenant_id AND c.id = g.account)
           ELSE NOT EXISTS (SELECT 1 FROM ledger_accounts a WHERE a.tenant_id = g.tenant_id AND a.id = g.account AND a.asset = g.asset) END`,
        tenantId,
      ),
  },
  {
    name: 'reversal_mirrors',
    says: 'a reversal moves the reversed transfer’s asset and amount between the same two accounts, swapped',
    violations: (q, tenantId) =>
      rows(
        q,
        `SELECT r.tenant_id, r.id, r.reverses, r.asset, r.amount, o.asset AS orig_asset, o.amount AS orig_amount
         FROM ledger_transfers r LEFT JOIN ledger_transfers o ON o.tenant_id = r.tenant_id AND o.id = r.reverses
         WHERE ($1::text IS NULL OR r.tenant_id = $1) AND r.reverses IS NOT NULL
           AND (o.id IS NULL OR o.asset <> r.asset OR o.amount <> r.amount OR o.debit_account <> r.credit_account OR o.credit_account <> r.debit_account)`,
        tenantId,
      ),
  },
];
