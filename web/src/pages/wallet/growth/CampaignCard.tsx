import { Button, Card as Panel, Space, Tag, Typography } from 'antd';
import type { WalletCampaign } from '../../../api/campaigns';
import { useI18n, useT } from '../../../i18n';
import { zonedTime } from '../../../format';

const n = (x: number) => x.toLocaleString('zh-CN');

/** One campaign as a member sees it: what a claim gives, what is left, how often they claimed, and 领取 — or why not. */
export function CampaignCard({
  c,
  tz,
  busy,
  onClaim,
  onShare,
  claimLabel,
}: {
  c: WalletCampaign;
  tz: string;
  busy: boolean;
  onClaim: () => void;
  onShare?: () => void;
  claimLabel?: string;
}) {
  const t = useT();
  const { lang } = useI18n();
  return (
    <Panel size="small" data-testid={`wallet-campaign-${c.id}`}>
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <Space style={{ justifyContent: 'space-between', width: '100%' }}>
          <Typography.Text strong>{c.name}</Typography.Text>
          {c.kind === 'share' && <Tag color="magenta">{t('分享领券', 'Share')}</Tag>}
        </Space>
        {c.description && (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {c.description}
          </Typography.Text>
        )}
        <Typography.Text style={{ fontSize: 13 }}>
          {t('领取得：', 'You get: ')}
          {c.gives.map((g) => g.name).join('、')}
        </Typography.Text>
        {c.kind === 'share' && c.credit_gives.length > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.credit_on === 'redeem'
              ? t('好友领取并使用后，你得：', 'When a friend claims and uses it, you get: ')
              : t('每位好友领取后，你得：', 'For each friend who claims, you get: ')}
            {c.credit_gives.map((g) => g.name).join('、')}
          </Typography.Text>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`wallet-campaign-left-${c.id}`}>
          {c.left === null ? t('数量不限', 'No limit on numbers') : t(`剩余 ${n(c.left)} / ${n(c.stock ?? 0)} 张`, `${n(c.left)} of ${n(c.stock ?? 0)} left`)}
          {' · '}
          {t(`已领 ${c.mine}/${c.per_member_limit}`, `Claimed ${c.mine} of ${c.per_member_limit}`)}
          {c.ends_at ? ` · ${t('截止', 'Until')} ${zonedTime(c.ends_at, tz)}` : ''}
        </Typography.Text>
        {!c.available && c.unavailable && (
          <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid={`wallet-campaign-why-${c.id}`}>
            {lang === 'en' ? c.unavailable.en : c.unavailable.zh}
          </Typography.Text>
        )}
        <Space style={{ width: '100%' }}>
          <Button type="primary" disabled={!c.available} loading={busy} onClick={onClaim} data-testid={`wallet-claim-${c.id}`}>
            {claimLabel ?? t('领取', 'Claim')}
          </Button>
          {onShare && c.can_share && (
            <Button onClick={onShare} data-testid={`wallet-share-${c.id}`}>
              {t('分享给好友', 'Share with friends')}
            </Button>
          )}
        </Space>
      </Space>
    </Panel>
  );
}
