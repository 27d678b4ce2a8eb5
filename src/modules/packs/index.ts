import { defineModule, migrationsOf } from '../../platform/module.js';
import { inArea } from '../../platform/events.js';
import { nameResolvers } from '../../platform/names.js';
import { packRoutes, walletPackRoutes } from './routes.js';
import { walletRoutes } from '../wallet/extensions.js';
import { packInvariants } from './invariants.js';
import { grantNames, packNames } from './service.js';

/** packs 权益礼包: fixed or random packs (盲盒: odds, stock, guarantee) granted to members as cards, by hand or by the tiers, mall and rules (grantPack). */
export default defineModule({
  name: 'packs',
  migrations: migrationsOf(import.meta.url),
  routes: packRoutes,
  extend: [
    nameResolvers.with({ prefixes: ['pck_'], names: packNames }),
    nameResolvers.with({ prefixes: ['pkg_'], names: grantNames }),
    walletRoutes.with(walletPackRoutes),
  ],
  invariants: packInvariants,
  events: inArea('pack', {
    granted: ['发放权益礼包', 'Pack granted'],
    drawn: ['盲盒抽奖', 'Random pack drawn'],
  }),
});
