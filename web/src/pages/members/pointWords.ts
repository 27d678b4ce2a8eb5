/**
 * How the member screens (the wallet and the console's member profile) say a points movement: its kind
 * and its reason in words, never the stored reason (`order:NO`, `activity:signed_in`, `mall`, …) itself.
 */
type T = (zh: string, en: string) => string;

export const moveKindWords = (t: T, kind: string) =>
  ({
    earn: t('获得', 'Earned'),
    spend: t('使用', 'Spent'),
    return: t('退回', 'Returned'),
    expire: t('过期', 'Expired'),
    clawback: t('扣回', 'Clawed back'),
    adjust: t('人工调整', 'Adjusted'),
  })[kind] ?? kind;

export const MOVE_COLORS: Record<string, string> = {
  earn: 'green',
  spend: 'blue',
  return: 'cyan',
  expire: 'default',
  clawback: 'orange',
  adjust: 'purple',
};

const ACTIVITIES: Record<string, [string, string]> = {
  signed_in: ['签到', 'Daily sign-in'],
  shared: ['分享', 'Shared'],
  reviewed: ['评价', 'Reviewed'],
};

/** The reason of a movement or a lot in words: the order number, the activity, the mall, or the operator's own reason. */
export function reasonWords(t: T, reason: string, kind?: string): string {
  const [head, ...rest] = reason.split(':');
  const tail = rest.join(':');
  if (head === 'order' && tail) return t(`订单 ${tail}`, `Order ${tail}`);
  if (head === 'activity' && tail) {
    const a = ACTIVITIES[tail];
    return a ? t(`活动奖励 · ${a[0]}`, `Activity · ${a[1]}`) : t(`活动奖励 · ${tail}`, `Activity · ${tail}`);
  }
  if (head === 'refund') return t('订单退款', 'Order refunded');
  if (head === 'redeem') return t('核销卡券奖励', 'Card redeemed');
  if (head === 'reversed') return t('核销撤销', 'Redemption reversed');
  if (reason === 'mall') return t('积分商城兑换', 'Points mall exchange');
  if (reason === 'mall_refund') return t('积分商城退款', 'Points mall refund');
  if (reason === 'expired') return t('到期失效', 'Expired');
  if (kind === 'adjust') return reason; // the operator's own words
  return reason;
}

/** +120 / −80, with the sign a person reads. */
export const signed = (n: number) => (n > 0 ? `+${n.toLocaleString('zh-CN')}` : `−${Math.abs(n).toLocaleString('zh-CN')}`);

/**
 * The last day a lot can be used, on the tenant's calendar: a lot's `expires_at` is exclusive (the tenant's
 * midnight after its last day), so the day of that instant itself would read one day late.
 */
export const lastDay = (expiresAt: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.parse(expiresAt) - 1));
