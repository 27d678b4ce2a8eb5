import { Tag } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { useT } from '../i18n';

/**
 * 即将过期: how a card near its expiry reads. The server decides what is "soon" (the tenant's
 * expiring_soon_days) and counts the days on the tenant's calendar (expires_in_days: 0 = today is
 * its last day); these only word it.
 */
export function useExpiryWords() {
  const t = useT();
  return (days: number | null | undefined): string =>
    days == null
      ? ''
      : days === 0
        ? t('今天到期', 'Expires today')
        : days === 1
          ? t('明天到期', 'Expires tomorrow')
          : t(`${days} 天后过期`, `Expires in ${days} days`);
}

/** The badge on a card face's corner (wallet, `floating`) or beside a card's state (console). */
export function ExpiringBadge({ floating, testId }: { floating?: boolean; testId?: string }) {
  const t = useT();
  return (
    <Tag color="orange" icon={<ClockCircleOutlined />} className={floating ? 'kq-expiring-badge' : undefined} data-testid={testId}>
      {t('即将过期', 'Expiring soon')}
    </Tag>
  );
}
