import { defineModule } from '../../platform/module.js';
import { routes } from './routes.js';

/** reports 数据: stats (issued, bound, redeemed, rate, amount and GMV, grouped) and each card's trace. */
export default defineModule({ name: 'reports', routes });
