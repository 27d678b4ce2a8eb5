import { defineModule, migrationsOf } from '../../platform/module.js';
import { closeGuard, openGuard } from './guard.js';
import { sqlStore } from './guess-counter.js';

/** risk 风控: the code-guessing guard (approvals of high-value redemptions are the redemptions module's). */
export default defineModule({
  name: 'risk',
  migrations: migrationsOf(import.meta.url),
  jobs: [
    // the guard's rows in the database outlive their meaning a day after a caller's last failure
    { type: 'guess.sweep', every: 10 * 60_000, run: (c) => sqlStore(c.db).sweep(c.clock.now().getTime()) },
  ],
  // the guard's counters: in Redis when configured, else in this database; closed with it
  start: (ctx) => void openGuard(ctx.db, ctx.config.redisUrl),
  stop: (ctx) => closeGuard(ctx.db),
});
