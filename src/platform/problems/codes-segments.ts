import type { EntryDef } from './words.js';

/** 人群与标签 Segments and tags: the segments the brand's staff define over members, and members' tags. */
export const SEGMENTS = {
  SEGMENT_NOT_FOUND: {
    status: 404,
    zh: '没有找到这个人群：它可能已被删除。',
    en: 'No such segment: it may have been deleted.',
  },
  SEGMENT_NAME_TAKEN: {
    status: 409,
    zh: '已经有叫[「{name:text}」]的人群了，请换一个名称。',
    en: 'A segment[ "{name:text}"] already has this name; choose another.',
    also: ['errors'],
  },
} satisfies Record<string, EntryDef>;
