import type { EntryDef } from './words.js';

/** 人工审核: read by the clerk whose redemption waits, the operator deciding, and the partner whose issue waits. */
export const REVIEWS = {
  CARD_UNDER_REVIEW: {
    status: 409,
    zh: '这张券有一笔操作正在等待人工审核，审核结束前不能核销、转赠、解冻或作废。',
    en: 'A request on this card is waiting for review: it cannot be redeemed, given, unfrozen or voided until that is decided.',
  },
  PENDING_REVIEW: {
    status: 202,
    zh: '已提交人工审核，审核通过后自动完成。',
    en: 'Sent to review: it is carried out once an operator approves it.',
    note: 'not a problem: the 202 answer { status: pending_review, review_id, message, hold_until } of an action a risk rule sent to review; poll GET /v1/reviews/{id} or follow review.* webhooks',
  },
  REVIEW_NOT_FOUND: { status: 404, zh: '没有找到这条人工审核。', en: 'No such review.' },
  REVIEW_DECIDED: {
    status: 409,
    zh: '这条审核已经处理过了[（{review_status?:text}）]，不能再次通过或驳回。',
    en: 'This review is already decided[ ({review_status?:text})]; it cannot be approved or rejected again.',
    note: 'approved, rejected, or expired (its hold ran out)',
  },
  REVIEW_UNAVAILABLE: {
    status: 409,
    zh: '这个操作需要人工审核，但无法等待审核，已拒绝。',
    en: 'This request needs review but cannot wait for one, so it is refused.',
  },
} as const satisfies Record<string, EntryDef>;
