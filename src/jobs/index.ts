import type { Ctx } from '../http/context.js';
import { defineJob, enqueue } from './queue.js';
import { sealAll } from '../modules/audit/service.js';

/** Registers every job handler and makes sure each recurring sweep has its row. */
export async function installJobs(ctx: Ctx): Promise<void> {
  defineJob('audit.seal', async (c) => {
    await sealAll(c.db);
    return { again: new Date(c.clock.now().getTime() + 2_000) };
  });
  await enqueue(ctx.db, { type: 'audit.seal', singleton: 'audit.seal' });
}
