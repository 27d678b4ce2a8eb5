import { Type, type Static } from '@sinclair/typebox';
import { Id, Money, Nullable, Timestamp } from '../../http/schemas.js';
import { Rewards } from '../rewards/schemas.js';

/** Claim center 领券中心 and share-to-claim 分享领券: the request and answer shapes (docs/growth.md "Claim center and shares"). */

const When = Nullable(Type.String({ format: 'date-time' }));
export const Audience = Nullable(
  Type.Object(
    { segment_id: Id },
    { additionalProperties: false, description: 'only members of this segment 人群 may claim (share: may claim and share); null or absent: every member' },
  ),
);
export const ShareSettings = Type.Object(
  {
    credit_on: Type.Union([Type.Literal('claim'), Type.Literal('redeem')], {
      description: 'claim: the sharer is credited when a friend claims through the link; redeem: when that friend’s card is first redeemed',
    }),
    credit_rewards: Rewards,
    credit_cap: Type.Integer({ minimum: 1, maximum: 10_000, description: 'friends one sharer may be credited for in this campaign' }),
    friends_per_share: Nullable(Type.Integer({ minimum: 1, maximum: 10_000, description: 'friends who may claim through one link; null: no cap' })),
  },
  { additionalProperties: false, description: 'a share campaign’s settings 分享设置' },
);
export type ShareSettings = Static<typeof ShareSettings>;

const terms = {
  name: Type.String({ minLength: 1, maxLength: 60 }),
  description: Type.String({ maxLength: 1000 }),
  audience: Audience,
  starts_at: When,
  ends_at: When,
  stock: Nullable(Type.Integer({ minimum: 0, maximum: 100_000_000, description: 'claims in all 总量; null: no cap' })),
  per_member_limit: Type.Integer({ minimum: 1, maximum: 1_000, description: 'claims per member 每人限领 (default 1)' }),
  rewards: Rewards,
  share: Nullable(ShareSettings),
};
const opt = <T extends Record<string, any>>(o: T) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Type.Optional(v)])) as { [K in keyof T]: ReturnType<typeof Type.Optional<T[K]>> };

export const CampaignCreate = Type.Object({
  ...opt(terms),
  kind: Type.Optional(
    Type.Union([Type.Literal('claim'), Type.Literal('share')], {
      description: 'claim: a claim-center campaign; share: members also share links (default claim)',
    }),
  ),
  name: terms.name,
  rewards: terms.rewards,
});
export type CampaignCreate = Static<typeof CampaignCreate>;
export const CampaignPatch = Type.Object(opt(terms), { minProperties: 1 });
export type CampaignPatch = Static<typeof CampaignPatch>;

const Status = Type.Union([Type.Literal('draft'), Type.Literal('live'), Type.Literal('paused'), Type.Literal('ended')]);
const State = Type.Union(
  [Type.Literal('draft'), Type.Literal('scheduled'), Type.Literal('live'), Type.Literal('paused'), Type.Literal('sold_out'), Type.Literal('ended')],
  { description: 'what a member sees now: the status, with the window and the stock applied' },
);
export const RewardLine = Type.Object({
  type: Type.String(),
  name: Type.String({ description: '「10元代金券 ×2」, 「新人礼包」, 「50 积分」' }),
  template_id: Nullable(Type.String()),
});
export const Results = Type.Object({
  claimed: Type.Integer({ description: 'claims 领取次数' }),
  members: Type.Integer({ description: 'members who claimed' }),
  cards: Type.Integer({ description: 'cards given' }),
  redeemed: Type.Integer({ description: 'of them, cards redeemed at least once' }),
  redeemed_amount: Money,
  gmv: Money,
  shares: Type.Integer({ description: 'share links made' }),
  friends: Type.Integer({ description: 'claims through share links' }),
  credited: Type.Integer({ description: 'friends the sharers were credited for' }),
});

const common = {
  id: Type.String(),
  kind: Type.Union([Type.Literal('claim'), Type.Literal('share')]),
  name: Type.String(),
  description: Type.String(),
  starts_at: Nullable(Timestamp),
  ends_at: Nullable(Timestamp),
  stock: Nullable(Type.Integer()),
  claimed: Type.Integer(),
  left: Nullable(Type.Integer({ description: 'stock − claimed; null: no cap' })),
  per_member_limit: Type.Integer(),
  gives: Type.Array(RewardLine),
  state: State,
};
export const Campaign = Type.Object({
  ...common,
  audience: Nullable(Type.Object({ segment_id: Type.String(), segment_name: Nullable(Type.String()) })),
  rewards: Rewards,
  share: Nullable(ShareSettings),
  credit_gives: Type.Array(RewardLine),
  status: Status,
  url: Type.String({ description: 'the claim link 领取链接: opens the member’s wallet on this campaign (its QR code encodes it)' }),
  results: Results,
  created_at: Timestamp,
  updated_at: Timestamp,
});

const Reason = Type.Object({ code: Type.String({ description: 'the problem code a claim would answer' }), zh: Type.String(), en: Type.String() });
export const WalletCampaign = Type.Object({
  ...common,
  mine: Type.Integer({ description: 'my claims of it' }),
  available: Type.Boolean({ description: 'I can claim it now' }),
  unavailable: Nullable(Reason),
  credit_on: Nullable(Type.Union([Type.Literal('claim'), Type.Literal('redeem')])),
  credit_gives: Type.Array(RewardLine),
  can_share: Type.Boolean({ description: 'a share campaign I may make links for' }),
});

export const Claim = Type.Object({
  id: Type.String(),
  campaign_id: Type.String(),
  campaign_name: Nullable(Type.String()),
  member_id: Type.String(),
  member_name: Nullable(Type.String()),
  n: Type.Integer({ description: 'the member’s n-th claim of this campaign' }),
  via: Type.Union([Type.Literal('wallet'), Type.Literal('api'), Type.Literal('share')]),
  share_id: Nullable(Type.String()),
  cards: Type.Array(Type.Object({ id: Type.String(), name: Nullable(Type.String()) })),
  pack_grant_ids: Type.Array(Type.String()),
  points: Type.Integer(),
  created_at: Timestamp,
});

export const ShareLink = Type.Object({
  id: Type.String(),
  campaign_id: Type.String(),
  campaign_name: Nullable(Type.String()),
  friends: Type.Integer({ description: 'friends who claimed through it' }),
  credited: Type.Integer({ description: 'of them, the ones I was credited for' }),
  pending: Type.Integer({ description: 'friends whose redemption I wait for (credit on redeem)' }),
  created_at: Timestamp,
});
export const ShareCreated = Type.Object({
  ...ShareLink.properties,
  url: Type.String({ description: 'the share link 分享链接: shown once, only its token’s hash is kept' }),
  secret: Type.String({ description: 'the link’s token (#s=…), to send as `token` when the link is opened' }),
});
export const SharePreview = Type.Object({
  share_id: Type.String(),
  sharer_name: Nullable(Type.String()),
  yours: Type.Boolean({ description: 'my own link: friends claim through it, not I' }),
  claimed: Type.Boolean({ description: 'I have claimed through this link' }),
  campaign: WalletCampaign,
});
export const Token = Type.String({ minLength: 10, maxLength: 200, pattern: '^kqs_[A-Za-z0-9_-]+$', description: 'the token from the share link (#s=…)' });
