import type { EntryDef } from './words.js';

/** Benefit packs 权益礼包: read by the operator building and granting packs, and by the tier and mall screens that grant them. */
export const PACKS = {
  PACK_NOT_FOUND: { status: 404, zh: '没有找到这个权益礼包。', en: 'No such benefit pack.' },
  PACK_NOT_LIVE: {
    status: 409,
    zh: '这个礼包[（{state?:text}）]还没有发布或已经停用，不能发放。请先发布，或发放它的最新版本。',
    en: 'This pack[ ({state?:text})] is not live, so it cannot be granted. Publish it first, or grant its newest version.',
    note: 'a draft pack, or a retired one with no live newer version',
  },
  PACK_SOLD_OUT: {
    status: 409,
    zh: '这个盲盒的奖品已经全部发完，不能再发放。请发布补充了库存的新版本。',
    en: 'Every prize of this random pack is gone, so it cannot be granted. Publish a new version with more stock.',
  },
  PACK_LOCKED: {
    status: 409,
    zh: '礼包发布后内容和概率不能再修改[（{state?:text}）]。如需调整，请创建新版本。',
    en: 'A pack’s contents and odds are fixed once it is published[ ({state?:text})]. Make a new version to change them.',
  },
  PACK_ODDS_INVALID: {
    status: 422,
    zh: '奖品概率合计必须正好是 100%（10000 个万分点）[，现在是 {total:int} 个万分点]。',
    en: 'The prizes’ odds must add up to exactly 100 % (10,000 basis points)[; they add up to {total:int}].',
  },
} as const satisfies Record<string, EntryDef>;
