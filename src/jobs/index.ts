import type { Ctx } from '../platform/context.js';
import { defineJob, enqueue } from './queue.js';
import { sealAll } from '../modules/audit/service.js';
import { generateBatch } from '../modules/batches/generate.js';
import { markBatchFailed } from '../modules/batches/service.js';
import { expireDue } from '../modules/cards/expire.js';
import { refillDue } from '../modules/cards/refill.js';
import { sqlStore } from '../modules/risk/guess-counter.js';
import { installWebhookJobs } from '../modules/webhooks/deliver.js';

/** Registers every job handler and makes sure each recurring sweep has its row. */
export async function installJobs(ctx: Ctx): Promise<void> {
  defineJob('audit.seal', async (c) => {
    await sealAll(c);
    return { again: new Date(c.clock.now().getTime() + 2_000) };
  });
  await enqueue(ctx.db, { type: 'audit.seal', singleton: 'audit.seal' });
  defineJob('batch.generate', async (c, job, lease) => {
    try {
      await generateBatch(c, job, lease);
    } catch (e) {
      if (job.attempts >= job.max_attempts) {
        await markBatchFailed(c.db, job.tenant_id!, job.payload.batchId, String(e));
      }
      throw e;
    }
  });
  defineJob('cards.expire', async (c) => {
    await expireDue(c);
    return { again: new Date(c.clock.now().getTime() + 30_000) };
  });
  defineJob('cards.refill', async (c) => {
    await refillDue(c);
    return { again: new Date(c.clock.now().getTime() + 30_000) };
  });
  await enqueue(ctx.db, { type: 'cards.expire', singleton: 'cards.expire' });
  await enqueue(ctx.db, { type: 'cards.refill', singleton: 'cards.refill' });
  // the guessing guard's rows in the database outlive their meaning a day after a caller's last failure
  defineJob('guess.sweep', async (c) => {
    await sqlStore(c.db).sweep(c.clock.now().getTime());
    return { again: new Date(c.clock.now().getTime() + 10 * 60_000) };
  });
  await enqueue(ctx.db, { type: 'guess.sweep', singleton: 'guess.sweep' });
  await installWebhookJobs(ctx);
}
