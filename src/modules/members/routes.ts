import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { Id, Nullable, Page, ListQuery, Timestamp, responses } from '../../http/schemas.js';
import { SortQuery } from '../../http/pagination.js';
import * as svc from './service.js';

const Member = Type.Object({
  id: Type.String(),
  external_id: Nullable(Type.String({ description: 'the brand CRM’s member id' })),
  name: Nullable(Type.String()),
  phone_last4: Nullable(Type.String({ description: 'the phone is stored encrypted; only its last 4 digits are shown' })),
  birthday: Nullable(Type.String({ format: 'date' })),
  tier: Nullable(Type.String()),
  province: Nullable(Type.String({ description: '省 (name or code), optional: for 窜货 detection on binding' })),
  city: Nullable(Type.String({ description: '市 (name or code), optional' })),
  created_at: Timestamp,
});
const fields = {
  external_id: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 128 }))),
  name: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 32 }))),
  birthday: Type.Optional(Nullable(Type.String({ maxLength: 10, description: 'YYYY-MM-DD' }))),
  tier: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  province: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  city: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
};

export function routes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['members 会员'];
  app.post(
    '/members',
    { schema: { tags, summary: 'Create a member', body: Type.Object(fields), response: responses({ 201: Member }) } },
    async (req, reply) => {
      requireAccess(req.caller!, 'catalog.write');
      return mutate(ctx, req, reply, { action: 'member.create', targetType: 'member', status: 201 }, (q) =>
        svc.createMember(q, ctx.keys, req.caller!.tenantId, req.body, ctx.clock.now()),
      );
    },
  );
  app.patch(
    '/members/:id',
    { schema: { tags, summary: 'Change a member', params: Type.Object({ id: Id }), body: Type.Object(fields), response: responses({ 200: Member }) } },
    async (req, reply) => {
      requireAccess(req.caller!, 'catalog.write');
      return mutate(ctx, req, reply, { action: 'member.update', targetType: 'member' }, (q) =>
        svc.updateMember(q, ctx.keys, req.caller!.tenantId, req.params.id, req.body, ctx.clock.now()),
      );
    },
  );
  app.get(
    '/members/:id',
    { schema: { tags, summary: 'Get a member by id or external_id', params: Type.Object({ id: Id }), response: responses({ 200: Member }) } },
    async (req) => {
      requireAccess(req.caller!, 'members.read');
      return svc.getMember(ctx.db, req.caller!.tenantId, req.params.id);
    },
  );
  app.get(
    '/members',
    {
      schema: {
        tags,
        summary: 'List or search members (name, external id, phone)',
        querystring: ListQuery({ q: Type.Optional(Type.String({ maxLength: 100 })), sort: Type.Optional(SortQuery(svc.MEMBER_SORTS)) }),
        response: responses({ 200: Page(Member) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'members.read');
      const qs = req.query as any;
      return svc.listMembers(ctx.db, ctx.keys, req.caller!.tenantId, { limit: qs.limit ?? 50, cursor: qs.cursor, q: qs.q, sort: qs.sort });
    },
  );
}
