import type { Ctx } from '../platform/context.js';
import { memberCaller, type Caller } from '../http/access.js';
import { createCampaign, setStatus } from '../modules/groups/campaigns.js';
import { joinGroup, startGroup } from '../modules/groups/play.js';
import type { DemoGrowthIds } from './demo-growth.js';

/**
 * The demo's group campaign 组团解锁 (docs/growth.md "Group unlock"): 「3人成团 · 每人一杯拿铁」 — three
 * members within 24 hours, each gets a latte 兑换券 — published, with one open group: the first demo member
 * started it and the second joined (2/3), so the wallet shows a group in progress and the console its members.
 */
export async function seedDemoGroups(ctx: Ctx, owner: Caller, ids: DemoGrowthIds): Promise<void> {
  const now = ctx.clock.now();
  const [leader, friend] = ids.members;
  await ctx.db.tx(async (q) => {
    const c = await createCampaign(
      q,
      owner.tenantId,
      {
        name: '3人成团 · 每人一杯拿铁',
        description: '邀请两位好友 24 小时内一起参团，成团后每人得一杯拿铁。',
        size: 3,
        time_limit_minutes: 24 * 60,
        stock: 100,
        per_member_limit: 1,
        rewards: [{ type: 'card', template_id: ids.latteTemplate }],
      },
      now,
    );
    await setStatus(q, owner.tenantId, c.id, 'published', now);
    if (!leader || !friend) return;
    const g = await startGroup(ctx, q, memberCaller(owner.tenantId, leader.id), c.id, leader.id);
    await joinGroup(ctx, q, memberCaller(owner.tenantId, friend.id), g.token, friend.id);
  });
}
