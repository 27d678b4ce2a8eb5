import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { Id, ListQuery, responses } from '../../http/schemas.js';
import { ReviewPage, ReviewStatus, ReviewWithNames } from './schemas.js';
import { getReview, listReviews } from './read.js';
import { approveReview, rejectReview } from './service.js';

const IdParams = Type.Object({ id: Id });

export function routes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['reviews 人工审核'];
  const actorOf = (req: { actor?: string; caller?: { keyId: string } }) => req.actor ?? `key:${req.caller!.keyId}`;

  app.get(
    '/reviews',
    {
      schema: {
        tags,
        summary: 'The review queue 人工审核 (a clerk or channel key sees the requests it made)',
        querystring: ListQuery({ status: Type.Optional(ReviewStatus), action: Type.Optional(Type.String({ maxLength: 32 })) }),
        response: responses({ 200: ReviewPage }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'reviews.read');
      const qs = req.query;
      return listReviews(ctx.db, req.caller!, { ...qs, limit: qs.limit ?? 50 });
    },
  );

  app.get(
    '/reviews/:id',
    {
      schema: {
        tags,
        summary: 'A review: poll it for the answer of a request sent to review',
        params: IdParams,
        response: responses({ 200: ReviewWithNames }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'reviews.read');
      return getReview(ctx.db, req.caller!, req.params.id);
    },
  );

  app.post(
    '/reviews/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve 通过: the request is carried out as it was asked (only a pending review; a second decision is 409 REVIEW_DECIDED)',
        params: IdParams,
        body: Type.Optional(Type.Object({ request_no: Type.Optional(Type.String({ maxLength: 200 })) })),
        response: responses({ 200: ReviewWithNames }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'reviews.decide');
      return mutate(ctx, req, reply, { action: 'review.approve', targetType: 'review' }, async (q) => {
        await approveReview(ctx, q, req.caller!, actorOf(req), req.params.id);
        return getReview(q, req.caller!, req.params.id);
      });
    },
  );

  app.post(
    '/reviews/:id/reject',
    {
      schema: {
        tags,
        summary: 'Reject 驳回 with a reason: what was held goes back (only a pending review)',
        params: IdParams,
        body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }), request_no: Type.Optional(Type.String({ maxLength: 200 })) }),
        response: responses({ 200: ReviewWithNames }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'reviews.decide');
      return mutate(ctx, req, reply, { action: 'review.reject', targetType: 'review' }, async (q) => {
        await rejectReview(ctx, q, req.caller!, actorOf(req), req.params.id, req.body.reason);
        return getReview(q, req.caller!, req.params.id);
      });
    },
  );
}
