import { defineModule, migrationsOf } from '../../platform/module.js';
import { channelRoutes } from './routes.js';
import { channelNameResolver } from './names.js';

/** channels 渠道: who a card was issued through; a channel key sees only its channel. */
export default defineModule({ name: 'channels', migrations: migrationsOf(import.meta.url), routes: channelRoutes, extend: [channelNameResolver] });
