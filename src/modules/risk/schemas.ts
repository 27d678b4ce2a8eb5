import { Type } from '@sinclair/typebox';
import { Id, Nullable, Timestamp } from '../../http/schemas.js';

/** Request and answer shapes of the risk routes (rules 规则, lists 名单, decisions 决策). */
const lit = <T extends string>(xs: readonly T[]) => Type.Union(xs.map((x) => Type.Literal(x)));
/** A name checked by the service (a 422 naming the field, the allowed names in its reason), not by the schema (a 400). */
const named = (xs: readonly string[]) => Type.String({ maxLength: 40, description: `one of ${xs.join(', ')}` });

export const ACTIONS = ['claim', 'issue', 'bind', 'redeem', 'transfer', 'lookup', 'sign_in'] as const;
export const SUBJECTS = ['member', 'phone', 'device', 'ip', 'store', 'key', 'channel', 'card'] as const;
export const LIST_SUBJECTS = ['member', 'phone', 'device', 'ip', 'card'] as const;
export const UNITS = ['minute', 'hour', 'day', 'week', 'month'] as const;
export const OUTCOMES = ['refuse', 'challenge', 'review', 'flag'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export type Subject = (typeof SUBJECTS)[number];
export type Unit = (typeof UNITS)[number];

export const Action = lit(ACTIONS);
export const Outcome = lit(OUTCOMES);
const Name = Type.String({ minLength: 1, maxLength: 100 });
const Ids = Type.Array(Id, { minItems: 1, maxItems: 200 });
const Scope = Type.Object(
  {
    template_ids: Type.Optional(Nullable(Ids)),
    store_ids: Type.Optional(Nullable(Ids)),
    channel_ids: Type.Optional(Nullable(Ids)),
  },
  { description: 'the rule applies only to actions on these templates / at these stores / for these channels (absent or null: all)' },
);
export const Window = Type.Object({
  size: Type.Integer({ maximum: 1000, description: 'at least 1' }),
  unit: named(UNITS),
  mode: Type.Optional(lit(['sliding', 'calendar'] as const)),
});
const Editable = {
  name: Name,
  description: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  actions: Type.Array(named(ACTIONS), { minItems: 1, maxItems: 7, uniqueItems: true }),
  limit: Type.Integer({
    minimum: 1,
    maximum: 1_000_000_000,
    description:
      'limit: actions admitted per subject per window; signal: the most members a device may serve, or phone changes a member may make, in the window',
  }),
  outcome: Outcome,
  fail_mode: Type.Optional(lit(['open', 'closed'] as const)),
  scope: Type.Optional(Scope),
};
export const RuleBody = Type.Object({
  ...Editable,
  kind: lit(['limit', 'signal'] as const),
  subject: Type.Optional(named(SUBJECTS)),
  signal: Type.Optional(lit(['device_members', 'phone_changes'] as const)),
  window: Window,
  count: Type.Optional(lit(['all', 'failures'] as const)),
  status: Type.Optional(lit(['active', 'paused'] as const)),
});
export const RulePatch = Type.Object({
  name: Type.Optional(Name),
  description: Editable.description,
  actions: Type.Optional(Editable.actions),
  limit: Type.Optional(Editable.limit),
  outcome: Type.Optional(Outcome),
  fail_mode: Editable.fail_mode,
  scope: Editable.scope,
  status: Type.Optional(lit(['active', 'paused'] as const)),
});
export const Rule = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Nullable(Type.String()),
  actions: Type.Array(Type.String()),
  kind: Type.String(),
  subject: Nullable(Type.String()),
  signal: Nullable(Type.String()),
  window: Type.Object({ size: Type.Integer(), unit: Type.String(), mode: Type.String() }),
  limit: Type.Integer(),
  count: Type.String(),
  scope: Type.Object({
    template_ids: Nullable(Type.Array(Type.String())),
    store_ids: Nullable(Type.Array(Type.String())),
    channel_ids: Nullable(Type.Array(Type.String())),
  }),
  outcome: Type.String(),
  fail_mode: Type.String(),
  status: Type.String(),
  default_key: Nullable(Type.String({ description: 'one of the defaults every tenant gets (editable; pause it to turn it off)' })),
  created_at: Timestamp,
  updated_at: Timestamp,
});

export const ListBody = Type.Object({
  list: named(['black', 'grey', 'white'] as const),
  subject: named(LIST_SUBJECTS),
  value: Type.String({
    minLength: 1,
    maxLength: 200,
    description: 'a member or card id, a device id, an IP, or a phone number (stored as its keyed hash, never the number)',
  }),
  reason: Type.String({ minLength: 1, maxLength: 500 }),
  expires_at: Type.Optional(Nullable(Timestamp)),
});
export const ListEntry = Type.Object({
  id: Type.String(),
  list: Type.String(),
  subject: Type.String(),
  value: Type.String({ description: 'what a person reads: the value as given, a phone masked' }),
  reason: Type.String(),
  expires_at: Nullable(Timestamp),
  active: Type.Boolean({ description: 'not removed and not expired' }),
  created_by: Nullable(Type.String()),
  created_at: Timestamp,
  removed_at: Nullable(Timestamp),
});

export const Decision = Type.Object({
  id: Type.String(),
  action: Type.String(),
  outcome: Type.String(),
  score: Type.Integer(),
  rules: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), kind: Type.String(), outcome: Type.String() })),
  subjects: Type.Record(Type.String(), Nullable(Type.String())),
  member_id: Nullable(Type.String()),
  card_id: Nullable(Type.String()),
  store_id: Nullable(Type.String()),
  created_at: Timestamp,
});
export const Names = Type.Record(Type.String(), Type.String(), { description: 'names of the ids in the page' });
