import { createHash, randomBytes } from 'node:crypto';
import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import type { Caller } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { newId } from '../../ids.js';
import { emit } from '../../platform/events.js';
import { refusal } from '../../platform/problems/refusal.js';
import { giveRewards } from '../rewards/service.js';
import type { CampaignRow } from './model.js';
import type { ClaimRow } from './claims.js';

/**
 * Share links 分享领券: a member of a share campaign makes a link (its token shown once, only its
 * SHA-256 kept, as gift links are: cards/gift.ts); friends who open it claim from the campaign's
 * pool (claim.ts, `via: 'share'`) — never the sharer themself, once per friend per link, at most
 * `friends_per_share` friends per link — and the sharer is credited (`credit_rewards`) for each
 * friend once, when the friend claims or when the friend's card is first redeemed (`credit_on`), up
 * to `credit_cap` friends per sharer and campaign (one conditional upsert of campaign_sharers).
 */
export interface ShareRow {
  id: string;
  campaign_id: string;
  member_id: string;
  friends: number;
  created_at: Date;
}
export const SHARE_COLS = 'id, campaign_id, member_id, friends, created_at';

const newToken = () => `kqs_${randomBytes(32).toString('base64url')}`;
const hashToken = (token: string) => createHash('sha256').update(token).digest();

export const shareNotFound = () => new AppError(404, 'SHARE_NOT_FOUND', 'this share link is not valid');

/** A new link for the member; the token is answered once. The caller has checked the member may share the campaign. */
export async function makeShare(q: Sql, tenantId: string, c: CampaignRow, memberId: string, now: Date): Promise<{ share: ShareRow; token: string }> {
  if (c.kind !== 'share' || !c.share) throw refusal('CAMPAIGN_NOT_SHAREABLE', 'only a share campaign has share links', {});
  const token = newToken();
  const r = await q.query<ShareRow>(
    `INSERT INTO campaign_shares (tenant_id, id, campaign_id, member_id, token_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${SHARE_COLS}`,
    [tenantId, newId('shr', now.getTime()), c.id, memberId, hashToken(token), now],
  );
  return { share: r.rows[0]!, token };
}

/** The link a token opens, in this tenant only (another brand's link is not found). */
export async function shareByToken(q: Sql, tenantId: string, token: string): Promise<ShareRow> {
  const r = await q.query<ShareRow>(`SELECT ${SHARE_COLS} FROM campaign_shares WHERE tenant_id = $1 AND token_hash = $2`, [tenantId, hashToken(token)]);
  if (!r.rows[0]) throw shareNotFound();
  return r.rows[0];
}

/** Why this friend may not claim through this link, read before any write (the claim row's unique index stays the authority). */
export async function shareRefusal(q: Sql, tenantId: string, share: ShareRow, friendId: string): Promise<AppError | null> {
  if (share.member_id === friendId) return refusal('SHARE_OWN', 'a member may not claim through their own share link', {});
  const r = await q.query('SELECT 1 FROM campaign_claims WHERE tenant_id = $1 AND share_id = $2 AND member_id = $3', [tenantId, share.id, friendId]);
  return r.rowCount ? refusal('SHARE_ALREADY_CLAIMED', 'this member has claimed through this share link', {}) : null;
}

/** A friend's claim through the link takes one of its places (after the campaign's stock: the lock order of claim.ts). */
export async function takeShare(q: Sql, tenantId: string, c: CampaignRow, share: ShareRow, friendId: string): Promise<void> {
  if (share.member_id === friendId) throw refusal('SHARE_OWN', 'a member may not claim through their own share link', {});
  const cap = c.share?.friends_per_share ?? null;
  const took = await q.query('UPDATE campaign_shares SET friends = friends + 1 WHERE tenant_id = $1 AND id = $2 AND ($3::int IS NULL OR friends < $3::int)', [
    tenantId,
    share.id,
    cap,
  ]);
  if (!took.rowCount) throw refusal('SHARE_FULL', 'the link has been claimed by as many friends as it allows', { limit: cap ?? 0 });
}

/**
 * Credit the sharer for one friend, once (the credit row is unique per campaign, sharer and friend):
 * within the cap, the credit rewards are given (reference `share:<campaign>:<sharer>:<friend>`, source
 * kind `share`); over it, the credit is recorded as capped. A giving refused on the way (a template's
 * own per-member limit) is rolled back to a savepoint and recorded as failed: the friend's claim stands.
 */
