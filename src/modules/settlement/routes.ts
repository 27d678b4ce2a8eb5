import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { Id, ListQuery, Nullable, Page, Timestamp, responses } from '../../http/schemas.js';
import { resolveNames } from '../../platform/names.js';
import { getTenant } from '../tenants/service.js';
import { getChannel } from '../channels/service.js';
import { getBuyer } from '../wholesale/service.js';
import * as svc from './service.js';
import { listRates, setRate } from './rates.js';
import { statementCsv, statementFileName, statementXlsx } from './file.js';

const PartyType = Type.Union([Type.Literal('channel'), Type.Literal('buyer')]);
const Basis = Type.Union([Type.Literal('sales'), Type.Literal('redeemed')]);
const Line = Type.Object({
  kind: Type.String({
    description:
      'allocated, sold, activated, redeemed, void, reversal, adjustment, commission; a buyer: order_paid, fulfilled, order_refund, adjustment, recharge, deduction, prepaid_refund, prepaid_other',
  }),
  template_id: Nullable(Type.String()),
  quantity: Type.Integer(),
  unit_price: Nullable(Type.Integer({ description: 'the price level’s wholesale price (fen); null: not valued per unit, or no price' })),
  amount: Type.Integer({ description: 'fen, signed: refunds, adjustments and commission are negative' }),
  no_price: Type.Boolean({ description: 'the template has no price at the party’s level: valued 0, the statement is flagged' }),
  adjusts: Nullable(Type.String({ description: 'an adjustment: the kind of line of an earlier period it corrects' })),
});
const Statement = Type.Object({
  id: Type.String(),
  party_type: PartyType,
  party_id: Type.String(),
  party_name: Type.String(),
  period_from: Timestamp,
  period_to: Timestamp,
  state: Type.Union([Type.Literal('draft'), Type.Literal('closed')]),
  price_level: Nullable(Type.String()),
  rate_bp: Type.Integer(),
  basis: Basis,
  prices: Type.Record(Type.String(), Nullable(Type.Integer())),
  lines: Type.Array(Line),
  totals: Type.Record(Type.String(), Type.Integer(), { description: 'fen for amounts, counts for quantities (docs/settlement.md)' }),
  flagged: Type.Boolean(),
  names: Type.Record(Type.String(), Type.String(), { description: 'the names of the templates the lines name' }),
  computed_at: Timestamp,
  closed_at: Nullable(Timestamp),
  closed_by: Nullable(Type.String()),
  created_by: Type.String(),
  created_at: Timestamp,
  updated_at: Timestamp,
});
const Rate = Type.Object({ price_level: Type.String(), rate_bp: Type.Integer(), basis: Basis, updated_at: Timestamp });
const IdParams = Type.Object({ id: Id });

