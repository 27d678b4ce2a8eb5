import { useEffect, useState } from 'react';
import { Alert, Button, Card as Panel, Space, Tag, Typography } from 'antd';
import { CalendarOutlined, CheckOutlined } from '@ant-design/icons';
import type { WalletCheckin } from '../../../api/referrals';
import { useT, type Lang } from '../../../i18n';
import { problemText } from '../../../problems';
import { rewardsText } from '../../growth/groups/words';
import { PERIOD } from '../../growth/referrals/words';
import type { GrowthPanelProps } from './index';

/** The wallet's 签到: the button, my streak, today's reward, the cycle of days, and my tasks. */
export function WalletCheckinPanel({ api, onChanged }: GrowthPanelProps) {
  const t = useT();
  const [c, setC] = useState<WalletCheckin | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.checkin().then(setC, () => setC(null));
  }, [api]);
  if (!c || (!c.enabled && !c.tasks.length)) return null;
  const today = c.today_rewards ? rewardsText(t, c.today_rewards, c.today_rewards_names) : '';
  const go = async () => {
    setBusy(true);
    setError(null);
    try {
      setC(await api.checkIn());
      onChanged();
    } catch (e) {
      setError(problemText(e, t('zh-CN', 'en') as Lang));
    } finally {
      setBusy(false);
    }
  };
  const day = c.cycle.length ? ((c.checked_in ? c.streak : c.streak + 1) - 1) % c.cycle.length : -1;
  return (
    <Panel size="small" title={t('每日签到', 'Daily check-in')} data-testid="wallet-checkin">
      <Space direction="vertical" style={{ width: '100%' }} size={12}>
        {c.enabled && (
          <>
            <Typography.Text data-testid="wallet-checkin-streak">{t(`已连续签到 ${c.streak} 天`, `${c.streak}-day streak`)}</Typography.Text>
            <Space wrap size={4}>
              {c.cycle.map((d, i) => (
                <Tag key={d.day} color={i === day ? (c.checked_in ? 'green' : 'blue') : undefined}>
                  {t(`第${d.day}天 ${rewardsText(t, d.rewards, d.rewards_names)}`, `Day ${d.day}: ${rewardsText(t, d.rewards, d.rewards_names)}`)}
                </Tag>
              ))}
            </Space>
            <Button
              type="primary"
              block
              size="large"
              icon={c.checked_in ? <CheckOutlined /> : <CalendarOutlined />}
              disabled={c.checked_in}
              loading={busy}
              onClick={go}
              data-testid="wallet-checkin-button"
            >
              {c.checked_in ? t(`今日已签到，获得 ${today}`, `Checked in today: ${today}`) : t(`签到领 ${today}`, `Check in for ${today}`)}
            </Button>
            {c.reward_problem && <Typography.Text type="secondary">{problemText({ code: c.reward_problem }, t('zh-CN', 'en') as Lang)}</Typography.Text>}
          </>
        )}
        {c.tasks.length > 0 && (
          <Space direction="vertical" style={{ width: '100%' }} size={4} data-testid="wallet-tasks">
            <Typography.Text strong>{t('任务', 'Tasks')}</Typography.Text>
            {c.tasks.map((x) => (
              <Space key={x.id} style={{ justifyContent: 'space-between', width: '100%' }}>
                <span>
                  {x.name}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {' · '}
                    {rewardsText(t, x.rewards, x.rewards_names)} · {t(PERIOD[x.period].zh, PERIOD[x.period].en)}
                  </Typography.Text>
                </span>
                <Tag color={x.done ? 'green' : 'default'}>{x.done ? t('已完成', 'Done') : t('未完成', 'To do')}</Tag>
              </Space>
            ))}
          </Space>
        )}
        {error && <Alert type="error" showIcon title={error} data-testid="wallet-checkin-error" />}
      </Space>
    </Panel>
  );
}
