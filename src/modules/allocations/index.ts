import { defineModule, migrationsOf } from '../../platform/module.js';
import { inArea } from '../../platform/events.js';
import { allocationRoutes } from './routes.js';
import { allocationQuota } from './quota.js';
import { allocationInvariants } from './invariants.js';

/** allocations 渠道分配: issue quota and pre-generated codes handed down the channel tree, with tracking parameters. */
export default defineModule({
  name: 'allocations',
  migrations: migrationsOf(import.meta.url),
  routes: allocationRoutes,
  extend: [allocationQuota],
  invariants: allocationInvariants,
  events: inArea('allocation', {
    granted: ['渠道分配', 'Allocated to a channel'],
    revoked: ['收回分配', 'Allocation taken back'],
    transferred: ['配额调拨', 'Holding moved'],
  }),
});
