import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { Id, Nullable, Timestamp, responses } from '../../http/schemas.js';
import { enqueue } from '../../platform/jobs.js';
import { AppError } from '../../errors.js';
import { getBatch } from '../batches/service.js';
import { putSettings, readSettings } from './settings.js';
import { startMirror, stockOfBatch, type StockRow } from './stock.js';
import { UPLOAD } from './upload.js';
import { listReconciliations } from './recon.js';

const Settings = Type.Object({
  mchid: Type.String(),
  appid: Type.String(),
  serial_no: Type.String(),
  api_v3_key: Type.String({ description: 'always ******** (never shown after saving)' }),
  private_key: Type.String({ description: 'always ********' }),
  platform_certificates: Type.Array(Type.Object({ serial: Nullable(Type.String()), not_after: Nullable(Type.String()) })),
  base_url: Type.String(),
  updated_at: Timestamp,
});
const Stock = Type.Object({
  batch_id: Type.String(),
  stock_id: Nullable(Type.String({ description: 'WeChat’s 批次号 once created' })),
  stock_type: Type.String({ description: 'NORMAL 代金 · DISCOUNT 折扣 · EXCHANGE 换购' }),
  state: Type.Union(['creating', 'uploading', 'ready', 'failed'].map((s) => Type.Literal(s))),
  quantity: Type.Integer(),
  taken: Type.Integer({ description: 'codes taken out of the pool for WeChat' }),
  uploaded: Type.Integer({ description: 'codes WeChat acknowledged' }),
  last_error: Nullable(Type.String()),
  created_at: Timestamp,
  updated_at: Timestamp,
});
const Diff = Type.Object({
  kind: Type.String({ description: 'claim_count · used_in_wechat_not_redeemed · redeemed_not_used_in_wechat · flagged · query_failed' }),
  card_id: Type.Optional(Type.String()),
  code_tail: Type.Optional(Type.String()),
  detail: Type.String({ description: 'in English, for the log' }),
  why: Type.Optional(
    Type.String({ description: 'use_refused · use_pending (redeemed_not_used_in_wechat); used_after_kaquan · refused_here (flagged); stock (query_failed)' }),
  ),
  wechat_count: Type.Optional(Type.Integer({ description: 'claim_count: claimed at WeChat' })),
  kaquan_count: Type.Optional(Type.Integer({ description: 'claim_count: claims Kaquan was notified of' })),
  wechat_state: Type.Optional(Type.String({ description: 'redeemed_not_used_in_wechat: WeChat’s coupon_state' })),
});
const Recon = Type.Object({
  id: Type.String(),
  batch_id: Type.String(),
  stock_id: Nullable(Type.String()),
  checked: Type.Integer({ description: 'claimed coupons asked about one by one' }),
  differences: Type.Array(Diff),
  created_at: Timestamp,
});
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const stockView = ({ id: _id, ...s }: StockRow) => s;

