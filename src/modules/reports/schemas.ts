import { Type } from '@sinclair/typebox';
import { Id, Nullable, Timestamp } from '../../http/schemas.js';

/** Every figure is defined in `definitions` (and reports/definitions.ts); money is integer fen. */
const Figures = {
  issued: Type.Integer({ description: 'cards issued in the period: to members + exported/bearer' }),
  issued_to_members: Type.Integer({ description: 'issued straight to a member' }),
  exported: Type.Integer({ description: 'exported or issued as bearer codes (no member): stock outside members’ hands' }),
  bound: Type.Integer({ description: 'bearer codes bound to a member' }),
  in_hands: Type.Integer({ description: 'cards that reached members: issued to a member + bound' }),
  in_hands_redeemed: Type.Integer({ description: 'of those, redeemed (standing) by the period’s end' }),
  redeemed: Type.Integer({ description: 'redemptions that stand' }),
  redeemed_cards: Type.Integer({ description: 'distinct cards redeemed' }),
  redemption_rate: Nullable(Type.Number({ description: 'in_hands_redeemed / in_hands; null when no card reached a member' })),
  redeemed_amount: Type.Integer({ description: 'fen' }),
  order_gmv: Type.Integer({ description: 'fen' }),
};
export const StatsQuery = {
  from: Type.Optional(Timestamp),
  to: Type.Optional(Timestamp),
  group_by: Type.Optional(Type.Union(['day', 'template', 'batch', 'store'].map((g) => Type.Literal(g)))),
  template_id: Type.Optional(Id),
  batch_id: Type.Optional(Id),
  store_id: Type.Optional(Id),
};
export const Stats = Type.Object({
  from: Timestamp,
  to: Timestamp,
  group_by: Type.String(),
  time_zone: Type.String(),
  totals: Type.Object(Figures),
  previous: Type.Object({ from: Timestamp, to: Timestamp, totals: Type.Object(Figures) }, { description: 'the period of the same length just before' }),
  stock: Type.Object(
    {
      unissued: Type.Integer({ description: 'codes in batches’ stock now' }),
      bearer: Type.Integer({ description: 'bearer codes out now, usable, not bound' }),
    },
    { description: 'now, not for the period' },
  ),
  rows: Type.Array(
    Type.Object({
      key: Nullable(Type.String({ description: 'the day (YYYY-MM-DD, tenant time zone), template, batch or store id' })),
      name: Nullable(Type.String({ description: 'the day, or the template’s, batch’s or store’s name' })),
      ...Figures,
    }),
  ),
  definitions: Type.Array(Type.Object({ key: Type.String(), name_zh: Type.String(), name_en: Type.String(), zh: Type.String(), en: Type.String() }), {
    description: 'what each figure means',
  }),
});
