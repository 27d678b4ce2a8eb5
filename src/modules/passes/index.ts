import { defineModule, migrationsOf } from '../../platform/module.js';
import { walletRoutes } from '../wallet/extensions.js';
import { passRoutes, walletPassRoutes } from './routes.js';
import { appleWebService } from './webservice.js';
import { PASS_CHANGES, passChanged, pushJob } from './push.js';

/** passes 卡包: a card in Apple Wallet (.pkpass, kept current through Apple's web service and APNs) and Google Wallet (a signed save link). */
export default defineModule({
  name: 'passes',
  migrations: migrationsOf(import.meta.url),
  routes: passRoutes,
  rootRoutes: appleWebService,
  extend: [walletRoutes.with(walletPassRoutes)],
  subscribers: [{ name: 'passes', types: PASS_CHANGES, handle: passChanged }],
  jobs: [{ type: 'passes.push', maxAttempts: 8, run: (c, job) => pushJob(c, job.tenant_id!, (job.payload as { card_id: string }).card_id) }],
});
