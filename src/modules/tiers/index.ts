import { defineModule, migrationsOf } from '../../platform/module.js';
import { inArea } from '../../platform/events.js';
import { tierRoutes, walletTierRoutes } from './routes.js';
import { walletRoutes } from '../wallet/extensions.js';
import { sweep } from './sweep.js';
import { grantBenefits } from './benefits.js';
import { tierInvariants } from './invariants.js';
import { growthChanged } from './deps.js';
import { onGrowthChanged } from './growth.js';
import { tierField } from './segment-fields.js';

/** tiers 会员等级: the ladder of growth thresholds, each member's tier (up at once, down by the tenant's policy), manual floors, monthly benefits. */
export default defineModule({
  name: 'tiers',
  migrations: migrationsOf(import.meta.url),
  routes: tierRoutes,
  extend: [growthChanged.with(onGrowthChanged), walletRoutes.with(walletTierRoutes), tierField],
  jobs: [
    { type: 'tiers.sweep', every: 60_000, run: (ctx) => sweep(ctx) },
    { type: 'tiers.benefits', every: 60_000, run: (ctx) => grantBenefits(ctx) },
  ],
  invariants: tierInvariants,
  events: inArea('tier', { changed: ['会员等级变更', 'Member tier changed'] }),
});
