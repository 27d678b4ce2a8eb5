import { Type } from '@sinclair/typebox';
import { Nullable, Timestamp } from '../../http/schemas.js';
import { Rewards } from '../rewards/schemas.js';

/** 邀请有礼: a referral campaign's terms as the console writes them. */
export const QualifyOn = Type.Union([Type.Literal('registration'), Type.Literal('first_order'), Type.Literal('first_redemption')], {
  description: 'what the referee must do before the rewards are paid: join 注册, place their first order 首单, or redeem a card 首次核销',
});
const terms = {
  name: Type.String({ minLength: 1, maxLength: 60 }),
  description: Type.String({ maxLength: 1000 }),
  referrer_rewards: Nullable(Rewards),
  referee_rewards: Nullable(Rewards),
  qualify_on: QualifyOn,
  return_days: Type.Integer({
    minimum: 0,
    maximum: 90,
    description: 'days a first order may still be returned before the rewards are paid (first_order only)',
  }),
  starts_at: Nullable(Type.String({ format: 'date-time' })),
  ends_at: Nullable(Type.String({ format: 'date-time' })),
  per_referrer_cap: Nullable(Type.Integer({ minimum: 1, maximum: 10_000, description: 'friends one referrer is rewarded for; null: no cap' })),
};
const opt = <T extends Record<string, any>>(o: T) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Type.Optional(v)])) as { [K in keyof T]: ReturnType<typeof Type.Optional<T[K]>> };

export const CampaignCreate = Type.Object({ ...opt(terms), name: terms.name, qualify_on: terms.qualify_on }, { additionalProperties: false });
export const CampaignPatch = Type.Object(opt(terms), { additionalProperties: false, minProperties: 1 });
export const CampaignStatus = Type.Union([Type.Literal('draft'), Type.Literal('live'), Type.Literal('paused')]);
export const ReferralState = Type.Union([Type.Literal('pending'), Type.Literal('qualified'), Type.Literal('rewarded'), Type.Literal('cancelled')]);

const Results = Type.Object({
  referrals: Type.Integer({ description: 'friends who joined with a code' }),
  qualified: Type.Integer({ description: 'qualified and waiting for their return window' }),
  rewarded: Type.Integer({ description: 'referrals paid' }),
  cancelled: Type.Integer({ description: 'cancelled: the first order was refunded within the return window' }),
  cards: Type.Integer({ description: 'cards given' }),
  redeemed_cards: Type.Integer(),
  points: Type.Integer(),
  gmv: Type.Integer({ description: 'fen: the orders those cards were redeemed on' }),
});

export const Campaign = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  referrer_rewards: Nullable(Rewards),
  referrer_rewards_names: Type.Array(Nullable(Type.String())),
  referee_rewards: Nullable(Rewards),
  referee_rewards_names: Type.Array(Nullable(Type.String())),
  qualify_on: QualifyOn,
  return_days: Type.Integer(),
  starts_at: Nullable(Timestamp),
  ends_at: Nullable(Timestamp),
  per_referrer_cap: Nullable(Type.Integer()),
  status: CampaignStatus,
  results: Results,
  created_at: Timestamp,
  updated_at: Timestamp,
});

export const Referral = Type.Object({
  id: Type.String(),
  campaign_id: Type.String(),
  campaign_name: Type.String(),
  referrer_id: Type.String(),
  referrer_name: Nullable(Type.String()),
  referee_id: Type.String(),
  referee_name: Nullable(Type.String()),
  state: ReferralState,
  qualified_at: Nullable(Timestamp),
  due_at: Nullable(Timestamp),
  paid_at: Nullable(Timestamp),
  cancelled_at: Nullable(Timestamp),
  cancel_reason: Nullable(Type.String()),
  referrer_grant_id: Nullable(Type.String()),
  referee_grant_id: Nullable(Type.String()),
  referrer_problem: Nullable(Type.String({ description: 'why the referrer got nothing: REFERRAL_CAP_REACHED or a giving’s refusal code' })),
  referee_problem: Nullable(Type.String()),
  created_at: Timestamp,
});

export const Code = Type.String({ minLength: 4, maxLength: 16, pattern: '^[A-Za-z0-9]+$', description: 'a referral code 邀请码 (case does not matter)' });

/** The wallet's 邀请有礼: my code and link, the live campaign, who I invited (names masked) and who invited me. */
export const WalletReferral = Type.Object({
  code: Type.String(),
  url: Type.String({ description: '<PUBLIC_URL>/wallet#r=<code>: the link a friend opens in their wallet' }),
  campaign: Nullable(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      description: Type.String(),
      qualify_on: QualifyOn,
      return_days: Type.Integer(),
      referrer_rewards_names: Type.Array(Nullable(Type.String())),
      referee_rewards_names: Type.Array(Nullable(Type.String())),
      referrer_rewards: Nullable(Rewards),
      referee_rewards: Nullable(Rewards),
    }),
  ),
  invited: Type.Array(Type.Object({ name: Type.String(), state: ReferralState, created_at: Timestamp, due_at: Nullable(Timestamp), rewarded: Type.Boolean() })),
  referred_by: Nullable(Type.Object({ name: Type.String(), state: ReferralState })),
  can_join: Type.Boolean({ description: 'I may still enter a friend’s code' }),
});
