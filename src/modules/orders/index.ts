import { defineModule, migrationsOf } from '../../platform/module.js';
import { inArea } from '../../platform/events.js';
import { orderRoutes } from './routes.js';
import { orderFields } from './segment-fields.js';

/** orders 订单接入: members' orders, refunds and custom events coming in from the brand's systems; effects ride in their transactions (orderEffects). */
export default defineModule({
  name: 'orders',
  migrations: migrationsOf(import.meta.url),
  routes: orderRoutes,
  extend: orderFields,
  events: {
    ...inArea('order', { placed: ['订单接入', 'Order placed'], refunded: ['订单退款', 'Order refunded'] }),
    ...inArea('activity', { recorded: ['会员行为', 'Member activity'] }),
  },
});
