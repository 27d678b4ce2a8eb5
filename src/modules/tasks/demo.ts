import type { Ctx } from '../../platform/context.js';
import type { Caller } from '../../http/access.js';
import { putSettings } from './checkin.js';
import { createTask } from './tasks.js';

/**
 * The demo's check-in 签到 and tasks 任务 (docs/growth.md "Check-in and tasks"): a 7-day streak — 10, 10, 20,
 * 20, 30, 30 points and a latte on day 7 — and two tasks: 分享给好友 (20 points a day) and 完善资料 (100 points once).
 */
export async function seedDemoTasks(ctx: Ctx, owner: Caller, ids: { latteTemplate: string }): Promise<void> {
  const now = ctx.clock.now();
  const pts = (amount: number) => [{ type: 'points' as const, amount }];
  await ctx.db.tx(async (q) => {
    await putSettings(
      q,
      owner.tenantId,
      { enabled: true, rewards: [pts(10), pts(10), pts(20), pts(20), pts(30), pts(30), [{ type: 'card', template_id: ids.latteTemplate }]] },
      now,
    );
    await createTask(q, owner.tenantId, { name: '分享给好友', activity_type: 'shared', period: 'day', rewards: pts(20) }, now);
    await createTask(q, owner.tenantId, { name: '完善资料', activity_type: 'profile_completed', period: 'once', rewards: pts(100) }, now);
  });
}
