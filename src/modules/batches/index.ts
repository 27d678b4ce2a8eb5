import { defineModule, migrationsOf } from '../../platform/module.js';
import { routes } from './routes.js';
import { inArea } from '../../platform/events.js';
import { batchNameResolver } from './names.js';

/** batches 批次: a template's batches (pregenerated, on-issue, imported), their stock and generation status. Their codes are the cards module's. */
export default defineModule({
  name: 'batches',
  migrations: migrationsOf(import.meta.url),
  routes,
  extend: [batchNameResolver],
  events: inArea('batch', {
    created: ['批次已创建', 'Batch created'],
    ready: ['批次已就绪', 'Batch ready'],
    failed: ['批次生成失败', 'Batch generation failed'],
  }),
});
