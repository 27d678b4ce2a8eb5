/** How the tier screens say policies and reasons for a change, in both languages. */
type T = (zh: string, en: string) => string;

export const policyWords = (t: T, p: string) =>
  ({
    never: t('不降级', 'Never down'),
    period: t('周期考核降级', 'Down at period end'),
    refund: t('退款降级', 'Down on refund'),
  })[p] ?? p;

export const whyWords = (t: T, why: string) =>
  ({
    joined: t('进入等级体系', 'Joined'),
    growth: t('成长值变化', 'Growth'),
    period: t('周期考核', 'Period review'),
    refund: t('订单退款', 'Refund'),
    manual: t('人工调整', 'Set by staff'),
    floor_ended: t('人工等级到期', 'Manual tier ended'),
  })[why] ?? why;
