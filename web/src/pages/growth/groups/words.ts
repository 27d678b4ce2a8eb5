type T = (zh: string, en: string) => string;
type Reward = { type: 'card'; template_id: string; quantity?: number } | { type: 'pack'; pack_id: string } | { type: 'points'; asset?: string; amount: number };

/** What a group campaign gives each member, in words: 「拿铁兑换券 × 1、50 积分」 (names beside the rewards, from the API). */
export function rewardsText(t: T, rewards: readonly Reward[], names: readonly (string | null)[]): string {
  return rewards
    .map((r, i) =>
      r.type === 'card'
        ? `${names[i] ?? t('卡券', 'a card')} × ${r.quantity ?? 1}`
        : r.type === 'pack'
          ? (names[i] ?? t('权益礼包', 'a pack'))
          : r.asset === 'growth'
            ? t(`${r.amount} 成长值`, `${r.amount} growth`)
            : t(`${r.amount} 积分`, `${r.amount} points`),
    )
    .join(t('、', ', '));
}

/** A time limit in minutes, in words: 24 小时, 90 分钟. */
export const limitText = (t: T, minutes: number) =>
  minutes % 60 === 0 ? t(`${minutes / 60} 小时`, `${minutes / 60} h`) : t(`${minutes} 分钟`, `${minutes} min`);

export const GROUP_STATE: Record<'open' | 'unlocked' | 'expired', { zh: string; en: string; color: string }> = {
  open: { zh: '拼团中', en: 'Open', color: 'blue' },
  unlocked: { zh: '已成团', en: 'Unlocked', color: 'green' },
  expired: { zh: '已过期', en: 'Expired', color: 'default' },
};
