import { defineModule } from '../../platform/module.js';
import { routes } from './routes.js';

/** wallet 会员钱包: what a member sees and does through a signed link. */
export default defineModule({ name: 'wallet', routes });
