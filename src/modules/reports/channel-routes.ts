import { Type, type TObject } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { requireAccess } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { Id, Nullable, Timestamp, responses } from '../../http/schemas.js';
import { channelFunnel, channelStats, type ChannelStatsFilter } from './channel-stats.js';
import { channelReportCsv, channelReportXlsx } from './channel-file.js';
import { getTenant } from '../tenants/service.js';

const MAX_DAYS = 1200;
const n = (description: string) => Type.Integer({ description });
const Figures = Type.Object({
  issued: n('cards issued in the period'),
  issued_to_members: n('issued straight to a member'),
  bound: n('bearer codes bound to a member'),
  in_hands: n('cards that reached members: issued to a member + bound'),
  redeemed: n('redemptions that stand'),
  redeemed_cards: n('distinct cards redeemed (a subtree: the sum of its channels’)'),
  redeemed_amount: n('fen: what those redemptions were worth'),
  order_gmv: n('fen: the order amounts of those redemptions (GMV)'),
});
const Funnel = Type.Object({
  issued: n('cards issued in the period'),
  reached: n('of those, reached a member by the period’s end (issued to one, or bound)'),
  redeemed: n('of those, redeemed (standing) by the period’s end'),
});
const Query = {
  from: Type.Optional(Timestamp),
  to: Type.Optional(Timestamp),
  parent_id: Type.Optional(Id),
  all: Type.Optional(Type.Boolean({ description: 'every channel the caller sees, in tree order, instead of one level' })),
  template_id: Type.Optional(Id),
};
const answer = (F: TObject) => {
  const Row = Type.Object({
    channel_id: Type.String(),
    name: Type.String(),
    parent_id: Nullable(Type.String()),
    depth: Type.Integer(),
    path: Type.String(),
    status: Type.String(),
    children: Type.Integer({ description: 'channels directly below (drill down with parent_id)' }),
    own: F,
    subtree: F,
  });
  return Type.Object({
    from: Timestamp,
    to: Timestamp,
    time_zone: Type.String(),
    parent: Nullable(Row), // the channel drilled into (parent_id): its `own` is its cards not below its children
    rows: Type.Array(Row),
    unattributed: Nullable(F), // cards of no channel (brand staff at the top level only)
    totals: F,
  });
};

export function channelStatsRoutes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['reports 数据'];
  const filter = (qs: any): ChannelStatsFilter => {
    const to = qs.to ? new Date(qs.to) : new Date(ctx.clock.now().getTime() + 60_000);
    const from = qs.from ? new Date(qs.from) : new Date(to.getTime() - 30 * 86_400_000);
    if (from >= to) throw new AppError(422, 'VALIDATION_FAILED', 'from: must be before to', { errors: [{ field: 'from', reason: 'not before to' }] });
    if (to.getTime() - from.getTime() > MAX_DAYS * 86_400_000)
      throw new AppError(422, 'VALIDATION_FAILED', `to: a period is at most ${MAX_DAYS} days`, { errors: [{ field: 'to', reason: 'period too long' }] });
    return { from, to, parent_id: qs.parent_id, all: qs.all, template_id: qs.template_id };
  };

  app.get(
    '/stats/channels',
    {
      schema: {
        tags,
        summary: '数据穿透 Issued, bound, redeemed, amount and GMV by channel: each channel’s own and its subtree’s (a partner: its subtree only)',
        querystring: Type.Object(Query),
        response: responses({ 200: answer(Figures) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'channel_stats.read');
      return channelStats(ctx.db, req.caller!, filter(req.query));
    },
  );
  app.get(
    '/stats/channels/funnel',
    {
      schema: {
        tags,
        summary: '渠道漏斗 The cards issued in the period by channel → reached a member → redeemed (own and subtree)',
        querystring: Type.Object(Query),
        response: responses({ 200: answer(Funnel) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'channel_stats.read');
      return channelFunnel(ctx.db, req.caller!, filter(req.query));
    },
  );
  app.get(
    '/stats/channels/export',
    {
      schema: {
        tags,
        summary: 'The stats by channel as a file: CSV (UTF-8 with BOM) or XLSX; names, subtree and own figures, yuan with 2 decimals',
        querystring: Type.Object({
          ...Query,
          format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]),
          lang: Type.Optional(Type.Union([Type.Literal('zh'), Type.Literal('en')])),
        }),
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: responses({}),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'channel_stats.read');
      const qs = req.query as { format: 'csv' | 'xlsx'; lang?: 'zh' | 'en' };
      const s = await channelStats(ctx.db, req.caller!, filter(req.query));
      const lang = qs.lang ?? 'zh';
      const day = (d: Date) => d.toISOString().slice(0, 10);
      reply.header('content-disposition', `attachment; filename="kaquan-channels-${day(s.from)}-${day(new Date(s.to.getTime() - 1))}.${qs.format}"`);
      if (qs.format === 'csv') return reply.header('content-type', 'text/csv; charset=utf-8').send(channelReportCsv(s, lang));
      const tenant = await getTenant(ctx.db, req.caller!.tenantId);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(await channelReportXlsx(s, lang, tenant.name));
    },
  );
}
