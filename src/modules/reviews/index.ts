import { defineModule, migrationsOf } from '../../platform/module.js';
import { inArea } from '../../platform/events.js';
import { desk } from './desk.js';
import { routes } from './routes.js';
import { expireDue } from './service.js';

/**
 * reviews 人工审核: an action a risk rule sends to review waits here — its owner holds what it would
 * take (reviewHandlers) — until an operator approves or rejects it, or its hold runs out.
 */
export default defineModule({
  name: 'reviews',
  migrations: migrationsOf(import.meta.url),
  routes,
  extend: [desk],
  events: inArea('review', {
    requested: ['提交人工审核', 'Sent to review'],
    approved: ['人工审核通过', 'Review approved'],
    rejected: ['人工审核驳回', 'Review rejected'],
    expired: ['人工审核超时', 'Review expired'],
  }),
  jobs: [{ type: 'reviews.expire', every: 60_000, run: (c) => expireDue(c) }],
});
