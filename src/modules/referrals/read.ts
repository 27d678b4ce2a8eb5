import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import { templateNames } from '../templates/names.js';
import { packNames } from '../packs/service.js';
import { memberNames } from '../members/names.js';
import { sourceResults } from '../rewards/service.js';
import type { Reward } from '../rewards/schemas.js';
import { campaignNames, liveCampaign, type CampaignRow } from './campaigns.js';
import { codeOf, REFERRAL_COLS, type ReferralRow } from './join.js';

/** Beside each reward, the name of what it gives (a template's or a pack's; null for points). */
export async function rewardsNames(q: Sql, tenantId: string, lists: (Reward[] | null)[]): Promise<(r: Reward[] | null) => (string | null)[]> {
  const all = lists.flatMap((l) => l ?? []);
  const tpl = await templateNames(q, tenantId, [...new Set(all.flatMap((r) => (r.type === 'card' ? [r.template_id] : [])))]);
  const packIds = [...new Set(all.flatMap((r) => (r.type === 'pack' ? [r.pack_id] : [])))];
  const packs = packIds.length ? await packNames(q, tenantId, packIds) : new Map<string, string>();
  return (rs) => (rs ?? []).map((r) => (r.type === 'card' ? (tpl.get(r.template_id) ?? null) : r.type === 'pack' ? (packs.get(r.pack_id) ?? null) : null));
}

/** Campaigns as the console lists them: terms, the rewards' names, and results (referrals by state, what their rewards did). */
export async function campaignViews(q: Sql, tenantId: string, rows: CampaignRow[]) {
  const ids = rows.map((r) => r.id);
  const given = await sourceResults(q, tenantId, 'referral', ids);
  const counts = new Map<string, Record<string, number>>();
  if (ids.length)
    for (const r of (
      await q.query<{ campaign_id: string; state: string; n: string }>(
        'SELECT campaign_id, state, count(*) AS n FROM referrals WHERE tenant_id = $1 AND campaign_id = ANY($2::text[]) GROUP BY campaign_id, state',
        [tenantId, ids],
      )
    ).rows)
      counts.set(r.campaign_id, { ...counts.get(r.campaign_id), [r.state]: Number(r.n) });
  const names = await rewardsNames(
    q,
    tenantId,
    rows.flatMap((r) => [r.referrer_rewards, r.referee_rewards]),
  );
  return rows.map((r) => {
    const s = given.get(r.id)!;
    const n = counts.get(r.id) ?? {};
    return {
      ...r,
      referrer_rewards_names: names(r.referrer_rewards),
      referee_rewards_names: names(r.referee_rewards),
      results: {
        referrals: Object.values(n).reduce((a, b) => a + b, 0),
        qualified: n.qualified ?? 0,
        rewarded: n.rewarded ?? 0,
        cancelled: n.cancelled ?? 0,
        cards: s.cards,
        redeemed_cards: s.redeemed_cards,
        points: s.points,
        gmv: s.gmv,
      },
    };
  });
}

/** Referrals as the console lists them: both members and the campaign by name. */
export async function referralViews(q: Sql, tenantId: string, rows: ReferralRow[]) {
  const members = await memberNames(q, tenantId, [...new Set(rows.flatMap((r) => [r.referrer_id, r.referee_id]))]);
  const campaigns = await campaignNames(q, tenantId, [...new Set(rows.map((r) => r.campaign_id))]);
  return rows.map((r) => ({
    ...r,
    campaign_name: campaigns.get(r.campaign_id) ?? '—',
    referrer_name: members.get(r.referrer_id) ?? null,
    referee_name: members.get(r.referee_id) ?? null,
  }));
}

/** Shortened for another member's eyes: the first character and two stars (张**). */
const masked = (name: string | undefined) => (name ? `${[...name][0]}**` : '**');

/** The wallet's 邀请有礼: my code (made now if it is the first ask), the live campaign, who I invited and who invited me. */
export async function walletReferral(ctx: Ctx, q: Sql, tenantId: string, memberId: string) {
  const now = ctx.clock.now();
  const code = await codeOf(q, tenantId, memberId, now);
  const c = await liveCampaign(q, tenantId, now);
  const names = await rewardsNames(q, tenantId, c ? [c.referrer_rewards, c.referee_rewards] : []);
  const invited = (
    await q.query<ReferralRow>(`SELECT ${REFERRAL_COLS} FROM referrals WHERE tenant_id = $1 AND referrer_id = $2 ORDER BY id DESC LIMIT 100`, [
      tenantId,
      memberId,
    ])
  ).rows;
  const by = (await q.query<ReferralRow>(`SELECT ${REFERRAL_COLS} FROM referrals WHERE tenant_id = $1 AND referee_id = $2`, [tenantId, memberId])).rows[0];
  const who = await memberNames(q, tenantId, [...invited.map((r) => r.referee_id), ...(by ? [by.referrer_id] : [])]);
  return {
    code,
    url: `${ctx.config.publicUrl.replace(/\/$/, '')}/wallet#r=${code}`,
    campaign: c && {
      id: c.id,
      name: c.name,
      description: c.description,
      qualify_on: c.qualify_on,
      return_days: c.return_days,
      referrer_rewards: c.referrer_rewards,
      referee_rewards: c.referee_rewards,
      referrer_rewards_names: names(c.referrer_rewards),
      referee_rewards_names: names(c.referee_rewards),
    },
    invited: invited.map((r) => ({
      name: masked(who.get(r.referee_id)),
      state: r.state,
      created_at: r.created_at,
      due_at: r.due_at,
      rewarded: !!r.referrer_grant_id,
    })),
    referred_by: by ? { name: masked(who.get(by.referrer_id)), state: by.state } : null,
    can_join: !by && !!c,
  };
}
