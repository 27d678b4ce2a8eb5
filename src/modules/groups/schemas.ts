import { Type } from '@sinclair/typebox';
import { Id, Nullable, Timestamp } from '../../http/schemas.js';
import { Rewards } from '../rewards/schemas.js';

/** 组团解锁: a campaign's terms as the console writes them (create: name, size, time limit, rewards; the rest optional). */
const terms = {
  name: Type.String({ minLength: 1, maxLength: 60 }),
  description: Type.String({ maxLength: 1000 }),
  audience: Nullable(
    Type.Object(
      { segment_id: Id },
      { additionalProperties: false, description: 'only members of this segment 人群 may start or join its groups; null: every member' },
    ),
  ),
  starts_at: Nullable(Type.String({ format: 'date-time', description: 'groups may be started from then; null: once published' })),
  ends_at: Nullable(Type.String({ format: 'date-time', description: 'no group starts after; a group started before runs to its own deadline' })),
  size: Type.Integer({ minimum: 2, maximum: 50, description: 'members a group needs to unlock, the starter included' }),
  time_limit_minutes: Type.Integer({ minimum: 1, maximum: 43200, description: 'how long a group has to fill from its start (at most 30 days)' }),
  stock: Nullable(
    Type.Integer({ minimum: 0, maximum: 10_000_000, description: 'groups in all: an open group holds one, a filled one uses it; null: unlimited' }),
  ),
  per_member_limit: Nullable(
    Type.Integer({ minimum: 1, maximum: 1000, description: 'groups one member may be in (open or unlocked; expired ones give theirs back); null: no limit' }),
  ),
  rewards: Rewards,
};
const opt = <T extends Record<string, any>>(o: T) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Type.Optional(v)])) as { [K in keyof T]: ReturnType<typeof Type.Optional<T[K]>> };

export const CampaignCreate = Type.Object(
  { ...opt(terms), name: terms.name, size: terms.size, time_limit_minutes: terms.time_limit_minutes, rewards: terms.rewards },
  { additionalProperties: false },
);
export const CampaignPatch = Type.Object(opt(terms), { additionalProperties: false, minProperties: 1 });

export const CampaignStatus = Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('paused')]);
export const GroupState = Type.Union([Type.Literal('open'), Type.Literal('unlocked'), Type.Literal('expired')]);

const Results = Type.Object({
  started: Type.Integer({ description: 'groups started' }),
  open: Type.Integer(),
  unlocked: Type.Integer({ description: 'groups filled 成团' }),
  expired: Type.Integer(),
  members: Type.Integer({ description: 'members who joined a group (each once)' }),
  rewarded: Type.Integer({ description: 'members given the rewards' }),
  cards: Type.Integer({ description: 'cards given' }),
  redeemed_cards: Type.Integer(),
  redeemed_amount: Type.Integer({ description: 'fen' }),
  gmv: Type.Integer({ description: 'fen: the orders those cards were redeemed on' }),
});

export const Campaign = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  audience: Nullable(Type.Object({ segment_id: Type.String(), segment_name: Nullable(Type.String()) })),
  starts_at: Nullable(Timestamp),
  ends_at: Nullable(Timestamp),
  size: Type.Integer(),
  time_limit_minutes: Type.Integer(),
  stock: Nullable(Type.Integer()),
  left: Nullable(Type.Integer({ description: 'stock − open groups − unlocked groups; null: unlimited' })),
  per_member_limit: Nullable(Type.Integer()),
  rewards: Rewards,
  rewards_names: Type.Array(Nullable(Type.String()), { description: 'beside each reward: the template’s or pack’s name (null for points)' }),
  status: CampaignStatus,
  results: Results,
  created_at: Timestamp,
  updated_at: Timestamp,
});

export const GroupMember = Type.Object({
  member_id: Type.String(),
  name: Nullable(Type.String()),
  seat: Type.Integer(),
  joined_at: Timestamp,
  grant_id: Nullable(Type.String()),
  reward_problem: Nullable(Type.String({ description: 'the problem code a refused giving answered: this member got nothing' })),
});
export const Group = Type.Object({
  id: Type.String(),
  campaign_id: Type.String(),
  campaign_name: Type.String(),
  leader_id: Type.String(),
  leader_name: Nullable(Type.String()),
  size: Type.Integer(),
  joined: Type.Integer(),
  state: GroupState,
  deadline: Timestamp,
  created_at: Timestamp,
  unlocked_at: Nullable(Timestamp),
  expired_at: Nullable(Timestamp),
  members: Type.Array(GroupMember),
});

/** A group as a member sees it: names shortened to their first character (张**), the link, and what I got. */
export const WalletGroup = Type.Object({
  id: Type.String(),
  campaign_id: Type.String(),
  campaign_name: Type.String(),
  rewards: Rewards,
  rewards_names: Type.Array(Nullable(Type.String())),
  leader_name: Nullable(Type.String()),
  size: Type.Integer(),
  joined: Type.Integer(),
  state: GroupState,
  deadline: Timestamp,
  unlocked_at: Nullable(Timestamp),
  members: Type.Array(Type.Object({ name: Type.String(), seat: Type.Integer(), me: Type.Boolean() })),
  mine: Type.Boolean({ description: 'I am in this group' }),
  url: Nullable(Type.String({ description: 'the join link to send friends (<PUBLIC_URL>/wallet/group#g=<token>); members only, while open' })),
  card_ids: Type.Array(Type.String({ description: 'the cards the unlock gave me' })),
});

const Reason = Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String() });
export const WalletCampaign = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  size: Type.Integer(),
  time_limit_minutes: Type.Integer(),
  ends_at: Nullable(Timestamp),
  rewards: Rewards,
  rewards_names: Type.Array(Nullable(Type.String())),
  left: Nullable(Type.Integer()),
  per_member_limit: Nullable(Type.Integer()),
  my_groups: Type.Integer({ description: 'my groups of it that are open or unlocked' }),
  can_start: Type.Boolean(),
  unavailable: Nullable(Reason),
});

export const Token = Type.String({ minLength: 10, maxLength: 200, pattern: '^kqj_[A-Za-z0-9_-]+$', description: 'the token from the join link (#g=…)' });
