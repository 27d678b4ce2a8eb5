import type { Sql } from '../../db/index.js';
import { inSegment } from '../segments/service.js';

/**
 * What campaigns ask of the segments module (docs/growth.md, the seams): whether a member is in a
 * campaign's audience now (`inSegment`, evaluated in SQL for one member) and segments' names (to check
 * an audience names a segment that exists, and to show it). Kept in one file so the campaign code
 * reads the same whichever module answers.
 */
export { segmentNames } from '../segments/service.js';

/** Is the member in the audience (a segment) now. */
export const inAudience = (q: Sql, tenantId: string, segmentId: string, memberId: string): Promise<boolean> => inSegment(q, tenantId, segmentId, memberId);
