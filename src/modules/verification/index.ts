import { defineModule, migrationsOf } from '../../platform/module.js';
import { secondFactors } from '../../platform/guards.js';
import { codeResolvers } from '../cards/resolvers.js';
import { redemptionEffects, redemptionGuards } from '../redemptions/extensions.js';
import { walletRoutes } from '../wallet/extensions.js';
import { dynamicResolver, dynamicUsedOnce } from './dynamic.js';
import { verificationGuard } from './guard.js';
import { smsFactor } from './otp.js';
import { routes, walletDynamicRoutes } from './routes.js';

/** verification 动态码与二次验证: rotating dynamic codes per card, one-time codes by SMS (docs/risk.md "Verification"). */
export default defineModule({
  name: 'verification',
  migrations: migrationsOf(import.meta.url),
  routes,
  extend: [
    codeResolvers.with(dynamicResolver),
    redemptionGuards.with(verificationGuard),
    redemptionEffects.with(dynamicUsedOnce),
    secondFactors.with(smsFactor),
    walletRoutes.with(walletDynamicRoutes),
  ],
});
