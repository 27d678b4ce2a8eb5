import { Type } from '@sinclair/typebox';
import { Id, Money, Nullable, Timestamp } from '../../http/schemas.js';
import { Kind } from '../templates/schemas.js';

export const CardState = Type.Union(
  ['unissued', 'active', 'frozen', 'used', 'expired', 'voided'].map((s) => Type.Literal(s)),
  {
    description: 'unissued 未发放 · active 可用 · frozen 冻结 · used 已用完 · expired 已过期 · voided 已作废',
  },
);

export const Card = Type.Object({
  id: Type.String(),
  batch_id: Type.String(),
  template_id: Type.String(),
  kind: Kind,
  code_tail: Type.String({ description: 'last 4 characters of the code; the code itself is shown only at issue or by reveal' }),
  state: CardState,
  state_reason: Nullable(Type.String()),
  member_id: Nullable(Type.String()),
  channel_id: Nullable(Type.String()),
  balance: Type.Integer({ description: 'stored value left, fen' }),
  uses_left: Type.Integer({ description: 'uses left (this period for periodic cards)' }),
  stamps: Type.Integer(),
  period_no: Nullable(Type.Integer()),
  period_ends_at: Nullable(Timestamp),
  valid_from: Nullable(Timestamp),
  valid_until: Nullable(Timestamp),
  bind_deadline: Nullable(Timestamp),
  issued_at: Nullable(Timestamp),
  bound_at: Nullable(Timestamp),
  created_at: Timestamp,
  updated_at: Timestamp,
});

export const IssuedCard = Type.Intersect([Card, Type.Object({ code: Type.String(), pin: Nullable(Type.String()) })]);

export const Redemption = Type.Object({
  id: Type.String(),
  card_id: Type.String(),
  template_id: Type.String(),
  batch_id: Type.String(),
  store_id: Nullable(Type.String()),
  member_id: Nullable(Type.String()),
  order_amount: Nullable(Type.Integer()),
  amount: Type.Integer({ description: 'value given: discount, face value or balance taken, fen' }),
  uses: Type.Integer(),
  stamps: Type.Integer(),
  status: Type.Union([Type.Literal('done'), Type.Literal('reversed')]),
  reversed_at: Nullable(Timestamp),
  created_at: Timestamp,
});
export const RedemptionWithCard = Type.Intersect([Redemption, Type.Object({ reward_card_id: Nullable(Type.String()), card: Card })]);

export const CodeOrId = {
  code: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: 'the code as typed or scanned (spaces and dashes ignored)' })),
  card_id: Type.Optional(Id),
};

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
  request_no: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'idempotency key, as an alternative to the Idempotency-Key header' })),
});

export const Event = Type.Object({
  id: Type.Integer(),
  event_type: Type.String(),
  member_id: Nullable(Type.String()),
  store_id: Nullable(Type.String()),
  channel_id: Nullable(Type.String()),
  key_id: Nullable(Type.String()),
  data: Type.Unknown(),
  created_at: Timestamp,
});
export const LedgerEntry = Type.Object({
  id: Type.Integer(),
  entry_type: Type.String(),
  amount: Type.Integer(),
  uses: Type.Integer(),
  stamps: Type.Integer(),
  redemption_id: Nullable(Type.String()),
  created_at: Timestamp,
});

const Figures = {
  issued: Type.Integer(),
  bound: Type.Integer(),
  redeemed: Type.Integer(),
  redeemed_cards: Type.Integer(),
  redemption_rate: Nullable(Type.Number()),
  redeemed_amount: Type.Integer(),
  order_gmv: Type.Integer(),
};
export const Stats = Type.Object({
  from: Timestamp,
  to: Timestamp,
  group_by: Type.String(),
  time_zone: Type.String(),
  totals: Type.Object(Figures),
  rows: Type.Array(Type.Object({ key: Nullable(Type.String()), ...Figures })),
});
