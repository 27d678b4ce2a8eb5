import { defineModule, migrationsOf } from '../../platform/module.js';
import { wechatpayRoutes } from './routes.js';
import { notifyRoutes } from './notify.js';
import { UPLOAD, driveUpload } from './upload.js';
import { redeemedToWechat, useJob } from './uses.js';
import { reconJobs } from './recon.js';

/** wechatpay 微信支付商家券: a batch mirrored as a WeChat Pay merchant-coupon stock in upload-code mode (docs/wechatpay.md). */
export default defineModule({
  name: 'wechatpay',
  migrations: migrationsOf(import.meta.url),
  routes: wechatpayRoutes,
  rootRoutes: notifyRoutes,
  jobs: [{ type: UPLOAD, maxAttempts: 20, run: (ctx, job, lease) => driveUpload(ctx, job.tenant_id!, job.payload.stock_row, lease) }, useJob, ...reconJobs],
  subscribers: [redeemedToWechat],
});
