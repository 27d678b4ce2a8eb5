import { defineModule, migrationsOf } from '../../platform/module.js';
import { inArea } from '../../platform/events.js';
import { mallRoutes } from './routes.js';
import { mallWalletRoutes } from './wallet-routes.js';
import { mallInvariants } from './invariants.js';
import type { Ctx } from '../../platform/context.js';
import type { FastifyInstance } from 'fastify';

/** mall 积分商城: items that cost points (cards or benefit packs), exchanged atomically by members and refunded by staff (docs/membership.md). */
export default defineModule({
  name: 'mall',
  migrations: migrationsOf(import.meta.url),
  routes: (app: FastifyInstance, ctx: Ctx) => {
    mallRoutes(app, ctx);
    mallWalletRoutes(app, ctx);
  },
  invariants: mallInvariants,
  events: inArea('mall', {
    exchanged: ['积分兑换', 'Exchanged in the points mall'],
    refunded: ['积分兑换退款', 'Mall exchange refunded'],
  }),
});
