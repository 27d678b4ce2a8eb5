import { defineModule, migrationsOf } from '../../platform/module.js';
import { deliverJob } from './deliver.js';
import { routes } from './routes.js';
import { webhookFanout } from './fanout.js';
import { endpointNameResolver } from './names.js';

/** webhooks 事件推送: endpoints, the outbox (fed by a subscriber to the event log) and its signed deliveries with retries. */
export default defineModule({
  name: 'webhooks',
  migrations: migrationsOf(import.meta.url),
  routes,
  jobs: [deliverJob],
  subscribers: [webhookFanout],
  extend: [endpointNameResolver],
});
