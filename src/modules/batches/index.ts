import { defineModule, migrationsOf } from '../../platform/module.js';
import { generateBatch } from './generate.js';
import { routes } from './routes.js';
import { markBatchFailed } from './service.js';

/** batches 批次: pre-generated, on-issue and imported codes of a template; generation as a durable job. */
export default defineModule({
  name: 'batches',
  migrations: migrationsOf(import.meta.url),
  routes,
  jobs: [
    {
      type: 'batch.generate',
      async run(c, job, lease) {
        try {
          await generateBatch(c, job, lease);
        } catch (e) {
          if (job.attempts >= job.max_attempts) await markBatchFailed(c.db, job.tenant_id!, job.payload.batchId, String(e));
          throw e;
        }
      },
    },
  ],
});
