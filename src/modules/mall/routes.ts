import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { AppError } from '../../errors.js';
import { Id, ListQuery, Page, responses } from '../../http/schemas.js';
import { decodeCursor, pageOf } from '../../http/pagination.js';
import { Exchange, ItemCreate, ItemPatch, MallItem, Settings } from './schemas.js';
import { ITEM_COLS, createItem, getItem, itemViews, setStatus, updateItem, type ItemInput, type ItemRow } from './items.js';
import { exchangeById, exchangeViews, listExchanges } from './exchanges.js';
import { exchange, refusedEarly } from './exchange.js';
import { refundExchange } from './refund.js';
import { getSettings, putSettings } from './settings.js';

const RequestNo = Type.Optional(Type.String({ maxLength: 200, description: 'idempotency: the same request_no answers the first exchange' }));

/** 积分商城 for the brand's staff: items, exchanges (and their refund), settings; and the brand's API exchanging for a member. */
export function mallRoutes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['points mall 积分商城'];
  const one = async (tenantId: string, row: ItemRow) => (await itemViews(ctx.db, tenantId, [row]))[0]!;
  const oneIn = async (q: Parameters<typeof itemViews>[0], tenantId: string, row: ItemRow) => (await itemViews(q, tenantId, [row]))[0]!;

  app.get(
    '/mall/items',
    {
      schema: {
        tags,
        summary: 'Mall items, newest first (every status)',
        querystring: ListQuery({ status: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('archived')])) }),
        response: responses({ 200: Page(MallItem) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'mall.read');
      const limit = req.query.limit ?? 50;
      const r = await ctx.db.query<ItemRow>(
        `SELECT ${ITEM_COLS} FROM mall_items WHERE tenant_id = $1 AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR id < $3)
         ORDER BY id DESC LIMIT $4`,
        [req.caller!.tenantId, req.query.status ?? null, decodeCursor(req.query.cursor), limit + 1],
      );
      const page = pageOf(r.rows, limit);
      return { ...page, data: await itemViews(ctx.db, req.caller!.tenantId, page.data) };
    },
  );

  app.post(
    '/mall/items',
    {
      schema: {
        tags,
        summary: 'Add an item (a draft until published): a card of a batch or a benefit pack, for points',
        body: ItemCreate,
        response: responses({ 201: MallItem }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'mall.manage');
      const t = req.caller!.tenantId;
      return mutate(ctx, req, reply, { action: 'mall.item_create', targetType: 'mall_item', status: 201 }, async (q) =>
        oneIn(q, t, await createItem(q, t, req.body as ItemInput, ctx.clock.now())),
      );
    },
  );

  app.get(
    '/mall/items/:id',
    { schema: { tags, summary: 'One mall item', params: Type.Object({ id: Id }), response: responses({ 200: MallItem }) } },
    async (req) => {
      requireAccess(req.caller!, 'mall.read');
      return one(req.caller!.tenantId, await getItem(ctx.db, req.caller!.tenantId, req.params.id));
    },
  );

  app.patch(
    '/mall/items/:id',
    {
      schema: {
        tags,
        summary: 'Change an item’s terms: price, stock (never below what has sold), limit, tiers, sale window, shelf order',
        params: Type.Object({ id: Id }),
        body: ItemPatch,
        response: responses({ 200: MallItem }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'mall.manage');
      const t = req.caller!.tenantId;
      return mutate(ctx, req, reply, { action: 'mall.item_update', targetType: 'mall_item' }, async (q) =>
        oneIn(q, t, await updateItem(q, t, req.params.id, req.body, ctx.clock.now())),
      );
    },
  );

  for (const [path, to, summary] of [
    ['publish', 'published', 'Publish an item 上架: members may exchange it within its sale window'],
    ['archive', 'archived', 'Take an item off the shelf 下架 (its exchanges stay; publish it again to sell it again)'],
  ] as const) {
    app.post(
      `/mall/items/:id/${path}`,
      { schema: { tags, summary, params: Type.Object({ id: Id }), response: responses({ 200: MallItem }) } },
      async (req, reply) => {
        requireAccess(req.caller!, 'mall.manage');
        const t = req.caller!.tenantId;
        return mutate(ctx, req, reply, { action: `mall.item_${path}`, targetType: 'mall_item' }, async (q) =>
          oneIn(q, t, await setStatus(q, t, req.params.id, to, ctx.clock.now())),
        );
      },
    );
  }

  app.post(
    '/mall/items/:id/exchange',
    {
      schema: {
        tags,
        summary: 'Exchange an item for a member (the brand’s API): points are spent and the card issued or pack granted, or nothing',
        description:
          'An item with a cash part is exchanged only here, with `payment_ref`: the brand’s reference of the payment it has already taken (Kaquan takes no payments). ' +
          'The same payment_ref answers the first exchange; with another member or item it is refused. Send Idempotency-Key (or request_no) to retry safely.',
        params: Type.Object({ id: Id }),
        body: Type.Object({
          member_id: Id,
          payment_ref: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: 'the brand’s confirmed payment of the cash part' })),
          request_no: RequestNo,
        }),
        response: responses({ 201: Exchange }),
      },
    },
    async (req, reply) => {
      const caller = req.caller!;
      requireAccess(caller, 'mall.exchange');
      if (caller.role === 'member' && caller.memberId !== req.body.member_id) throw new AppError(404, 'MEMBER_NOT_FOUND', 'member not found');
      return mutate(
        ctx,
        req,
        reply,
        { action: 'mall.exchange', targetType: 'mall_exchange', status: 201 },
        async (q) => {
          const ex = await exchange(ctx, q, caller, req.params.id, {
            memberId: req.body.member_id,
            via: 'api',
            paymentRef: req.body.payment_ref,
            actor: req.actor ?? `key:${caller.keyId}`,
          });
          return (await exchangeViews(q, caller.tenantId, [ex]))[0]!;
        },
        async () => (req.body.payment_ref ? undefined : refusedEarly(ctx.db, caller.tenantId, req.params.id)),
      );
    },
  );

  app.get(
    '/mall/exchanges',
    {
      schema: {
        tags,
        summary: 'Exchanges, newest first',
        querystring: ListQuery({
          item_id: Type.Optional(Id),
          member_id: Type.Optional(Id),
          state: Type.Optional(Type.Union([Type.Literal('done'), Type.Literal('refunded')])),
        }),
        response: responses({ 200: Page(Exchange) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'mall.read');
      return listExchanges(ctx.db, req.caller!, req.query);
    },
  );

  app.get(
    '/mall/exchanges/:id',
    { schema: { tags, summary: 'One exchange', params: Type.Object({ id: Id }), response: responses({ 200: Exchange }) } },
    async (req) => {
      requireAccess(req.caller!, 'mall.read');
      const ex = await exchangeById(ctx.db, req.caller!.tenantId, req.params.id, req.caller!);
      return (await exchangeViews(ctx.db, req.caller!.tenantId, [ex]))[0]!;
    },
  );

  app.post(
    '/mall/exchanges/:id/refund',
    {
      schema: {
        tags,
        summary:
          'Refund an exchange 退款: its cards are voided (a used card refuses), the stock and the member’s count come back, and the points by the mall setting',
        description: 'Kaquan took no money: for an exchange with a cash part, the brand pays the cash back itself (the exchange names its payment_ref).',
        params: Type.Object({ id: Id }),
        body: Type.Optional(Type.Object({ reason: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) })),
        response: responses({ 200: Exchange }),
      },
    },
    async (req, reply) => {
      const caller = req.caller!;
      requireAccess(caller, 'mall.manage');
      const reason = (req.body as { reason?: string } | undefined)?.reason;
      return mutate(ctx, req, reply, { action: 'mall.refund', targetType: 'mall_exchange' }, async (q) => {
        const ex = await refundExchange(ctx, q, caller, req.params.id, reason, req.actor ?? `key:${caller.keyId}`);
        return (await exchangeViews(q, caller.tenantId, [ex]))[0]!;
      });
    },
  );

  app.get('/mall/settings', { schema: { tags, summary: 'The mall’s settings', response: responses({ 200: Settings }) } }, async (req) => {
    requireAccess(req.caller!, 'mall.read');
    return getSettings(ctx.db, req.caller!.tenantId);
  });

  app.put(
    '/mall/settings',
    { schema: { tags, summary: 'Change the mall’s settings', body: Settings, response: responses({ 200: Settings }) } },
    async (req, reply) => {
      requireAccess(req.caller!, 'mall.manage');
      return mutate(ctx, req, reply, { action: 'mall.settings', targetType: 'tenant' }, (q) => putSettings(q, req.caller!.tenantId, req.body, ctx.clock.now()));
    },
  );
}
