import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import { sourceResults } from '../rewards/service.js';
import { segmentNames } from './deps.js';
import { claimUrl, rewardLines, stateOf, type CampaignRow } from './model.js';

/**
 * Campaigns as the console reads them, with their results 活动效果: claims, members, cards given and
 * redeemed, GMV (the rewards module's `sourceResults('campaign', ids)`), and for a share campaign
 * the links made, the friends who claimed through them and the friends credited.
 */
export async function campaignResults(q: Sql, tenantId: string, ids: string[]) {
  const given = await sourceResults(q, tenantId, 'campaign', ids);
  const shares = new Map<string, { shares: number; friends: number; credited: number }>();
  if (ids.length) {
    const r = await q.query<{ id: string; shares: string; friends: string; credited: string }>(
      `SELECT c.id,
         (SELECT count(*) FROM campaign_shares s WHERE s.tenant_id = c.tenant_id AND s.campaign_id = c.id) AS shares,
         (SELECT coalesce(sum(s.friends), 0) FROM campaign_shares s WHERE s.tenant_id = c.tenant_id AND s.campaign_id = c.id) AS friends,
         (SELECT coalesce(sum(x.credited), 0) FROM campaign_sharers x WHERE x.tenant_id = c.tenant_id AND x.campaign_id = c.id) AS credited
       FROM campaigns c WHERE c.tenant_id = $1 AND c.id = ANY($2::text[])`,
      [tenantId, ids],
    );
    for (const x of r.rows) shares.set(x.id, { shares: Number(x.shares), friends: Number(x.friends), credited: Number(x.credited) });
  }
  return new Map(
    ids.map((id) => {
      const g = given.get(id)!;
      const s = shares.get(id) ?? { shares: 0, friends: 0, credited: 0 };
      return [
        id,
        { claimed: g.grants, members: g.members, cards: g.cards, redeemed: g.redeemed_cards, redeemed_amount: g.redeemed_amount, gmv: g.gmv, ...s },
      ] as const;
    }),
  );
}

export const common = (c: CampaignRow, now: Date) => ({
  id: c.id,
  kind: c.kind,
  name: c.name,
  description: c.description,
  starts_at: c.starts_at,
  ends_at: c.ends_at,
  stock: c.stock,
  claimed: c.claimed,
  left: c.stock === null ? null : Math.max(0, c.stock - c.claimed),
  per_member_limit: c.per_member_limit,
  state: stateOf(c, now),
});

export async function campaignViews(ctx: Ctx, q: Sql, tenantId: string, rows: CampaignRow[]) {
  const now = ctx.clock.now();
  const results = await campaignResults(
    q,
    tenantId,
    rows.map((c) => c.id),
  );
  const segs = await segmentNames(q, tenantId, [...new Set(rows.flatMap((c) => (c.segment_id ? [c.segment_id] : [])))]);
  const lines = await rewardLines(
    q,
    tenantId,
    rows.flatMap((c) => [c.rewards, c.share?.credit_rewards ?? []]),
  );
  return rows.map((c, i) => ({
    ...common(c, now),
    audience: c.segment_id ? { segment_id: c.segment_id, segment_name: segs.get(c.segment_id) ?? null } : null,
    rewards: c.rewards,
    gives: lines[2 * i]!,
    share: c.share,
    credit_gives: lines[2 * i + 1]!,
    status: c.status,
    url: claimUrl(ctx, c.id),
    results: results.get(c.id)!,
    created_at: c.created_at,
    updated_at: c.updated_at,
  }));
}
