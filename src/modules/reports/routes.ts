import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { requireAccess } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { Id, Nullable, Page, PageQuery, Timestamp, responses } from '../../http/schemas.js';
import { Kind } from '../templates/schemas.js';
import { memberHistory } from './member-history.js';
import { Card, Event, LedgerEntry } from '../cards/schemas.js';
import { Redemption } from '../redemptions/schemas.js';
import { Stats, StatsQuery } from './schemas.js';
import { stats, type StatsFilter } from './stats.js';
import { reportCsv, reportFileName, reportXlsx, type Lang } from './report-file.js';
import { getTenant } from '../tenants/service.js';

/** The longest period a report covers (a day a row: a little over three years of days). */
const MAX_DAYS = 1200;
import { namedCardTrace } from './trace.js';
import { Decision as RiskDecision } from '../risk/schemas.js';
import { channelStatsRoutes } from './channel-routes.js';

const IdParams = Type.Object({ id: Id });

export function routes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['cards 卡券'];
  channelStatsRoutes(base, ctx);

  app.get(
    '/cards/:id/trace',
    {
      schema: {
        tags,
        summary: 'A card’s whole life: events, ledger, redemptions 轨迹',
        params: IdParams,
        response: responses({
          200: Type.Object({
            card: Card,
            events: Type.Array(Event),
            ledger: Type.Array(LedgerEntry),
            redemptions: Type.Array(Redemption),
            risk_decisions: Type.Array(RiskDecision, {
              description: 'the risk decisions 风控决策 about this card (refused, flagged …), oldest first; empty for a caller who may not read risk decisions',
            }),
            names: Type.Record(Type.String(), Type.String(), {
              description: 'the names of the ids in this trace: stores, members, channels, batch, template, actors',
            }),
          }),
        }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'cards.read');
      return namedCardTrace(ctx.db, req.caller!, req.params.id);
    },
  );

  /** The period a stats query names: [from, to), 30 days up to now by default. */
  const filter = (qs: any): StatsFilter => {
    const to = qs.to ? new Date(qs.to) : new Date(ctx.clock.now().getTime() + 60_000);
    const from = qs.from ? new Date(qs.from) : new Date(to.getTime() - 30 * 86_400_000);
    if (from >= to) throw new AppError(422, 'VALIDATION_FAILED', 'from: must be before to', { errors: [{ field: 'from', reason: 'not before to' }] });
    if (to.getTime() - from.getTime() > MAX_DAYS * 86_400_000)
      throw new AppError(422, 'VALIDATION_FAILED', `to: a period is at most ${MAX_DAYS} days`, { errors: [{ field: 'to', reason: 'period too long' }] });
    return { from, to, group_by: qs.group_by ?? 'day', template_id: qs.template_id, batch_id: qs.batch_id, store_id: qs.store_id };
  };

  app.get(
    '/members/:id/history',
    {
      schema: {
        tags: ['members 会员'],
        summary: 'A member’s history 会员动态: their cards’ events, newest first, with card and store names',
        params: IdParams,
        querystring: PageQuery,
        response: responses({
          200: Page(
            Type.Object({
              id: Type.Integer(),
              type: Type.String({ description: 'the card event, without `card.` (issued, redeemed, topped_up, gift_offered …)' }),
              zh: Type.String({ description: 'the event, named in Chinese (the event catalogue’s name)' }),
              en: Type.String({ description: 'the event, named in English' }),
              at: Timestamp,
              card_id: Nullable(Type.String()),
              card_name: Nullable(Type.String({ description: 'the card’s template name' })),
              kind: Nullable(Kind),
              code_tail: Nullable(Type.String()),
              store_name: Nullable(Type.String()),
              amount: Type.Integer({ description: 'fen: what a redemption took, or a top-up’s paid amount' }),
              bonus: Type.Integer({ description: 'fen: a top-up’s bonus' }),
              uses: Type.Integer(),
              stamps: Type.Integer(),
            }),
          ),
        }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'reports.read');
      const qs = req.query as { limit?: number; cursor?: string };
      return memberHistory(ctx.db, req.caller!.tenantId, req.params.id, { limit: qs.limit ?? 50, cursor: qs.cursor });
    },
  );

  app.get(
    '/stats',
    {
      schema: {
        tags: ['reports 数据'],
        summary:
          'Issued (to members / exported), bound, in members’ hands, redeemed, redemption rate over cards in hands, amount and GMV, grouped; with the previous period, the stock now and each figure’s definition',
        querystring: Type.Object(StatsQuery),
        response: responses({ 200: Stats }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'reports.read');
      return stats(ctx.db, req.caller!.tenantId, filter(req.query));
    },
  );

  app.get(
    '/stats/export',
    {
      schema: {
        tags: ['reports 数据'],
        summary:
          'The same report as a file: CSV (UTF-8 with BOM) or XLSX; names not ids, money in yuan with 2 decimals, with the previous period and the definitions',
        querystring: Type.Object({
          ...StatsQuery,
          format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]),
          lang: Type.Optional(Type.Union([Type.Literal('zh'), Type.Literal('en')], { description: 'column names and labels (default zh)' })),
        }),
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: responses({}),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'reports.read');
      const qs = req.query as { format: 'csv' | 'xlsx'; lang?: Lang };
      const s = await stats(ctx.db, req.caller!.tenantId, filter(req.query));
      const lang = qs.lang ?? 'zh';
      reply.header('content-disposition', `attachment; filename="${reportFileName(s, qs.format)}"`);
      if (qs.format === 'csv') return reply.header('content-type', 'text/csv; charset=utf-8').send(reportCsv(s, lang));
      const tenant = await getTenant(ctx.db, req.caller!.tenantId);
      return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await reportXlsx(s, lang, tenant.name));
    },
  );
}
