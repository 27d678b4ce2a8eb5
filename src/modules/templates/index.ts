import { defineModule, migrationsOf } from '../../platform/module.js';
import { routes } from './routes.js';
import { templateNameResolver } from './names.js';

/** templates 卡券模板: what a card of each kind holds, how long it lives, where and when it may be redeemed. */
export default defineModule({ name: 'templates', migrations: migrationsOf(import.meta.url), routes, extend: [templateNameResolver] });
