import type { EntryDef } from './words.js';

/** Channel allocation and quota 渠道分配与配额: read by the operator and by channel partners. */
export const ALLOCATIONS = {
  ALLOCATION_EXCEEDS_HOLDING: {
    status: 409,
    zh: '可分配的数量不够[：现有 {holding:int}]，[要分配 {asked:int}]。请减少数量，或先向上级申请更多。',
    en: 'Not enough to allocate[: {holding:int} available], [{asked:int} asked]. Ask for less, or get more from above first.',
    note: 'over-allocation, or a revoke of more than the channel holds unissued; holding is what the giver holds',
  },
  ALLOCATION_NOT_ALLOWED: {
    status: 422,
    zh: '不能这样分配[：{reason?:text}]。',
    en: 'This allocation is not possible[: {reason?:text}].',
    note: 'to a channel that is not a direct child (grant), a sibling or below (transfer); revoking from a top-level channel as a partner; codes of a batch that makes them at issue',
  },
  QUOTA_EXHAUSTED: {
    status: 409,
    zh: '这个渠道在这个批次的配额已经用完[（剩余 {holding:int}）]，不能再发。请向上级渠道申请更多配额。',
    en: 'This channel has used up its quota of this batch[ ({holding:int} left)]. Ask the channel above for more.',
  },
} as const satisfies Record<string, EntryDef>;
