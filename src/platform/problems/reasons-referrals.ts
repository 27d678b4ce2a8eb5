import type { Say } from './fields.js';

/** 邀请有礼 and 签到与任务: the reasons their hand-written checks give (referrals/campaigns.ts, tasks/settings.ts), in words for the form. */
export const REFERRAL_REASONS: [RegExp, Say][] = [
  [/^give the referrer or the referee something$/, () => ['请至少为邀请人或被邀请人设置一项奖励', 'give the referrer or the referee something']],
  [/^an activity type another task already completes on$/, (f) => [`「${f}」已被另一个任务使用`, `${f}: another task already completes on this activity type`]],
];
