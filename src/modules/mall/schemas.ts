import { Type } from '@sinclair/typebox';
import { Id, Money, Nullable, Timestamp } from '../../http/schemas.js';

const Points = Type.Integer({ minimum: 0, maximum: 1_000_000_000, description: 'points 积分 an exchange costs' });
const Stock = Nullable(Type.Integer({ minimum: 0, maximum: 100_000_000, description: 'how many can be exchanged in all; null: unlimited' }));
const Limit = Nullable(
  Type.Integer({ minimum: 1, maximum: 10_000, description: 'how many one member may exchange (refunded ones do not count); null: no limit' }),
);
const TierIds = Type.Array(Id, { maxItems: 20, description: 'only members in one of these tiers 会员等级 may exchange; empty: every member' });
const When = Nullable(Type.String({ format: 'date-time' }));

const terms = {
  name: Type.String({ minLength: 1, maxLength: 60 }),
  description: Type.String({ maxLength: 1000 }),
  image_url: Nullable(Type.String({ format: 'uri', pattern: '^https://', maxLength: 500 })),
  points: Points,
  cash: Type.Integer({ minimum: 0, maximum: 100_000_000, description: 'fen 分 paid to the brand besides the points (0: points only); see docs/membership.md' }),
  stock: Stock,
  per_member_limit: Limit,
  tier_ids: TierIds,
  sale_from: When,
  sale_until: When,
  sort: Type.Integer({ minimum: -1_000_000, maximum: 1_000_000, description: 'shelf order, lowest first' }),
};
const opt = <T extends Record<string, any>>(o: T) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Type.Optional(v)])) as { [K in keyof T]: ReturnType<typeof Type.Optional<T[K]>> };

export const ItemCreate = Type.Object({
  ...opt(terms),
  name: terms.name,
  points: terms.points,
  kind: Type.Union([Type.Literal('card'), Type.Literal('pack')], { description: 'card: a card of batch_id is issued; pack: pack_id is granted' }),
  batch_id: Type.Optional(Id),
  pack_id: Type.Optional(Id),
});
export const ItemPatch = Type.Object(opt(terms), { minProperties: 1 });

const itemFields = {
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  image_url: Nullable(Type.String()),
  kind: Type.Union([Type.Literal('card'), Type.Literal('pack')]),
  gives_name: Nullable(Type.String({ description: 'what an exchange gives: the batch’s template name, or the pack’s' })),
  points: Type.Integer(),
  cash: Type.Integer({ description: 'fen' }),
  stock: Nullable(Type.Integer()),
  sold: Type.Integer({ description: 'exchanges that stand (refunded ones are given back)' }),
  left: Nullable(Type.Integer({ description: 'stock − sold; null: unlimited' })),
  per_member_limit: Nullable(Type.Integer()),
  tier_names: Type.Array(Type.String()),
  sale_from: Nullable(Timestamp),
  sale_until: Nullable(Timestamp),
};
export const MallItem = Type.Object({
  ...itemFields,
  batch_id: Nullable(Type.String()),
  pack_id: Nullable(Type.String()),
  tier_ids: Type.Array(Type.String()),
  status: Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('archived')]),
  sort: Type.Integer(),
  created_at: Timestamp,
  updated_at: Timestamp,
});

const Reason = Type.Object({
  code: Type.String({ description: 'the problem code the exchange would answer' }),
  zh: Type.String(),
  en: Type.String(),
});
export const ShelfItem = Type.Object({
  ...itemFields,
  exchanged: Type.Integer({ description: 'how many of it this member holds from the mall (not refunded)' }),
  affordable: Type.Boolean({ description: 'the member has the points' }),
  available: Type.Boolean({ description: 'the member can exchange it now' }),
  unavailable: Nullable(Reason),
});
export const Shelf = Type.Object({ points: Type.Integer({ description: 'the member’s spendable points' }), data: Type.Array(ShelfItem) });

export const Exchange = Type.Object({
  id: Type.String(),
  item_id: Type.String(),
  item_name: Nullable(Type.String()),
  member_id: Type.String(),
  member_name: Nullable(Type.String()),
  points: Type.Integer(),
  cash: Money,
  payment_ref: Nullable(Type.String()),
  cards: Type.Array(Type.Object({ id: Type.String(), name: Nullable(Type.String()) })),
  pack_grant_id: Nullable(Type.String()),
  state: Type.Union([Type.Literal('done'), Type.Literal('refunded')]),
  via: Type.Union([Type.Literal('wallet'), Type.Literal('api')]),
  points_returned: Nullable(Type.Boolean({ description: 'refunded: whether the points went back (mall settings)' })),
  refund_reason: Nullable(Type.String()),
  refunded_at: Nullable(Timestamp),
  created_at: Timestamp,
});

export const Settings = Type.Object({
  return_points_on_refund: Type.Boolean({ description: 'refunding an exchange gives its points back (default true)' }),
});
