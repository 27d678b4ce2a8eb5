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

export const CodeOrId = {
  code: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: 'the code as typed or scanned (spaces and dashes ignored)' })),
  card_id: Type.Optional(Id),
};

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
