import { defineModule, migrationsOf } from '../../platform/module.js';
import { inArea } from '../../platform/events.js';
import { wholesaleRoutes } from './routes.js';
import { fulfilJob, reapReservations } from './fulfil.js';
import { wholesaleInvariants } from './invariants.js';
import { deliveredFollower } from './delivered.js';

/** wholesale 批发: price lists per price level, enterprise buyers with prepaid balances, wholesale orders and their fulfilment. */
export default defineModule({
  name: 'wholesale',
  migrations: migrationsOf(import.meta.url),
  routes: wholesaleRoutes,
  invariants: wholesaleInvariants,
  subscribers: [deliveredFollower],
  jobs: [
    { type: 'wholesale.fulfil', run: fulfilJob },
    { type: 'wholesale.reap', every: 60_000, run: async (ctx) => void (await reapReservations(ctx)) },
  ],
  events: inArea('wholesale', {
    order_created: ['新建批发订单', 'Wholesale order created'],
    order_confirmed: ['批发订单已确认', 'Wholesale order confirmed'],
    order_paid: ['批发订单已付款', 'Wholesale order paid'],
    order_fulfilled: ['批发订单已履约', 'Wholesale order fulfilled'],
    order_delivered: ['批发订单已交付', 'Wholesale order delivered'],
    order_cancelled: ['批发订单已取消', 'Wholesale order cancelled'],
    order_refunded: ['批发订单已退款', 'Wholesale order refunded'],
    below_floor: ['低于限价销售', 'Sold below the floor price'],
  }),
});
