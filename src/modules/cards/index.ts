import { defineModule, migrationsOf } from '../../platform/module.js';
import { inArea } from '../../platform/events.js';
import { CARD_EVENTS } from './events.js';
import { markBatchFailed } from '../batches/service.js';
import { expireDue } from './expire.js';
import { expireGiftOffers } from './gift.js';
import { generateBatch } from './generate.js';
import { cardInvariants } from './invariants.js';
import { poolRoutes } from './pool-routes.js';
import { refillDue } from './refill.js';
import { routes } from './routes.js';
import { cardNameResolver } from './names.js';
import { bulkRoutes } from './bulk-routes.js';
import { markBulkFailed, runBulkJob } from './bulk.js';
import { noticeExpiring } from './expiring.js';
import { cardReviewHandlers } from './review.js';
import { cardField } from './segment-fields.js';

/**
 * cards 卡券: each card, from the code made into its batch's pool (generated, imported, exported)
 * through its life (issue, bind, transfer and gift offers, freeze, void, extend, top-up), expiry,
 * expiring-soon reminders and refills; card search and bulk actions over many cards.
 */
export default defineModule({
  name: 'cards',
  migrations: migrationsOf(import.meta.url),
  async routes(app, ctx) {
    routes(app, ctx);
    bulkRoutes(app, ctx);
    // the CSV parser of the import route stays in a scope of its own
    await app.register(async (scope) => poolRoutes(scope, ctx));
  },
  invariants: cardInvariants,
  extend: [cardNameResolver, ...cardReviewHandlers, cardField],
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
    // card.expiring, once per card and expiry date, for members' cards within their tenant's expiring_soon_days
    { type: 'cards.expiring', every: 60_000, run: (c) => noticeExpiring(c) },
    // a bulk action over a search's matches (POST /v1/cards/bulk with a filter), a chunk of cards per transaction
    {
      type: 'cards.bulk',
      async run(c, job, lease) {
        try {
          await runBulkJob(c, job.tenant_id!, job.payload.bulkId, lease);
        } catch (e) {
          if (job.attempts >= job.max_attempts) await markBulkFailed(c.db, job.tenant_id!, job.payload.bulkId, c.clock.now());
          throw e;
        }
      },
    },
    // gift offers not accepted in time: the cards are the givers' again
    { type: 'cards.gift_expire', every: 30_000, run: (c) => expireGiftOffers(c) },
  ],
});
