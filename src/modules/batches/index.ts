import { defineModule, migrationsOf } from '../../platform/module.js';
import { routes } from './routes.js';

/** batches 批次: a template's batches (pregenerated, on-issue, imported), their stock and generation status. Their codes are the cards module's. */
export default defineModule({ name: 'batches', migrations: migrationsOf(import.meta.url), routes });
