import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { Id, Nullable, Timestamp, responses } from '../../http/schemas.js';
import * as svc from './service.js';

const Tenant = Type.Object({
  id: Type.String(),
  name: Type.String(),
  time_zone: Type.String(),
  currency: Type.String(),
  reverse_window_minutes: Type.Integer({ description: 'how long after a redemption it may be reversed (撤销核销窗口)' }),
});
const Role = Type.Union(['owner', 'operator', 'analyst', 'clerk', 'channel'].map((r) => Type.Literal(r)));
const ApiKey = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: Role,
  key_prefix: Type.String(),
  store_ids: Type.Array(Type.String()),
  channel_id: Nullable(Type.String()),
  revoked_at: Nullable(Timestamp),
  created_at: Timestamp,
});
const Channel = Type.Object({ id: Type.String(), name: Type.String(), created_at: Timestamp });

export default {
  name: 'tenants',
  routes(base: FastifyInstance, ctx: Ctx) {
    const app = base.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['tenant & keys 商户与密钥'];

    app.get('/tenant', { schema: { tags, summary: 'This key’s tenant', response: responses({ 200: Tenant }) } }, async (req) =>
      svc.getTenant(ctx.db, req.caller!.tenantId),
    );

    app.patch(
      '/tenant',
      {
        schema: {
          tags,
          summary: 'Change tenant settings',
          body: Type.Object({
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            time_zone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
            reverse_window_minutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 525600 })),
          }),
          response: responses({ 200: Tenant }),
        },
      },
      async (req, reply) => {
        requireAccess(req.caller!, 'tenant.manage');
        return mutate(ctx, req, reply, { action: 'tenant.update', targetType: 'tenant' }, (q) => svc.updateTenant(q, req.caller!.tenantId, req.body));
      },
    );

    app.post(
      '/api-keys',
      {
        schema: {
          tags,
          summary: 'Create an API key (the secret is shown once)',
          body: Type.Object({
            name: Type.String({ minLength: 1, maxLength: 200 }),
            role: Role,
            store_ids: Type.Optional(Type.Array(Id, { maxItems: 500 })),
            channel_id: Type.Optional(Id),
          }),
          response: responses({ 201: Type.Intersect([ApiKey, Type.Object({ secret: Type.String() })]) }),
        },
      },
      async (req, reply) => {
        requireAccess(req.caller!, 'keys.manage');
        return mutate(ctx, req, reply, { action: 'api_key.create', targetType: 'api_key', status: 201 }, (q) =>
          svc.createApiKey(q, req.caller!.tenantId, req.body as any),
        );
      },
    );

    app.get(
      '/api-keys',
      { schema: { tags, summary: 'List API keys', response: responses({ 200: Type.Object({ data: Type.Array(ApiKey) }) }) } },
      async (req) => {
        requireAccess(req.caller!, 'keys.manage');
        return { data: await svc.listApiKeys(ctx.db, req.caller!.tenantId) };
      },
    );

    app.delete(
      '/api-keys/:id',
      {
        schema: { tags, summary: 'Revoke an API key', params: Type.Object({ id: Id }), response: responses({ 200: ApiKey }) },
      },
      async (req, reply) => {
        requireAccess(req.caller!, 'keys.manage');
        return mutate(ctx, req, reply, { action: 'api_key.revoke', targetType: 'api_key' }, (q) =>
          svc.revokeApiKey(q, req.caller!.tenantId, req.params.id, ctx.clock.now()),
        );
      },
    );

    app.post(
      '/channels',
      {
        schema: {
          tags: ['channels 渠道'],
          summary: 'Create a channel',
          body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }) }),
          response: responses({ 201: Channel }),
        },
      },
      async (req, reply) => {
        requireAccess(req.caller!, 'catalog.write');
        return mutate(ctx, req, reply, { action: 'channel.create', targetType: 'channel', status: 201 }, (q) =>
          svc.createChannel(q, req.caller!.tenantId, req.body),
        );
      },
    );

    app.get(
      '/channels',
      { schema: { tags: ['channels 渠道'], summary: 'List channels', response: responses({ 200: Type.Object({ data: Type.Array(Channel) }) }) } },
      async (req) => {
        requireAccess(req.caller!, 'catalog.read');
        return { data: await svc.listChannels(ctx.db, req.caller!.tenantId) };
      },
    );
  },
};
