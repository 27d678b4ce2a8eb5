import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import type { Caller } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { newId } from '../../ids.js';
import { emit } from '../../platform/events.js';
import { refusal } from '../../platform/problems/refusal.js';
import { memberExists } from '../members/service.js';
import { giveRewards } from '../rewards/service.js';
import { inAudience } from './deps.js';
import { getCampaign, type CampaignRow } from './model.js';
import { CLAIM_COLS, type ClaimRow } from './claims.js';
import { creditOnClaim, shareRefusal, takeShare, type ShareRow } from './shares.js';

/**
 * 领取: one claim of a campaign by a member — all of it in the caller's transaction, or nothing:
 *  1. the member's count: one conditional upsert (`claimed < per_member_limit`), whose new value n
 *     names the claim (`claim:<campaign>:<member>:<n>`, the rewards' reference);
 *  2. the stock: one conditional UPDATE of the campaign row (`live`, in its window, `claimed < stock`);
 *  3. through a share link: the link's friend count (`friends < friends_per_share`) and the claim row,
 *     unique per (share, friend);
 *  4. the rewards (`giveRewards`), the `campaign.claimed` event, and a share's credit to the sharer.
 * Every process takes the rows in this order (member count, campaign, share, reward batches, sharer),
 * so concurrent claims never deadlock; a refusal at any step rolls back the steps before it.
 */
export interface ClaimInput {
  memberId: string;
  via: 'wallet' | 'api' | 'share';
  share?: ShareRow;
}

/** Why this member may not claim this campaign now, before any write (each write re-checks its own part in its statement). */
export async function refusalFor(q: Sql, tenantId: string, c: CampaignRow, memberId: string, now: Date, viaShare = false): Promise<AppError | null> {
  if (c.status !== 'live') return refusal('CAMPAIGN_NOT_LIVE', `the campaign is ${c.status}`, {}, { campaign_status: c.status });
  if (c.starts_at && now < c.starts_at) return refusal('CAMPAIGN_NOT_STARTED', 'the campaign has not started', { starts_at: c.starts_at.toISOString() });
  if (c.ends_at && now >= c.ends_at) return refusal('CAMPAIGN_ENDED', 'the campaign has ended', { ends_at: c.ends_at.toISOString() });
  if (c.stock !== null && c.claimed >= c.stock) return refusal('CAMPAIGN_SOLD_OUT', 'every card of the campaign has been claimed', {});
  // a friend claims through a share link whoever they are; the audience is who may claim here and share
  if (!viaShare && c.segment_id && !(await inAudience(q, tenantId, c.segment_id, memberId)))
    return refusal('CAMPAIGN_AUDIENCE', 'the member is not in the campaign’s audience', {}, { segment_id: c.segment_id });
  return null;
}

export const limitReached = (limit: number) =>
  refusal('CAMPAIGN_MEMBER_LIMIT', `this member has claimed the campaign the most times allowed (${limit})`, { limit });

