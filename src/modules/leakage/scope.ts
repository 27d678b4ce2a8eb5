import type { Channel } from '../channels/service.js';
import type { Rules } from '../templates/schemas.js';

/**
 * A channel's scope 渠道范围 and what falls outside it (窜货), as pure functions.
 *
 * A store is inside a channel's scope when (the channel's `regions` are empty, or the store's province
 * or city is one of them) and (the channel's `store_tags` are empty, or the store has one of them).
 * Regions are compared as written (names or codes, trimmed): a channel listing 江苏省 covers a store
 * in 江苏省 whatever its city; a channel listing 苏州市 covers a store whose city is 苏州市.
 * A store or member whose region is unknown (no province and no city) is not judged on region: it
 * raises nothing (a brand that has not yet filled in its stores' regions gets no false alarms, and no
 * refusals). A member has no tags, so a binding is judged on region only.
 */
export type Reason = 'region' | 'store_tags' | 'member_region';
export type LeakageRule = 'allow' | 'flag' | 'refuse';

/** The template's choice; absent = 'flag' (brands expect to hear of leakage without losing a sale). */
export const ruleOf = (rules: Rules | null | undefined): LeakageRule => rules?.leakage ?? 'flag';

type Scope = Pick<Channel, 'regions' | 'store_tags'>;
interface Place {
  province?: string | null;
  city?: string | null;
}

function regionOutside(ch: Scope, p: Place): boolean {
  if (!ch.regions.length) return false;
  const known = [p.province, p.city].map((x) => x?.trim()).filter((x): x is string => !!x);
  if (!known.length) return false;
  return !known.some((x) => ch.regions.includes(x));
}

/** Why this store is outside the channel's scope: [] when it is inside. */
export function storeOutside(ch: Scope, store: Place & { tags?: string[] | null }): Reason[] {
  const out: Reason[] = [];
  if (regionOutside(ch, store)) out.push('region');
  if (ch.store_tags.length && !(store.tags ?? []).some((t) => ch.store_tags.includes(t))) out.push('store_tags');
  return out;
}

/** Why this member is outside the channel's regions: [] when inside or unknown. */
export const memberOutside = (ch: Scope, member: Place): Reason[] => (regionOutside(ch, member) ? ['member_region'] : []);
