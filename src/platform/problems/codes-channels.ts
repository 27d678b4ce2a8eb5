import type { EntryDef } from './words.js';

/** The channel tree, allocations and wholesale: read by the operator and by channel partners. */
export const CHANNELS = {
  CHANNEL_NOT_FOUND: { status: 404, zh: '没有找到这个渠道。', en: 'No such channel.' },
  CHANNEL_INVALID: {
    status: 422,
    zh: '渠道设置有误[：{errors?:errors}]。',
    en: 'The channel does not work as set[: {errors?:errors}].',
    note: 'a blank region or store tag, or a tree deeper than 12 levels',
  },
  CHANNEL_CYCLE: {
    status: 422,
    zh: '不能把渠道移到它自己或它的下级渠道下面。请选择其他上级渠道。',
    en: 'A channel cannot move under itself or one of its own sub-channels. Choose another parent.',
  },
  CHANNEL_SUSPENDED: {
    status: 409,
    zh: '这个渠道已暂停合作，不能再通过它发券或分配。',
    en: 'This channel is suspended: nothing more is issued or allocated through it.',
  },
} as const satisfies Record<string, EntryDef>;
