import { Type } from '@sinclair/typebox';
import { Nullable, Timestamp } from '../../http/schemas.js';

export const REVIEW_STATUSES = ['pending', 'approved', 'rejected', 'expired'] as const;
export const ReviewStatus = Type.Union(
  REVIEW_STATUSES.map((s) => Type.Literal(s)),
  { description: 'pending 待审核 · approved 已通过 · rejected 已驳回 · expired 已过期 (a rejection for the requester: nothing was done)' },
);

const Names = Type.Record(Type.String(), Type.String(), {
  description: 'id → name for every id on the review(s): member, card (template •••• code tail), store, template, batch, who asked and who decided',
});

export const Review = Type.Object({
  id: Type.String(),
  action: Type.String({ description: 'the guarded action: redeem, issue, claim …' }),
  kind: Type.String({ description: 'what carries it out on approval' }),
  status: ReviewStatus,
  amount: Nullable(Type.Integer({ description: 'fen at stake, when there is an amount' })),
  subjects: Type.Record(Type.String(), Nullable(Type.String()), { description: 'member_id, card_id, store_id, template_id … as the risk rules saw them' }),
  request: Type.Record(Type.String(), Type.Unknown(), { description: 'the request approval carries out (no code, no PIN: the card by its id)' }),
  decision_id: Nullable(Type.String()),
  rules: Type.Array(Type.Object({ id: Type.String(), name: Type.String() }), { description: 'the rules that sent it to review' }),
  requested_by: Type.String({ description: 'the key or operator that asked' }),
  hold_until: Timestamp,
  created_at: Timestamp,
  decided_by: Nullable(Type.String()),
  decided_at: Nullable(Timestamp),
  reason: Nullable(Type.String()),
  result: Type.Unknown({ description: 'approved: the action’s answer (a redemption, an issued card without its code)' }),
});
export const ReviewWithNames = Type.Intersect([Review, Type.Object({ names: Names })]);
export const ReviewPage = Type.Object({ data: Type.Array(Review), next_cursor: Nullable(Type.String()), names: Names });
