import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import type { AppError } from '../../errors.js';
import { problemText } from '../../platform/problems/catalogue.js';
import { refusal } from '../../platform/problems/refusal.js';
import { getMember } from '../members/service.js';
import { getTenant } from '../tenants/service.js';
import { inAudience } from './deps.js';
import { CAMPAIGN_COLS, campaignNames, getCampaign, rewardLines, shareUrl, type CampaignRow } from './model.js';
import { common } from './views.js';
import { limitReached, refusalFor } from './claim.js';
import { makeShare, memberShares, shareByToken } from './shares.js';

/**
 * 领券中心 in the member's wallet: the live campaigns of their audience not yet ended, each with what
 * is left, what it gives, how often they have claimed it and — when they cannot claim it now — why, in
 * the words the claim would answer; their share links; and a friend's share link as it opens.
 */
export const CENTER_MAX = 100;

const reasonOf = (e: AppError, tz: string) => {
  const p = { code: e.code, status: e.status, detail: e.message, ...e.extra };
  return { code: e.code, zh: problemText(p, 'zh-CN', { timeZone: tz }).text, en: problemText(p, 'en', { timeZone: tz }).text };
};

async function mineOf(q: Sql, tenantId: string, memberId: string, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const r = await q.query<{ campaign_id: string; claimed: number }>(
    'SELECT campaign_id, claimed FROM campaign_member_counts WHERE tenant_id = $1 AND member_id = $2 AND campaign_id = ANY($3::text[])',
    [tenantId, memberId, ids],
  );
  return new Map(r.rows.map((x) => [x.campaign_id, x.claimed]));
}

/** Campaigns as one member sees them (through a share link: the audience does not apply to them). */
async function walletViews(ctx: Ctx, q: Sql, tenantId: string, memberId: string, rows: CampaignRow[], viaShare = false) {
  const now = ctx.clock.now();
  const tz = (await getTenant(q, tenantId)).time_zone;
  const mine = await mineOf(
    q,
    tenantId,
    memberId,
    rows.map((c) => c.id),
  );
  const lines = await rewardLines(
    q,
    tenantId,
    rows.flatMap((c) => [c.rewards, c.share?.credit_rewards ?? []]),
  );
  const out = [];
  for (const [i, c] of rows.entries()) {
    const n = mine.get(c.id) ?? 0;
    const audienceOk = !c.segment_id || (await inAudience(q, tenantId, c.segment_id, memberId));
    let why = await refusalFor(q, tenantId, c, memberId, now, true);
    if (!why && !audienceOk && !viaShare) why = refusal('CAMPAIGN_AUDIENCE', 'not in the audience', {});
    if (!why && n >= c.per_member_limit) why = limitReached(c.per_member_limit);
    out.push({
      ...common(c, now),
      gives: lines[2 * i]!,
      mine: n,
      available: !why,
      unavailable: why ? reasonOf(why, tz) : null,
      credit_on: c.share?.credit_on ?? null,
      credit_gives: lines[2 * i + 1]!,
      can_share: c.kind === 'share' && audienceOk && c.status === 'live' && !(c.ends_at && now >= c.ends_at),
      audienceOk,
    });
  }
  return out;
}
const shown = <T extends { audienceOk: boolean }>({ audienceOk: _a, ...v }: T) => v;

/** The claim center 领券中心: live campaigns not yet ended that this member is in the audience of, soonest ending first. */
export async function walletCenter(ctx: Ctx, q: Sql, tenantId: string, memberId: string) {
  const r = await q.query<CampaignRow>(
    `SELECT ${CAMPAIGN_COLS} FROM campaigns WHERE tenant_id = $1 AND status = 'live' AND (ends_at IS NULL OR ends_at > $2)
     ORDER BY ends_at NULLS LAST, id DESC LIMIT ${CENTER_MAX}`,
    [tenantId, ctx.clock.now()],
  );
  return { data: (await walletViews(ctx, q, tenantId, memberId, r.rows)).filter((c) => c.audienceOk).map(shown) };
}

/** One campaign, as the claim link opens it (any status: the page says why it cannot be claimed). */
export async function walletCampaign(ctx: Ctx, q: Sql, tenantId: string, memberId: string, id: string) {
  return shown((await walletViews(ctx, q, tenantId, memberId, [await getCampaign(q, tenantId, id)]))[0]!);
}

/** A new share link of mine for a campaign I may share: the link and token are answered once. */
export async function walletMakeShare(ctx: Ctx, q: Sql, tenantId: string, memberId: string, campaignId: string) {
  const now = ctx.clock.now();
  const c = await getCampaign(q, tenantId, campaignId);
  const why = await refusalFor(q, tenantId, c, memberId, now);
  if (why && c.kind === 'share') throw why;
  const { share, token } = await makeShare(q, tenantId, c, memberId, now);
  return { ...share, campaign_name: c.name, credited: 0, pending: 0, url: shareUrl(ctx, token), secret: token };
}

export async function walletShares(q: Sql, tenantId: string, memberId: string) {
  const rows = await memberShares(q, tenantId, memberId);
  const names = await campaignNames(q, tenantId, [...new Set(rows.map((s) => s.campaign_id))]);
  return { data: rows.map((s) => ({ ...s, campaign_name: names.get(s.campaign_id) ?? null })) };
}

/** What a friend's share link offers me: the campaign, who shares it, and whether I may claim through it. */
export async function walletPreviewShare(ctx: Ctx, q: Sql, tenantId: string, memberId: string, token: string) {
  const s = await shareByToken(q, tenantId, token);
  const c = await getCampaign(q, tenantId, s.campaign_id);
  const sharer = await getMember(q, tenantId, s.member_id).catch(() => null);
  const claimed = !!(await q.query('SELECT 1 FROM campaign_claims WHERE tenant_id = $1 AND share_id = $2 AND member_id = $3', [tenantId, s.id, memberId]))
    .rowCount;
  const view = shown((await walletViews(ctx, q, tenantId, memberId, [c], true))[0]!);
  const yours = s.member_id === memberId;
  const tz = (await getTenant(q, tenantId)).time_zone;
  const full = c.share?.friends_per_share != null && s.friends >= c.share.friends_per_share;
  const why = yours
    ? refusal('SHARE_OWN', 'own link', {})
    : claimed
      ? refusal('SHARE_ALREADY_CLAIMED', 'claimed', {})
      : full
        ? refusal('SHARE_FULL', 'full', { limit: c.share!.friends_per_share! })
        : null;
  const campaign = why ? { ...view, available: false, unavailable: reasonOf(why, tz) } : view;
  return { share_id: s.id, sharer_name: sharer?.name ?? null, yours, claimed, campaign };
}
