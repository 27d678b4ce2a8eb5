import type { Ctx } from '../../platform/context.js';
import { memberCaller, type Caller } from '../../http/access.js';
import { createCampaign, setStatus } from './campaigns.js';
import { codeOf, joinWithCode } from './join.js';

/**
 * The demo's referral campaign 邀请有礼 (docs/growth.md "Referrals"): 「邀请好友 · 首单后各得10元券」 — live,
 * paid 7 days after the friend's first order if not returned, at most 20 friends each; the third demo
 * member joined with the first's code (pending: no order yet), so the wallet shows a friend invited.
 */
export async function seedDemoReferrals(ctx: Ctx, owner: Caller, ids: { members: { id: string }[]; cashTemplate: string }): Promise<void> {
  const now = ctx.clock.now();
  const [referrer, , friend] = ids.members;
  await ctx.db.tx(async (q) => {
    const c = await createCampaign(
      q,
      owner.tenantId,
      {
        name: '邀请好友 · 首单后各得10元券',
        description: '好友用你的邀请码加入并完成首单，7 天无退货后你和好友各得一张 10 元券。',
        qualify_on: 'first_order',
        return_days: 7,
        per_referrer_cap: 20,
        referrer_rewards: [{ type: 'card', template_id: ids.cashTemplate }],
        referee_rewards: [{ type: 'card', template_id: ids.cashTemplate }],
      },
      now,
    );
    await setStatus(q, owner.tenantId, c.id, 'live', now);
    if (!referrer || !friend) return;
    const code = await codeOf(q, owner.tenantId, referrer.id, now);
    await joinWithCode(ctx, q, memberCaller(owner.tenantId, friend.id), friend.id, code, now);
  });
}
