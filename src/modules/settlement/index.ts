import { defineModule, migrationsOf } from '../../platform/module.js';
import { inArea } from '../../platform/events.js';
import { settlementRoutes } from './routes.js';
import { settlementInvariants } from './invariants.js';
import { statementNameResolver } from './names.js';

/** settlement 对账结算: statements per channel or wholesale buyer and period, closed and frozen, reconciled with the records. */
export default defineModule({
  name: 'settlement',
  migrations: migrationsOf(import.meta.url),
  routes: settlementRoutes,
  invariants: settlementInvariants,
  extend: [statementNameResolver],
  events: inArea('settlement', { statement_closed: ['对账单已结账', 'Statement closed'] }),
});
