import type { Sql } from '../../db/index.js';
import { segmentConditions } from '../segments/point.js';

/** The tier a member holds now, as a segment condition 会员等级 (docs/growth.md "Segments and tags"); member_tiers' key answers it. */
const held = (extra: string) => `EXISTS (SELECT 1 FROM member_tiers mt WHERE mt.tenant_id = m.tenant_id AND mt.member_id = m.id AND ${extra})`;

async function check(q: Sql, tenantId: string, value: unknown): Promise<string | null> {
  const r = await q.query('SELECT 1 FROM tiers WHERE tenant_id = $1 AND id = $2', [tenantId, value]);
  return r.rows.length ? null : 'no such tier';
}

export const tierField = segmentConditions.with({
  field: 'tier',
  label: ['会员等级', 'Tier'],
  group: 'tier',
  ops: [
    { op: 'eq', label: ['是', 'is'], value: 'tier' },
    { op: 'ne', label: ['不是', 'is not'], value: 'tier' },
    { op: 'in', label: ['是其中之一', 'is one of'], value: 'tier', list: true },
    { op: 'none', label: ['无等级', 'no tier'], value: 'none' },
  ],
  check,
  sql: (c, s) => {
    if (c.op === 'in') return held(`mt.tier_id = ANY(${s.p(c.value)}::text[])`);
    if (c.op === 'none') return `NOT ${held('mt.tier_id IS NOT NULL')}`;
    return `${c.op === 'ne' ? 'NOT ' : ''}${held(`mt.tier_id = ${s.p(c.value)}`)}`;
  },
});
