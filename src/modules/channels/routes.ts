import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { channelOf, requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { Id, Nullable, Timestamp, responses } from '../../http/schemas.js';
import * as svc from './service.js';

const Channel = Type.Object({
  id: Type.String(),
  name: Type.String(),
  parent_id: Nullable(Type.String()),
  path: Type.String({ description: "ids from the root down, '/'-separated: '/chn_a/chn_b/'" }),
  depth: Type.Integer({ description: '0 for a top-level channel (总代)' }),
  status: Type.Union([Type.Literal('active'), Type.Literal('suspended')]),
  regions: Type.Array(Type.String(), { description: 'provinces or cities it sells in (names or codes); empty = anywhere' }),
  store_tags: Type.Array(Type.String(), { description: 'tags of the stores where its cards belong; empty = any store' }),
  price_level: Nullable(Type.String()),
  created_at: Timestamp,
  updated_at: Timestamp,
});
const Name = Type.String({ minLength: 1, maxLength: 200 });
const List = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 200 });
const fields = {
  regions: Type.Optional(List),
  store_tags: Type.Optional(List),
  price_level: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64 }))),
};

/**
 * The channel tree. The brand's staff manage all of it; a channel partner (a channel key or partner
 * user) sees and extends only its own subtree: it adds and changes channels below its own, never its
 * own channel's place, and anything outside answers 404 as if it did not exist.
 */
export function channelRoutes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['channels 渠道'];
  app.post(
    '/channels',
    {
      schema: {
        tags,
        summary: 'Create a channel (under a parent: a level of the tree)',
        body: Type.Object({ name: Name, parent_id: Type.Optional(Nullable(Id)), ...fields }),
        response: responses({ 201: Channel }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'channels.manage');
      return mutate(ctx, req, reply, { action: 'channel.create', targetType: 'channel', status: 201 }, (q) =>
        svc.createChannel(q, req.caller!.tenantId, req.body, channelOf(req.caller!)),
      );
    },
  );

  app.patch(
    '/channels/:id',
    {
      schema: {
        tags,
        summary: 'Change a channel; a new parent_id moves it with everything below it',
        params: Type.Object({ id: Id }),
        body: Type.Object({
          name: Type.Optional(Name),
          parent_id: Type.Optional(Nullable(Id)),
          status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('suspended')])),
          ...fields,
        }),
        response: responses({ 200: Channel }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'channels.manage');
      return mutate(ctx, req, reply, { action: 'channel.update', targetType: 'channel' }, (q) =>
        svc.updateChannel(q, req.caller!.tenantId, req.params.id, req.body, channelOf(req.caller!)),
      );
    },
  );

  app.get(
    '/channels',
    {
      schema: {
        tags,
        summary: 'List channels in tree order (a partner: its own subtree)',
        response: responses({ 200: Type.Object({ data: Type.Array(Channel) }) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'catalog.read');
      return { data: await svc.listChannels(ctx.db, req.caller!.tenantId, channelOf(req.caller!)) };
    },
  );

  app.get(
    '/channels/:id',
    { schema: { tags, summary: 'Get a channel', params: Type.Object({ id: Id }), response: responses({ 200: Channel }) } },
    async (req) => {
      requireAccess(req.caller!, 'catalog.read');
      return svc.getChannel(ctx.db, req.caller!.tenantId, req.params.id, channelOf(req.caller!));
    },
  );
}
