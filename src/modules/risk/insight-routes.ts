import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { requireAccess } from '../../http/access.js';
import { invalid } from '../../errors.js';
import { Id, Nullable, Timestamp, responses } from '../../http/schemas.js';
import { RuleBody } from './schemas.js';
import { dryRun, fromBody, savedRule } from './dry-run.js';
import { dashboard, dashboardPeriod } from './insight.js';
import { flushLog } from './actionlog.js';

const Counts = {
  refuse: Type.Integer(),
  challenge: Type.Integer(),
  review: Type.Integer(),
  flag: Type.Integer(),
  total: Type.Integer({ description: 'every decision counted in this row' }),
};
const Would = Type.Object({ refuse: Type.Integer(), challenge: Type.Integer(), review: Type.Integer(), flag: Type.Integer() });
const DryRunAnswer = Type.Object({
  from: Timestamp,
  to: Timestamp,
  actions_seen: Type.Integer({ description: 'logged actions in the period that the rule would have looked at (its actions, scope and subject)' }),
  would: Type.Object(Would.properties, { description: 'what the rule would have decided: its outcome’s count, zeros for the others' }),
  subjects_hit: Type.Integer({ description: 'distinct subjects (members, devices …) it would have hit' }),
  by_subject: Type.Array(Type.Object({ subject: Type.String(), value: Type.String(), name: Nullable(Type.String()), count: Type.Integer() }), {
    description: 'the 10 subjects hit most',
  }),
  samples: Type.Array(Type.Object({ at: Timestamp, action: Type.String(), subject: Type.String(), value: Type.String(), name: Nullable(Type.String()) }), {
    description: 'the 10 latest actions it would have hit',
  }),
});
const Dashboard = Type.Object({
  from: Type.String({ description: 'the first local day, YYYY-MM-DD' }),
  to: Type.String({ description: 'the last local day (inclusive)' }),
  time_zone: Type.String(),
  totals: Type.Object(Counts),
  by_rule: Type.Array(Type.Object({ rule_id: Type.String(), rule_name: Nullable(Type.String()), kind: Nullable(Type.String()), ...Counts })),
  by_store: Type.Array(Type.Object({ store_id: Nullable(Type.String()), store_name: Nullable(Type.String()), ...Counts })),
  by_hour: Type.Array(Type.Object({ hour: Type.Integer({ description: 'local hour of day 0–23, the period’s days summed' }), ...Counts })),
  top_subjects: Type.Array(Type.Object({ subject: Type.String(), value: Type.String(), name: Nullable(Type.String()), ...Counts })),
  recent: Type.Array(
    Type.Object({
      id: Type.String(),
      action: Type.String(),
      outcome: Type.String(),
      rules: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
      member_id: Nullable(Type.String()),
      member_name: Nullable(Type.String()),
      card_id: Nullable(Type.String()),
      card_name: Nullable(Type.String()),
      store_id: Nullable(Type.String()),
      store_name: Nullable(Type.String()),
      created_at: Timestamp,
    }),
  ),
  spikes: Type.Array(
    Type.Object({ rule_id: Type.String(), rule_name: Nullable(Type.String()), hour: Timestamp, hits: Type.Integer(), baseline: Type.Number() }),
    { description: 'spike alerts 告警 raised in the period' },
  ),
});

/** 试运行 and 风控看板: what a rule would have done to the logged traffic, and what the rules did. */
export function insightRoutes(base: FastifyInstance, ctx: Ctx) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['risk 风控'];

  app.post(
    '/risk/rules/dry-run',
    {
      schema: {
        tags,
        summary:
          'Dry run 试运行: what a rule (a body as POST /v1/risk/rules takes, or a saved rule’s id) would have done to the logged actions of the last day, or of from–to (at most 7 days); changes nothing',
        body: Type.Object({
          rule: Type.Optional(RuleBody),
          rule_id: Type.Optional(Id),
          from: Type.Optional(Timestamp),
          to: Type.Optional(Timestamp),
        }),
        response: responses({ 200: DryRunAnswer }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'risk.read');
      const b = req.body;
      if (!b.rule === !b.rule_id) throw invalid(b.rule ? 'rule_id' : 'rule', 'give a rule or a rule_id, one of them');
      const tenantId = req.caller!.tenantId;
      const rule = b.rule ? fromBody(b.rule) : await savedRule(ctx.db, tenantId, b.rule_id!);
      const to = b.to ? new Date(b.to) : ctx.clock.now();
      const from = b.from ? new Date(b.from) : new Date(to.getTime() - 86_400_000);
      await flushLog(ctx.db); // this process's last second of actions too
      return dryRun(ctx.db, tenantId, rule, from, to);
    },
  );

  app.get(
    '/risk/dashboard',
    {
      schema: {
        tags,
        summary:
          'Risk dashboard 风控看板: the decisions of local days from–to (today by default, at most 31) by outcome, rule, store and hour; the subjects hit most, the latest decisions and spike alerts, with names',
        querystring: Type.Object({
          from: Type.Optional(Type.String({ description: 'first local day, YYYY-MM-DD' })),
          to: Type.Optional(Type.String({ description: 'last local day, YYYY-MM-DD (inclusive)' })),
        }),
        response: responses({ 200: Dashboard }),
      },
    },
    async (req) => {
      requireAccess(req.caller!, 'risk.read');
      const tenantId = req.caller!.tenantId;
      const p = await dashboardPeriod(ctx.db, tenantId, ctx.clock.now(), req.query.from, req.query.to);
      return { from: p.from, to: p.to, time_zone: p.time_zone, ...(await dashboard(ctx.db, tenantId, p)) };
    },
  );
}
