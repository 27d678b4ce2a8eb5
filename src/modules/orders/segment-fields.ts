import { compare, countCondition, numberOps, segmentConditions, type SqlScope } from '../segments/point.js';

/**
 * Orders 订单 as segment conditions (docs/growth.md "Segments and tags"): spent (paid less refunded,
 * fen) and orders placed in the last N days, and when the last order was — each a subquery on the
 * member's orders (member_orders_member).
 */
const recent = (s: SqlScope, days: number) => `FROM member_orders o WHERE o.tenant_id = m.tenant_id AND o.member_id = m.id AND o.placed_at >= ${s.since(days)}`;

export const orderFields = [
  segmentConditions.with({
    field: 'spent',
    label: ['消费金额', 'Spent'],
    group: 'behaviour',
    days: true,
    ops: numberOps('fen'),
    sql: (c, s) =>
      (c.value as number) === 0 && c.op === 'gte'
        ? 'true'
        : compare(`(SELECT coalesce(sum(o.amount - o.refunded), 0) ${recent(s, c.days!)})`, c.op, `${s.p(c.value)}::int8`),
  }),
  segmentConditions.with({
    field: 'orders',
    label: ['订单数', 'Orders'],
    group: 'behaviour',
    days: true,
    ops: numberOps('integer', true),
    sql: (c, s) => countCondition(recent(s, c.days!), c.op, c.value as number, s.p),
  }),
  segmentConditions.with({
    field: 'last_order',
    label: ['最近下单', 'Last order'],
    group: 'behaviour',
    ops: [
      { op: 'within', label: ['N 天内下过单', 'within N days'], value: 'days' },
      { op: 'not_within', label: ['N 天内没下单', 'none in N days'], value: 'days' },
    ],
    sql: (c, s) => `${c.op === 'not_within' ? 'NOT ' : ''}EXISTS (SELECT 1 ${recent(s, c.value as number)})`,
  }),
];
