import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { requireAccess, seesChannel } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { AppError, invalid } from '../../errors.js';
import { Id, Nullable, Page, PendingReview, ListQuery, responses } from '../../http/schemas.js';
import { Card, CardFilterFields, IssuedCard } from './schemas.js';
import { issueCard, soldOut } from './issue.js';
import { bindCard, extendCard, screenBearer, freezeCard, topUpCard, transferCard, unfreezeCard, voidCard, type ExtendBy } from './manage.js';
import { CARD_SORTS, getCard, listCards } from './read.js';
import { SortQuery } from '../../http/pagination.js';
import { findByCode, findById, revealCode, screenFor } from './lookup.js';
import { cardView } from './model.js';
import { appendAudit } from '../audit/service.js';
import { withMemberNames } from './names.js';
import { guarded } from '../../platform/guards.js';
import { clientOf, ForwardedClient, proofOf } from '../../http/client.js';

const IdParams = Type.Object({ id: Id });
const ExtendBody = Type.Object({
  to_date: Type.Optional(Type.String({ format: 'date', description: 'valid through this day (YYYY-MM-DD, tenant time zone)' })),
  days: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650, description: 'this many days after the current expiry' })),
  request_no: Type.Optional(Type.String({ maxLength: 200 })),
});
/** Exactly one of to_date and days. */
function extendBy(b: { to_date?: string; days?: number }): ExtendBy {
  if ((b.to_date === undefined) === (b.days === undefined)) throw invalid('to_date', 'give to_date or days, one of them');
  return b.to_date !== undefined ? { to_date: b.to_date } : { days: b.days! };
}
const Reason = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 500 })), request_no: Type.Optional(Type.String({ maxLength: 200 })) });

