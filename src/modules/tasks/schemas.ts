import { Type } from '@sinclair/typebox';
import { Nullable, Timestamp } from '../../http/schemas.js';
import { Rewards } from '../rewards/schemas.js';

/** 签到设置: whether check-in is on and what day 1, 2, … of a streak give (the cycle starts again after the last). */
export const CheckinSettingsInput = Type.Object(
  {
    enabled: Type.Boolean(),
    rewards: Type.Array(Rewards, { minItems: 1, maxItems: 31, description: 'day 1..n of a streak; after day n the cycle starts again at day 1’s rewards' }),
  },
  { additionalProperties: false },
);
const Given = Type.Object({
  grants: Type.Integer(),
  members: Type.Integer(),
  cards: Type.Integer(),
  redeemed_cards: Type.Integer(),
  points: Type.Integer(),
  gmv: Type.Integer(),
});
export const CheckinSettings = Type.Object({
  enabled: Type.Boolean(),
  rewards: Type.Array(Rewards),
  rewards_names: Type.Array(Type.Array(Nullable(Type.String()))),
  results: Type.Intersect([
    Given,
    Type.Object({ checkins: Type.Integer(), today: Type.Integer({ description: 'check-ins today (the tenant’s day)' }), best_streak: Type.Integer() }),
  ]),
  updated_at: Nullable(Timestamp),
});

export const Period = Type.Union([Type.Literal('once'), Type.Literal('day'), Type.Literal('week'), Type.Literal('month')], {
  description: 'how often a member may be rewarded: once ever, or once per day / week / month on the tenant’s calendar',
});
const terms = {
  name: Type.String({ minLength: 1, maxLength: 60 }),
  description: Type.String({ maxLength: 1000 }),
  activity_type: Type.String({
    pattern: '^[a-z][a-z0-9_.]{0,63}$',
    description: 'the custom event (POST /members/{id}/activities `type`) that completes it: shared, reviewed, profile_completed…',
  }),
  rewards: Rewards,
  period: Period,
  status: Type.Union([Type.Literal('live'), Type.Literal('paused')]),
};
export const TaskCreate = Type.Object(
  {
    name: terms.name,
    activity_type: terms.activity_type,
    rewards: terms.rewards,
    period: terms.period,
    description: Type.Optional(terms.description),
    status: Type.Optional(terms.status),
  },
  { additionalProperties: false },
);
export const TaskPatch = Type.Partial(Type.Object(terms), { additionalProperties: false, minProperties: 1 });
export const Task = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  activity_type: Type.String(),
  rewards: Rewards,
  rewards_names: Type.Array(Nullable(Type.String())),
  period: Period,
  status: terms.status,
  results: Type.Intersect([Given, Type.Object({ completions: Type.Integer() })]),
  created_at: Timestamp,
  updated_at: Timestamp,
});

/** The wallet's 签到: today, my streak, what today's check-in gives (or gave), the cycle, my tasks. */
export const WalletCheckin = Type.Object({
  enabled: Type.Boolean(),
  today: Type.String({ description: 'the tenant’s local date' }),
  checked_in: Type.Boolean({ description: 'I have checked in today' }),
  streak: Type.Integer({ description: 'days in a row, today included once checked in' }),
  today_rewards_names: Type.Array(Nullable(Type.String())),
  today_rewards: Nullable(Rewards),
  reward_problem: Nullable(Type.String()),
  cycle: Type.Array(Type.Object({ day: Type.Integer(), rewards: Rewards, rewards_names: Type.Array(Nullable(Type.String())) })),
  tasks: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      description: Type.String(),
      period: Period,
      rewards: Rewards,
      rewards_names: Type.Array(Nullable(Type.String())),
      done: Type.Boolean(),
    }),
  ),
});
