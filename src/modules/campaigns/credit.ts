import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import type { Caller } from '../../http/access.js';
import type { EventRow, Subscriber } from '../../platform/events.js';
import { cardSources } from '../rewards/service.js';
import { getCampaign } from './model.js';
import { CLAIM_COLS, type ClaimRow } from './claims.js';
import { creditSharer, getShare } from './shares.js';

/**
 * Credit on redeem 核销后奖励分享人: a subscriber on `card.redeemed`. For each redeemed card a claim
 * through a share link gave (found by `cardSources`: the giving, then the claim that made it), in a
 * campaign that credits on redemption, the sharer is credited for that friend — once, however many of
 * the friend's cards are redeemed or however often the event is read (the credit row is unique per
 * campaign, sharer and friend; the rewards' reference too). The campaign's status no longer matters:
 * the friend claimed while it was live.
 */
async function handle(ctx: Ctx, q: Sql, events: EventRow[]): Promise<void> {
  const byTenant = new Map<string, EventRow[]>();
  for (const e of events) if (e.card_id) byTenant.set(e.tenant_id, [...(byTenant.get(e.tenant_id) ?? []), e]);
  for (const [tenantId, evs] of byTenant) {
    const sources = await cardSources(
      q,
      tenantId,
      evs.map((e) => e.card_id!),
    );
    const grantIds = [...new Set([...sources.values()].filter((s) => s.kind === 'campaign').map((s) => s.grant_id))];
    if (!grantIds.length) continue;
    const claims = (
      await q.query<ClaimRow>(
        `SELECT ${CLAIM_COLS} FROM campaign_claims WHERE tenant_id = $1 AND grant_id = ANY($2::text[]) AND share_id IS NOT NULL ORDER BY id`,
        [tenantId, grantIds],
      )
    ).rows;
    const cause: Caller = { tenantId, keyId: 'system:campaigns', role: 'system', storeIds: [], channelId: null, memberId: null };
    for (const claim of claims) {
      const c = await getCampaign(q, tenantId, claim.campaign_id);
      if (c.share?.credit_on !== 'redeem') continue;
      const share = await getShare(q, tenantId, claim.share_id!);
      const at = evs.find((e) => claim.card_ids.includes(e.card_id!))?.created_at ?? ctx.clock.now();
      if (share) await creditSharer(ctx, q, cause, c, share, claim, at);
    }
  }
}

export const creditOnRedeem: Subscriber = { name: 'campaigns.share_credit', types: ['card.redeemed'], handle };
