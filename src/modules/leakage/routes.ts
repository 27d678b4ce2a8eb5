import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { principalOf, requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { Id, ListQuery, Nullable, Timestamp, responses } from '../../http/schemas.js';
import { handleAlert, listAlerts } from './service.js';

const Alert = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('redemption'), Type.Literal('binding')], { description: 'redeemed (or stamped) at a store, or bound by a member' }),
  card_id: Type.String(),
  template_id: Nullable(Type.String()),
  channel_id: Type.String({ description: 'the card’s channel' }),
  channel_path: Type.String({ description: 'its path when the alert was raised' }),
  store_id: Nullable(Type.String()),
  member_id: Nullable(Type.String()),
  redemption_id: Nullable(Type.String()),
  rule: Type.Union([Type.Literal('flag'), Type.Literal('refuse')], { description: 'the template’s rules.leakage when it was raised' }),
  reasons: Type.Array(Type.String(), { description: 'region (the store’s province/city is not in the channel’s regions), store_tags, member_region' }),
  details: Type.Record(Type.String(), Type.Unknown(), { description: 'the regions and tags compared, as they were' }),
  created_at: Timestamp,
  handled_at: Nullable(Timestamp),
  handled_by: Nullable(Type.String()),
  note: Nullable(Type.String()),
});

export function routes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['channels 渠道'];
  app.get(
    '/leakage-alerts',
    {
      schema: {
        tags,
        summary: '窜货预警 Leakage alerts, newest first: cards used outside their channel’s regions or stores (a partner: its subtree’s)',
        querystring: ListQuery({
          channel_id: Type.Optional(Id),
          template_id: Type.Optional(Id),
          store_id: Type.Optional(Id),
          from: Type.Optional(Timestamp),
          to: Type.Optional(Timestamp),
          handled: Type.Optional(Type.Boolean()),
        }),
        response: responses({
          200: Type.Object({
            data: Type.Array(Alert),
            next_cursor: Nullable(Type.String()),
            names: Type.Record(Type.String(), Type.String(), {
              description: 'the names of the card, template, channel, store and member ids, and of who handled it (handled_by)',
            }),
          }),
        }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'leakage.read');
      const qs = req.query;
      return listAlerts(ctx.db, req.caller!, {
        limit: qs.limit ?? 50,
        cursor: qs.cursor,
        channel_id: qs.channel_id,
        template_id: qs.template_id,
        store_id: qs.store_id,
        from: qs.from ? new Date(qs.from) : undefined,
        to: qs.to ? new Date(qs.to) : undefined,
        handled: qs.handled,
      });
    },
  );
  app.post(
    '/leakage-alerts/:id/handle',
    {
      schema: {
        tags,
        summary: 'Mark a leakage alert handled 标记已处理 (once; audited)',
        params: Type.Object({ id: Id }),
        body: Type.Object({ note: Type.Optional(Type.String({ maxLength: 500 })) }),
        response: responses({ 200: Alert }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'leakage.handle');
      return mutate(ctx, req, reply, { action: 'leakage.handle', targetType: 'leakage_alert' }, (q) =>
        handleAlert(q, req.caller!, req.params.id, req.actor ?? principalOf(req.caller!), req.body?.note ?? null, ctx.clock.now()),
      );
    },
  );
}
