import type { FieldError } from './words.js';

type Say = (f: string, m: RegExpMatchArray) => readonly [string, string];
export type { FieldError };

/** 领券中心与分享领券: the reasons the campaigns' hand-written checks give (campaigns/manage.ts), in words for the form. */
export const CAMPAIGN_REASONS: [RegExp, Say][] = [
  [/^the campaign ends after it starts$/, () => ['活动结束时间必须晚于开始时间', 'the campaign must end after it starts']],
  [/^a share campaign needs its share settings$/, () => ['分享领券活动请填写分享设置', 'a share campaign needs its share settings']],
  [/^only a share campaign has share settings$/, (f) => [`只有分享领券活动才有「${f}」，请去掉`, `only a share campaign has ${f}; leave it out`]],
  [/^no such segment$/, (f) => [`「${f}」中的人群不存在`, `${f}: no such segment`]],
];