export function routes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['cards 卡券'];

  app.post(
    '/cards/issue',
    {
      schema: {
        tags,
        summary: 'Issue a card from a batch 发放 (the code is in this answer; keep it safe)',
        body: Type.Object({
          batch_id: Id,
          member_id: Type.Optional(Id),
          channel_id: Type.Optional(Id),
          request_no: Type.Optional(Type.String({ maxLength: 200 })),
          client: Type.Optional(ForwardedClient),
        }),
        response: responses({ 201: IssuedCard, 202: PendingReview }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'cards.issue');
      const { client, ...body } = req.body;
      const c = req.caller!;
      const subjects = {
        member_id: body.member_id ?? null,
        channel_id: body.channel_id ?? c.channelId ?? null,
        batch_id: body.batch_id,
        ip: client ? client.ip : req.ip,
        device_id: client?.device_id ?? null,
      };
      const action = client ? 'claim' : 'issue';
      return guarded(
        ctx,
        { tenantId: c.tenantId, action, caller: c, at: ctx.clock.now(), subjects, proof: proofOf(req), replay: { kind: action, input: body } },
        () =>
          mutate(
            ctx,
            req,
            reply,
            { action: 'card.issue', targetType: 'card', status: 201 },
            (q) => issueCard(ctx, q, c, body),
            async () => {
              // a sold-out hot batch refuses with one read and no transaction; everything else takes the transactional path
              if (await soldOut(ctx, c, body)) throw new AppError(409, 'STOCK_EXHAUSTED', 'this batch has no stock left');
              return undefined;
            },
          ),
      );
    },
  );

  app.post(
    '/cards/bind',
    {
      schema: {
        tags,
        summary: 'Bind a code to a member 绑定',
        body: Type.Object({
          code: Type.String({ minLength: 1, maxLength: 128 }),
          pin: Type.Optional(Type.String({ maxLength: 32 })),
          member_id: Id,
          request_no: Type.Optional(Type.String({ maxLength: 200 })),
        }),
        response: responses({ 200: Type.Intersect([Card, Type.Object({ already_bound: Type.Boolean() })]) }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'cards.bind');
      const c = req.caller!;
      const cardId = await screenBearer(ctx, c, req.body);
      const subjects = { member_id: req.body.member_id, card_id: cardId, ip: req.ip, channel_id: c.channelId ?? null };
      return guarded(ctx, { tenantId: c.tenantId, action: 'bind', caller: c, at: ctx.clock.now(), subjects }, () =>
        mutate(ctx, req, reply, { action: 'card.bind', targetType: 'card' }, (q) => bindCard(ctx, q, c, { card_id: cardId, member_id: req.body.member_id })),
      );
    },
  );

  app.post(
    '/cards/lookup',
    {
      schema: {
        tags,
        summary: 'Find a card by its code (POST keeps codes out of URLs and logs)',
        body: Type.Object({ code: Type.String({ minLength: 1, maxLength: 128 }) }),
        response: responses({ 200: Card }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'cards.read');
      const caller = req.caller!;
      const { ip, device_id } = clientOf(req);
      const subjects = { ip, device_id, member_id: caller.memberId ?? null, store_id: caller.storeIds.length === 1 ? caller.storeIds[0] : null };
      return guarded(ctx, { tenantId: caller.tenantId, action: 'lookup', caller, at: ctx.clock.now(), subjects }, async () => {
        // another channel's card is not found, and counts as a guess like an unknown code
        const c = await findByCode(ctx.db, ctx.keys, caller.tenantId, req.body.code, screenFor(ctx, caller), {
          visible: (c) => seesChannel(caller, c.channel_id),
        });
        return cardView(c);
      });
    },
  );

  app.get(
    '/cards',
    {
      schema: {
        tags,
        summary: 'List cards',
        querystring: ListQuery({ ...CardFilterFields, sort: Type.Optional(SortQuery(CARD_SORTS)) }),
        response: responses({ 200: Page(Card) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'cards.read');
      const qs = req.query as any;
      const page = await listCards(ctx.db, req.caller!, { ...qs, limit: qs.limit ?? 50 }, ctx.clock.now());
      return { ...page, data: await withMemberNames(ctx.db, req.caller!, page.data) };
    },
  );

  app.get('/cards/:id', { schema: { tags, summary: 'Get a card', params: IdParams, response: responses({ 200: Card }) } }, async (req) => {
    requireAccess(req.caller!, 'cards.read');
    return getCard(ctx.db, req.caller!, req.params.id);
  });

  app.post(
    '/cards/:id/reveal',
    {
      schema: {
        tags,
        summary: 'Reveal a card’s code (audited)',
        params: IdParams,
        response: responses({ 200: Type.Object({ id: Type.String(), code: Type.String(), pin: Nullable(Type.String()) }) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'codes.export');
      const c = await findById(ctx.db, req.caller!.tenantId, req.params.id);
      await appendAudit(ctx.db, {
        tenantId: req.caller!.tenantId,
        actor: req.actor ?? `key:${req.caller!.keyId}`,
        action: 'card.reveal',
        targetType: 'card',
        targetId: c.id,
        at: ctx.clock.now(),
      });
      return { id: c.id, ...revealCode(ctx.keys, c) };
    },
  );

  const cardVerb = (path: string, action: string, summary: string, body: any, fn: (q: any, req: any) => Promise<any>) =>
    app.post(path, { schema: { tags, summary, params: IdParams, body, response: responses({ 200: Card }) } }, async (req, reply) => {
      requireAccess(req.caller!, 'cards.manage');
      return mutate(ctx, req, reply, { action, targetType: 'card' }, (q) => fn(q, req));
    });
  cardVerb('/cards/:id/freeze', 'card.freeze', 'Freeze 冻结', Reason, (q, req) => freezeCard(ctx, q, req.caller, req.params.id, req.body?.reason));
  cardVerb('/cards/:id/unfreeze', 'card.unfreeze', 'Unfreeze 解冻', Reason, (q, req) => unfreezeCard(ctx, q, req.caller, req.params.id));
  cardVerb('/cards/:id/void', 'card.void', 'Void 作废 (what it holds is written off in the ledger)', Reason, (q, req) =>
    voidCard(ctx, q, req.caller, req.params.id, req.body?.reason),
  );
  cardVerb('/cards/:id/extend', 'card.extend', 'Extend the expiry 延长有效期: to the end of a day (tenant time zone) or by whole days', ExtendBody, (q, req) =>
    extendCard(ctx, q, req.caller, req.params.id, extendBy(req.body)),
  );
  app.post(
    '/cards/:id/top-up',
    {
      schema: {
        tags,
        summary: 'Top up a stored-value or gift card 充值 (with the template’s bonus tier, 充500送50, when one applies)',
        description:
          'The bonus of the highest tier of the template’s `rules.top_up_bonus` the amount reaches is credited in the same change, as its own ledger ' +
          'transfer (reason `top_up_bonus`; the paid amount is `top_up`). The card must have room under `value.max_balance` for both, else 409 MAX_BALANCE_EXCEEDED and nothing changes.',
        params: IdParams,
        body: Type.Object({
          amount: Type.Integer({ minimum: 1, maximum: 1e11, description: 'what the member paid, fen' }),
          request_no: Type.Optional(Type.String({ maxLength: 200 })),
        }),
        response: responses({
          200: Type.Intersect([
            Card,
            Type.Object({
              top_up: Type.Object({
                paid: Type.Integer({ description: 'fen' }),
                bonus: Type.Integer({ description: 'fen, 0 when no tier applies' }),
                credited: Type.Integer({ description: 'paid + bonus, fen' }),
              }),
            }),
          ]),
        }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'cards.manage');
      return mutate(ctx, req, reply, { action: 'card.top_up', targetType: 'card', audit: (r) => ({ top_up: r.top_up }) }, (q) =>
        topUpCard(ctx, q, req.caller!, req.params.id, req.body.amount),
      );
    },
  );
  app.post(
    '/cards/:id/transfer',
    {
      schema: {
        tags,
        summary: 'Transfer a transferable card to another member 转赠',
        params: IdParams,
        body: Type.Object({ to_member_id: Id, request_no: Type.Optional(Type.String({ maxLength: 200 })) }),
        response: responses({ 200: Card }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'cards.manage');
      const c = req.caller!;
      const subjects = { card_id: req.params.id, member_id: req.body.to_member_id, ip: req.ip };
      return guarded(ctx, { tenantId: c.tenantId, action: 'transfer', caller: c, at: ctx.clock.now(), subjects }, () =>
        mutate(ctx, req, reply, { action: 'card.transfer', targetType: 'card' }, (q) => transferCard(ctx, q, c, req.params.id, req.body.to_member_id)),
      );
    },
  );
}
