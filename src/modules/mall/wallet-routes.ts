import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { Id, ListQuery, Page, responses } from '../../http/schemas.js';
import { walletAuthOf } from '../wallet/auth.js';
import { Exchange, Shelf } from './schemas.js';
import { walletShelf } from './shelf.js';
import { exchangeViews, listExchanges } from './exchanges.js';
import { exchange, refusedEarly } from './exchange.js';

/** 积分商城 in the member's wallet: the shelf with why an item is not for them now, exchanging, and their own exchanges. */
export function mallWalletRoutes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['member wallet 会员钱包'];
  const { opts, who, security } = walletAuthOf(ctx);

  app.get(
    '/wallet/mall',
    {
      ...opts,
      schema: {
        tags,
        security,
        summary: 'The points mall 积分商城 for me: items on sale or coming, my points, and for each whether I can exchange it now and, if not, why',
        response: responses({ 200: Shelf }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'mall.exchange');
      const c = who(req);
      return walletShelf(ctx.db, c.tenant_id, c.member_id, ctx.clock.now());
    },
  );

  app.post(
    '/wallet/mall/:id/exchange',
    {
      ...opts,
      schema: {
        tags,
        security,
        summary: 'Exchange my points for an item 兑换: the card arrives in my wallet (or the pack is granted), or nothing changes',
        description:
          'Points-only items: an item with a cash part is exchanged where the brand takes payment (409 MALL_CASH_PAYMENT_REQUIRED). Send request_no or Idempotency-Key to retry safely.',
        params: Type.Object({ id: Id }),
        body: Type.Optional(Type.Object({ request_no: Type.Optional(Type.String({ maxLength: 200 })) })),
        response: responses({ 201: Exchange }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'mall.exchange');
      const c = who(req);
      return mutate(
        ctx,
        req,
        reply,
        { action: 'mall.exchange', targetType: 'mall_exchange', status: 201 },
        async (q) => {
          const ex = await exchange(ctx, q, req.caller!, req.params.id, { memberId: c.member_id, via: 'wallet', actor: req.actor ?? `member:${c.member_id}` });
          return (await exchangeViews(q, c.tenant_id, [ex]))[0]!;
        },
        () => refusedEarly(ctx.db, c.tenant_id, req.params.id),
      );
    },
  );

  app.get(
    '/wallet/mall/exchanges',
    {
      ...opts,
      schema: {
        tags,
        security,
        summary: 'My exchanges 兑换记录, newest first',
        querystring: ListQuery({}),
        response: responses({ 200: Page(Exchange) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'mall.exchange');
      return listExchanges(ctx.db, req.caller!, req.query);
    },
  );
}
