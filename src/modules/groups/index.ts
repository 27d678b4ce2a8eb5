import type { FastifyInstance } from 'fastify';
import { defineModule, migrationsOf } from '../../platform/module.js';
import { inArea } from '../../platform/events.js';
import { nameResolvers } from '../../platform/names.js';
import type { Ctx } from '../../platform/context.js';
import { walletRoutes } from '../wallet/extensions.js';
import { groupRoutes } from './routes.js';
import { groupWalletRoutes } from './wallet-routes.js';
import { groupInvariants } from './invariants.js';
import { expireGroups } from './expire.js';
import { campaignNames } from './campaigns.js';
import { groupNames } from './names.js';

/**
 * groups 组团解锁: a benefit that unlocks only when N members join a group within a time limit — groups
 * fill exactly under concurrency, unlock for every member at once, and expire unfilled with their hold
 * of the campaign's stock given back (docs/growth.md "Group unlock").
 */
export default defineModule({
  name: 'groups',
  migrations: migrationsOf(import.meta.url),
  routes: (app: FastifyInstance, ctx: Ctx) => groupRoutes(app, ctx),
  jobs: [{ type: 'groups.expire', every: 30_000, run: async (c) => ((await expireGroups(c)) >= 200 ? { again: c.clock.now() } : undefined) }],
  extend: [
    walletRoutes.with(groupWalletRoutes),
    nameResolvers.with({ prefixes: ['gpc_'], names: campaignNames }),
    nameResolvers.with({ prefixes: ['grp_'], names: groupNames }),
  ],
  invariants: groupInvariants,
  events: inArea('group', {
    started: ['开团', 'Group started'],
    joined: ['参团', 'Joined a group'],
    unlocked: ['成团解锁', 'Group unlocked'],
    expired: ['组团过期', 'Group expired'],
  }),
});
