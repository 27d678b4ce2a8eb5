import { Type } from '@sinclair/typebox';
import { Nullable, Timestamp } from '../../http/schemas.js';

export const Asset = Type.Union([Type.Literal('points'), Type.Literal('growth')]);
export const ExpirySchema = Type.Union(
  [
    Type.Object({ type: Type.Literal('none') }, { additionalProperties: false }),
    Type.Object({ type: Type.Literal('days'), days: Type.Integer({ minimum: 1, maximum: 3650 }) }, { additionalProperties: false }),
    Type.Object({ type: Type.Literal('date'), date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }) }, { additionalProperties: false }),
    Type.Object({ type: Type.Literal('month_end') }, { additionalProperties: false }),
    Type.Object({ type: Type.Literal('quarter_end') }, { additionalProperties: false }),
    Type.Object({ type: Type.Literal('year_end') }, { additionalProperties: false }),
  ],
  { description: 'when a lot expires, on the tenant’s calendar: never, N days after the earn (end of that day), a fixed date, end of month/quarter/year' },
);
const Multiplier = Type.Object(
  {
    sku: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    category: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    multiplier: Type.Number({ minimum: 0, maximum: 100 }),
  },
  { additionalProperties: false },
);
const ruleFields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  asset: Asset,
  points: Type.Integer({ minimum: 1, maximum: 1_000_000_000, description: 'per `per_fen` paid (order rules) or per event (activity rules)' }),
  per_fen: Nullable(Type.Integer({ minimum: 1, maximum: 100_000_000, description: 'order rules: 100 = per ¥1' })),
  min_amount: Type.Integer({ minimum: 0, maximum: 1e13, description: 'order rules: orders paying less earn nothing (fen)' }),
  multipliers: Type.Array(Multiplier, { maxItems: 200, description: 'order rules: lines of this sku or category weigh this much (default 1)' }),
  activity_type: Nullable(
    Type.String({ pattern: '^[a-z][a-z0-9_.]{0,63}$', description: 'activity rules: the event rewarded (signed_in, shared, reviewed, …)' }),
  ),
  cap_period: Nullable(Type.Union([Type.Literal('day'), Type.Literal('week'), Type.Literal('month')])),
  cap_times: Nullable(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
  cap_amount: Nullable(Type.Integer({ minimum: 1, maximum: 1_000_000_000 })),
  expiry: ExpirySchema,
  pending_days: Type.Integer({ minimum: 0, maximum: 365, description: 'lots activate this many days after the earn (the return window)' }),
  status: Type.Union([Type.Literal('active'), Type.Literal('paused')]),
};
const Kind = Type.Union([Type.Literal('order'), Type.Literal('activity')]);
export const Rule = Type.Object({ id: Type.String(), kind: Kind, ...ruleFields, created_at: Timestamp, updated_at: Timestamp });
export const RuleCreate = Type.Object({
  kind: Kind,
  name: ruleFields.name,
  points: ruleFields.points,
  asset: Type.Optional(ruleFields.asset),
  per_fen: Type.Optional(ruleFields.per_fen),
  min_amount: Type.Optional(ruleFields.min_amount),
  multipliers: Type.Optional(ruleFields.multipliers),
  activity_type: Type.Optional(ruleFields.activity_type),
  cap_period: Type.Optional(ruleFields.cap_period),
  cap_times: Type.Optional(ruleFields.cap_times),
  cap_amount: Type.Optional(ruleFields.cap_amount),
  expiry: Type.Optional(ruleFields.expiry),
  pending_days: Type.Optional(ruleFields.pending_days),
  status: Type.Optional(ruleFields.status),
});
export const RulePatch = Type.Partial(Type.Object(ruleFields));
export const Settings = Type.Object({
  refund_shortfall: Type.Union([Type.Literal('other_lots'), Type.Literal('negative')], {
    description:
      'a refund of an order whose points were spent: take the rest from other lots (default; debt only when none are left) or let the balance go negative',
  }),
});
export const Balances = Type.Object({
  points: Type.Integer({ description: 'active points (less any debt)' }),
  pending: Type.Integer({ description: 'points not yet active (within the return window)' }),
  growth: Type.Integer(),
  next_expiries: Type.Array(Type.Object({ expires_at: Timestamp, amount: Type.Integer() }), {
    description: 'every upcoming expiry with its amount, soonest first',
  }),
});
export const Lot = Type.Object({
  id: Type.String(),
  asset: Asset,
  kind: Type.Union([Type.Literal('earn'), Type.Literal('debt')]),
  amount: Type.Integer(),
  remaining: Type.Integer(),
  reason: Type.String(),
  order_id: Nullable(Type.String()),
  rule_id: Nullable(Type.String()),
  active_from: Timestamp,
  expires_at: Nullable(Timestamp),
  expired_at: Nullable(Timestamp),
  created_at: Timestamp,
});
export const Move = Type.Object({
  id: Type.String(),
  asset: Asset,
  kind: Type.String({ description: 'earn, spend, return, expire, clawback, adjust' }),
  delta: Type.Integer(),
  reason: Type.String(),
  reference: Type.String(),
  lot_id: Nullable(Type.String()),
  spend_id: Nullable(Type.String()),
  order_id: Nullable(Type.String()),
  created_at: Timestamp,
});
export const Earning = Type.Object({
  template_id: Type.String(),
  points: Type.Integer(),
  growth: Type.Integer(),
  expiry: ExpirySchema,
  updated_at: Nullable(Timestamp),
});
export const Earned = Type.Object({
  points: Type.Integer(),
  growth: Type.Integer(),
  lots: Type.Array(
    Type.Object({
      rule_id: Type.String(),
      asset: Asset,
      amount: Type.Integer(),
      capped: Type.Boolean(),
      expires_at: Nullable(Timestamp),
      active_from: Timestamp,
      lot_id: Nullable(Type.String()),
    }),
  ),
});
