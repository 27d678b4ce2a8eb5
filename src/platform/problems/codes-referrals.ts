import type { EntryDef } from './words.js';

/** 邀请有礼 Referrals and 签到与任务 check-in and tasks: campaigns and settings (the brand's staff), codes and check-ins (members). */
export const REFERRALS = {
  REFERRAL_CAMPAIGN_NOT_FOUND: { status: 404, zh: '没有找到这个邀请有礼活动。', en: 'No such referral campaign.' },
  REFERRAL_CODE_NOT_FOUND: {
    status: 404,
    zh: '没有这个邀请码，请核对后重新输入。',
    en: 'No member has this referral code: check it and try again.',
    note: 'also a code of another brand',
  },
  REFERRAL_SELF: { status: 409, zh: '不能填写自己的邀请码。', en: 'You cannot use your own referral code.' },
  REFERRAL_ALREADY_REFERRED: {
    status: 409,
    zh: '你已经填写过邀请码了，每人只能被邀请一次。',
    en: 'You have already joined with a referral code; a member is invited once.',
  },
  REFERRAL_LOOP: {
    status: 409,
    zh: '不能填写这个邀请码：对方是你邀请来的（直接或间接）。',
    en: 'You cannot use this code: its owner was invited by you (directly or through friends).',
  },
  REFERRAL_NO_CAMPAIGN: { status: 409, zh: '现在没有进行中的邀请有礼活动。', en: 'No referral campaign is running now.' },
  REFERRAL_CAP_REACHED: {
    status: 409,
    zh: '邀请人已达到本活动的奖励人数上限。',
    en: 'The referrer has been rewarded for as many friends as this campaign allows.',
    note: 'recorded on the referral (referrer_problem); the friend is still rewarded',
  },
  CHECKIN_NOT_ENABLED: { status: 409, zh: '签到还没有开启。', en: 'Check-in is not enabled.' },
  TASK_NOT_FOUND: { status: 404, zh: '没有找到这个任务。', en: 'No such task.' },
} as const satisfies Record<string, EntryDef>;
