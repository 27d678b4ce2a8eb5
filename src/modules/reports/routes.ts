import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { requireAccess } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { Id, Timestamp, responses } from '../../http/schemas.js';
import { Card, Event, LedgerEntry } from '../cards/schemas.js';
import { Redemption } from '../redemptions/schemas.js';
import { Stats } from './schemas.js';
import { stats } from './stats.js';
import { cardTrace } from './trace.js';

const IdParams = Type.Object({ id: Id });

export function routes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['cards 卡券'];

  app.get(
    '/cards/:id/trace',
    {
      schema: {
        tags,
        summary: 'A card’s whole life: events, ledger, redemptions 轨迹',
        params: IdParams,
        response: responses({
          200: Type.Object({ card: Card, events: Type.Array(Event), ledger: Type.Array(LedgerEntry), redemptions: Type.Array(Redemption) }),
        }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'cards.read');
      return cardTrace(ctx.db, req.caller!, req.params.id);
    },
  );

  app.get(
    '/stats',
    {
      schema: {
        tags: ['reports 数据'],
        summary: 'Issued, bound, redeemed, redemption rate, redeemed amount and order GMV, grouped',
        querystring: Type.Object({
          from: Type.Optional(Timestamp),
          to: Type.Optional(Timestamp),
          group_by: Type.Optional(Type.Union(['day', 'template', 'batch', 'store'].map((g) => Type.Literal(g)))),
          template_id: Type.Optional(Id),
          batch_id: Type.Optional(Id),
          store_id: Type.Optional(Id),
        }),
        response: responses({ 200: Stats }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'reports.read');
      const qs = req.query as any;
      const to = qs.to ? new Date(qs.to) : new Date(ctx.clock.now().getTime() + 60_000);
      const from = qs.from ? new Date(qs.from) : new Date(to.getTime() - 30 * 86_400_000);
      if (from >= to) throw new AppError(422, 'VALIDATION_FAILED', 'from: must be before to', { errors: [{ field: 'from', reason: 'not before to' }] });
      return stats(ctx.db, req.caller!.tenantId, {
        from,
        to,
        group_by: qs.group_by ?? 'day',
        template_id: qs.template_id,
        batch_id: qs.batch_id,
        store_id: qs.store_id,
      });
    },
  );
}