/** WeChat Pay merchant coupons 微信支付商家券 (docs/wechatpay.md): settings, mirroring a batch, reconciliation reports. */
export function wechatpayRoutes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['wechatpay 微信支付商家券'];
  const allow = () => !!ctx.config.supplierAllowPrivate;

  app.put(
    '/wechatpay/settings',
    {
      schema: {
        tags,
        summary: 'Set the WeChat Pay merchant settings (owner; secrets are sealed and never shown again)',
        body: Type.Object({
          mchid: Type.String({ pattern: '^[0-9]{6,20}$' }),
          appid: Type.String({ pattern: '^[A-Za-z0-9_]{6,40}$' }),
          serial_no: Type.String({ pattern: '^[0-9A-Fa-f]{8,64}$' }),
          api_v3_key: Type.String({ minLength: 32, maxLength: 32 }),
          private_key: Text(10_000),
          platform_certificates: Type.Array(Text(10_000), { minItems: 1, maxItems: 5 }),
          base_url: Type.Optional(Text(500)),
        }),
        response: responses({ 200: Settings }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'tenant.manage');
      return mutate(ctx, req, reply, { action: 'wechatpay.settings', targetType: 'tenant' }, (q) =>
        putSettings(q, ctx.keys, req.caller!.tenantId, req.body, ctx.clock.now(), allow()),
      );
    },
  );

  app.get(
    '/wechatpay/settings',
    { schema: { tags, summary: 'The WeChat Pay merchant settings, masked', response: responses({ 200: Settings }) } },
    async (req) => {
      requireAccess(req.caller!, 'tenant.manage');
      return readSettings(ctx.db, req.caller!.tenantId);
    },
  );

  app.post(
    '/batches/:id/wechat-stock',
    {
      schema: {
        tags,
        summary: 'Mirror this batch as a WeChat Pay merchant-coupon stock (create it, upload codes in chunks of 200); again after a failure: resume',
        params: Type.Object({ id: Id }),
        body: Type.Object({
          quantity: Type.Optional(
            Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'codes to take out of the pool for WeChat (default: all left)' }),
          ),
        }),
        response: responses({ 202: Stock }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'tenant.manage');
      return mutate(ctx, req, reply, { action: 'wechatpay.mirror', targetType: 'batch', status: 202 }, async (q) => {
        const tenantId = req.caller!.tenantId;
        await readSettings(q, tenantId);
        const s = await startMirror(q, tenantId, req.params.id, req.body.quantity, ctx.clock.now());
        await enqueue(q, { type: UPLOAD, tenantId, payload: { stock_row: s.id }, singleton: `wechat-upload:${s.id}`, maxAttempts: 20 });
        return stockView(s);
      });
    },
  );

  app.get(
    '/batches/:id/wechat-stock',
    { schema: { tags, summary: 'Where this batch’s WeChat mirror stands', params: Type.Object({ id: Id }), response: responses({ 200: Stock }) } },
    async (req) => {
      requireAccess(req.caller!, 'catalog.read');
      await getBatch(ctx.db, req.caller!.tenantId, req.params.id);
      const s = await stockOfBatch(ctx.db, req.caller!.tenantId, req.params.id);
      if (!s) throw new AppError(404, 'WECHATPAY_STOCK_NOT_FOUND', 'this batch is not mirrored to WeChat Pay');
      return stockView(s);
    },
  );

  app.post(
    '/wechat-reconciliations',
    {
      schema: {
        tags,
        summary: 'Reconcile one mirrored batch with WeChat now (a job; the report appears in the list)',
        body: Type.Object({ batch_id: Id }),
        response: responses({ 202: Type.Object({ batch_id: Type.String(), queued: Type.Boolean() }) }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'tenant.manage');
      return mutate(ctx, req, reply, { action: 'wechatpay.reconcile', targetType: 'batch', status: 202 }, async (q) => {
        const s = await stockOfBatch(q, req.caller!.tenantId, req.body.batch_id);
        if (!s?.stock_id) throw new AppError(404, 'WECHATPAY_STOCK_NOT_FOUND', 'this batch is not mirrored to WeChat Pay');
        await enqueue(q, {
          type: 'wechatpay.reconcile_one',
          tenantId: req.caller!.tenantId,
          payload: { stock_row: s.id },
          singleton: `wechat-recon:${s.id}`,
          maxAttempts: 3,
        });
        return { batch_id: s.batch_id, queued: true };
      });
    },
  );

  app.get(
    '/wechat-reconciliations',
    { schema: { tags, summary: 'Reconciliation reports, newest first (last 100)', response: responses({ 200: Type.Object({ data: Type.Array(Recon) }) }) } },
    async (req) => {
      requireAccess(req.caller!, 'reports.read');
      return { data: await listReconciliations(ctx, req.caller!.tenantId) };
    },
  );

  app.get(
    '/wechat-reconciliations/:id',
    { schema: { tags, summary: 'One reconciliation report', params: Type.Object({ id: Id }), response: responses({ 200: Recon }) } },
    async (req) => {
      requireAccess(req.caller!, 'reports.read');
      const [r] = await listReconciliations(ctx, req.caller!.tenantId, req.params.id);
      if (!r) throw new AppError(404, 'WECHATPAY_RECONCILIATION_NOT_FOUND', 'no such reconciliation report');
      return r;
    },
  );
}
