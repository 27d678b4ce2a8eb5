import { defineModule, migrationsOf } from '../../platform/module.js';

/**
 * rewards 奖励: how every growth play (automation rules, claim-center campaigns, shares, referrals,
 * tasks) gives members cards, packs and points — once per reference, traceable from each card
 * (docs/growth.md "Rewards"). No routes of its own: the plays answer what they gave.
 */
export default defineModule({
  name: 'rewards',
  migrations: migrationsOf(import.meta.url),
});
