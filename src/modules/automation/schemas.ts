import { Type, type Static } from '@sinclair/typebox';
import { Id, Money, Nullable, Timestamp } from '../../http/schemas.js';
import { Rewards } from '../rewards/schemas.js';

/** Automation rules 自动化规则: trigger → conditions → limits → actions (docs/growth.md "Automation rules"). */

const HHMM = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'local time HH:MM in the brand’s time zone' });
export const Trigger = Type.Object(
  {
    type: Type.String({ minLength: 1, maxLength: 60, description: 'an event type of the catalogue, or order.first, points.threshold, birthday, schedule' }),
    threshold: Type.Optional(Type.Integer({ minimum: 1, maximum: 1e9, description: 'points.threshold: fires when the balance reaches this' })),
    at: Type.Optional(HHMM),
    every: Type.Optional(Type.Union([Type.Literal('day'), Type.Literal('week'), Type.Literal('month')], { description: 'schedule: how often' })),
    weekday: Type.Optional(Type.Integer({ minimum: 1, maximum: 7, description: 'schedule every week: 1 Monday … 7 Sunday' })),
    day: Type.Optional(Type.Integer({ minimum: 1, maximum: 28, description: 'schedule every month: the day of the month' })),
  },
  { additionalProperties: false, description: '触发: what makes the rule run' },
);
export type Trigger = Static<typeof Trigger>;

export const Op = Type.Union(['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'not_in'].map((o) => Type.Literal(o)));
export const Condition = Type.Object(
  {
    field: Type.String({ minLength: 1, maxLength: 60, description: 'a field of the trigger’s event (amount, template_id, type …) or segment_id' }),
    op: Op,
    value: Type.Union([
      Type.Integer(),
      Type.String({ maxLength: 200 }),
      Type.Array(Type.Union([Type.Integer(), Type.String({ maxLength: 200 })]), { maxItems: 50 }),
    ]),
  },
  { additionalProperties: false, description: '条件: segment_id with in / not_in asks whether the member is in the segment now' },
);
export type Condition = Static<typeof Condition>;

export const Limits = Type.Object(
  {
    per_member: Type.Optional(
      Nullable(
        Type.Object(
          {
            times: Type.Integer({ maximum: 1000, description: 'firings per member per period' }),
            per: Type.Union([Type.Literal('day'), Type.Literal('week'), Type.Literal('month'), Type.Literal('ever')]),
          },
          { additionalProperties: false },
        ),
      ),
    ),
    budget_cards: Type.Optional(Nullable(Type.Integer({ maximum: 1e9, description: 'cards the rule may give in all; null: no cap' }))),
    budget_fen: Type.Optional(Nullable(Type.Integer({ maximum: 1e13, description: 'fen at face the rule may give in all; null: no cap' }))),
  },
  { additionalProperties: false, description: '限制 (a limit below zero is refused 422 naming it)' },
);
export type Limits = Static<typeof Limits>;

export const Actions = Type.Object(
  {
    rewards: Type.Optional(Rewards),
    tag: Type.Optional(Type.String({ minLength: 1, maxLength: 32, description: 'tag the member 打标签' })),
    webhook: Type.Optional(Type.Boolean({ description: 'emit automation.fired, delivered to the webhooks subscribed to it' })),
  },
  { additionalProperties: false, description: '动作: at least one' },
);
export type Actions = Static<typeof Actions>;

const terms = {
  name: Type.String({ minLength: 1, maxLength: 60 }),
  description: Type.String({ maxLength: 500 }),
  trigger: Trigger,
  conditions: Type.Array(Condition, { maxItems: 20 }),
  limits: Limits,
  actions: Actions,
};
export const RuleCreate = Type.Object(
  {
    ...terms,
    description: Type.Optional(terms.description),
    conditions: Type.Optional(terms.conditions),
    limits: Type.Optional(terms.limits),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('paused')], { description: 'default active' })),
  },
  { additionalProperties: false },
);
export type RuleCreate = Static<typeof RuleCreate>;
export const RulePatch = Type.Partial(Type.Object(terms), { additionalProperties: false, minProperties: 1 });
export type RulePatch = Static<typeof RulePatch>;

export const RuleResults = Type.Object({
  fired: Type.Integer({ description: 'firings 触发次数' }),
  skipped: Type.Integer(),
  members: Type.Integer(),
  cards: Type.Integer({ description: 'cards issued' }),
  redeemed: Type.Integer({ description: 'of them, redeemed at least once' }),
  redeemed_amount: Money,
  gmv: Money,
  points: Type.Integer(),
  value: Money,
  budget_cards_used: Type.Integer(),
  budget_fen_used: Money,
});
export const Rule = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  trigger: Trigger,
  trigger_name: Type.String({ description: '「首单 First order」' }),
  conditions: Type.Array(Condition),
  limits: Limits,
  actions: Actions,
  status: Type.Union([Type.Literal('active'), Type.Literal('paused')]),
  results: RuleResults,
  created_at: Timestamp,
  updated_at: Timestamp,
});

export const Firing = Type.Object({
  id: Type.String(),
  rule_id: Type.String(),
  rule_name: Nullable(Type.String()),
  event_id: Type.String(),
  event_type: Type.String(),
  member_id: Nullable(Type.String()),
  member_name: Nullable(Type.String()),
  outcome: Type.Union([Type.Literal('fired'), Type.Literal('skipped')]),
  reason: Nullable(Type.String()),
  reason_text: Nullable(Type.Object({ zh: Type.String(), en: Type.String() })),
  grant_id: Nullable(Type.String()),
  card_ids: Type.Array(Type.String()),
  value: Money,
  created_at: Timestamp,
});

export const SampleEvent = Type.Object(
  {
    type: Type.String({ minLength: 1, maxLength: 60 }),
    member_id: Id,
    store_id: Type.Optional(Id),
    template_id: Type.Optional(Id),
    data: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: false, description: 'a sample event: what the rules would do if it happened now' },
);
export type SampleEvent = Static<typeof SampleEvent>;
export const DryRunAnswer = Type.Object({
  data: Type.Array(
    Type.Object({
      rule_id: Type.String(),
      rule_name: Type.String(),
      would_fire: Type.Boolean(),
      reason: Nullable(Type.String()),
      reason_text: Nullable(Type.Object({ zh: Type.String(), en: Type.String() })),
    }),
  ),
});
