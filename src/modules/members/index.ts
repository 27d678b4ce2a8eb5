import { defineModule, migrationsOf } from '../../platform/module.js';
import { routes } from './routes.js';

/** members 会员. */
export default defineModule({ name: 'members', migrations: migrationsOf(import.meta.url), routes });
