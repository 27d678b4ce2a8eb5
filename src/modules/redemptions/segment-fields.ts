import { countCondition, numberOps, segmentConditions } from '../segments/point.js';

/**
 * Redemptions 核销 as a segment condition (docs/growth.md "Segments and tags"): how many cards the
 * member redeemed in the last N days, reversed ones not counted — "redeemed nothing in 90 days" is
 * `{ field: 'redemptions', op: 'eq', value: 0, days: 90 }`, a NOT EXISTS on redemptions_member.
 */
export const redemptionField = segmentConditions.with({
  field: 'redemptions',
  label: ['核销次数', 'Redemptions'],
  group: 'behaviour',
  days: true,
  ops: numberOps('integer', true),
  sql: (c, s) =>
    countCondition(
      `FROM redemptions r WHERE r.tenant_id = m.tenant_id AND r.member_id = m.id AND r.created_at >= ${s.since(c.days!)} AND r.status = 'done'`,
      c.op,
      c.value as number,
      s.p,
    ),
});
