// The seams tiers calls in other modules (docs/membership.md "The seams"), in one place.
import type { Sql } from '../../db/index.js';
import { assetTotal } from '../points/service.js';

export { growthEarnedBetween } from '../points/service.js';
export { growthChanged, type GrowthChange } from '../points/extensions.js';
export { grantPack, packNames } from '../packs/service.js';

/** A member's growth balance now (what the never and refund policies count). */
export const growthOf = async (q: Sql, tenantId: string, memberId: string) => assetTotal(q, tenantId, memberId, 'growth');
