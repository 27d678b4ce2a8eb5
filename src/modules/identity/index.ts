import { defineModule, migrationsOf } from '../../platform/module.js';
import { apiKeyRoutes } from './api-key-routes.js';
import { routes as operatorRoutes } from './operator-routes.js';
import { partnerRoutes } from './partner-routes.js';
import { backfillUsernameKeys } from './username.js';
import { keyNameResolver, operatorNameResolver } from './names.js';

/** identity 身份: API keys, operator and partner accounts and their sessions, sign-in and its limits. */
export default defineModule({
  name: 'identity',
  migrations: migrationsOf(import.meta.url),
  routes(app, ctx) {
    apiKeyRoutes(app, ctx);
    operatorRoutes(app, ctx);
    partnerRoutes(app, ctx);
  },
  extend: [operatorNameResolver, keyNameResolver],
  start: (ctx) => backfillUsernameKeys(ctx.db), // usernames are keyed in JS (migration 015)
});
