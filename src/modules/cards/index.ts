import { defineModule, migrationsOf } from '../../platform/module.js';
import { expireDue } from './expire.js';
import { refillDue } from './refill.js';
import { routes } from './routes.js';

/** cards 卡券: each issued card, its life (issue, bind, transfer, freeze, void, top-up), expiry and refills. */
export default defineModule({
  name: 'cards',
  migrations: migrationsOf(import.meta.url),
  routes,
  jobs: [
    { type: 'cards.expire', every: 30_000, run: (c) => expireDue(c) },
    { type: 'cards.refill', every: 30_000, run: (c) => refillDue(c) },
  ],
});
