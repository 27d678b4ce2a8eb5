import type { Invariant } from '../../platform/module.js';

/** What always holds of the rules' tables (checked after every test and by `kaquan verify`). */
export const automationInvariants: Invariant[] = [
  {
    name: 'automation.budget_counts_cards',
    says: 'a rule’s budget row counts exactly the cards its fired firings gave',
    violations: async (q, tenantId) =>
      (
        await q.query(
          `SELECT f.tenant_id, f.rule_id, f.cards, coalesce(c.cards, 0) AS counted
           FROM (SELECT tenant_id, rule_id, sum(cardinality(card_ids))::int AS cards FROM automation_firings
                 WHERE outcome = 'fired' AND ($1::text IS NULL OR tenant_id = $1) GROUP BY 1, 2) f
           LEFT JOIN automation_counts c ON c.tenant_id = f.tenant_id AND c.rule_id = f.rule_id AND c.member_id = '' AND c.period = 'ever'
           WHERE f.cards <> coalesce(c.cards, 0)`,
          [tenantId ?? null],
        )
      ).rows,
  },
  {
    name: 'automation.firings_settled',
    says: 'every firing committed is fired or skipped with its reason (never left running)',
    violations: async (q, tenantId) =>
      (
        await q.query(
          `SELECT tenant_id, id, rule_id, event_id FROM automation_firings WHERE (reason = 'running' OR (outcome = 'skipped' AND reason IS NULL))
             AND ($1::text IS NULL OR tenant_id = $1)`,
          [tenantId ?? null],
        )
      ).rows,
  },
];
