import { defineModule, migrationsOf } from '../../platform/module.js';
import { redemptionInvariants } from './invariants.js';
import { routes } from './routes.js';
import { redemptionNameResolver } from './names.js';
import { redemptionGuards } from './extensions.js';
import { riskRedemptionGuard } from '../risk/plugs.js';
import { redeemReviewHandler } from './review.js';
import { redemptionField } from './segment-fields.js';

/** redemptions 核销: check, redeem, reverse, and the redemption record. */
export default defineModule({
  name: 'redemptions',
  migrations: migrationsOf(import.meta.url),
  routes,
  invariants: redemptionInvariants,
  // the risk engine's guard (risk/ cannot import this module: redemptions → cards → risk)
  extend: [redemptionNameResolver, redemptionGuards.with(riskRedemptionGuard), redeemReviewHandler, redemptionField],
});
