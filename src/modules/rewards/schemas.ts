import { Type, type Static } from '@sinclair/typebox';
import { Id } from '../../http/schemas.js';
import { Asset, ExpirySchema } from '../points/schemas.js';

/**
 * A reward 奖励: what a growth play gives a member. Every campaign, rule, referral and task says what
 * it gives as a list of these (at most 10) and gives it through `giveRewards`.
 */
export const Reward = Type.Union(
  [
    Type.Object(
      {
        type: Type.Literal('card'),
        template_id: Id,
        quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, description: 'cards of this template (default 1)' })),
      },
      { additionalProperties: false, description: 'cards of a template, issued from its on-issue reward batch' },
    ),
    Type.Object({ type: Type.Literal('pack'), pack_id: Id }, { additionalProperties: false, description: 'a benefit pack 权益礼包' }),
    Type.Object(
      {
        type: Type.Literal('points'),
        asset: Type.Optional(Asset),
        amount: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
        expiry: Type.Optional(ExpirySchema),
      },
      { additionalProperties: false, description: 'points 积分 (or growth 成长值), expiring as `expiry` says (default never)' },
    ),
  ],
  { description: 'what a member is given: cards of a template, a benefit pack, or points/growth' },
);
export type Reward = Static<typeof Reward>;
export const Rewards = Type.Array(Reward, { minItems: 1, maxItems: 10 });

/** What a giving produced, as it is stored and answered. */
export const Given = Type.Object({
  cards: Type.Array(Type.Object({ id: Type.String(), template_id: Type.String() })),
  packs: Type.Array(Type.Object({ grant_id: Type.String(), pack_id: Type.String(), card_ids: Type.Array(Type.String()) })),
  points: Type.Array(Type.Object({ lot_id: Type.String(), asset: Asset, amount: Type.Integer() })),
});
export type Given = Static<typeof Given>;
