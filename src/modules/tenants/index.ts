import { defineModule, migrationsOf } from '../../platform/module.js';
import { routes } from './routes.js';

/** tenants 商户: a brand or group and its settings (time zone, currency, reversal window). */
export default defineModule({ name: 'tenants', migrations: migrationsOf(import.meta.url), routes });
