import { Type } from '@sinclair/typebox';
import { Nullable, Timestamp } from '../../http/schemas.js';
import { Kind, RulesView, Validity, Value } from '../templates/schemas.js';
import { CardState } from '../cards/schemas.js';

/** What the wallet's routes answer: a member's view of their cards, never another member's. */
export const WalletCard = Type.Object({
  expiring_soon: Type.Boolean({ description: '即将过期: active and expiring within the tenant’s expiring_soon_days' }),
  expires_in_days: Nullable(
    Type.Integer({ description: 'days until its last day on the tenant’s calendar (0: today is its last day); null without an expiry' }),
  ),
  id: Type.String(),
  kind: Kind,
  state: CardState,
  name: Type.String(),
  description: Nullable(Type.String()),
  code_tail: Type.String(),
  balance: Type.Integer({ description: 'fen' }),
  uses_left: Type.Integer(),
  stamps: Type.Integer(),
  value: Value,
  valid_from: Nullable(Timestamp),
  valid_until: Nullable(Timestamp),
  transferable: Type.Boolean(),
  bound_at: Nullable(Timestamp),
  gift_offer: Nullable(
    Type.Object(
      {
        id: Type.String(),
        expires_at: Timestamp,
        to_phone_last4: Nullable(Type.String({ description: 'offered to the member with this phone; null: to whoever opens the link' })),
      },
      { description: '转赠中: the member has offered this card to a friend (it is frozen until accepted, cancelled or expired)' },
    ),
  ),
  template_rules: RulesView,
  validity: Validity,
});
export const WalletCardDetail = Type.Intersect([
  WalletCard,
  Type.Object({
    code: Nullable(Type.String({ description: 'the clear code, for the member to show at checkout; null once the card is no longer usable' })),
    period_no: Nullable(Type.Integer()),
    period_ends_at: Nullable(Timestamp),
    history: Type.Array(
      Type.Object({
        type: Type.String(),
        zh: Type.String({ description: 'the event, named in Chinese' }),
        en: Type.String({ description: 'the event, named in English' }),
        at: Timestamp,
        amount: Type.Integer({ description: 'fen; for a top-up, what was paid' }),
        bonus: Type.Integer({ description: 'fen: a top-up’s bonus (充值赠送), else 0' }),
        uses: Type.Integer(),
        stamps: Type.Integer(),
        store_name: Nullable(Type.String()),
      }),
    ),
  }),
]);
export const WalletMe = Type.Object({
  member: Type.Object({ id: Type.String(), name: Nullable(Type.String()), phone_last4: Nullable(Type.String()), tier: Nullable(Type.String()) }),
  tenant: Type.Object({ name: Type.String(), currency: Type.String(), time_zone: Type.String() }),
  counts: Type.Object({ usable: Type.Integer(), used: Type.Integer(), expired: Type.Integer() }),
});

/** The card a gift offer is for, as the friend sees it before accepting: what it holds, never its code. */
const GiftCard = Type.Object({
  name: Type.String(),
  kind: Kind,
  description: Nullable(Type.String()),
  value: Value,
  balance: Type.Integer({ description: 'fen' }),
  uses_left: Type.Integer(),
  stamps: Type.Integer(),
  valid_until: Nullable(Timestamp),
});
export const GiftOffer = Type.Object({
  id: Type.String(),
  state: Type.Union(
    ['pending', 'accepted', 'cancelled', 'expired'].map((s) => Type.Literal(s)),
    {
      description: 'pending 待领取 · accepted 已领取 · cancelled 已取消 · expired 已过期（卡已退回赠送人）',
    },
  ),
  card_id: Nullable(Type.String({ description: 'the giver’s card; null for anyone else' })),
  card: GiftCard,
  from_name: Nullable(Type.String({ description: 'the giver’s name, as the brand knows it' })),
  to_phone_last4: Nullable(Type.String({ description: 'offered to the member with this phone (gift by phone); null: to whoever opens the link' })),
  created_at: Timestamp,
  expires_at: Timestamp,
  settled_at: Nullable(Timestamp),
});
export const GiftOfferCreated = Type.Intersect([
  GiftOffer,
  Type.Object({
    url: Type.String({ description: 'the share link the friend opens: <PUBLIC_URL>/wallet/gift#g=<secret>' }),
    secret: Type.String({ description: 'the link’s secret (only its hash is stored: this answer is the one time it is shown)' }),
  }),
]);
export const GiftPreview = Type.Intersect([
  GiftOffer,
  Type.Object({
    yours: Type.Boolean({ description: 'you made this offer' }),
    for_you: Type.Boolean({ description: 'you may accept it now' }),
  }),
]);
