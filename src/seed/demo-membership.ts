import type { Ctx } from '../platform/context.js';
import type { Caller } from '../http/access.js';
import type { Sql } from '../db/index.js';
import { setLadder, setSettings, setMemberTier } from '../modules/tiers/service.js';
import { createBenefit } from '../modules/tiers/benefits.js';
import { createRule } from '../modules/points/rules.js';
import { createPack, publishPack } from '../modules/packs/define.js';
import { grantPack } from '../modules/packs/service.js';
import { createItem, setStatus } from '../modules/mall/items.js';
import { seedDemoMemberHistory } from './demo-member-history.js';

const DAY = 86_400_000;
/** YYYY-MM-DD of a time, in Shanghai (the demo tenant's zone). */
const shanghaiDate = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export interface DemoMembershipIds {
  members: { id: string; name: string | null }[];
  stores: { id: string }[];
  latteTemplate: string;
  cashTemplate: string;
  giftTemplate: string;
  latteOnIssue: string;
  giftOnIssue: string;
}

/**
 * The demo's membership 会员体系, built through the modules' own service functions:
 * - tiers 普通 / 银卡 / 金卡 / 黑卡 on growth 成长值 (0 / 500 / 2,000 / 8,000), falling on a refund with 14 days' grace;
 * - earning: 1 point and 1 growth per ¥1 paid, coffee lines ×2 points, 签到 10 points once a day (expiring at month end);
 * - packs: 金卡月度礼包 (fixed: two lattes and a ¥10 coupon, every month to 金卡 members) and 咖啡盲盒 (random, with
 *   published odds, stock per prize and a guarantee after 10 draws);
 * - the points mall: a latte voucher for 300 points, the 盲盒 for 800 points (金卡 and 黑卡 only), a ¥200 gift card;
 * - members with history (orders, a refund, sign-ins, mall exchanges, a manual adjustment and a manual tier).
 */
export async function seedDemoMembership(ctx: Ctx, owner: Caller, ids: DemoMembershipIds) {
  const now = ctx.clock.now();
  const t = owner.tenantId;
  const tx = <T>(fn: (q: Sql) => Promise<T>) => ctx.db.tx(fn);

  const ladder = await tx((q) =>
    setLadder(
      q,
      t,
      [
        { name: '普通', threshold: 0 },
        { name: '银卡', threshold: 500 },
        { name: '金卡', threshold: 2000 },
        { name: '黑卡', threshold: 8000 },
      ],
      now,
    ),
  );
  const tier = (name: string) => ladder.find((x) => x.name === name)!;
  await tx((q) => setSettings(q, t, { policy: 'refund', period_months: 12, grace_days: 14 }, now));

  const rule = (input: Parameters<typeof createRule>[2]) => tx((q) => createRule(q, t, input, now));
  await rule({
    kind: 'order',
    name: '消费积分：每 1 元 1 积分，咖啡双倍',
    points: 1,
    per_fen: 100,
    multipliers: [{ category: 'coffee', multiplier: 2 }],
    expiry: { type: 'days', days: 365 },
  });
  await rule({ kind: 'order', name: '消费成长值：每 1 元 1 成长值', asset: 'growth', points: 1, per_fen: 100 });
  await rule({
    kind: 'activity',
    name: '每日签到 10 积分',
    points: 10,
    activity_type: 'signed_in',
    cap_period: 'day',
    cap_times: 1,
    expiry: { type: 'month_end' },
  });

  const monthly = await tx(async (q) => {
    const id = await createPack(
      q,
      t,
      {
        name: '金卡月度礼包',
        description: '金卡会员每月 1 日自动发放：两张拿铁兑换券和一张满 50 减 10 代金券。',
        kind: 'fixed',
        items: [
          { template_id: ids.latteTemplate, quantity: 2 },
          { template_id: ids.cashTemplate, quantity: 1 },
        ],
      },
      now,
    );
    await publishPack(q, t, id, now);
    return id;
  });
  const blindBox = await tx(async (q) => {
    const id = await createPack(
      q,
      t,
      {
        name: '咖啡盲盒',
        description: '一等奖 200 元礼品卡；抽 10 次未中一等奖，第 11 次必中（保底）。',
        kind: 'random',
        guarantee_after: 10,
        prizes: [
          { name: '一等奖 · 200元礼品卡', odds_bp: 200, stock: 5, top: true, items: [{ template_id: ids.giftTemplate, quantity: 1 }] },
          { name: '二等奖 · 拿铁两杯', odds_bp: 2800, stock: 100, items: [{ template_id: ids.latteTemplate, quantity: 2 }] },
          { name: '三等奖 · 满50减10', odds_bp: 7000, stock: 500, items: [{ template_id: ids.cashTemplate, quantity: 1 }] },
        ],
      },
      now,
    );
    await publishPack(q, t, id, now);
    return id;
  });
  // 金卡's monthly pack: made last month, so this month's run (the 1st) is due and the job grants it
  await tx((q) => createBenefit(q, owner, { tier_id: tier('金卡').id, pack_id: monthly, day_of_month: 1 }, new Date(now.getTime() - 40 * DAY)));

  const item = (input: Parameters<typeof createItem>[2]) =>
    tx(async (q) => {
      const it = await createItem(q, t, input, now);
      return setStatus(q, t, it.id, 'published', now);
    });
  const latteItem = await item({
    name: '拿铁兑换券',
    kind: 'card',
    batch_id: ids.latteOnIssue,
    points: 300,
    stock: 200,
    per_member_limit: 2,
    description: '中杯拿铁一杯，兑换后 30 天内到任意门店使用。',
    sort: 1,
  });
  const boxItem = await item({
    name: '咖啡盲盒',
    kind: 'pack',
    pack_id: blindBox,
    points: 800,
    stock: 50,
    per_member_limit: 5,
    tier_ids: [tier('金卡').id, tier('黑卡').id],
    description: '金卡、黑卡会员专享，有机会抽中 200 元礼品卡。',
    sort: 2,
  });
  await item({
    name: '200元礼品卡',
    kind: 'card',
    batch_id: ids.giftOnIssue,
    points: 20000,
    stock: 10,
    per_member_limit: 1,
    description: '可转赠好友的礼品卡。',
    sort: 3,
  });

  await seedDemoMemberHistory(ctx, owner, { members: ids.members, stores: ids.stores, latteItem: latteItem.id, boxItem: boxItem.id });

  // 刘洋 got the monthly pack by hand (新人礼); 陈静 holds 金卡 by hand for three months (a store opening's VIP trial)
  const [, , , liu, chen] = ids.members;
  await tx((q) => grantPack(ctx, q, owner, { packId: monthly, memberId: liu.id, source: 'manual', reference: 'manual:demo-welcome' }, now));
  await tx((q) =>
    setMemberTier(
      q,
      owner,
      chen.id,
      { tier_id: tier('金卡').id, until: shanghaiDate(new Date(now.getTime() + 90 * DAY)), reason: '新店开业 VIP 体验' },
      'demo',
      now,
    ),
  );
  return { tiers: ladder, monthlyPack: monthly, blindBox, latteItem: latteItem.id, boxItem: boxItem.id };
}
