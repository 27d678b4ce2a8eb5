import type { Ctx } from '../platform/context.js';
import type { Caller } from '../http/access.js';
import type { Sql } from '../db/index.js';
import { grant } from '../modules/allocations/service.js';
import { setPrice } from '../modules/wholesale/prices.js';
import { createBuyer, recharge } from '../modules/wholesale/buyers.js';
import { confirmOrder, createOrder } from '../modules/wholesale/orders.js';
import { payOrder } from '../modules/wholesale/payment.js';

/**
 * The demo's channel trade 渠道与批发: price lists per level, quota of the on-issue coupon down the
 * tree (华东总代 200, of which 苏州区域代理 50 for 双12), and an enterprise buyer with a prepaid
 * balance and a paid order of 20 codes from the pre-generated pool, waiting to be fulfilled.
 * Runs after the pool is generated (an order reserves from it).
 */
export async function seedDemoTrade(
  ctx: Ctx,
  owner: Caller,
  ids: { cashTemplate: string; giftTemplate: string; cashOnIssue: string; pool: string; east: string; suzhou: string },
) {
  const now = ctx.clock.now();
  const tx = <T>(fn: (q: Sql) => Promise<T>) => ctx.db.tx(fn);
  const t = owner.tenantId;
  for (const [level, cash, gift] of [
    ['L1', 700, 18000],
    ['L2', 800, 18500],
    ['L3', 900, 19000],
  ] as const) {
    await tx((q) => setPrice(q, t, level, ids.cashTemplate, { wholesale_price: cash, retail_price: 1000, floor_price: 600 }, now));
    await tx((q) => setPrice(q, t, level, ids.giftTemplate, { wholesale_price: gift, retail_price: 20000, floor_price: 17000, below_floor: 'flag' }, now));
  }
  await tx((q) => grant(ctx, q, owner, { batch_id: ids.cashOnIssue, to_channel_id: ids.east, quantity: 200 }));
  await tx((q) =>
    grant(ctx, q, owner, { batch_id: ids.cashOnIssue, from_channel_id: ids.east, to_channel_id: ids.suzhou, quantity: 50, params: { campaign: '双12' } }),
  );
  const buyer = await tx((q) =>
    createBuyer(q, t, { name: '某科技公司 员工福利', contact_name: '李经理', contact_phone: '13900000000', price_level: 'L1' }, now),
  );
  await tx((q) => recharge(q, t, buyer.id, { amount: 500_000, reference: '银行回单 20261120-001' }, now));
  const order = await tx((q) => createOrder(q, t, { buyer_id: buyer.id, lines: [{ batch_id: ids.pool, quantity: 20 }], note: '年终员工福利' }, 'demo', now));
  await tx((q) => confirmOrder(q, t, order.id, now));
  await tx((q) => payOrder(q, t, order.id, { method: 'prepaid' }, 'demo', now));
}
