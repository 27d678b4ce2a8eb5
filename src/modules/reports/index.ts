import { defineModule } from '../../platform/module.js';
import { routes } from './routes.js';

/** reports 数据: stats (issued, bound, redeemed, rate, amount and GMV, grouped), each card's trace and each member's history. */
export default defineModule({ name: 'reports', routes });