export async function claimCampaign(ctx: Ctx, q: Sql, caller: Caller, campaignId: string, input: ClaimInput): Promise<ClaimRow> {
  const tenantId = caller.tenantId;
  const now = ctx.clock.now();
  const c = await getCampaign(q, tenantId, campaignId);
  if (!(await memberExists(q, tenantId, input.memberId)))
    throw new AppError(404, 'MEMBER_NOT_FOUND', 'member_id: member not found', { errors: [{ field: 'member_id', reason: 'not found' }] });
  const why =
    (input.share && (await shareRefusal(q, tenantId, input.share, input.memberId))) || (await refusalFor(q, tenantId, c, input.memberId, now, !!input.share));
  if (why) throw why;

  const counted = await q.query<{ claimed: number }>(
    `INSERT INTO campaign_member_counts AS m (tenant_id, campaign_id, member_id, claimed) VALUES ($1, $2, $3, 1)
     ON CONFLICT (tenant_id, campaign_id, member_id) DO UPDATE SET claimed = m.claimed + 1
       WHERE m.claimed < (SELECT per_member_limit FROM campaigns c WHERE c.tenant_id = $1 AND c.id = $2)
     RETURNING claimed`,
    [tenantId, c.id, input.memberId],
  );
  const n = counted.rows[0]?.claimed;
  if (!n) throw limitReached(c.per_member_limit);

  const took = await q.query(
    `UPDATE campaigns SET claimed = claimed + 1
     WHERE tenant_id = $1 AND id = $2 AND status = 'live' AND (stock IS NULL OR claimed < stock)
       AND (starts_at IS NULL OR starts_at <= $3) AND (ends_at IS NULL OR ends_at > $3)`,
    [tenantId, c.id, now],
  );
  if (!took.rowCount)
    throw (
      (await refusalFor(q, tenantId, await getCampaign(q, tenantId, c.id), input.memberId, now, true)) ??
      refusal('CAMPAIGN_SOLD_OUT', 'every card of the campaign has been claimed', {})
    );
  if (input.share) await takeShare(q, tenantId, c, input.share, input.memberId);

  const id = newId('ccl', now.getTime());
  const inserted = await q.query(
    `INSERT INTO campaign_claims (tenant_id, id, campaign_id, member_id, n, share_id, grant_id, via, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, '', $7, $8) ON CONFLICT (tenant_id, share_id, member_id) WHERE share_id IS NOT NULL DO NOTHING`,
    [tenantId, id, c.id, input.memberId, n, input.share?.id ?? null, input.via, now],
  );
  if (!inserted.rowCount) throw refusal('SHARE_ALREADY_CLAIMED', 'this member has claimed through this share link', {});

  const grant = await giveRewards(
    ctx,
    q,
    caller,
    { memberId: input.memberId, rewards: c.rewards, reference: `claim:${c.id}:${input.memberId}:${n}`, source: { kind: 'campaign', id: c.id, name: c.name } },
    now,
  );
  const cardIds = [...grant.given.cards.map((x) => x.id), ...grant.given.packs.flatMap((p) => p.card_ids)];
  const r = await q.query<ClaimRow>(`UPDATE campaign_claims SET grant_id = $3, card_ids = $4 WHERE tenant_id = $1 AND id = $2 RETURNING ${CLAIM_COLS}`, [
    tenantId,
    id,
    grant.id,
    cardIds,
  ]);
  await emit(q, [
    {
      tenantId,
      type: 'campaign.claimed',
      at: now,
      memberId: input.memberId,
      cardId: cardIds.length === 1 ? cardIds[0] : null,
      keyId: caller.keyId,
      data: { campaign_id: c.id, claim_id: id, n, via: input.via, share_id: input.share?.id ?? null, grant_id: grant.id, card_ids: cardIds },
    },
  ]);
  if (input.share) await creditOnClaim(ctx, q, caller, c, input.share, r.rows[0]!, now);
  return r.rows[0]!;
}

/**
 * The cheap refusal of a hot campaign: once it is sold out (or not live, or past its window) a claim
 * costs one read, not a transaction (the idea of `soldOut` in cards/issue.ts). It only refuses when
 * the read is certain; the transaction stays the authority.
 */
export async function refusedEarly(q: Sql, tenantId: string, campaignId: string, now: Date): Promise<undefined> {
  const r = await q.query<Pick<CampaignRow, 'status' | 'stock' | 'claimed' | 'ends_at'>>(
    'SELECT status, stock, claimed, ends_at FROM campaigns WHERE tenant_id = $1 AND id = $2',
    [tenantId, campaignId],
  );
  const c = r.rows[0];
  if (!c) return undefined;
  if (c.status === 'ended' || (c.ends_at && now >= c.ends_at))
    throw refusal('CAMPAIGN_ENDED', 'the campaign has ended', c.ends_at ? { ends_at: c.ends_at.toISOString() } : {});
  if (c.status === 'live' && c.stock !== null && c.claimed >= c.stock) throw refusal('CAMPAIGN_SOLD_OUT', 'every card of the campaign has been claimed', {});
  return undefined;
}
