import { defineModule, migrationsOf } from '../../platform/module.js';
import { routes } from './routes.js';
import { storeNameResolver } from './names.js';

/** stores 门店. */
export default defineModule({ name: 'stores', migrations: migrationsOf(import.meta.url), routes, extend: [storeNameResolver] });
