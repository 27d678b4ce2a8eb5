import type { EntryDef } from './words.js';

/** 组团解锁 Group unlock: campaigns (the brand's staff) and groups (members starting and joining them in the wallet). */
export const GROUPS = {
  GROUP_CAMPAIGN_NOT_FOUND: { status: 404, zh: '没有找到这个组团活动。', en: 'No such group campaign.' },
  GROUP_NOT_FOUND: {
    status: 404,
    zh: '没有找到这个团：链接可能不完整，或不是本品牌的活动。',
    en: 'No such group: the link may be incomplete, or it belongs to another brand.',
    note: 'also another tenant’s group: it is not found here',
  },
  GROUP_CAMPAIGN_NOT_PUBLISHED: {
    status: 409,
    zh: '这个组团活动还没有发布或已暂停，暂时不能开团。',
    en: 'This group campaign is not published or is paused: no group can be started now.',
  },
  GROUP_CAMPAIGN_NOT_STARTED: {
    status: 409,
    zh: '这个组团活动还没开始[，{starts_at:time} 开始]。',
    en: 'This group campaign has not started yet[; it opens at {starts_at:time}].',
  },
  GROUP_CAMPAIGN_ENDED: {
    status: 409,
    zh: '这个组团活动已经结束[（{ends_at:time} 截止）]，不能再开新团。',
    en: 'This group campaign has ended[ (it closed at {ends_at:time})]: no new group can be started.',
  },
  GROUP_STOCK_EXHAUSTED: {
    status: 409,
    zh: '这个活动的成团名额已经用完了。',
    en: 'Every group this campaign offers has been taken.',
    note: 'open groups hold one each; an expired group gives its place back',
  },
  GROUP_MEMBER_LIMIT: {
    status: 409,
    zh: '这个活动每人最多参加[ {limit:int} ]个团，已经到上限了。',
    en: 'Each member may be in at most[ {limit:int}] groups of this campaign; this member has reached that.',
    note: 'groups open or unlocked count; an expired one does not',
  },
  GROUP_NOT_IN_AUDIENCE: {
    status: 409,
    zh: '这个组团活动仅限部分会员参加，当前会员不在活动范围内。',
    en: 'This group campaign is for some members only, and this member is not one of them.',
  },
  GROUP_FULL: {
    status: 409,
    zh: '这个团已经满员[（{size:int} 人）]，成团了，不能再加入。',
    en: 'This group is full[ ({size:int} members)]: it has unlocked and takes nobody more.',
  },
  GROUP_EXPIRED: {
    status: 409,
    zh: '这个团没有在限定时间内凑齐人数，已经过期[（{deadline:time} 截止）]。',
    en: 'This group did not fill in time and has expired[ (its deadline was {deadline:time})].',
  },
  GROUP_ALREADY_JOINED: {
    status: 409,
    zh: '你已经在这个团里了，不能重复加入；把链接发给好友吧。',
    en: 'You are already in this group and cannot join it twice: send the link to friends.',
  },
  GROUP_STOCK_BELOW_USED: {
    status: 409,
    zh: '名额不能少于进行中和已成团的[ {used:int} ]个团。',
    en: 'The stock cannot be less than the groups open or unlocked[ ({used:int})].',
  },
} as const satisfies Record<string, EntryDef>;
