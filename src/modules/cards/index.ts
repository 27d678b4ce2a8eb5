import { defineModule, migrationsOf } from '../../platform/module.js';
import { inArea } from '../../platform/events.js';
import { CARD_EVENTS } from './events.js';
import { markBatchFailed } from '../batches/service.js';
import { expireDue } from './expire.js';
import { generateBatch } from './generate.js';
import { cardInvariants } from './invariants.js';
import { poolRoutes } from './pool-routes.js';
import { refillDue } from './refill.js';
import { routes } from './routes.js';

/**
 * cards 卡券: each card, from the code made into its batch's pool (generated, imported, exported)
 * through its life (issue, bind, transfer, freeze, void, top-up), expiry and refills.
 */
export default defineModule({
  name: 'cards',
  migrations: migrationsOf(import.meta.url),
  async routes(app, ctx) {
    routes(app, ctx);
    // the CSV parser of the import route stays in a scope of its own
    await app.register(async (scope) => poolRoutes(scope, ctx));
  },
  invariants: cardInvariants,
  events: inArea('card', CARD_EVENTS),
  jobs: [
    {
      // fills a pregenerated batch's pool (the batches module enqueues it when a batch is created or resumed)
      type: 'batch.generate',
      async run(c, job, lease) {
        try {
          await generateBatch(c, job, lease);
        } catch (e) {
          if (job.attempts >= job.max_attempts) await markBatchFailed(c.db, job.tenant_id!, job.payload.batchId, String(e), c.clock.now());
          throw e;
        }
      },
    },
    { type: 'cards.expire', every: 30_000, run: (c) => expireDue(c) },
    { type: 'cards.refill', every: 30_000, run: (c) => refillDue(c) },
  ],
});
