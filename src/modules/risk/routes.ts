import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { requireAccess } from '../../http/access.js';
import { mutate } from '../../mutations/mutation.js';
import { Id, ListQuery, Nullable, Page, Timestamp, responses } from '../../http/schemas.js';
import { createRule, getRule, listRules, ruleView, updateRule } from './rules.js';
import { addEntry, entryView, listEntries, removeEntry } from './lists.js';
import { listDecisions } from './decisions.js';
import { memberRisk } from './profile.js';
import { Action, Decision, ListBody, ListEntry, Names, Outcome, Rule, RuleBody, RulePatch } from './schemas.js';

/** 风控: rules, lists and decisions, for the brand's staff (the console's rules, lists and dashboard pages). */
export function riskRoutes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['risk 风控'];
  const ById = Type.Object({ id: Id });
  const now = () => ctx.clock.now();

  app.get(
    '/risk/rules',
    {
      schema: {
        tags,
        summary: 'Risk rules 风控规则, newest first: the tenant’s defaults and its own (limits per subject over a window, behaviour signals)',
        querystring: ListQuery({ status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('paused')])), action: Type.Optional(Action) }),
        response: responses({ 200: Page(Rule) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'risk.read');
      return listRules(ctx.db, req.caller!.tenantId, req.query);
    },
  );

  app.post(
    '/risk/rules',
    {
      schema: {
        tags,
        summary:
          'Make a rule: a limit (at most `limit` actions per subject per window) or a signal (a device’s members, a member’s phone changes), with its outcome',
        body: RuleBody,
        response: responses({ 201: Rule }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'risk.manage');
      return mutate(ctx, req, reply, { action: 'risk_rule.create', targetType: 'risk_rule', status: 201 }, async (q) =>
        ruleView(await createRule(q, req.caller!.tenantId, req.body, now())),
      );
    },
  );

  app.get('/risk/rules/:id', { schema: { tags, summary: 'A rule', params: ById, response: responses({ 200: Rule }) } }, async (req) => {
    requireAccess(req.caller!, 'risk.read');
    return ruleView(await getRule(ctx.db, req.caller!.tenantId, req.params.id));
  });

  app.patch(
    '/risk/rules/:id',
    {
      schema: {
        tags,
        summary: 'Edit a rule, pause or resume it (status); its kind, subject and window are fixed: make a new rule to change them',
        params: ById,
        body: RulePatch,
        response: responses({ 200: Rule }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'risk.manage');
      return mutate(ctx, req, reply, { action: 'risk_rule.update', targetType: 'risk_rule' }, async (q) =>
        ruleView(await updateRule(q, req.caller!.tenantId, req.params.id, req.body, now())),
      );
    },
  );

  app.get(
    '/risk/lists',
    {
      schema: {
        tags,
        summary: 'Black, grey and white list entries 名单, newest first (a phone is shown masked: it is kept as its keyed hash)',
        querystring: ListQuery({
          list: Type.Optional(Type.Union([Type.Literal('black'), Type.Literal('grey'), Type.Literal('white')])),
          subject: Type.Optional(ListBody.properties.subject),
          active: Type.Optional(Type.Boolean({ description: 'true: only entries in force (not removed, not expired)' })),
        }),
        response: responses({ 200: Page(ListEntry) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'risk.read');
      return listEntries(ctx.db, req.caller!.tenantId, req.query, now());
    },
  );

  app.post(
    '/risk/lists',
    {
      schema: {
        tags,
        summary: 'Put a member, phone, device, IP or card on a list: black refuses, grey sends to review, white exempts from limits and signals',
        body: ListBody,
        response: responses({ 201: ListEntry }),
      },
    },
    async (req, reply) => {
      requireAccess(req.caller!, 'risk.manage');
      return mutate(ctx, req, reply, { action: 'risk_list.add', targetType: 'risk_list_entry', status: 201 }, async (q) =>
        entryView(await addEntry(q, ctx.keys, req.caller!.tenantId, req.body, req.actor ?? `key:${req.caller!.keyId}`, now()), now()),
      );
    },
  );

  const remove = async (req: any, reply: any) => {
    requireAccess(req.caller!, 'risk.manage');
    return mutate(ctx, req, reply, { action: 'risk_list.remove', targetType: 'risk_list_entry' }, async (q) =>
      entryView(await removeEntry(q, req.caller!.tenantId, req.params.id, now()), now()),
    );
  };
  const removeSchema = {
    tags,
    summary: 'Take an entry off its list (kept, with when it was removed; audited)',
    params: ById,
    response: responses({ 200: ListEntry }),
  };
  app.delete('/risk/lists/:id', { schema: removeSchema }, remove);
  app.post('/risk/lists/:id/remove', { schema: removeSchema }, remove);

  app.get(
    '/risk/decisions',
    {
      schema: {
        tags,
        summary: 'Risk decisions 风控决策, newest first: every action refused, challenged, sent to review or flagged, with the rules that hit',
        querystring: ListQuery({
          member_id: Type.Optional(Id),
          card_id: Type.Optional(Id),
          rule_id: Type.Optional(Id),
          outcome: Type.Optional(Outcome),
          action: Type.Optional(Action),
          from: Type.Optional(Timestamp),
          to: Type.Optional(Timestamp),
        }),
        response: responses({ 200: Type.Object({ data: Type.Array(Decision), next_cursor: Nullable(Type.String()), names: Names }) }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'risk.read');
      return listDecisions(ctx.db, req.caller!.tenantId, req.query);
    },
  );

  app.get(
    '/risk/members/:id',
    {
      schema: {
        tags,
        summary: 'A member’s risk profile 会员风险画像: list entries naming them, recent decisions, devices and IPs seen, phone changes',
        params: ById,
        response: responses({
          200: Type.Object({
            member_id: Type.String(),
            lists: Type.Array(ListEntry),
            decisions: Type.Array(Decision),
            devices: Type.Array(Type.Object({ device_id: Type.String(), members: Type.Integer(), last_at: Timestamp })),
            ips: Type.Array(Type.Object({ ip: Type.String(), last_at: Timestamp })),
            phone_changes_30d: Type.Integer(),
            names: Names,
          }),
        }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'risk.read');
      return memberRisk(ctx.db, req.caller!.tenantId, req.params.id, now());
    },
  );
}
