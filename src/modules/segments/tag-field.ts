import { segmentConditions } from './point.js';

/** The segments module's own condition: has / has not a tag 标签 (member_tags_tag answers it from the index). */
export const tagField = segmentConditions.with({
  field: 'tag',
  label: ['标签', 'Tag'],
  group: 'tag',
  ops: [
    { op: 'has', label: ['有', 'has'], value: 'tag' },
    { op: 'not_has', label: ['没有', 'has not'], value: 'tag' },
  ],
  sql: (c, s) =>
    `${c.op === 'not_has' ? 'NOT ' : ''}EXISTS (SELECT 1 FROM member_tags t WHERE t.tenant_id = m.tenant_id AND t.tag = ${s.p(String(c.value).trim())} AND t.member_id = m.id)`,
});
