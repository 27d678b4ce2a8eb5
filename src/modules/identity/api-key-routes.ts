import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { Id, Nullable, Timestamp, responses } from '../../http/schemas.js';
import * as keys from './api-keys.js';

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
/** API keys 接口密钥: owners make and revoke them; the secret is shown once. */
export function apiKeyRoutes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['tenant & keys 商户与密钥'];
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
        keys.createApiKey(q, req.caller!.tenantId, req.body as any),
      );
    },
  );

  app.get('/api-keys', { schema: { tags, summary: 'List API keys', response: responses({ 200: Type.Object({ data: Type.Array(ApiKey) }) }) } }, async (req) => {
    requireAccess(req.caller!, 'keys.manage');
    return { data: await keys.listApiKeys(ctx.db, req.caller!.tenantId) };
  });

  app.delete(
    '/api-keys/:id',
    {
      schema: { tags, summary: 'Revoke an API key', params: Type.Object({ id: Id }), response: responses({ 200: ApiKey }) },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'keys.manage');
      return mutate(ctx, req, reply, { action: 'api_key.revoke', targetType: 'api_key' }, (q) =>
        keys.revokeApiKey(q, req.caller!.tenantId, req.params.id, ctx.clock.now()),
      );
    },
  );
}
