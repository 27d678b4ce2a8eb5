import { defineModule, migrationsOf } from '../../platform/module.js';
import { routes } from './routes.js';

/** provisioning 平台开通: platform keys, and tenants created, listed, disabled and enabled without SQL. */
export default defineModule({ name: 'provisioning', migrations: migrationsOf(import.meta.url), routes });
