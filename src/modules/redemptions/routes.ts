import { clientOf } from '../../http/client.js';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { Id, Money, Page, ListQuery, Nullable, PendingReview, Timestamp, responses } from '../../http/schemas.js';
import { SortQuery } from '../../http/pagination.js';
import { Template } from '../templates/schemas.js';
import { Card } from '../cards/schemas.js';
import { RedeemBody, Redemption, RedemptionListItem, RedemptionWithCard } from './schemas.js';
import { INPUTS } from './rules.js';
import { checkRedeem } from './load.js';
import { explainRefusal } from './explain.js';
import { redeem, redeemFast } from './redeem.js';
import { undoGuards, type RedeemRun } from './extensions.js';
import { reverseRedemption } from './reverse.js';
import { createApproval } from './approvals.js';
import { REDEMPTION_SORTS, getRedemption, listRedemptions } from './read.js';

const IdParams = Type.Object({ id: Id });
const Reason = Type.Object({
  reason: Type.Optional(Type.String({ maxLength: 500, description: 'why it is reversed (kept on the reversed event and in the audit log)' })),
  request_no: Type.Optional(Type.String({ maxLength: 200 })),
});

export function routes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const rtags = ['redemptions 核销'];

  app.post(
    '/redemptions/check',
    {
      schema: {
        tags: rtags,
        summary: 'Can this card be redeemed here, now, for this order? Changes nothing.',
        body: RedeemBody,
        response: responses({
          200: Type.Object({
            redeemable: Type.Boolean(),
            code: Nullable(Type.String({ description: 'why not: the error code a redemption would get' })),
            message: Nullable(Type.String({ description: 'why not, for developers; a screen words it from code and params' })),
            params: Nullable(
              Type.Record(Type.String(), Type.Unknown(), {
                description:
                  'why not, as structured fields: those the problem of a redemption refused for it carries (e.g. weekdays, balance and amount, min_spend)',
              }),
            ),
            take: Nullable(Type.Object({ amount: Type.Integer(), uses: Type.Integer(), stamps: Type.Integer(), value: Type.Integer() })),
            needs: Type.Array(Type.Union(INPUTS.map((i) => Type.Literal(i))), {
              description:
                'what a redemption of this card must be sent, whether or not this request sent it: order_amount (a minimum spend or a discount), amount (stored value, gift), product_ids (a product scope). Ask for these before or with the check',
            }),
            card: Card,
            template: Template,
          }),
        }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, req.body.card_id && !req.body.code ? 'cards.redeem_by_id' : 'cards.redeem');
      return checkRedeem(ctx, ctx.db, req.caller!, req.body);
    },
  );

  app.post(
    '/redemptions',
    {
      schema: {
        tags: rtags,
        summary: 'Redeem 核销 by code (or card_id) at a store (202: sent to review 人工审核, nothing done yet)',
        body: RedeemBody,
        response: responses({ 201: RedemptionWithCard, 202: PendingReview }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, req.body.card_id && !req.body.code ? 'cards.redeem_by_id' : 'cards.redeem');
      const run: RedeemRun = { client: clientOf(req) }; // the two paths share it: the guards are asked once per request
      return mutate(
        ctx,
        req,
        reply,
        { action: 'card.redeem', targetType: 'redemption', status: 201 },
        (q) => redeem(ctx, q, req.caller!, req.body, run),
        (m) => redeemFast(ctx, req.caller!, req.body, m, run) as Promise<any>,
      ).catch(async (e) => {
        await undoGuards(run, e);
        throw await explainRefusal(ctx.db, req.caller!.tenantId, e);
      });
    },
  );

  app.post(
    '/redemptions/:id/reverse',
    {
      schema: {
        tags: rtags,
        summary: 'Reverse a redemption 撤销核销 within the tenant’s window',
        params: IdParams,
        body: Type.Optional(Reason),
        response: responses({ 200: RedemptionWithCard }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'cards.redeem');
      return mutate(ctx, req, reply, { action: 'card.reverse', targetType: 'redemption' }, (q) =>
        reverseRedemption(ctx, q, req.caller!, req.params.id, req.body?.reason),
      );
    },
  );

  app.get(
    '/redemptions/:id',
    { schema: { tags: rtags, summary: 'Get a redemption', params: IdParams, response: responses({ 200: Redemption }) } },
    async (req) => {
      requireAccess(req.caller!, 'cards.read');
      return getRedemption(ctx.db, req.caller!, req.params.id);
    },
  );

  app.get(
    '/redemptions',
    {
      schema: {
        tags: rtags,
        summary: 'List redemptions (a clerk sees its stores’ only)',
        querystring: ListQuery({
          store_id: Type.Optional(Id),
          card_id: Type.Optional(Id),
          status: Type.Optional(Type.Union([Type.Literal('done'), Type.Literal('reversed')])),
          sort: Type.Optional(SortQuery(REDEMPTION_SORTS)),
        }),
        response: responses({ 200: Page(RedemptionListItem) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'cards.read');
      const qs = req.query as any;
      return listRedemptions(ctx.db, req.caller!, { ...qs, limit: qs.limit ?? 50 });
    },
  );

  app.post(
    '/cards/:id/approvals',
    {
      schema: {
        tags: ['cards 卡券'],
        summary: 'Approve one high-value redemption of this card 二次验证 (valid 15 minutes, single use)',
        params: IdParams,
        body: Type.Object({ max_amount: Type.Optional(Money) }),
        response: responses({ 201: Type.Object({ id: Type.String(), card_id: Type.String(), max_amount: Nullable(Type.Integer()), expires_at: Timestamp }) }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'cards.manage');
      return mutate(ctx, req, reply, { action: 'card.approve', targetType: 'approval', status: 201 }, (q) =>
        createApproval(q, req.caller!, req.params.id, req.body.max_amount, ctx.clock.now()),
      );
    },
  );
}
