import { defineModule, migrationsOf } from '../../platform/module.js';
import { inArea } from '../../platform/events.js';
import { nameResolvers } from '../../platform/names.js';
import { automationRoutes } from './routes.js';
import { ruleEvaluation } from './subscriber.js';
import { runCalendar } from './calendar.js';
import { ruleNames } from './model.js';
import { automationInvariants } from './invariants.js';

/**
 * automation 自动化规则: rules (trigger → conditions → limits → actions) evaluated by an event
 * subscriber exactly once per (rule, event), birthday and schedule rules by a calendar job in the
 * brand's time zone (docs/growth.md "Automation rules").
 */
export default defineModule({
  name: 'automation',
  migrations: migrationsOf(import.meta.url),
  routes: (app, ctx) => automationRoutes(app, ctx),
  subscribers: [ruleEvaluation],
  jobs: [{ type: 'automation.calendar', every: 60_000, run: (ctx) => runCalendar(ctx) }],
  invariants: automationInvariants,
  extend: [nameResolvers.with({ prefixes: ['rul_'], names: ruleNames })],
  events: inArea('automation', { fired: ['自动化规则触发', 'Automation rule fired'] }),
});
