import { useEffect, useState } from 'react';
import { Alert, Button, Result, Space, Spin, Typography, message } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import type { walletClient } from '../../api';
import type { WalletGroup } from '../../api/groups';
import { LangSwitch, useT, type Lang } from '../../i18n';
import { problemText } from '../../problems';
import { time } from '../../format';
import { rewardsText } from '../growth/groups/words';
import { Countdown, GroupLine, ShareGroup } from './growth/Groups';

type WalletApi = ReturnType<typeof walletClient>;

/** /wallet/group#g=…, opened without a wallet: what the friend should do, in words. */
export function GroupNeedsWallet() {
  const t = useT();
  return (
    <div className="kq-phone">
      <Result
        icon={<TeamOutlined style={{ color: '#1f5eff' }} />}
        title={t('好友邀请你参团', 'A friend invites you to a group')}
        subTitle={t(
          '参团前需要先打开你的会员钱包：请从品牌的小程序、公众号或短信里打开「我的卡券」，然后回到聊天里再点一次这个参团链接。',
          'To join, first open your member wallet from the brand’s mini-program, account or text message, then tap this link again in the chat.',
        )}
        data-testid="wallet-group-needs-wallet"
      />
    </div>
  );
}

/**
 * /wallet/group#g=…, in the friend's own wallet: the group (who started it, what each member gets, how many
 * have joined, the time left) and 参团. Joined, it shows the group as theirs, with the link to invite more; the
 * join that fills it unlocks it, and the card is one tap away.
 */
export function GroupLanding({ api, token, onDone }: { api: WalletApi; token: string | null; onDone: (cardId: string | null) => void }) {
  const t = useT();
  const say = (e: unknown) => problemText(e, t('zh-CN', 'en') as Lang);
  const [g, setG] = useState<WalletGroup | null>(null);
  const [error, setError] = useState<string | null>(
    token ? null : t('参团链接不完整，请让好友重新发送。', 'This link is incomplete; ask your friend to send it again.'),
  );
  const [busy, setBusy] = useState(false);
  const [sharing, setSharing] = useState(false);
  useEffect(() => {
    if (token)
      api
        .previewGroup(token)
        .then(setG)
        .catch((e) => setError(say(e)));
  }, [api, token]); // eslint-disable-line react-hooks/exhaustive-deps
  const join = async () => {
    setBusy(true);
    setError(null);
    try {
      const joined = await api.joinGroup(token!);
      setG(joined);
      message.success(
        joined.state === 'unlocked'
          ? t('成团啦！奖励已放入每位成员的钱包', 'Unlocked! Everyone’s reward is in their wallet')
          : t('参团成功', 'You joined the group'),
      );
    } catch (e) {
      setError(say(e));
    } finally {
      setBusy(false);
    }
  };
  const why =
    g &&
    !g.mine &&
    (g.state === 'unlocked'
      ? t('这个团已经满员成团了。', 'This group is already full.')
      : g.state === 'expired' || new Date(g.deadline) <= new Date()
        ? t('这个团没有在限定时间内凑齐，已经过期了。', 'This group did not fill in time and has expired.')
        : null);
  return (
    <div className="kq-phone" data-testid="wallet-group-landing">
      <div className="kq-phone-header">
        <div className="title">{t('好友邀请你参团', 'Join a group')}</div>
        <LangSwitch />
      </div>
      <div className="kq-phone-body">
        {!g && !error && <Spin />}
        {g && !g.mine && (
          <Space direction="vertical" style={{ width: '100%' }} size={8}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t(`${g.leader_name ?? '好友'} 邀请你参加「${g.campaign_name}」`, `${g.leader_name ?? 'A friend'} invites you to “${g.campaign_name}”`)}
            </Typography.Title>
            <Typography.Text>
              {t(
                `${g.size} 人成团，每人得 ${rewardsText(t, g.rewards, g.rewards_names)}。已有 ${g.joined} 人参团。`,
                `${g.size} to unlock; each gets ${rewardsText(t, g.rewards, g.rewards_names)}. ${g.joined} joined so far.`,
              )}
            </Typography.Text>
            {g.state === 'open' && (
              <Typography.Text type="secondary">
                {t(`${time(g.deadline)} 截止 · `, `Until ${time(g.deadline)} · `)}
                <Countdown to={g.deadline} />
              </Typography.Text>
            )}
            {!why && (
              <Button type="primary" size="large" block icon={<TeamOutlined />} loading={busy} onClick={join} data-testid="wallet-group-join">
                {t('立即参团', 'Join the group')}
              </Button>
            )}
          </Space>
        )}
        {g?.mine && <GroupLine g={g} t={t} onShare={() => setSharing(true)} onCard={(id) => onDone(id)} />}
        {(error || why) && <Alert type="warning" showIcon title={error ?? why} data-testid="wallet-group-landing-error" />}
        <Button block onClick={() => onDone(null)}>
          {t('查看我的卡券', 'My cards')}
        </Button>
      </div>
      {sharing && g && <ShareGroup g={g} onClose={() => setSharing(false)} />}
    </div>
  );
}
