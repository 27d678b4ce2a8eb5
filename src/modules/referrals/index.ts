import { defineModule, migrationsOf } from '../../platform/module.js';
import { inArea } from '../../platform/events.js';
import { nameResolvers } from '../../platform/names.js';
import { walletRoutes } from '../wallet/extensions.js';
import { referralRoutes } from './routes.js';
import { referralWalletRoutes } from './wallet-routes.js';
import { referralQualifier, payDue } from './pay.js';
import { campaignNames } from './campaigns.js';
import { referralInvariants } from './invariants.js';

/**
 * referrals 邀请有礼: a code per member; a friend who joins with it is referred under the live campaign;
 * the rewards are paid once, after the qualifying event and its return window (docs/growth.md "Referrals").
 */
export default defineModule({
  name: 'referrals',
  migrations: migrationsOf(import.meta.url),
  routes: referralRoutes,
  jobs: [{ type: 'referrals.pay', every: 60_000, run: async (c) => ((await payDue(c)) >= 200 ? { again: c.clock.now() } : undefined) }],
  subscribers: [referralQualifier],
  extend: [walletRoutes.with(referralWalletRoutes), nameResolvers.with({ prefixes: ['rfc_'], names: campaignNames })],
  invariants: referralInvariants,
  events: inArea('referral', {
    joined: ['填写邀请码', 'Joined with a referral code'],
    qualified: ['邀请达成条件', 'Referral qualified'],
    rewarded: ['邀请奖励发放', 'Referral rewarded'],
    cancelled: ['邀请已取消', 'Referral cancelled'],
  }),
});
