import { Type } from '@sinclair/typebox';
import { Nullable, Timestamp } from '../../http/schemas.js';

export const TierRef = Type.Object({ id: Type.String(), name: Type.String(), rank: Type.Integer(), threshold: Type.Integer() });
export const Tier = Type.Object({
  id: Type.String(),
  name: Type.String(),
  rank: Type.Integer({ description: '0 the lowest' }),
  threshold: Type.Integer({ description: 'growth 成长值 needed' }),
});
export const Policy = Type.Union([Type.Literal('never'), Type.Literal('period'), Type.Literal('refund')], {
  description:
    'how tiers fall: never 不降级; period 周期考核 (at each qualifying period’s end, on the growth earned in it); refund 退款降级 (when a refund takes growth below the tier)',
});
export const Settings = Type.Object({
  policy: Policy,
  period_months: Type.Union([Type.Literal(1), Type.Literal(3), Type.Literal(6), Type.Literal(12)], {
    description: 'policy period: the qualifying period, in calendar months from 1 January (tenant’s zone)',
  }),
  grace_days: Type.Integer({ minimum: 0, maximum: 365, description: 'a decided downgrade takes effect this many days later (0: at once)' }),
});
export const Benefit = Type.Object({
  id: Type.String(),
  tier_id: Type.String(),
  pack_id: Type.String(),
  pack_name: Nullable(Type.String()),
  day_of_month: Type.Integer({ description: 'granted on this day of each month, local midnight' }),
  active: Type.Boolean(),
  created_at: Timestamp,
  last_run: Nullable(Type.Object({ period: Type.String(), granted: Type.Integer(), done: Type.Boolean() })),
});
const Change = Type.Object({
  id: Type.Integer(),
  from: Nullable(TierRef),
  to: Nullable(TierRef),
  from_tier_id: Nullable(Type.String()),
  to_tier_id: Nullable(Type.String()),
  why: Type.String({ description: 'joined | growth | period | refund | manual | floor_ended' }),
  detail: Type.Record(Type.String(), Type.Unknown()),
  actor: Nullable(Type.String()),
  actor_name: Nullable(Type.String()),
  created_at: Timestamp,
});
export const MemberTier = Type.Object({
  member_id: Type.String(),
  member_name: Nullable(Type.String()),
  tier: Nullable(TierRef),
  since: Nullable(Timestamp),
  policy: Policy,
  growth: Type.Integer({ description: 'the growth that counts now: the balance, or (policy period) what was earned in the current period' }),
  counts: Type.Union([Type.Literal('balance'), Type.Literal('period')]),
  period: Nullable(Type.Object({ start: Timestamp, end: Timestamp })),
  next: Nullable(Type.Object({ id: Type.String(), name: Type.String(), rank: Type.Integer(), threshold: Type.Integer(), needed: Type.Integer() })),
  grace: Nullable(
    Type.Object(
      { until: Timestamp, to: Nullable(TierRef), why: Type.String() },
      { description: 'a downgrade pending: the member keeps the tier until `until`' },
    ),
  ),
  floor: Nullable(
    Type.Object(
      {
        tier: TierRef,
        until: Timestamp,
        through: Type.String({ format: 'date', description: 'the last day it holds, in the tenant’s zone' }),
        reason: Type.String(),
        by: Nullable(Type.String()),
        by_name: Nullable(Type.String()),
      },
      { description: 'an operator’s manual tier: the member cannot fall below it before `until`' },
    ),
  ),
  history: Type.Array(Change),
});
