import { defineModule, migrationsOf } from '../../platform/module.js';
import { inArea } from '../../platform/events.js';
import { orderEffects } from '../orders/extensions.js';
import { walletRoutes } from '../wallet/extensions.js';
import { pointInvariants } from './invariants.js';
import { pointsEffect } from './effects.js';
import { expireLots } from './expire.js';
import { redemptionEarning } from './redeem.js';
import { pointRoutes } from './routes.js';
import { memberPointRoutes, walletPointRoutes } from './member-routes.js';
import { pointFields } from './segment-fields.js';

/** points 积分 and growth 成长值: lots with their own expiry, earning rules, spends, the ledger beside them (docs/membership.md). */
export default defineModule({
  name: 'points',
  migrations: migrationsOf(import.meta.url),
  routes: (app, ctx) => {
    pointRoutes(app, ctx);
    memberPointRoutes(app, ctx);
  },
  jobs: [{ type: 'points.expire', every: 60_000, run: (ctx) => expireLots(ctx) }],
  subscribers: [redemptionEarning],
  extend: [orderEffects.with(pointsEffect), walletRoutes.with(walletPointRoutes), ...pointFields],
  invariants: pointInvariants,
  events: {
    ...inArea('points', {
      earned: ['积分到账', 'Points earned'],
      spent: ['积分消费', 'Points spent'],
      returned: ['积分退回', 'Points returned'],
      expired: ['积分过期', 'Points expired'],
      clawed_back: ['积分扣回', 'Points clawed back'],
      adjusted: ['积分调整', 'Points adjusted'],
    }),
    ...inArea('growth', { changed: ['成长值变动', 'Growth changed'] }),
  },
});
