import { defineModule, migrationsOf } from '../../platform/module.js';
import { inArea } from '../../platform/events.js';
import { routes } from './routes.js';
import { leakageGuard } from './guard.js';
import { leakageDetector } from './detect.js';

/**
 * leakage 窜货: a card of a channel redeemed at a store outside that channel's regions or store tags,
 * or bound by a member outside its regions (scope.ts). Per template (`rules.leakage`): allow, flag
 * (default: an alert, a `channel.leakage` event, a webhook) or refuse (a redemption guard).
 */
export default defineModule({
  name: 'leakage',
  migrations: migrationsOf(import.meta.url),
  routes,
  subscribers: [leakageDetector],
  extend: [leakageGuard],
  events: inArea('channel', { leakage: ['窜货预警', 'Channel leakage'] }),
});
