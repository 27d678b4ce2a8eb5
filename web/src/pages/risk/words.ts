/** The risk engine's words, Chinese and English: what every 风控 page shows for its codes. */
export type Words = Record<string, readonly [string, string]>;

export const ACTION_WORDS: Words = {
  claim: ['领取', 'claims'],
  issue: ['发放', 'issues'],
  bind: ['绑定', 'binds'],
  redeem: ['核销', 'redemptions'],
  transfer: ['转赠', 'transfers'],
  lookup: ['查询', 'look-ups'],
  sign_in: ['登录', 'sign-ins'],
};
export const SUBJECT_WORDS: Words = {
  member: ['会员', 'member'],
  phone: ['手机号', 'phone'],
  device: ['设备', 'device'],
  ip: ['IP', 'IP'],
  store: ['门店', 'store'],
  key: ['账号/密钥', 'key'],
  channel: ['渠道', 'channel'],
  card: ['卡券', 'card'],
};
export const UNIT_WORDS: Words = { minute: ['分钟', 'minute'], hour: ['小时', 'hour'], day: ['天', 'day'], week: ['周', 'week'], month: ['月', 'month'] };
export const MODE_WORDS: Words = { sliding: ['滑动窗口', 'sliding'], calendar: ['自然周期', 'calendar'] };
export const OUTCOME_WORDS: Words = {
  refuse: ['拒绝', 'refuse'],
  challenge: ['二次验证', 'challenge'],
  review: ['人工审核', 'review'],
  flag: ['标记', 'flag'],
};
/** What a dry run's sentence says a rule would have done: 会拒绝 132 次领取. */
export const WOULD_WORDS: Words = {
  refuse: ['拒绝', 'refused'],
  challenge: ['要求二次验证', 'challenged'],
  review: ['送人工审核', 'sent to review'],
  flag: ['标记', 'flagged'],
};
export const OUTCOME_COLORS: Record<string, string> = { refuse: 'red', challenge: 'orange', review: 'purple', flag: 'blue' };
export const SIGNAL_WORDS: Words = {
  device_members: ['同一设备的会员数', 'members on one device'],
  phone_changes: ['更换手机号次数', 'phone changes'],
};
export const FAIL_WORDS: Words = { open: ['放行', 'fail open'], closed: ['拒绝', 'fail closed'] };
export const LIST_WORDS: Words = { black: ['黑名单', 'Black list'], grey: ['灰名单', 'Grey list'], white: ['白名单', 'White list'] };
export const LIST_SUBJECTS = ['member', 'phone', 'device', 'ip', 'card'] as const;

export type Tr = (zh: string, en: string) => string;
export const word = (t: Tr, w: Words, k: string | null | undefined) => (k && w[k] ? t(w[k][0], w[k][1]) : (k ?? '—'));

/** 这条规则在过去一天会拒绝 132 次领取 / This rule would have refused 132 claims in the past day. */
export function wouldSentence(t: Tr, outcome: string, n: number, actions: string[], days: number) {
  const verb = WOULD_WORDS[outcome] ?? [outcome, outcome];
  const one = actions.length === 1 ? ACTION_WORDS[actions[0]!] : undefined;
  const what = one ?? ['操作', 'actions'];
  const period = days === 1 ? ['过去一天', 'the past day'] : [`过去 ${days} 天`, `the past ${days} days`];
  return t(`这条规则在${period[0]}会${verb[0]} ${n} 次${what[0]}`, `This rule would have ${verb[1]} ${n} ${what[1]} in ${period[1]}`);
}
