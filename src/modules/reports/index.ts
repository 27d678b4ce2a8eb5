import { defineModule } from '../../platform/module.js';

/** reports 数据: issued, bound, redeemed, rate, amount and GMV, grouped. */
export default defineModule({ name: 'reports' });
