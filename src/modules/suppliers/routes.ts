import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { Id, Nullable, Timestamp, responses } from '../../http/schemas.js';
import { enqueue } from '../../platform/jobs.js';
import * as svc from './service.js';
import * as reqs from './requests.js';

const Protocol = Type.Union([Type.Literal('generic'), Type.Literal('fulu')], { description: 'generic: docs/suppliers.md · fulu: 福禄开放平台' });
const Supplier = Type.Object({
  id: Type.String(),
  name: Type.String(),
  protocol: Protocol,
  base_url: Type.String(),
  app_key: Type.String({ description: 'generic: merchant id · fulu: app_key (the secret is never shown)' }),
  status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
  timeout_ms: Type.Integer(),
  failure_threshold: Type.Integer({ description: 'consecutive failures that open the circuit 熔断' }),
  open_ms: Type.Integer({ description: 'how long an open circuit keeps new orders away' }),
  callback_url: Type.String({ description: 'give this to the supplier: where it sends results' }),
  health: Type.Object({
    circuit: Type.Union([Type.Literal('closed'), Type.Literal('open')]),
    circuit_open_until: Nullable(Timestamp),
    consecutive_failures: Type.Integer(),
    successes: Type.Integer(),
    failures: Type.Integer(),
    last_success_at: Nullable(Timestamp),
    last_failure_at: Nullable(Timestamp),
    last_error: Nullable(Type.String()),
  }),
  created_at: Timestamp,
  updated_at: Timestamp,
});
const Kind = Type.Union([Type.Literal('card'), Type.Literal('direct')], { description: 'card 卡密 · direct 直充' });
const Sku = Type.Object({
  id: Type.String(),
  supplier_id: Type.String(),
  sku: Type.String(),
  kind: Kind,
  product_id: Type.String(),
  priority: Type.Integer({ description: '1 is tried first' }),
  cost_fen: Type.Integer(),
  status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
  synced_stock: Nullable(Type.Integer()),
  synced_price_fen: Nullable(Type.Integer()),
  synced_at: Nullable(Timestamp),
  created_at: Timestamp,
});
const Attempt = Type.Object({
  id: Type.String(),
  attempt: Type.Integer(),
  supplier_id: Type.String(),
  product_id: Type.String(),
  outbound_no: Type.String({ description: 'our order number at the supplier, one per attempt' }),
  state: Type.Union(['pending', 'succeeded', 'failed', 'unknown'].map((s) => Type.Literal(s))),
  supplier_order_id: Nullable(Type.String()),
  codes_count: Type.Integer(),
  cost_fen: Type.Integer(),
  error: Nullable(Type.String()),
  late_success: Type.Boolean({ description: 'the supplier reported success after confirming failure: check with it (never applied)' }),
  sent_at: Nullable(Timestamp),
  checks: Type.Integer(),
  created_at: Timestamp,
  finished_at: Nullable(Timestamp),
});
const Request = Type.Object({
  id: Type.String(),
  kind: Kind,
  sku: Type.String(),
  quantity: Type.Integer(),
  batch_id: Nullable(Type.String()),
  account: Nullable(Type.String()),
  state: Type.Union([Type.Literal('working'), Type.Literal('succeeded'), Type.Literal('failed')]),
  reason: Nullable(Type.String()),
  codes_received: Type.Integer(),
  codes_imported: Type.Integer(),
  import_id: Nullable(Type.String()),
  created_by: Type.String(),
  created_at: Timestamp,
  finished_at: Nullable(Timestamp),
  attempts: Type.Optional(Type.Array(Attempt)),
});
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const tuning = {
  timeout_ms: Type.Optional(Type.Integer({ minimum: 100, maximum: 120_000 })),
  failure_threshold: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  open_ms: Type.Optional(Type.Integer({ minimum: 1000, maximum: 86_400_000 })),
};

/**
 * Suppliers 供应商 for the brand's staff: set up suppliers and their SKU mappings, buy codes into an
 * imported batch or top up an account (`/supplier-orders`), read health and attempts. The orders run
 * in the job `suppliers.drive`; results arrive by query or by `POST /callbacks/suppliers/{id}`.
 */
