import { defineModule, migrationsOf } from '../../platform/module.js';
import { redemptionInvariants } from './invariants.js';
import { routes } from './routes.js';
import { redemptionNameResolver } from './names.js';
import { redeemReviewHandler } from './review.js';

/** redemptions 核销: check, redeem, reverse, and the redemption record. */
export default defineModule({
  name: 'redemptions',
  migrations: migrationsOf(import.meta.url),
  routes,
  invariants: redemptionInvariants,
  extend: [redemptionNameResolver, redeemReviewHandler],
});
