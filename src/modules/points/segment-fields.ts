import { compare, numberOps, segmentConditions, type SqlScope } from '../segments/point.js';

/**
 * Points 积分 and growth 成长值 as segment conditions (docs/growth.md "Segments and tags"): the balance
 * as `pointBalances` counts it — active lots less any debt, pending points not counted, expired lots
 * not counted — read from point_lots_member.
 */
const total = (asset: 'points' | 'growth', s: SqlScope) =>
  `(SELECT coalesce(sum(l.remaining), 0) FROM point_lots l WHERE l.tenant_id = m.tenant_id AND l.member_id = m.id AND l.asset = '${asset}'
     AND l.remaining <> 0 AND (l.expires_at IS NULL OR l.expires_at > ${s.p(s.now)}::timestamptz)${asset === 'points' ? ` AND l.active_from <= ${s.p(s.now)}::timestamptz` : ''})`;

export const pointFields = [
  segmentConditions.with({
    field: 'points_balance',
    label: ['积分余额', 'Points balance'],
    group: 'points',
    ops: numberOps('integer'),
    sql: (c, s) => compare(total('points', s), c.op, `${s.p(c.value)}::int8`),
  }),
  segmentConditions.with({
    field: 'growth',
    label: ['成长值', 'Growth'],
    group: 'points',
    ops: numberOps('integer'),
    sql: (c, s) => compare(total('growth', s), c.op, `${s.p(c.value)}::int8`),
  }),
];