/** 对账结算: statements per channel or buyer and period, their close, export, and the commission rates. */
export function settlementRoutes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['settlement 对账'];
  const partyName = async (tenantId: string, s: svc.Statement) =>
    s.party_type === 'channel' ? (await getChannel(ctx.db, tenantId, s.party_id)).name : (await getBuyer(ctx.db, tenantId, s.party_id)).name;
  const named = async (tenantId: string, s: svc.Statement) => {
    const names = await resolveNames(
      ctx.db,
      tenantId,
      s.lines.map((l) => l.template_id),
    );
    return { ...s, party_name: await partyName(tenantId, s), names: Object.fromEntries(names) };
  };

  app.post(
    '/statements',
    {
      schema: {
        tags,
        summary: 'Compute a party’s draft statement for a period (again: recompute it); from/to are local days (tenant’s time zone) or instants',
        body: Type.Object({
          party_type: PartyType,
          party_id: Id,
          from: Type.String({ minLength: 1, maxLength: 40, description: 'YYYY-MM-DD (local midnight) or an ISO 8601 instant' }),
          to: Type.String({ minLength: 1, maxLength: 40, description: 'exclusive: YYYY-MM-DD (local midnight) or an ISO 8601 instant' }),
        }),
        response: responses({ 200: Statement }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'settlement.manage');
      const by = req.actor ?? `key:${req.caller!.keyId}`;
      const s = await mutate(ctx, req, reply, { action: 'statement.compute', targetType: 'statement' }, (q) =>
        svc.computeDraft(q, req.caller!, req.body, by, ctx.clock.now()),
      );
      return named(req.caller!.tenantId, s);
    },
  );

  app.get(
    '/statements',
    {
      schema: {
        tags,
        summary: 'Statements, newest first (a partner: its subtree’s channel statements)',
        querystring: ListQuery({
          party_type: Type.Optional(PartyType),
          party_id: Type.Optional(Id),
          state: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('closed')])),
        }),
        response: responses({ 200: Page(Statement) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'settlement.read');
      const page = await svc.listStatements(ctx.db, req.caller!, req.query);
      const data = [];
      for (const s of page.data) data.push(await named(req.caller!.tenantId, s)); // a page at a time: a few reads per statement
      return { ...page, data };
    },
  );

  app.get(
    '/statements/:id',
    { schema: { tags, summary: 'A statement with its lines and totals', params: IdParams, response: responses({ 200: Statement }) } },
    async (req) => {
      requireAccess(req.caller!, 'settlement.read');
      return named(req.caller!.tenantId, await svc.getStatementRow(ctx.db, req.caller!, req.params.id));
    },
  );

  app.post(
    '/statements/:id/close',
    {
      schema: {
        tags,
        summary: '结账 Close a draft: recompute and freeze it (closing twice is once; only after its period has ended)',
        params: IdParams,
        response: responses({ 200: Statement }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'settlement.manage');
      const by = req.actor ?? `key:${req.caller!.keyId}`;
      const s = await mutate(ctx, req, reply, { action: 'statement.close', targetType: 'statement' }, (q) =>
        svc.closeStatement(q, req.caller!, req.params.id, by, ctx.clock.now()),
      );
      return named(req.caller!.tenantId, s);
    },
  );

  app.get(
    '/statements/:id/export',
    {
      schema: {
        tags,
        summary: 'A statement as a file: CSV (UTF-8 with BOM) or XLSX; names, yuan with 2 decimals, Chinese headers',
        params: IdParams,
        querystring: Type.Object({ format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]) }),
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: responses({}),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'settlement.read');
      const t = req.caller!.tenantId;
      const s = await svc.getStatementRow(ctx.db, req.caller!, req.params.id);
      const tz = (await getTenant(ctx.db, t)).time_zone;
      const names = await resolveNames(
        ctx.db,
        t,
        s.lines.map((l) => l.template_id),
      );
      const party = await partyName(t, s);
      reply.header('content-disposition', `attachment; filename="${statementFileName(s, tz, req.query.format)}"`);
      if (req.query.format === 'csv') return reply.header('content-type', 'text/csv; charset=utf-8').send(statementCsv(s, party, names, tz));
      return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await statementXlsx(s, party, names, tz));
    },
  );

  app.get(
    '/settlement-rates',
    { schema: { tags, summary: 'Commission rates 佣金费率 per price level', response: responses({ 200: Type.Object({ data: Type.Array(Rate) }) }) } },
    async (req) => {
      requireAccess(req.caller!, 'settlement.rates');
      return { data: await listRates(ctx.db, req.caller!.tenantId) };
    },
  );

  app.put(
    '/settlement-rates/:price_level',
    {
      schema: {
        tags,
        summary: 'Set a price level’s commission rate: basis points (100 = 1 %) on net sales or on net redeemed value',
        params: Type.Object({ price_level: Type.String({ minLength: 1, maxLength: 64 }) }),
        body: Type.Object({ rate_bp: Type.Integer({ minimum: 0, maximum: 10_000 }), basis: Basis }),
        response: responses({ 200: Rate }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'settlement.manage');
      const r = await mutate(ctx, req, reply, { action: 'settlement_rate.set', targetType: 'settlement_rate' }, (q) =>
        setRate(q, req.caller!.tenantId, req.params.price_level, req.body, ctx.clock.now()),
      );
      const { id: _, ...rate } = r;
      return rate;
    },
  );
}
