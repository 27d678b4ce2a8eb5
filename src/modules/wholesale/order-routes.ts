import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { Id, responses } from '../../http/schemas.js';
import * as orders from './orders.js';
import { markDelivered, payOrder, refundOrder } from './payment.js';
import { fulfilOrder, INLINE_UNITS, startFulfilment } from './fulfil.js';
import { Order, OrderBody, OrderSummary, Payment, Reason, State } from './schemas.js';

/** 批发订单: draft → confirmed → paid → fulfilled → delivered; cancel before payment, refund after. */
export function orderRoutes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['wholesale 批发'];
  const params = Type.Object({ id: Id });
  const actor = (req: { actor?: string; caller?: { keyId: string } }) => req.actor ?? `key:${req.caller!.keyId}`;

  app.post(
    '/wholesale-orders',
    { schema: { tags, summary: 'Create a wholesale order (draft), priced at the buyer’s price level', body: OrderBody, response: responses({ 201: Order }) } },
    async (req, reply) => {
      requireAccess(req.caller!, 'wholesale.manage');
      return mutate(ctx, req, reply, { action: 'wholesale_order.create', targetType: 'wholesale_order', status: 201 }, (q) =>
        orders.createOrder(q, req.caller!.tenantId, req.body, actor(req), ctx.clock.now()),
      );
    },
  );
  app.get(
    '/wholesale-orders',
    {
      schema: {
        tags,
        summary: 'List wholesale orders (newest first, at most 500)',
        querystring: Type.Object({ buyer_id: Type.Optional(Id), state: Type.Optional(State) }),
        response: responses({ 200: Type.Object({ data: Type.Array(OrderSummary) }) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'wholesale.read');
      return { data: await orders.listOrders(ctx.db, req.caller!.tenantId, req.query) };
    },
  );
  app.get(
    '/wholesale-orders/:id',
    { schema: { tags, summary: 'Get a wholesale order with its lines and fulfilment progress', params, response: responses({ 200: Order }) } },
    async (req) => {
      requireAccess(req.caller!, 'wholesale.read');
      return orders.getOrder(ctx.db, req.caller!.tenantId, req.params.id);
    },
  );

  app.post(
    '/wholesale-orders/:id/confirm',
    { schema: { tags, summary: 'Confirm a draft order (确认)', params, response: responses({ 200: Order }) } },
    async (req, reply) => {
      requireAccess(req.caller!, 'wholesale.manage');
      return mutate(ctx, req, reply, { action: 'wholesale_order.confirm', targetType: 'wholesale_order' }, (q) =>
        orders.confirmOrder(q, req.caller!.tenantId, req.params.id, ctx.clock.now()),
      );
    },
  );
  app.post(
    '/wholesale-orders/:id/payments',
    {
      schema: {
        tags,
        summary: 'Record the payment: an offline transfer (reference, amount) or a deduction from the prepaid balance',
        params,
        body: Payment,
        response: responses({ 200: Order }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'wholesale.manage');
      return mutate(ctx, req, reply, { action: 'wholesale_order.pay', targetType: 'wholesale_order' }, (q) =>
        payOrder(q, req.caller!.tenantId, req.params.id, req.body, actor(req), ctx.clock.now()),
      );
    },
  );
  app.post(
    '/wholesale-orders/:id/cancel',
    { schema: { tags, summary: 'Cancel an unpaid order, with a reason', params, body: Reason, response: responses({ 200: Order }) } },
    async (req, reply) => {
      requireAccess(req.caller!, 'wholesale.manage');
      return mutate(ctx, req, reply, { action: 'wholesale_order.cancel', targetType: 'wholesale_order' }, (q) =>
        orders.cancelOrder(q, req.caller!.tenantId, req.params.id, req.body.reason, ctx.clock.now()),
      );
    },
  );
  app.post(
    '/wholesale-orders/:id/refund',
    {
      schema: {
        tags,
        summary: 'Refund a paid order before fulfilment, with a reason (a prepaid payment is reversed)',
        params,
        body: Reason,
        response: responses({ 200: Order }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'wholesale.manage');
      return mutate(ctx, req, reply, { action: 'wholesale_order.refund', targetType: 'wholesale_order' }, (q) =>
        refundOrder(q, req.caller!.tenantId, req.params.id, req.body.reason, ctx.clock.now()),
      );
    },
  );
  app.post(
    '/wholesale-orders/:id/delivered',
    {
      schema: {
        tags,
        summary:
          'Mark a fulfilled order delivered 已交付: the codes reached the buyer (a password-protected file handed over). A delivery link downloaded by the recipient marks it by itself',
        params,
        response: responses({ 200: Order }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'wholesale.manage');
      return mutate(ctx, req, reply, { action: 'wholesale_order.deliver', targetType: 'wholesale_order' }, (q) =>
        markDelivered(q, req.caller!.tenantId, req.params.id, ctx.clock.now()),
      );
    },
  );
  app.post(
    '/wholesale-orders/:id/fulfil',
    {
      schema: {
        tags,
        summary: `Fulfil a paid order: its codes are issued as bearer cards. Up to ${INLINE_UNITS} units left, in this request; more, by a job (watch fulfilled_units)`,
        params,
        response: responses({ 200: Order }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'wholesale.manage');
      const started = await mutate(ctx, req, reply, { action: 'wholesale_order.fulfil', targetType: 'wholesale_order' }, (q) =>
        startFulfilment(q, req.caller!, req.params.id),
      );
      if (started.state !== 'paid' || started.units - started.fulfilled_units > INLINE_UNITS) return started;
      await fulfilOrder(ctx, req.caller!, req.params.id);
      return orders.getOrder(ctx.db, req.caller!.tenantId, req.params.id);
    },
  );
}
