import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { Timestamp, responses } from '../../http/schemas.js';
import * as svc from './service.js';

const Channel = Type.Object({ id: Type.String(), name: Type.String(), created_at: Timestamp });

export function channelRoutes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
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
}
