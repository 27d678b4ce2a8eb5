import type { Ctx } from '../platform/context.js';
import type { Caller } from '../http/access.js';
import type { Sql } from '../db/index.js';
import { placeOrder, recordActivity } from '../modules/orders/service.js';
import { refundOrder } from '../modules/orders/refunds.js';
import { adjust } from '../modules/points/change.js';
import { exchange } from '../modules/mall/exchange.js';

const DAY = 86_400_000;

/** One demo order: coffee and food lines adding up to its amount (fen), placed `daysAgo` days ago. */
interface DemoOrder {
  no: string;
  daysAgo: number;
  coffee: number;
  food: number;
}

/**
 * The demo members' history, as the brand's systems would have reported it: orders over the last three
 * months (so points lots expire on different days), a refund, daily sign-ins, mall exchanges and a
 * manual adjustment. Tiers follow from the growth earned: 张伟 金卡, 王芳 黑卡, 李娜 银卡 with a refund
 * pending her downgrade (grace), 刘洋 普通.
 */
export async function seedDemoMemberHistory(
  ctx: Ctx,
  owner: Caller,
  ids: { members: { id: string }[]; stores: { id: string }[]; latteItem: string; boxItem: string },
) {
  const now = ctx.clock.now();
  const t = owner.tenantId;
  const tx = <T>(fn: (q: Sql) => Promise<T>) => ctx.db.tx(fn);
  const ago = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
  const [zhang, wang, li, liu, chen] = ids.members;

  const orders: [{ id: string }, DemoOrder[]][] = [
    [
      zhang,
      [
        { no: 'SO20260901001', daysAgo: 88, coffee: 12_800, food: 42_000 },
        { no: 'SO20261003002', daysAgo: 60, coffee: 9_600, food: 61_000 },
        { no: 'SO20261102003', daysAgo: 30, coffee: 6_400, food: 35_200 },
        { no: 'SO20261128004', daysAgo: 6, coffee: 3_200, food: 40_000 },
      ],
    ],
    [
      wang,
      [
        { no: 'SO20260905011', daysAgo: 84, coffee: 20_000, food: 280_000 },
        { no: 'SO20261015012', daysAgo: 50, coffee: 16_000, food: 350_000 },
        { no: 'SO20261120013', daysAgo: 15, coffee: 8_000, food: 240_000 },
      ],
    ],
    [
      li,
      [
        { no: 'SO20261010021', daysAgo: 55, coffee: 6_400, food: 23_600 },
        { no: 'SO20261125022', daysAgo: 10, coffee: 3_200, food: 36_800 },
      ],
    ],
    [liu, [{ no: 'SO20261130031', daysAgo: 4, coffee: 3_200, food: 11_800 }]],
    [chen, [{ no: 'SO20261118041', daysAgo: 17, coffee: 6_400, food: 23_600 }]],
  ];
  const placed = new Map<string, string>();
  for (const [mi, [member, list]] of orders.entries())
    for (const o of list) {
      const r = await tx((q) =>
        placeOrder(
          q,
          t,
          {
            member_id: member.id,
            order_no: o.no,
            amount: o.coffee + o.food,
            store_id: ids.stores[mi % ids.stores.length].id,
            lines: [
              { sku: 'LATTE-M', category: 'coffee', quantity: Math.max(1, Math.round(o.coffee / 3200)), amount: o.coffee },
              { sku: 'MEAL-SET', category: 'food', quantity: 1, amount: o.food },
            ],
            placed_at: ago(o.daysAgo),
          },
          now,
        ),
      );
      placed.set(o.no, r.id);
    }
  // 李娜 returned most of her last order: points and growth clawed back, 银卡 kept through the grace
  await tx((q) => refundOrder(q, t, placed.get('SO20261125022')!, { refund_no: 'RF20261127001', amount: 30_000 }, now));

  // 签到: the last few days (10 points a day, at most once a day)
  for (const [member, days] of [
    [zhang, [3, 2, 1, 0]],
    [wang, [1, 0]],
    [li, [0]],
  ] as const)
    for (const d of days) await tx((q) => recordActivity(q, t, member.id, { type: 'signed_in', reference: `signin:${member.id}:${d}`, at: ago(d) }, now));

  // the mall: 王芳 drew the 盲盒 and took a latte, 张伟 a latte
  const ex = (itemId: string, memberId: string) => tx((q) => exchange(ctx, q, owner, itemId, { memberId, via: 'api', actor: 'demo' }));
  await ex(ids.boxItem, wang.id);
  await ex(ids.latteItem, wang.id);
  await ex(ids.latteItem, zhang.id);

  // 刘洋 got 200 points by hand for a late delivery, valid 60 days
  await tx((q) => adjust(q, t, { memberId: liu.id, asset: 'points', delta: 200, reason: '外卖超时补偿', expiresAt: new Date(now.getTime() + 60 * DAY) }, now));
}
