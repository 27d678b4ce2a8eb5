import { defineModule, migrationsOf } from '../../platform/module.js';
import { inArea } from '../../platform/events.js';
import { nameResolvers } from '../../platform/names.js';
import { closeGuard, openGuard } from './guard.js';
import { sqlStore } from './guess-counter.js';
import { riskRoutes } from './routes.js';
import { insightRoutes } from './insight-routes.js';
import { detectSpikes } from './alerts.js';
import { ruleNames } from './rules.js';
import { phoneChangeFollower } from './signals.js';
import { actionGuards } from '../../platform/guards.js';
import { riskActionGuard } from './plugs.js';
import { closeCounters, openCounters } from './engine.js';
import { closeLog, openLog, sweepLog } from './actionlog.js';
import { sqlCounters } from './counters.js';

/**
 * risk 风控: the code-guessing guard, and the risk engine — rules (limits and signals), lists,
 * decisions, client signals and the action log (docs/risk.md). Approvals of high-value redemptions
 * are the redemptions module's.
 */
export default defineModule({
  name: 'risk',
  migrations: migrationsOf(import.meta.url),
  routes: (app, ctx) => [riskRoutes, insightRoutes].forEach((r) => r(app, ctx)),
  jobs: [
    // the guard's rows in the database outlive their meaning a day after a caller's last failure
    { type: 'guess.sweep', every: 10 * 60_000, run: (c) => sqlStore(c.db).sweep(c.clock.now().getTime()) },
    // limit counters in the database past their window
    { type: 'risk.counters.sweep', every: 10 * 60_000, run: (c) => sqlCounters(c.db).sweep(c.clock.now().getTime()) },
    // the action log (35 days) and client signals (60 days)
    { type: 'risk.log.sweep', every: 3600_000, run: (c) => sweepLog(c.db, c.clock.now()) },
    // 风控告警: a rule's hits this hour against the same hour of the 7 days before (alerts.ts)
    { type: 'risk.spikes', every: 5 * 60_000, run: (c) => detectSpikes(c) },
  ],
  subscribers: [phoneChangeFollower],
  // the redemption's guard (plugs.ts) is plugged by redemptions/index.ts: this module cannot import that one (redemptions → cards → risk)
  extend: [nameResolvers.with({ prefixes: ['rrl_'], names: ruleNames }), actionGuards.with(riskActionGuard)],
  events: inArea('risk', {
    refused: ['风控拒绝', 'Refused by a risk rule'],
    flagged: ['风控标记', 'Flagged by a risk rule'],
    spike: ['风控告警：规则命中激增', 'Risk rule hits spiked'],
  }),
  // the guard's counters: in Redis when configured, else in this database; closed with it
  start: (ctx) => {
    openGuard(ctx.db, ctx.config.redisUrl);
    openCounters(ctx.db, ctx.config.redisUrl);
    openLog(ctx.db);
  },
  stop: async (ctx) => {
    await closeLog(ctx.db);
    await closeCounters(ctx.db);
    await closeGuard(ctx.db);
  },
});
