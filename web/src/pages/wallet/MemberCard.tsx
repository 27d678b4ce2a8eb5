import { Card as Panel, Progress, Space, Tag, Typography } from 'antd';
import { CrownOutlined, RightOutlined } from '@ant-design/icons';
import type { PointBalances, WalletTier } from '../../api/types';
import { useT } from '../../i18n';
import { zonedTime } from '../../format';
import { lastDay } from '../members/pointWords';

const n = (x: number) => x.toLocaleString('zh-CN');
const day = (iso: string, tz: string) => zonedTime(iso, tz).slice(0, 10);

/** How far the member is from the next tier, 0–100: from the current tier's threshold to the next one's. */
export function tierProgress(tier: WalletTier): number {
  if (!tier.next) return 100;
  const from = tier.tier?.threshold ?? 0;
  const span = Math.max(1, tier.next.threshold - from);
  return Math.max(0, Math.min(100, Math.round(((tier.growth - from) / span) * 100)));
}

/**
 * The wallet's member card 会员卡: the tier with the growth it has and the next tier's need, a pending
 * downgrade (grace) or a manual tier (floor) with its last day, and the points in short — tapping the
 * points opens 我的积分.
 */
export function MemberCard({ tier, points, tz, onPoints }: { tier: WalletTier | null; points: PointBalances | null; tz: string; onPoints: () => void }) {
  const t = useT();
  const soonest = points?.next_expiries[0];
  // a tenant with no tiers answers no tier and no next one: the card leaves the line out
  return (
    <Panel size="small" className="kq-member-card" data-testid="wallet-member-card">
      <Space direction="vertical" size={6} style={{ width: '100%' }}>
        {tier && (tier.tier || tier.next) && (
          <div data-testid="wallet-tier">
            <Space align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
              <Space>
                <CrownOutlined style={{ color: '#d48806', fontSize: 18 }} />
                <Typography.Text strong style={{ fontSize: 18 }} data-testid="wallet-tier-name">
                  {tier.tier?.name ?? t('普通会员', 'Member')}
                </Typography.Text>
              </Space>
              <Typography.Text type="secondary" data-testid="wallet-growth">
                {tier.counts === 'period' ? t('本周期成长值', 'Growth this period') : t('成长值', 'Growth')} {n(tier.growth)}
                {tier.next ? ` / ${n(tier.next.threshold)}` : ''}
              </Typography.Text>
            </Space>
            <Progress percent={tierProgress(tier)} showInfo={false} strokeColor="#d48806" size="small" />
            <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid="wallet-tier-next">
              {tier.next
                ? t(`再获得 ${n(tier.next.needed)} 成长值升级为「${tier.next.name}」`, `${n(tier.next.needed)} more growth to ${tier.next.name}`)
                : t('已是最高等级', 'You are at the top tier')}
            </Typography.Text>
            {tier.grace && (
              <div>
                <Tag color="orange" data-testid="wallet-tier-grace">
                  {t(
                    `保级宽限至 ${day(tier.grace.until, tz)}，之后为「${tier.grace.to?.name ?? '普通会员'}」`,
                    `Kept until ${day(tier.grace.until, tz)}, then ${tier.grace.to?.name ?? 'no tier'}`,
                  )}
                </Tag>
              </div>
            )}
            {tier.floor && (
              <div>
                <Tag color="gold" data-testid="wallet-tier-floor">
                  {t(`「${tier.floor.tier.name}」保级至 ${tier.floor.through}`, `${tier.floor.tier.name} held through ${tier.floor.through}`)}
                </Tag>
              </div>
            )}
          </div>
        )}
        {points && (
          <button
            type="button"
            className="kq-plain-button"
            onClick={onPoints}
            style={{ width: '100%', textAlign: 'start' }}
            data-testid="wallet-points-summary"
          >
            <Space style={{ justifyContent: 'space-between', width: '100%' }}>
              <span>
                <Typography.Text type="secondary">{t('积分', 'Points')} </Typography.Text>
                <Typography.Text strong style={{ fontSize: 20 }} data-testid="wallet-points-balance">
                  {n(points.points)}
                </Typography.Text>
                {points.pending > 0 && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {' '}
                    {t(`（${n(points.pending)} 待生效）`, ` (${n(points.pending)} pending)`)}
                  </Typography.Text>
                )}
              </span>
              <RightOutlined />
            </Space>
            {soonest && (
              <Typography.Text type="warning" style={{ fontSize: 12 }}>
                {t(
                  `${n(soonest.amount)} 积分有效至 ${lastDay(soonest.expires_at, tz)}，请尽快使用`,
                  `${n(soonest.amount)} points usable through ${lastDay(soonest.expires_at, tz)}`,
                )}
              </Typography.Text>
            )}
          </button>
        )}
      </Space>
    </Panel>
  );
}
