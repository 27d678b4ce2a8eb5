import { Type } from '@sinclair/typebox';
import { Nullable, Timestamp } from '../../http/schemas.js';

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
