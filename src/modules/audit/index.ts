import { defineModule, migrationsOf } from '../../platform/module.js';
import { routes } from './routes.js';
import { sealAll } from './service.js';

/** audit 审计: every mutation's entry, sealed in keyed blocks, verifiable end to end. */
export default defineModule({
  name: 'audit',
  migrations: migrationsOf(import.meta.url),
  routes,
  jobs: [{ type: 'audit.seal', every: 2_000, run: (c) => sealAll(c) }],
});
