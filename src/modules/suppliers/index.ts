import { defineModule, migrationsOf } from '../../platform/module.js';
import { inArea } from '../../platform/events.js';
import { supplierRoutes } from './routes.js';
import { callbackRoutes } from './callbacks.js';
import { driveJobDef } from './drive.js';
import { syncJobDefs } from './sync.js';

/** suppliers 供应商: external codes and direct top-ups bought through adapters, with failover only on a confirmed failure (docs/suppliers.md). */
export default defineModule({
  name: 'suppliers',
  migrations: migrationsOf(import.meta.url),
  routes: supplierRoutes,
  rootRoutes: callbackRoutes,
  jobs: [driveJobDef, ...syncJobDefs],
  events: inArea('supplier', {
    order_succeeded: ['供应商订单成功', 'Supplier order succeeded'],
    order_failed: ['供应商订单失败', 'Supplier order failed'],
  }),
});
