import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { Id, ListQuery, Nullable, Page, Timestamp, responses } from '../../http/schemas.js';
import * as svc from './service.js';
import * as reads from './read.js';

const Allocation = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('grant'), Type.Literal('revoke'), Type.Literal('transfer')]),
  batch_id: Type.String(),
  from_channel_id: Nullable(Type.String({ description: 'null: the brand' })),
  to_channel_id: Nullable(Type.String({ description: 'null: the brand (taken back from a top-level channel)' })),
  quantity: Type.Integer(),
  codes: Type.Boolean({ description: 'pre-generated codes of a pool batch (the codes move), or issue quota of an on-issue batch' }),
  params: Type.Record(Type.String(), Type.String()),
  actor: Nullable(Type.String()),
  created_at: Timestamp,
});
const Holding = Type.Object({
  batch_id: Type.String(),
  batch_name: Nullable(Type.String()),
  template_name: Nullable(Type.String({ description: 'the batch’s template: what the cards are' })),
  granted: Type.Integer({ description: 'given to it, less what was taken back' }),
  allocated: Type.Integer({ description: 'passed on to channels below or beside it, less what came back' }),
  issued: Type.Integer({ description: 'cards issued out of it' }),
  available: Type.Integer({ description: 'held now: granted − allocated − issued' }),
});
// at least 1: checked by the service (422 naming the field), so a zero or negative quantity reads as a refusal of the amount, not a malformed request
const Quantity = Type.Integer({ maximum: 100_000_000, description: 'how many: at least 1' });
const Params = Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]{0,31}$' }), Type.String({ maxLength: 64 }), {
  maxProperties: 5,
  description: 'tracking parameters 追踪参数 (campaign, source_id…): up to 5, carried on the cards issued under this allocation and their card.issued events',
});

/**
 * Channel allocation 渠道分配. The brand's staff allocate from the brand to top-level channels; a
 * partner (channel key) from its own channel down its subtree. Anything outside the caller's
 * subtree answers 404 as if absent.
 */
export function allocationRoutes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['channels 渠道'];
  app.post(
    '/allocations',
    {
      schema: {
        tags,
        summary: 'Allocate issue quota or pre-generated codes of a batch to a channel (from the brand to a top-level channel, or from a channel to its child)',
        body: Type.Object({
          batch_id: Id,
          to_channel_id: Id,
          from_channel_id: Type.Optional(Nullable(Id)),
          quantity: Type.Optional(Quantity),
          card_ids: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 10_000 })),
          codes: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 10_000 })),
          params: Type.Optional(Params),
        }),
        response: responses({ 201: Allocation }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'allocations.manage');
      return mutate(
        ctx,
        req,
        reply,
        { action: 'allocation.grant', targetType: 'allocation', status: 201 },
        (q) => svc.grant(ctx, q, req.caller!, req.body),
        () => svc.refusedEarly(ctx, req.caller!, 'grant', req.body),
      );
    },
  );

  app.post(
    '/allocations/revoke',
    {
      schema: {
        tags,
        summary: 'Take back what a channel holds unissued, to its parent (the brand for a top-level channel)',
        body: Type.Object({ batch_id: Id, channel_id: Id, quantity: Quantity }),
        response: responses({ 201: Allocation }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'allocations.manage');
      return mutate(
        ctx,
        req,
        reply,
        { action: 'allocation.revoke', targetType: 'allocation', status: 201 },
        (q) => svc.revoke(ctx, q, req.caller!, req.body),
        () => svc.refusedEarly(ctx, req.caller!, 'revoke', req.body),
      );
    },
  );

  app.post(
    '/allocations/transfer',
    {
      schema: {
        tags,
        summary: 'Move a holding from a channel to a sibling or to a channel below it',
        body: Type.Object({ batch_id: Id, from_channel_id: Id, to_channel_id: Id, quantity: Quantity, params: Type.Optional(Params) }),
        response: responses({ 201: Allocation }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'allocations.manage');
      return mutate(
        ctx,
        req,
        reply,
        { action: 'allocation.transfer', targetType: 'allocation', status: 201 },
        (q) => svc.transferHolding(ctx, q, req.caller!, req.body),
        () => svc.refusedEarly(ctx, req.caller!, 'transfer', req.body),
      );
    },
  );

  app.get(
    '/channels/:id/holdings',
    {
      schema: {
        tags,
        summary: 'What a channel holds, per batch: granted, passed on, issued, available',
        params: Type.Object({ id: Id }),
        response: responses({ 200: Type.Object({ data: Type.Array(Holding) }) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'allocations.read');
      return { data: await reads.holdings(ctx.db, req.caller!, req.params.id) };
    },
  );

  app.get(
    '/channels/:id/allocations',
    {
      schema: {
        tags,
        summary: 'A channel’s allocation history, newest first (given to it, passed on, taken back)',
        params: Type.Object({ id: Id }),
        querystring: ListQuery({ batch_id: Type.Optional(Id) }),
        response: responses({ 200: Page(Allocation) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'allocations.read');
      return reads.history(ctx.db, req.caller!, req.params.id, req.query);
    },
  );
}
