import type { EntryDef } from './words.js';

/** Orders in, points 积分 and growth 成长值 (docs/membership.md). */
export const POINTS = {
  MEMBER_ORDER_NOT_FOUND: { status: 404, zh: '没有找到这笔会员订单。', en: 'No such member order.' },
  ORDER_NO_REUSED: {
    status: 409,
    zh: '这个订单号已经用过，且内容不同。同一笔订单请原样重发；新订单请用新的订单号。',
    en: 'This order number was used before with other values. Resend the same order as it was, or use a new number.',
  },
  REFUND_NO_REUSED: {
    status: 409,
    zh: '这个退款单号已经用过，且内容不同。',
    en: 'This refund number was used before with other values.',
  },
  ACTIVITY_REFERENCE_REUSED: {
    status: 409,
    zh: '这个行为编号已经用过，且内容不同。',
    en: 'This activity reference was used before with other values.',
  },
  REFUND_EXCEEDS_PAID: {
    status: 409,
    zh: '退款金额超过了可退金额[：要退{asked:money}，还可退{refundable:money}]。',
    en: 'The refund is more than is left to refund[: {asked:money} asked, {refundable:money} left].',
  },
  POINTS_INSUFFICIENT: {
    status: 409,
    zh: '积分不足[：需要{asked:int}，可用{balance:int}]。',
    en: 'Not enough points[: {asked:int} needed, {balance:int} available].',
  },
  SPEND_NOT_FOUND: { status: 404, zh: '没有找到这笔积分消费。', en: 'No such points spend.' },
  POINT_RULE_NOT_FOUND: { status: 404, zh: '没有找到这条积分规则。', en: 'No such earning rule.' },
} as const satisfies Record<string, EntryDef>;
