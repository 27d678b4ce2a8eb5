import type { Invariant } from '../../platform/module.js';

/** What the wholesale tables always keep (checked when every test server closes, and by `kaquan verify`). */
export const wholesaleInvariants: Invariant[] = [
  {
    name: 'wholesale.progress',
    says: 'an order’s and each line’s fulfilled count equal their issued units; a fulfilled order has every unit issued',
    violations: async (q, tenantId) =>
      (
        await q.query(
          `SELECT o.tenant_id, o.id, o.state, o.units, o.fulfilled_units, x.issued, x.lines_bad FROM wholesale_orders o
           CROSS JOIN LATERAL (
             SELECT (SELECT count(*) FROM wholesale_units u WHERE u.tenant_id = o.tenant_id AND u.order_id = o.id AND u.state = 'issued')::int AS issued,
               (SELECT count(*) FROM wholesale_lines l WHERE l.tenant_id = o.tenant_id AND l.order_id = o.id
                  AND l.fulfilled <> (SELECT count(*) FROM wholesale_units u WHERE u.tenant_id = l.tenant_id AND u.line_id = l.id AND u.state = 'issued'))::int AS lines_bad) x
           WHERE ($1::text IS NULL OR o.tenant_id = $1)
             AND (o.fulfilled_units <> x.issued OR x.lines_bad > 0 OR (o.state IN ('fulfilled', 'delivered') AND o.fulfilled_units <> o.units))`,
          [tenantId ?? null],
        )
      ).rows,
  },
  {
    name: 'wholesale.prepaid',
    says: 'an order paid from the prepaid balance names its transfer; a refunded one names the reversal',
    violations: async (q, tenantId) =>
      (
        await q.query(
          `SELECT tenant_id, id, state FROM wholesale_orders WHERE ($1::text IS NULL OR tenant_id = $1) AND payment_method = 'prepaid'
             AND (payment_transfer_id IS NULL OR (state = 'refunded') <> (refund_transfer_id IS NOT NULL))`,
          [tenantId ?? null],
        )
      ).rows,
  },
];
