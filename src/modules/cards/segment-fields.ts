import type { Sql } from '../../db/index.js';
import { segmentConditions } from '../segments/point.js';
import { getTemplate } from '../templates/service.js';

/**
 * Holding a card 持有卡券 as a segment condition (docs/growth.md "Segments and tags"): an unused card of
 * a template — active (not used up, expired, voided or frozen) and within its validity now — read from
 * the member's cards (cards_member).
 */
async function check(q: Sql, tenantId: string, value: unknown): Promise<string | null> {
  try {
    await getTemplate(q, tenantId, String(value));
    return null;
  } catch {
    return 'no such template';
  }
}

export const cardField = segmentConditions.with({
  field: 'holds_card',
  label: ['持有未使用的券', 'Holds an unused card'],
  group: 'behaviour',
  ops: [
    { op: 'has', label: ['持有', 'holds'], value: 'template' },
    { op: 'not_has', label: ['未持有', 'does not hold'], value: 'template' },
  ],
  check,
  sql: (c, s) =>
    `${c.op === 'not_has' ? 'NOT ' : ''}EXISTS (SELECT 1 FROM cards c WHERE c.tenant_id = m.tenant_id AND c.member_id = m.id
       AND c.template_id = ${s.p(c.value)} AND c.state = 'active' AND (c.valid_until IS NULL OR c.valid_until > ${s.p(s.now)}::timestamptz)
       AND (c.valid_from IS NULL OR c.valid_from <= ${s.p(s.now)}::timestamptz))`,
});
