import type { Ctx } from '../../platform/context.js';
import type { Caller } from '../../http/access.js';
import { createCampaign, moveCampaign } from './manage.js';
import { claimCampaign } from './claim.js';

/**
 * The demo's claim-center campaign 「新品尝鲜 · 限量1000张」: a live campaign of 1,000 latte 兑换券, one
 * per member, open for 30 days, already claimed by two demo members (so its results and the wallet's
 * claim center show something real).
 */
export async function seedDemoCampaigns(ctx: Ctx, owner: Caller, ids: { members: { id: string }[]; latteTemplate: string }): Promise<void> {
  const now = ctx.clock.now();
  const c = await ctx.db.tx(async (q) => {
    const made = await createCampaign(
      q,
      owner.tenantId,
      {
        name: '新品尝鲜 · 限量1000张',
        description: '新品拿铁免费尝鲜，每人限领 1 张，领完即止。',
        ends_at: new Date(now.getTime() + 30 * 86_400_000).toISOString(),
        stock: 1000,
        per_member_limit: 1,
        rewards: [{ type: 'card', template_id: ids.latteTemplate }],
      },
      now,
    );
    return moveCampaign(q, owner.tenantId, made.id, 'publish', now);
  });
  for (const m of ids.members.slice(0, 2)) await ctx.db.tx((q) => claimCampaign(ctx, q, owner, c.id, { memberId: m.id, via: 'api' }));
}
