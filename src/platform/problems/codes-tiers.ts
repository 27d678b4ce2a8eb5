import type { EntryDef } from './words.js';

/** Member tiers 会员等级: read by the operator setting tiers, benefits and a member's manual tier. */
export const TIERS = {
  TIER_NOT_FOUND: { status: 404, zh: '没有找到这个会员等级。', en: 'No such member tier.' },
  TIER_INVALID: {
    status: 422,
    zh: '会员等级设置有误[：{errors?:errors}]。',
    en: 'The member tiers do not work as set[: {errors?:errors}].',
    note: 'thresholds not increasing, a repeated name, a manual tier ending in the past, a benefit naming an unknown tier or pack',
  },
  TIER_IN_USE: {
    status: 409,
    zh: '这个等级还有会员或权益在用[（{name?:text}）]，不能删除。',
    en: 'This tier is still held by members or carries benefits[ ({name?:text})]; it cannot be removed.',
  },
} as const satisfies Record<string, EntryDef>;
