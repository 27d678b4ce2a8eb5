import type { Say } from './fields.js';

/** 组团解锁: the reasons the group campaigns' hand-written checks give (groups/campaigns.ts, groups/audience.ts), in words for the form. */
export const GROUP_REASONS: [RegExp, Say][] = [
  [/^the campaign ends after it starts$/, () => ['活动结束时间必须晚于开始时间', 'the campaign must end after it starts']],
  [/^no such segment$/, (f) => [`「${f}」中的人群不存在`, `${f}: no such segment`]],
  [/^below the groups open or unlocked$/, (f) => [`「${f}」不能少于进行中和已成团的团数`, `${f} cannot be less than the groups open or unlocked`]],
];
