import type { Ctx } from '../platform/context.js';
import type { Caller } from '../http/access.js';
import { seedDemoGroups } from './demo-groups.js';
import { seedDemoCampaigns } from '../modules/campaigns/demo.js';
import { seedDemoSegments } from '../modules/segments/demo.js';
import { seedDemoReferrals } from '../modules/referrals/demo.js';
import { seedDemoTasks } from '../modules/tasks/demo.js';
import { seedDemoAutomation } from '../modules/automation/demo.js';

export interface DemoGrowthIds {
  members: { id: string; name: string | null }[];
  stores: { id: string }[];
  /** the demo's ¥10 cash coupon, a latte 兑换券 and the gift card templates */
  cashTemplate: string;
  latteTemplate: string;
  giftTemplate: string;
}

/**
 * The demo's growth plays 营销 (docs/growth.md), each made through its module's own service functions:
 * segments, a birthday rule and a first-order rule, a claim-center campaign, a group campaign and a
 * referral campaign, check-in and tasks. Each module's seed is one line here.
 */
export async function seedDemoGrowth(ctx: Ctx, owner: Caller, ids: DemoGrowthIds): Promise<void> {
  await seedDemoGroups(ctx, owner, ids);
  await seedDemoCampaigns(ctx, owner, ids);
  await seedDemoSegments(ctx, owner, ids);
  await seedDemoReferrals(ctx, owner, ids);
  await seedDemoTasks(ctx, owner, ids);
  await seedDemoAutomation(ctx, owner, ids);
}
