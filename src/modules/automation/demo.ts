import type { Ctx } from '../../platform/context.js';
import type { Caller } from '../../http/access.js';
import { createRule } from './manage.js';

/**
 * The demo's automation rules: 生日礼 (a ¥10 coupon at 09:00 on the member's birthday, at most once a
 * month) and 首单礼 (a latte 兑换券 and a tag on a member's first order). A rule acts on the events the
 * subscriber delivers after it is made — here the demo members' first orders, seeded moments before
 * and not yet read — so 首单礼 shows real results from the start.
 */
export async function seedDemoAutomation(ctx: Ctx, owner: Caller, ids: { cashTemplate: string; latteTemplate: string }): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.tx(async (q) => {
    await createRule(
      q,
      owner.tenantId,
      {
        name: '生日礼',
        description: '会员生日当天 09:00 发一张 10 元代金券；2 月 29 日生日的会员平年在 2 月 28 日收到。',
        trigger: { type: 'birthday', at: '09:00' },
        limits: { per_member: { times: 1, per: 'month' } },
        actions: { rewards: [{ type: 'card', template_id: ids.cashTemplate }] },
      },
      now,
    );
    await createRule(
      q,
      owner.tenantId,
      {
        name: '首单礼',
        description: '新会员完成首单，送一张拿铁兑换券。',
        trigger: { type: 'order.first' },
        limits: { per_member: { times: 1, per: 'ever' }, budget_cards: 10_000 },
        actions: { rewards: [{ type: 'card', template_id: ids.latteTemplate }], tag: '首单会员' },
      },
      now,
    );
  });
}