export function supplierRoutes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['suppliers 供应商'];
  const view = (s: svc.SupplierRow) => svc.supplierView(s, ctx.clock.now(), ctx.config.publicUrl);
  const allow = () => !!ctx.config.supplierAllowPrivate;

  app.post(
    '/suppliers',
    {
      schema: {
        tags,
        summary: 'Add a supplier',
        body: Type.Object({ name: Text(200), protocol: Protocol, base_url: Text(500), app_key: Text(200), secret: Text(500), ...tuning }),
        response: responses({ 201: Supplier }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'suppliers.manage');
      return mutate(ctx, req, reply, { action: 'supplier.create', targetType: 'supplier', status: 201 }, async (q) =>
        view(await svc.createSupplier(q, ctx.keys, req.caller!.tenantId, req.body, ctx.clock.now(), allow())),
      );
    },
  );

  app.get(
    '/suppliers',
    { schema: { tags, summary: 'Suppliers with their health', response: responses({ 200: Type.Object({ data: Type.Array(Supplier) }) }) } },
    async (req) => {
      requireAccess(req.caller!, 'suppliers.read');
      return { data: (await svc.listSuppliers(ctx.db, req.caller!.tenantId)).map(view) };
    },
  );

  app.get(
    '/suppliers/:id',
    { schema: { tags, summary: 'A supplier', params: Type.Object({ id: Id }), response: responses({ 200: Supplier }) } },
    async (req) => {
      requireAccess(req.caller!, 'suppliers.read');
      return view(await svc.getSupplier(ctx.db, req.caller!.tenantId, req.params.id));
    },
  );

  app.patch(
    '/suppliers/:id',
    {
      schema: {
        tags,
        summary: 'Change a supplier (a new secret replaces the old; disabled: no new orders go to it)',
        params: Type.Object({ id: Id }),
        body: Type.Object({
          name: Type.Optional(Text(200)),
          base_url: Type.Optional(Text(500)),
          app_key: Type.Optional(Text(200)),
          secret: Type.Optional(Text(500)),
          status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
          ...tuning,
        }),
        response: responses({ 200: Supplier }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'suppliers.manage');
      return mutate(ctx, req, reply, { action: 'supplier.update', targetType: 'supplier' }, async (q) =>
        view(await svc.updateSupplier(q, ctx.keys, req.caller!.tenantId, req.params.id, req.body, ctx.clock.now(), allow())),
      );
    },
  );

  app.put(
    '/suppliers/:id/skus/:sku',
    {
      schema: {
        tags,
        summary: 'Map our SKU to this supplier’s product, with priority and cost (again: change it)',
        params: Type.Object({ id: Id, sku: Text(100) }),
        body: Type.Object({
          kind: Kind,
          product_id: Text(100),
          priority: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
          cost_fen: Type.Integer({ minimum: 0 }),
          status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
        }),
        response: responses({ 200: Sku }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'suppliers.manage');
      return mutate(ctx, req, reply, { action: 'supplier.map_sku', targetType: 'supplier' }, (q) =>
        svc.putSku(q, req.caller!.tenantId, req.params.id, { ...req.body, sku: req.params.sku }, ctx.clock.now()),
      );
    },
  );

  app.get(
    '/supplier-skus',
    {
      schema: {
        tags,
        summary: 'SKU mappings, by SKU and priority, with the last synced stock and price',
        querystring: Type.Object({ sku: Type.Optional(Text(100)), supplier_id: Type.Optional(Id) }),
        response: responses({ 200: Type.Object({ data: Type.Array(Sku) }) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'suppliers.read');
      return { data: await svc.listSkus(ctx.db, req.caller!.tenantId, { sku: req.query.sku, supplierId: req.query.supplier_id }) };
    },
  );

  app.post(
    '/suppliers/:id/sync',
    {
      schema: {
        tags,
        summary: 'Sync stock and price from this supplier now (a job)',
        params: Type.Object({ id: Id }),
        response: responses({ 202: Type.Object({ id: Type.String(), queued: Type.Boolean() }) }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'suppliers.manage');
      return mutate(ctx, req, reply, { action: 'supplier.sync', targetType: 'supplier', status: 202 }, async (q) => {
        const s = await svc.getSupplier(q, req.caller!.tenantId, req.params.id);
        await enqueue(q, {
          type: 'suppliers.sync_one',
          tenantId: req.caller!.tenantId,
          payload: { supplier_id: s.id },
          singleton: `supplier-sync:${s.id}`,
          maxAttempts: 3,
        });
        return { id: s.id, queued: true };
      });
    },
  );

  app.post(
    '/supplier-orders',
    {
      schema: {
        tags,
        summary: 'Buy codes into an imported batch (kind card) or top up an account (kind direct) from the SKU’s suppliers',
        body: Type.Object({
          kind: Kind,
          sku: Text(100),
          quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
          batch_id: Type.Optional(Id),
          account: Type.Optional(Text(100)),
          request_no: Type.Optional(Text(200)),
        }),
        response: responses({ 201: Request }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'suppliers.order');
      const { request_no: _, ...input } = req.body;
      return mutate(ctx, req, reply, { action: 'supplier_order.create', targetType: 'supplier_order', status: 201 }, (q) =>
        reqs.createRequest(q, req.caller!.tenantId, input, req.actor ?? `key:${req.caller!.keyId}`, ctx.clock.now()),
      );
    },
  );

  app.get(
    '/supplier-orders',
    { schema: { tags, summary: 'Recent supplier orders', response: responses({ 200: Type.Object({ data: Type.Array(Request) }) }) } },
    async (req) => {
      requireAccess(req.caller!, 'suppliers.read');
      return { data: await reqs.listRequests(ctx.db, req.caller!.tenantId) };
    },
  );

  app.get(
    '/supplier-orders/:id',
    { schema: { tags, summary: 'A supplier order with every attempt', params: Type.Object({ id: Id }), response: responses({ 200: Request }) } },
    async (req) => {
      requireAccess(req.caller!, 'suppliers.read');
      const r = await reqs.getRequest(ctx.db, req.caller!.tenantId, req.params.id);
      return { ...r, attempts: await reqs.attemptsOf(ctx.db, req.caller!.tenantId, r.id) };
    },
  );
}
