import type { Sql } from '../../db/index.js';
import { invalid } from '../../errors.js';
import { inSegment, segmentNames } from '../segments/service.js';

/**
 * A group campaign's audience 受众 (docs/growth.md): the members of a segment, asked of the segments
 * module when a member starts or joins a group; or every member when the campaign names none.
 */
export async function checkSegment(q: Sql, tenantId: string, segmentId: string): Promise<void> {
  if (!(await segmentNames(q, tenantId, [segmentId])).has(segmentId)) throw invalid('audience/segment_id', 'no such segment');
}

export async function inAudience(q: Sql, tenantId: string, segmentId: string | null, memberId: string): Promise<boolean> {
  return !segmentId || inSegment(q, tenantId, segmentId, memberId);
}

export { segmentNames };
