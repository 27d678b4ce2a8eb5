import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import type { Sql } from '../../db/index.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { Id, ListQuery, Money, Nullable, Page, Timestamp, responses } from '../../http/schemas.js';
import { placeOrder, recordActivity, requireMember } from './service.js';
import { getOrder, refundOrder } from './refunds.js';
import { listActivities, listOrders } from './read.js';

const Line = Type.Object({
  sku: Type.String({ minLength: 1, maxLength: 64 }),
  category: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  quantity: Type.Integer({ maximum: 1_000_000, description: 'at least 1' }),
  amount: Money,
});
const Effects = Type.Record(Type.String(), Type.Unknown(), { description: 'what each effect did (points: what was earned), by effect name' });
const Order = Type.Object({
  id: Type.String(),
  order_no: Type.String(),
  member_id: Type.String(),
  store_id: Nullable(Type.String()),
  channel_id: Nullable(Type.String()),
  amount: Type.Integer(),
  refunded: Type.Integer(),
  lines: Type.Array(Line),
  effects: Effects,
  placed_at: Timestamp,
  created_at: Timestamp,
  replayed: Type.Optional(Type.Boolean({ description: 'this order number came in before with the same body: the first answer' })),
  dry_run: Type.Optional(Type.Boolean()),
});
const Refund = Type.Object({
  id: Type.String(),
  order_id: Type.String(),
  refund_no: Type.String(),
  amount: Type.Integer(),
  lines: Type.Array(Line),
  effects: Effects,
  created_at: Timestamp,
  replayed: Type.Optional(Type.Boolean()),
});
const Activity = Type.Object({
  id: Type.String(),
  member_id: Type.String(),
  type: Type.String(),
  reference: Type.String(),
  data: Type.Record(Type.String(), Type.Unknown()),
  effects: Effects,
  at: Timestamp,
  created_at: Timestamp,
  dry_run: Type.Optional(Type.Boolean()),
});
const No = Type.String({ minLength: 1, maxLength: 64, pattern: '^[\\x21-\\x7e]+$' });

class Rollback<T> extends Error {
  constructor(readonly value: T) {
    super('dry run');
  }
}
/** A dry run: the same code in a transaction that is always rolled back, so it answers what would happen and changes nothing. */
async function dryRun<T>(ctx: Ctx, fn: (q: Sql) => Promise<T>): Promise<T> {
  try {
    await ctx.db.tx(async (q) => {
      throw new Rollback(await fn(q));
    });
  } catch (e) {
    if (e instanceof Rollback) return e.value as T;
    throw e;
  }
  throw new Error('unreachable');
}

/** Orders in 订单接入: orders, refunds and custom events from the brand's systems; each earns by the rules in its own transaction. */
export function orderRoutes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['orders 订单接入'];
  const Params = Type.Object({ id: Id });

  app.post(
    '/orders',
    {
      schema: {
        tags,
        summary:
          'A member’s order comes in (idempotent by order_no: the same body answers the first order, another body 409); dry_run answers what it would earn',
        body: Type.Object({
          order_no: No,
          member_id: Id,
          amount: Money,
          store_id: Type.Optional(Nullable(Id)),
          channel_id: Type.Optional(Nullable(Id)),
          lines: Type.Optional(Type.Array(Line, { maxItems: 500 })),
          placed_at: Type.Optional(Timestamp),
          dry_run: Type.Optional(Type.Boolean()),
        }),
        response: responses({ 200: Order, 201: Order }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'orders.write');
      const { dry_run, ...input } = req.body;
      const t = req.caller!.tenantId;
      if (dry_run) return { ...(await dryRun(ctx, (q) => placeOrder(q, t, input, ctx.clock.now(), true))), dry_run: true };
      return mutate(ctx, req, reply, { action: 'order.place', targetType: 'order', status: 201 }, (q) => placeOrder(q, t, input, ctx.clock.now()));
    },
  );
  app.get(
    '/orders',
    {
      schema: {
        tags,
        summary: 'Members’ orders, newest first',
        querystring: ListQuery({ member_id: Type.Optional(Id), order_no: Type.Optional(No) }),
        response: responses({ 200: Page(Order) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'orders.read');
      return listOrders(ctx.db, req.caller!.tenantId, req.query);
    },
  );
  app.get(
    '/orders/:id',
    {
      schema: {
        tags,
        summary: 'An order with its refunds',
        params: Params,
        response: responses({ 200: Type.Object({ ...Order.properties, refunds: Type.Array(Refund) }) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'orders.read');
      return getOrder(ctx.db, req.caller!.tenantId, req.params.id);
    },
  );
  app.post(
    '/orders/:id/refunds',
    {
      schema: {
        tags,
        summary: 'Refund part or all of an order (idempotent by refund_no); what it earned is taken back in proportion',
        params: Params,
        body: Type.Object({ refund_no: No, amount: Money, lines: Type.Optional(Type.Array(Line, { maxItems: 500 })) }),
        response: responses({ 201: Refund }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'orders.write');
      return mutate(ctx, req, reply, { action: 'order.refund', targetType: 'order', status: 201 }, (q) =>
        refundOrder(q, req.caller!.tenantId, req.params.id, req.body, ctx.clock.now()),
      );
    },
  );
  app.post(
    '/members/:id/activities',
    {
      schema: {
        tags,
        summary: 'A member’s custom event (signed_in, shared, reviewed, …), idempotent by reference; dry_run answers what it would earn',
        params: Params,
        body: Type.Object({
          type: Type.String({ pattern: '^[a-z][a-z0-9_.]{0,63}$' }),
          reference: No,
          at: Type.Optional(Timestamp),
          data: Type.Optional(
            Type.Record(Type.String({ maxLength: 64 }), Type.Union([Type.String({ maxLength: 500 }), Type.Number(), Type.Boolean()]), { maxProperties: 20 }),
          ),
          dry_run: Type.Optional(Type.Boolean()),
        }),
        response: responses({ 200: Activity, 201: Activity }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'orders.write');
      const { dry_run, ...input } = req.body;
      const t = req.caller!.tenantId;
      if (dry_run) return { ...(await dryRun(ctx, (q) => recordActivity(q, t, req.params.id, input, ctx.clock.now(), true))), dry_run: true };
      return mutate(ctx, req, reply, { action: 'member.activity', targetType: 'activity', status: 201 }, (q) =>
        recordActivity(q, t, req.params.id, input, ctx.clock.now()),
      );
    },
  );
  app.get(
    '/members/:id/activities',
    {
      schema: {
        tags,
        summary: 'A member’s custom events, newest first',
        params: Params,
        querystring: ListQuery({}),
        response: responses({ 200: Page(Activity) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'orders.read');
      await requireMember(ctx.db, req.caller!.tenantId, req.params.id, 'id');
      return listActivities(ctx.db, req.caller!.tenantId, req.params.id, req.query);
    },
  );
}
