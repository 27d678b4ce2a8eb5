import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { Id, responses } from '../../http/schemas.js';
import { createRule, getRule, listRules, updateRule } from './rules.js';
import { getSettings, putSettings } from './change.js';
import { getEarning, putEarning } from './redeem.js';
import { pointStats } from './read.js';
import { Earning, ExpirySchema, Rule, RuleCreate, RulePatch, Settings } from './schemas.js';

/** The brand's side of points: earning rules 积分规则, settings, a template's earning on redemption, stats. */
export function pointRoutes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['points 积分'];
  const Params = Type.Object({ id: Id });

  app.get(
    '/points/rules',
    {
      schema: {
        tags,
        summary: 'The earning rules 积分规则',
        querystring: Type.Object({ kind: Type.Optional(Type.Union([Type.Literal('order'), Type.Literal('activity')])) }),
        response: responses({ 200: Type.Object({ data: Type.Array(Rule) }) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'points.read');
      return { data: await listRules(ctx.db, req.caller!.tenantId, { kind: req.query.kind }) };
    },
  );
  app.post(
    '/points/rules',
    {
      schema: {
        tags,
        summary: 'Make an earning rule: per fen paid (order) or per custom event (activity)',
        body: RuleCreate,
        response: responses({ 201: Rule }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'points.manage');
      return mutate(ctx, req, reply, { action: 'points.rule_create', targetType: 'point_rule', status: 201 }, (q) =>
        createRule(q, req.caller!.tenantId, req.body as never, ctx.clock.now()),
      );
    },
  );
  app.get('/points/rules/:id', { schema: { tags, summary: 'An earning rule', params: Params, response: responses({ 200: Rule }) } }, async (req) => {
    requireAccess(req.caller!, 'points.read');
    return getRule(ctx.db, req.caller!.tenantId, req.params.id);
  });
  app.patch(
    '/points/rules/:id',
    { schema: { tags, summary: 'Change an earning rule (pause it with status)', params: Params, body: RulePatch, response: responses({ 200: Rule }) } },
    async (req, reply) => {
      requireAccess(req.caller!, 'points.manage');
      return mutate(ctx, req, reply, { action: 'points.rule_update', targetType: 'point_rule' }, (q) =>
        updateRule(q, req.caller!.tenantId, req.params.id, req.body as never, ctx.clock.now()),
      );
    },
  );

  app.get('/points/settings', { schema: { tags, summary: 'The tenant’s points settings 积分设置', response: responses({ 200: Settings }) } }, async (req) => {
    requireAccess(req.caller!, 'points.read');
    return getSettings(ctx.db, req.caller!.tenantId);
  });
  app.put(
    '/points/settings',
    { schema: { tags, summary: 'Change the tenant’s points settings', body: Settings, response: responses({ 200: Settings }) } },
    async (req, reply) => {
      requireAccess(req.caller!, 'points.manage');
      return mutate(ctx, req, reply, { action: 'points.settings', targetType: 'tenant' }, (q) =>
        putSettings(q, req.caller!.tenantId, req.body, ctx.clock.now()),
      );
    },
  );

  app.get(
    '/templates/:id/earning',
    { schema: { tags, summary: 'What redeeming a card of this template earns its member 核销得积分', params: Params, response: responses({ 200: Earning }) } },
    async (req) => {
      requireAccess(req.caller!, 'points.read');
      return getEarning(ctx.db, req.caller!.tenantId, req.params.id);
    },
  );
  app.put(
    '/templates/:id/earning',
    {
      schema: {
        tags,
        summary: 'Set what redeeming a card of this template earns its member (0 and 0: nothing); a reversed redemption takes it back',
        params: Params,
        body: Type.Object({
          points: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }),
          growth: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }),
          expiry: Type.Optional(ExpirySchema),
        }),
        response: responses({ 200: Earning }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'points.manage');
      return mutate(ctx, req, reply, { action: 'points.template_earning', targetType: 'template' }, async (q) => ({
        id: req.params.id,
        ...(await putEarning(q, req.caller!.tenantId, req.params.id, req.body as never, ctx.clock.now())),
      }));
    },
  );

  app.get(
    '/points/stats',
    {
      schema: {
        tags,
        summary: 'Points per local day: issued, spent, expired, clawed back, adjusted, and outstanding (the liability at the day’s end)',
        querystring: Type.Object({
          from: Type.String({ description: 'YYYY-MM-DD, the tenant’s calendar' }),
          to: Type.String({ description: 'YYYY-MM-DD, included' }),
        }),
        response: responses({
          200: Type.Object({
            time_zone: Type.String(),
            days: Type.Array(
              Type.Object({
                day: Type.String(),
                issued: Type.Integer(),
                spent: Type.Integer(),
                expired: Type.Integer(),
                clawed_back: Type.Integer(),
                adjusted: Type.Integer(),
                outstanding: Type.Integer(),
              }),
            ),
          }),
        }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'reports.read');
      return pointStats(ctx.db, req.caller!.tenantId, req.query);
    },
  );
}
