import { Type } from '@sinclair/typebox';
import { Id, Nullable, Timestamp } from '../../http/schemas.js';

/** Request and answer shapes of the packs routes. */
const Name = Type.String({ minLength: 1, maxLength: 100 });
const Item = Type.Object({
  template_id: Id,
  quantity: Type.Integer({ minimum: 1, maximum: 100, description: 'cards of this template' }),
});
const Items = Type.Array(Item, { minItems: 1, maxItems: 20 });
const Prize = Type.Object({
  name: Name,
  odds_bp: Type.Integer({ minimum: 1, maximum: 10_000, description: 'published odds in basis points 万分点: the prizes’ odds add up to 10,000' }),
  stock: Nullable(Type.Integer({ minimum: 0, maximum: 100_000_000, description: 'how many of this prize can be drawn; null: unlimited' })),
  top: Type.Optional(Type.Boolean({ description: 'a top prize 大奖: what the guarantee gives' })),
  items: Items,
});
const Contents = {
  description: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  items: Type.Optional(Items),
  prizes: Type.Optional(Type.Array(Prize, { minItems: 1, maxItems: 20 })),
  guarantee_after: Type.Optional(
    Nullable(
      Type.Integer({
        minimum: 1,
        maximum: 1000,
        description: '保底: after this many draws by a member without a top prize, their next draw is among the top prizes',
      }),
    ),
  ),
};
export const Kind = Type.Union([Type.Literal('fixed'), Type.Literal('random')]);
export const PackBody = Type.Object({ name: Name, kind: Kind, ...Contents });
export const PackPatch = Type.Object({ name: Type.Optional(Name), kind: Type.Optional(Kind), ...Contents });

const ItemView = Type.Object({ template_id: Type.String(), template_name: Nullable(Type.String()), quantity: Type.Integer() });
export const Pack = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Nullable(Type.String()),
  kind: Kind,
  status: Type.Union([Type.Literal('draft'), Type.Literal('live'), Type.Literal('retired')]),
  version: Type.Integer(),
  previous_id: Nullable(Type.String({ description: 'the version this one replaces' })),
  replaced_by: Nullable(Type.String({ description: 'the version that replaced this one (a grant of this pack grants that one)' })),
  guarantee_after: Nullable(Type.Integer()),
  items: Type.Array(ItemView, { description: 'a fixed pack’s cards' }),
  prizes: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      odds_bp: Type.Integer({ description: 'published odds, basis points' }),
      stock: Nullable(Type.Integer()),
      taken: Type.Integer(),
      remaining: Nullable(Type.Integer({ description: 'stock left; null: unlimited' })),
      top: Type.Boolean(),
      odds_now_bp: Type.Integer({ description: 'the odds it is drawn with now: its published odds over the odds of the prizes still in stock' }),
      items: Type.Array(ItemView),
    }),
  ),
  sold_out: Type.Boolean(),
  granted: Type.Integer(),
  odds_note: Nullable(Type.Object({ zh: Type.String(), en: Type.String() })),
  created_at: Timestamp,
  updated_at: Timestamp,
  published_at: Nullable(Timestamp),
  retired_at: Nullable(Timestamp),
});
export const PackGrantSchema = Type.Object({
  id: Type.String(),
  pack_id: Type.String(),
  member_id: Type.String(),
  source: Type.String({ description: 'manual, tier, mall or rule' }),
  reference: Type.String(),
  cards: Type.Array(Type.Object({ id: Type.String(), template_id: Type.String(), batch_id: Type.String() })),
  prize: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  created_at: Timestamp,
});
export const Names = Type.Record(Type.String(), Type.String(), { description: 'names of the ids in the page' });
export const Draw = Type.Object({
  id: Type.String(),
  grant_id: Type.String(),
  member_id: Type.String(),
  prize_id: Type.String(),
  prize_name: Type.String(),
  source: Type.String({ description: 'the random source: crypto.randomInt' }),
  value: Type.Integer({ description: 'the value drawn, 0 ≤ value < range' }),
  range: Type.Integer({ description: 'the odds of the prizes drawn among, summed (basis points)' }),
  candidates: Type.Array(Type.Object({ prize_id: Type.String(), odds_bp: Type.Integer() }), { description: 'the prizes in stock drawn among, in order' }),
  guaranteed: Type.Boolean({ description: 'drawn among the top prizes by the guarantee' }),
  attempts: Type.Integer({ description: 'more than 1: a prize sold out under this draw and it was drawn again over what was left' }),
  top: Type.Boolean(),
  streak: Type.Integer({ description: 'the member’s draws of this pack without a top prize in a row, this one included' }),
  created_at: Timestamp,
});
