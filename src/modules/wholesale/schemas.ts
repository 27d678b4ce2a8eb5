import { Type } from '@sinclair/typebox';
import { Id, Money, Nullable, Timestamp } from '../../http/schemas.js';

export const Level = Type.String({ minLength: 1, maxLength: 64, description: 'a price level (渠道/企业客户的价格等级), e.g. L1' });
export const Price = Type.Object({
  price_level: Type.String(),
  template_id: Type.String(),
  wholesale_price: Type.Integer({ description: '批发价, fen' }),
  retail_price: Nullable(Type.Integer({ description: '建议零售价, fen' })),
  floor_price: Type.Integer({ description: '限价: no sale below it (fen)' }),
  below_floor: Type.Union([Type.Literal('refuse'), Type.Literal('flag')], { description: 'a sale below the floor: refused, or accepted and flagged' }),
  updated_at: Timestamp,
});
export const PriceBody = Type.Object({
  wholesale_price: Money,
  retail_price: Type.Optional(Nullable(Money)),
  floor_price: Type.Optional(Money),
  below_floor: Type.Optional(Type.Union([Type.Literal('refuse'), Type.Literal('flag')])),
});

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
export const BuyerFields = {
  name: Text(200),
  contact_name: Type.Optional(Nullable(Text(100))),
  contact_phone: Type.Optional(Nullable(Text(40))),
  price_level: Level,
};
export const Buyer = Type.Object({
  id: Type.String(),
  name: Type.String(),
  contact_name: Nullable(Type.String()),
  contact_phone: Nullable(Type.String()),
  price_level: Type.String(),
  account_id: Type.String({ description: 'the prepaid balance’s ledger account' }),
  balance: Type.Integer({ description: '预存款余额, fen' }),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export const Recharge = Type.Object({ amount: Type.Integer({ minimum: 1, maximum: 1e13 }), reference: Text(200) });

export const LineBody = Type.Object({
  template_id: Type.Optional(Id),
  batch_id: Type.Optional(Id),
  quantity: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  unit_price: Type.Optional(Money),
});
export const OrderBody = Type.Object({
  buyer_id: Id,
  lines: Type.Array(LineBody, { minItems: 1, maxItems: 100 }),
  note: Type.Optional(Nullable(Text(1000))),
});
const Line = Type.Object({
  id: Type.String(),
  line_no: Type.Integer(),
  template_id: Type.String(),
  batch_id: Type.String(),
  quantity: Type.Integer(),
  unit_price: Type.Integer(),
  list_price: Type.Integer({ description: 'the price level’s wholesale price when ordered' }),
  floor_price: Type.Integer(),
  below_floor: Type.Boolean({ description: 'sold below the floor (flagged)' }),
  fulfilled: Type.Integer(),
});
export const States = ['draft', 'confirmed', 'paid', 'fulfilled', 'delivered', 'cancelled', 'refunded'] as const;
export const State = Type.Union(States.map((s) => Type.Literal(s)));
const OrderFields = {
  id: Type.String(),
  buyer_id: Type.String(),
  state: State,
  total: Type.Integer(),
  units: Type.Integer(),
  fulfilled_units: Type.Integer({ description: 'progress of fulfilment' }),
  flagged: Type.Boolean(),
  note: Nullable(Type.String()),
  payment_method: Nullable(Type.Union([Type.Literal('offline'), Type.Literal('prepaid')])),
  payment_reference: Nullable(Type.String()),
  payment_amount: Nullable(Type.Integer()),
  paid_by: Nullable(Type.String()),
  payment_transfer_id: Nullable(Type.Integer()),
  refund_transfer_id: Nullable(Type.Integer()),
  reason: Nullable(Type.String()),
  created_by: Type.String(),
  created_at: Timestamp,
  confirmed_at: Nullable(Timestamp),
  paid_at: Nullable(Timestamp),
  fulfilled_at: Nullable(Timestamp),
  delivered_at: Nullable(Timestamp),
  closed_at: Nullable(Timestamp),
  updated_at: Timestamp,
};
export const OrderSummary = Type.Object(OrderFields);
export const Order = Type.Object({ ...OrderFields, lines: Type.Array(Line) });
export const Payment = Type.Union([
  Type.Object({ method: Type.Literal('offline'), reference: Text(200), amount: Money }),
  Type.Object({ method: Type.Literal('prepaid') }),
]);
export const Reason = Type.Object({ reason: Text(500) });
