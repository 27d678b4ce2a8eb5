import { Type } from '@sinclair/typebox';
import { Id, Nullable, Timestamp } from '../../http/schemas.js';
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
  member_name: Type.Optional(Nullable(Type.String({ description: 'lists and traces: the member by name (their name, CRM number or phone tail)' }))),
  channel_id: Nullable(Type.String()),
  allocation_id: Type.Optional(
    Nullable(Type.String({ description: 'the channel allocation it was issued or handed out under (its tracking parameters: the card.issued event)' })),
  ),
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

/** What a card search filters by (GET /v1/cards, /v1/cards/count, and a bulk action's `filter`). */
export const CardFilterFields = {
  member_id: Type.Optional(Id),
  batch_id: Type.Optional(Id),
  template_id: Type.Optional(Id),
  channel_id: Type.Optional(Id),
  state: Type.Optional(CardState),
  expiring_soon: Type.Optional(
    Type.Boolean({ description: 'true: only active cards expiring within the tenant’s expiring_soon_days (即将过期); false is the same as leaving it out' }),
  ),
};

export const IssuedCard = Type.Intersect([Card, Type.Object({ code: Type.String(), pin: Nullable(Type.String()) })]);

export const CodeOrId = {
  code: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: 'the code as typed or scanned (spaces and dashes ignored)' })),
  card_id: Type.Optional(Id),
};

export const Event = Type.Object({
  id: Type.Integer(),
  event_type: Type.String({ description: 'card.<event_type> in the event catalogue (GET /v1/event-types); generated is the card row itself' }),
  zh: Type.String({ description: 'the event, named in Chinese (the catalogue’s name)' }),
  en: Type.String({ description: 'the event, named in English' }),
  member_id: Nullable(Type.String()),
  store_id: Nullable(Type.String()),
  channel_id: Nullable(Type.String()),
  key_id: Nullable(Type.String({ description: 'who acted: an API key (key_…), an operator (opr_…) or a member’s wallet (wallet:mem_…)' })),
  actor_name: Nullable(Type.String({ description: 'who acted, by name' })),
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
