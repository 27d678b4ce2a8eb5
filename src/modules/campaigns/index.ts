import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { defineModule, migrationsOf } from '../../platform/module.js';
import { inArea } from '../../platform/events.js';
import { nameResolvers } from '../../platform/names.js';
import { walletRoutes } from '../wallet/extensions.js';
import { campaignRoutes } from './routes.js';
import { campaignWalletRoutes } from './wallet-routes.js';
import { campaignInvariants } from './invariants.js';
import { campaignNames } from './model.js';
import { creditOnRedeem } from './credit.js';

/**
 * campaigns 领券中心与分享领券: claim-center campaigns members claim themselves (audience, window, stock,
 * per-member limit, exact under a rush) and share campaigns whose links friends claim through, the
 * sharer credited on the friend's claim or redemption (docs/growth.md "Claim center and shares").
 */
export default defineModule({
  name: 'campaigns',
  migrations: migrationsOf(import.meta.url),
  routes: (app: FastifyInstance, ctx: Ctx) => campaignRoutes(app, ctx),
  extend: [nameResolvers.with({ prefixes: ['cmp_'], names: campaignNames }), walletRoutes.with(campaignWalletRoutes)],
  invariants: campaignInvariants,
  subscribers: [creditOnRedeem],
  events: {
    ...inArea('campaign', { claimed: ['领取活动卡券', 'Campaign claimed'] }),
    ...inArea('share', {
      claimed: ['好友分享领券', 'Claimed through a share link'],
      credited: ['分享人获得奖励', 'Sharer credited for a friend'],
    }),
  },
});
