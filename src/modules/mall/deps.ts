import type { Sql } from '../../db/index.js';
import { listTiers, tierOf } from '../tiers/service.js';

/**
 * What the mall asks of the membership modules, by the seams of docs/membership.md: points
 * (`spendPoints`, `returnSpend`, `pointBalances`), packs (`grantPack`, `packNames`), tiers (`tierOf`,
 * and the ladder's names). Kept in one file so the mall's own code reads the same whichever module answers.
 */
export { spendPoints, returnSpend, pointBalances } from '../points/service.js';
export { grantPack, packNames } from '../packs/service.js';

/** The member's tier, for an item limited to some tiers: null for a member of no tier. */
export async function memberTier(q: Sql, tenantId: string, memberId: string): Promise<{ id: string; name: string } | null> {
  return tierOf(q, tenantId, memberId);
}

/** The tenant's tiers by id (their names), to check an item's tier list and to name it. */
export async function tierNames(q: Sql, tenantId: string): Promise<Map<string, string>> {
  return new Map((await listTiers(q, tenantId)).map((t) => [t.id, t.name]));
}

/** Does an item's tier list let this member buy: an empty list lets every member. */
export function tierAllows(tierIds: readonly string[], tier: { id: string } | null): boolean {
  return tierIds.length === 0 || (!!tier && tierIds.includes(tier.id));
}