export async function creditSharer(
  ctx: Ctx,
  q: Sql,
  cause: Caller,
  c: CampaignRow,
  share: ShareRow,
  claim: ClaimRow,
  now: Date,
): Promise<'credited' | 'capped' | 'failed' | 'done'> {
  const tenantId = cause.tenantId;
  const s = c.share!;
  const row = await q.query(
    `INSERT INTO campaign_credits (tenant_id, campaign_id, sharer_id, friend_id, share_id, claim_id, state, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'credited', $7) ON CONFLICT DO NOTHING`,
    [tenantId, c.id, share.member_id, claim.member_id, share.id, claim.id, now],
  );
  if (!row.rowCount) return 'done';
  const mark = (state: string, grantId: string | null, reason: string | null) =>
    q.query(
      'UPDATE campaign_credits SET state = $5, grant_id = $6, reason = $7 WHERE tenant_id = $1 AND campaign_id = $2 AND sharer_id = $3 AND friend_id = $4',
      [tenantId, c.id, share.member_id, claim.member_id, state, grantId, reason],
    );
  await q.query('SAVEPOINT campaign_credit');
  try {
    const counted = await q.query(
      `INSERT INTO campaign_sharers AS s (tenant_id, campaign_id, member_id, credited) VALUES ($1, $2, $3, 1)
       ON CONFLICT (tenant_id, campaign_id, member_id) DO UPDATE SET credited = s.credited + 1 WHERE s.credited < $4`,
      [tenantId, c.id, share.member_id, s.credit_cap],
    );
    if (!counted.rowCount) {
      await q.query('RELEASE SAVEPOINT campaign_credit');
      await mark('capped', null, `the sharer has been credited for ${s.credit_cap} friends`);
      return 'capped';
    }
    const grant = await giveRewards(
      ctx,
      q,
      cause,
      {
        memberId: share.member_id,
        rewards: s.credit_rewards,
        reference: `share:${c.id}:${share.member_id}:${claim.member_id}`,
        source: { kind: 'share', id: c.id, name: c.name },
      },
      now,
    );
    await q.query('RELEASE SAVEPOINT campaign_credit');
    await mark('credited', grant.id, null);
    await emit(q, [
      {
        tenantId,
        type: 'share.credited',
        at: now,
        memberId: share.member_id,
        keyId: cause.keyId,
        data: { campaign_id: c.id, share_id: share.id, friend_id: claim.member_id, claim_id: claim.id, grant_id: grant.id, on: s.credit_on },
      },
    ]);
    return 'credited';
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    await q.query('ROLLBACK TO SAVEPOINT campaign_credit');
    await q.query('RELEASE SAVEPOINT campaign_credit');
    await mark('failed', null, `${e.code}: ${e.message}`.slice(0, 300));
    return 'failed';
  }
}

/** After a friend's claim through a link: the `share.claimed` event, and the sharer's credit when the campaign credits on claim. */
export async function creditOnClaim(ctx: Ctx, q: Sql, caller: Caller, c: CampaignRow, share: ShareRow, claim: ClaimRow, now: Date): Promise<void> {
  const credit = c.share?.credit_on === 'claim' ? await creditSharer(ctx, q, caller, c, share, claim, now) : 'on_redeem';
  await emit(q, [
    {
      tenantId: caller.tenantId,
      type: 'share.claimed',
      at: now,
      memberId: claim.member_id,
      keyId: caller.keyId,
      data: { campaign_id: c.id, share_id: share.id, sharer_id: share.member_id, claim_id: claim.id, credit },
    },
  ]);
}

export async function getShare(q: Sql, tenantId: string, id: string): Promise<ShareRow | null> {
  return (await q.query<ShareRow>(`SELECT ${SHARE_COLS} FROM campaign_shares WHERE tenant_id = $1 AND id = $2`, [tenantId, id])).rows[0] ?? null;
}

/** A member's links, newest first, with how many friends claimed, were credited, and are waited for (credit on redeem). */
export async function memberShares(q: Sql, tenantId: string, memberId: string) {
  const r = await q.query<ShareRow & { credited: string; pending: string }>(
    `SELECT ${SHARE_COLS.split(', ')
      .map((c) => `s.${c}`)
      .join(', ')},
       (SELECT count(*) FROM campaign_credits k WHERE k.tenant_id = s.tenant_id AND k.share_id = s.id AND k.state = 'credited') AS credited,
       (SELECT count(*) FROM campaign_claims l WHERE l.tenant_id = s.tenant_id AND l.share_id = s.id
          AND NOT EXISTS (SELECT 1 FROM campaign_credits k WHERE k.tenant_id = l.tenant_id AND k.campaign_id = l.campaign_id
                            AND k.sharer_id = s.member_id AND k.friend_id = l.member_id)) AS pending
     FROM campaign_shares s WHERE s.tenant_id = $1 AND s.member_id = $2 ORDER BY s.id DESC LIMIT 100`,
    [tenantId, memberId],
  );
  return r.rows.map((x) => ({ ...x, credited: Number(x.credited), pending: Number(x.pending) }));
}
