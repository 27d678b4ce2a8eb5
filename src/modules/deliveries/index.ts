import { defineModule, migrationsOf } from '../../platform/module.js';
import { inArea } from '../../platform/events.js';
import { routes } from './routes.js';
import { pages } from './pages.js';
import { deliveryInvariants } from './invariants.js';

/** deliveries 卡密交付: issued bearer codes handed to a recipient as a password-protected file or a one-time link. */
export default defineModule({
  name: 'deliveries',
  migrations: migrationsOf(import.meta.url),
  routes,
  rootRoutes: pages,
  invariants: deliveryInvariants,
  events: inArea('delivery', {
    created: ['卡密交付已创建', 'Delivery created'],
    downloaded: ['卡密已下载', 'Delivery downloaded'],
    revoked: ['卡密交付已撤销', 'Delivery revoked'],
  }),
});
