import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { Deleted, Id, responses } from '../../http/schemas.js';
import * as prices from './prices.js';
import * as buyers from './buyers.js';
import { Buyer, BuyerFields, Level, Price, PriceBody, Recharge } from './schemas.js';
import { orderRoutes } from './order-routes.js';
import { getChannel } from '../channels/service.js';

/** Price lists 价格表 and enterprise buyers 企业客户: the brand's staff. */
export function wholesaleRoutes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['wholesale 批发'];
  const PriceParams = Type.Object({ level: Level, template_id: Id });

  app.put(
    '/price-lists/:level/prices/:template_id',
    {
      schema: {
        tags,
        summary: 'Set a price level’s price for a template (批发价, 建议零售价, 限价)',
        params: PriceParams,
        body: PriceBody,
        response: responses({ 200: Price }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'wholesale.manage');
      return mutate(ctx, req, reply, { action: 'wholesale.price_set', targetType: 'template' }, async (q) => {
        const p = await prices.setPrice(q, req.caller!.tenantId, req.params.level, req.params.template_id, req.body, ctx.clock.now());
        return { ...p, id: p.template_id };
      });
    },
  );
  app.delete(
    '/price-lists/:level/prices/:template_id',
    { schema: { tags, summary: 'Remove a price level’s price for a template', params: PriceParams, response: responses({ 200: Deleted }) } },
    async (req, reply) => {
      requireAccess(req.caller!, 'wholesale.manage');
      return mutate(ctx, req, reply, { action: 'wholesale.price_delete', targetType: 'template' }, (q) =>
        prices.deletePrice(q, req.caller!.tenantId, req.params.level, req.params.template_id),
      );
    },
  );
  app.get(
    '/price-lists',
    {
      schema: {
        tags,
        summary: 'The price lists: every level’s prices, one level’s, or the level of a channel (its price_level)',
        querystring: Type.Object({ price_level: Type.Optional(Level), channel_id: Type.Optional(Id) }),
        response: responses({ 200: Type.Object({ data: Type.Array(Price) }) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'wholesale.read');
      const t = req.caller!.tenantId;
      // a channel's prices are its price level's; a channel without a level has none
      const level = req.query.channel_id ? ((await getChannel(ctx.db, t, req.query.channel_id)).price_level ?? null) : req.query.price_level;
      return { data: level === null ? [] : await prices.listPrices(ctx.db, t, level) };
    },
  );

  app.post(
    '/buyers',
    {
      schema: {
        tags,
        summary: 'Add an enterprise buyer (企业客户) with a prepaid balance',
        body: Type.Object(BuyerFields),
        response: responses({ 201: Buyer }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'wholesale.manage');
      return mutate(ctx, req, reply, { action: 'buyer.create', targetType: 'buyer', status: 201 }, (q) =>
        buyers.createBuyer(q, req.caller!.tenantId, req.body, ctx.clock.now()),
      );
    },
  );
  app.patch(
    '/buyers/:id',
    {
      schema: {
        tags,
        summary: 'Change a buyer (name, contact, price level)',
        params: Type.Object({ id: Id }),
        body: Type.Partial(Type.Object(BuyerFields)),
        response: responses({ 200: Buyer }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'wholesale.manage');
      return mutate(ctx, req, reply, { action: 'buyer.update', targetType: 'buyer' }, (q) =>
        buyers.updateBuyer(q, req.caller!.tenantId, req.params.id, req.body, ctx.clock.now()),
      );
    },
  );
  app.post(
    '/buyers/:id/recharges',
    {
      schema: {
        tags,
        summary: 'Recharge a buyer’s prepaid balance (预存款充值: a ledger transfer)',
        params: Type.Object({ id: Id }),
        body: Recharge,
        response: responses({ 200: Buyer }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'wholesale.manage');
      return mutate(ctx, req, reply, { action: 'buyer.recharge', targetType: 'buyer', audit: (b) => ({ transfer_id: b.transfer_id }) }, (q) =>
        buyers.recharge(q, req.caller!.tenantId, req.params.id, req.body, ctx.clock.now()),
      );
    },
  );
  app.get(
    '/buyers',
    { schema: { tags, summary: 'List buyers with their prepaid balances', response: responses({ 200: Type.Object({ data: Type.Array(Buyer) }) }) } },
    async (req) => {
      requireAccess(req.caller!, 'wholesale.read');
      return { data: await buyers.listBuyers(ctx.db, req.caller!.tenantId) };
    },
  );
  app.get('/buyers/:id', { schema: { tags, summary: 'Get a buyer', params: Type.Object({ id: Id }), response: responses({ 200: Buyer }) } }, async (req) => {
    requireAccess(req.caller!, 'wholesale.read');
    return buyers.getBuyer(ctx.db, req.caller!.tenantId, req.params.id);
  });

  orderRoutes(base, ctx);
}
