/** 邀请有礼 and 签到与任务 in words, shared by the console pages and the wallet panels. */
export const QUALIFY: Record<'registration' | 'first_order' | 'first_redemption', { zh: string; en: string; label: string; labelEn: string }> = {
  registration: { zh: '注册', en: 'joins', label: '注册即发放', labelEn: 'On registration' },
  first_order: { zh: '完成首单', en: 'places their first order', label: '首单后发放', labelEn: 'After the first order' },
  first_redemption: { zh: '首次核销', en: 'first redeems a card', label: '首次核销后发放', labelEn: 'After the first redemption' },
};

export const REFERRAL_STATE: Record<'pending' | 'qualified' | 'rewarded' | 'cancelled', { zh: string; en: string; color: string }> = {
  pending: { zh: '待达成', en: 'Pending', color: 'default' },
  qualified: { zh: '待发放', en: 'Due', color: 'blue' },
  rewarded: { zh: '已发奖', en: 'Rewarded', color: 'green' },
  cancelled: { zh: '已取消', en: 'Cancelled', color: 'red' },
};

export const PERIOD: Record<'once' | 'day' | 'week' | 'month', { zh: string; en: string }> = {
  once: { zh: '仅一次', en: 'Once' },
  day: { zh: '每天一次', en: 'Daily' },
  week: { zh: '每周一次', en: 'Weekly' },
  month: { zh: '每月一次', en: 'Monthly' },
};

/** Preset custom events a task completes on (the brand's systems report them as activities). */
export const TASK_PRESETS: { type: string; zh: string; en: string }[] = [
  { type: 'shared', zh: '分享', en: 'Share' },
  { type: 'reviewed', zh: '评价', en: 'Review' },
  { type: 'profile_completed', zh: '完善资料', en: 'Complete the profile' },
];
