import { Type } from '@sinclair/typebox';
import { Id, Money, Nullable, Timestamp } from '../../http/schemas.js';
import { Card, CodeOrId } from '../cards/schemas.js';
import { Kind } from '../templates/schemas.js';

export const Redemption = Type.Object({
  id: Type.String(),
  card_id: Type.String(),
  template_id: Type.String(),
  batch_id: Type.String(),
  store_id: Nullable(Type.String()),
  member_id: Nullable(Type.String()),
  order_amount: Nullable(Type.Integer()),
  amount: Type.Integer({
    description:
      'value given, fen: the discount, the face value, the balance taken, or a count/periodic card’s uses’ worth (face_value per use, or their share of card_value); 0 for a stamp',
  }),
  uses: Type.Integer(),
  stamps: Type.Integer(),
  status: Type.Union([Type.Literal('done'), Type.Literal('reversed')]),
  reversed_at: Nullable(Timestamp),
  created_at: Timestamp,
});
/** A row of the redemption list: the redemption and what a person reads to tell it apart from the others. */
export const RedemptionListItem = Type.Intersect([
  Redemption,
  Type.Object({
    kind: Nullable(Kind),
    template_name: Nullable(Type.String({ description: 'the card’s template, by name' })),
    code_tail: Nullable(Type.String({ description: 'the last 4 characters of the card’s code' })),
    member_name: Nullable(Type.String({ description: 'the member’s name only (no other part of their profile)' })),
  }),
]);
export const RedemptionWithCard = Type.Intersect([Redemption, Type.Object({ reward_card_id: Nullable(Type.String()), card: Card })]);

export const RedeemBody = Type.Object({
  ...CodeOrId,
  store_id: Type.Optional(Id),
  order_amount: Type.Optional(Money),
  amount: Type.Optional(Type.Integer({ minimum: 1, maximum: 1e13, description: 'stored_value/gift: amount to take, fen' })),
  uses: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  stamps: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  product_ids: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 128 }), { maxItems: 500 })),
  location: Type.Optional(Type.Object({ lat: Type.Number({ minimum: -90, maximum: 90 }), lng: Type.Number({ minimum: -180, maximum: 180 }) })),
  approval_id: Type.Optional(Id),
  pin: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
  otp: Type.Optional(
    Type.Object(
      { challenge_id: Id, code: Type.String({ pattern: '^[0-9]{6}$', description: 'the 6 digits sent to the member’s phone' }) },
      { additionalProperties: false, description: '二次验证: the one-time code of a challenge a 428 OTP_REQUIRED answer named' },
    ),
  ),
  request_no: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'idempotency key, as an alternative to the Idempotency-Key header' })),
});
