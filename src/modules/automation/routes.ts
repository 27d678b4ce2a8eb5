import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import type { Sql } from '../../db/index.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { Deleted, Id, ListQuery, Page, responses } from '../../http/schemas.js';
import { decodeCursor, pageOf } from '../../http/pagination.js';
import { DryRunAnswer, Firing, Rule, RuleCreate, RulePatch, SampleEvent } from './schemas.js';
import { getRule, RULE_COLS, type RuleRow } from './model.js';
import { createRule, deleteRule, setRuleStatus, updateRule } from './manage.js';
import { FIRING_COLS, firingViews, ruleViews, type FiringRow } from './views.js';
import { dryRun } from './dryrun.js';

/** 自动化规则 for the brand's staff: rules with their results, the builder's create/update, 启用/暂停, 试运行, and the firings log. */
export function automationRoutes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['automation rules 自动化规则'];
  const view = async (q: Sql, tenantId: string, row: RuleRow) => (await ruleViews(q, tenantId, [row]))[0]!;
  const ById = Type.Object({ id: Id });

  app.get(
    '/automation/rules',
    {
      schema: {
        tags,
        summary: 'Automation rules 自动化规则, newest first, with their results (fired, cards issued, redeemed, GMV)',
        querystring: ListQuery({ status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('paused')])) }),
        response: responses({ 200: Page(Rule) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'automation.read');
      const t = req.caller!.tenantId;
      const limit = req.query.limit ?? 50;
      const r = await ctx.db.query<RuleRow>(
        `SELECT ${RULE_COLS} FROM automation_rules WHERE tenant_id = $1 AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR id < $3)
         ORDER BY id DESC LIMIT $4`,
        [t, req.query.status ?? null, decodeCursor(req.query.cursor), limit + 1],
      );
      const page = pageOf(r.rows, limit);
      return { ...page, data: await ruleViews(ctx.db, t, page.data) };
    },
  );

  app.post(
    '/automation/rules',
    {
      schema: {
        tags,
        summary: 'Make a rule: trigger → conditions → limits → actions (active unless made paused)',
        description: 'A bad rule (an unknown trigger, a condition on a field the trigger has not, a limit below zero) is refused 422 naming the field.',
        body: RuleCreate,
        response: responses({ 201: Rule }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'automation.manage');
      const t = req.caller!.tenantId;
      return mutate(ctx, req, reply, { action: 'automation_rule.create', targetType: 'automation_rule', status: 201 }, async (q) =>
        view(q, t, await createRule(q, t, req.body, ctx.clock.now())),
      );
    },
  );

  app.get(
    '/automation/rules/:id',
    { schema: { tags, summary: 'One rule, with its results', params: ById, response: responses({ 200: Rule }) } },
    async (req) => {
      requireAccess(req.caller!, 'automation.read');
      return view(ctx.db, req.caller!.tenantId, await getRule(ctx.db, req.caller!.tenantId, req.params.id));
    },
  );

  app.patch(
    '/automation/rules/:id',
    { schema: { tags, summary: 'Change a rule (a budget never below what it has given)', params: ById, body: RulePatch, response: responses({ 200: Rule }) } },
    async (req, reply) => {
      requireAccess(req.caller!, 'automation.manage');
      const t = req.caller!.tenantId;
      return mutate(ctx, req, reply, { action: 'automation_rule.update', targetType: 'automation_rule' }, async (q) =>
        view(q, t, await updateRule(q, t, req.params.id, req.body, ctx.clock.now())),
      );
    },
  );

  app.delete(
    '/automation/rules/:id',
    {
      schema: {
        tags,
        summary: 'Delete a rule (its firings and the cards it gave stay)',
        params: ById,
        response: responses({ 200: Deleted }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'automation.manage');
      const t = req.caller!.tenantId;
      return mutate(ctx, req, reply, { action: 'automation_rule.delete', targetType: 'automation_rule' }, async (q) => {
        await deleteRule(q, t, req.params.id);
        return { id: req.params.id, deleted: true };
      });
    },
  );

  for (const [move, status, summary] of [
    ['enable', 'active', 'Enable 启用 a rule: events from now on are evaluated against it'],
    ['pause', 'paused', 'Pause 暂停 a rule: events meanwhile are not evaluated against it (enabling does not go back over them)'],
  ] as const) {
    app.post(`/automation/rules/:id/${move}`, { schema: { tags, summary, params: ById, response: responses({ 200: Rule }) } }, async (req, reply) => {
      requireAccess(req.caller!, 'automation.manage');
      const t = req.caller!.tenantId;
      return mutate(ctx, req, reply, { action: `automation_rule.${move}`, targetType: 'automation_rule' }, async (q) =>
        view(q, t, await setRuleStatus(q, t, req.params.id, status, ctx.clock.now())),
      );
    });
  }

  app.post(
    '/automation/dry-run',
    {
      schema: {
        tags,
        summary: 'Dry run 试运行: which active rules would fire for a sample event now, and why not for the others (nothing is written)',
        body: SampleEvent,
        response: responses({ 200: DryRunAnswer }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'automation.read');
      return dryRun(ctx.db, req.caller!.tenantId, req.body, ctx.clock.now());
    },
  );

  app.get(
    '/automation/firings',
    {
      schema: {
        tags,
        summary: 'Firings 触发记录, newest first: each rule evaluated for an event its trigger took, fired or skipped with the reason',
        querystring: ListQuery({
          rule_id: Type.Optional(Id),
          member_id: Type.Optional(Id),
          outcome: Type.Optional(Type.Union([Type.Literal('fired'), Type.Literal('skipped')])),
        }),
        response: responses({ 200: Page(Firing) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'automation.read');
      const t = req.caller!.tenantId;
      const limit = req.query.limit ?? 50;
      const r = await ctx.db.query<FiringRow>(
        `SELECT ${FIRING_COLS} FROM automation_firings WHERE tenant_id = $1 AND ($2::text IS NULL OR rule_id = $2) AND ($3::text IS NULL OR member_id = $3)
           AND ($4::text IS NULL OR outcome = $4) AND ($5::text IS NULL OR id < $5) ORDER BY id DESC LIMIT $6`,
        [t, req.query.rule_id ?? null, req.query.member_id ?? null, req.query.outcome ?? null, decodeCursor(req.query.cursor), limit + 1],
      );
      const page = pageOf(r.rows, limit);
      return { ...page, data: await firingViews(ctx.db, t, page.data) };
    },
  );
}
