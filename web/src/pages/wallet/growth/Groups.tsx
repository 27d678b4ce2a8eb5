import { useEffect, useState } from 'react';
import { Alert, Button, Card as Panel, Input, Modal, Progress, Space, Tag, Typography, message } from 'antd';
import { CopyOutlined, ShareAltOutlined, TeamOutlined } from '@ant-design/icons';
import QRCode from 'qrcode';
import type { WalletGroup, WalletGroupCampaign } from '../../../api/groups';
import { useT, type Lang } from '../../../i18n';
import { problemText } from '../../../problems';
import { GROUP_STATE, limitText, rewardsText } from '../../growth/groups/words';
import type { GrowthPanelProps } from './index';

type T = (zh: string, en: string) => string;

/** 剩余时间: the time left to a deadline, ticking every second (hh:mm:ss; days when longer). */
export function Countdown({ to, testId }: { to: string; testId?: string }) {
  const t = useT();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const h = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(h);
  }, []);
  const left = Math.max(0, new Date(to).getTime() - now);
  const s = Math.floor(left / 1000);
  const d = Math.floor(s / 86400);
  const hms = [Math.floor((s % 86400) / 3600), Math.floor((s % 3600) / 60), s % 60].map((n) => String(n).padStart(2, '0')).join(':');
  return (
    <span data-testid={testId}>{left === 0 ? t('已到截止时间', 'Time is up') : t(`剩余 ${d ? `${d} 天 ` : ''}${hms}`, `${d ? `${d}d ` : ''}${hms} left`)}</span>
  );
}

/** 3/5 已参团 as a bar. */
export function GroupProgress({ g }: { g: Pick<WalletGroup, 'joined' | 'size' | 'state'> }) {
  const t = useT();
  return (
    <Progress
      percent={Math.round((g.joined / g.size) * 100)}
      status={g.state === 'expired' ? 'exception' : g.state === 'unlocked' ? 'success' : 'active'}
      format={() => t(`${g.joined}/${g.size} 人`, `${g.joined}/${g.size}`)}
    />
  );
}

/** 邀请好友参团: the join link, copy, share and a QR code to scan face to face (the wallet's QR library). */
export function ShareGroup({ g, onClose }: { g: WalletGroup; onClose: () => void }) {
  const t = useT();
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    if (g.url) QRCode.toDataURL(g.url, { margin: 1, width: 320 }).then(setQr, () => setQr(null));
  }, [g.url]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(g.url!);
      message.success(t('链接已复制，去微信发给好友吧', 'Link copied: send it to your friends'));
    } catch {
      message.info(t('请长按链接复制', 'Press and hold the link to copy it'));
    }
  };
  const share = () => navigator.share?.({ title: t('来和我一起拼团', 'Join my group'), text: g.campaign_name, url: g.url! }).catch(() => {});
  return (
    <Modal open title={t('邀请好友参团', 'Invite friends')} onCancel={onClose} footer={null} destroyOnHidden>
      <Space direction="vertical" style={{ width: '100%' }} size={12} data-testid="wallet-group-share">
        <Typography.Text>
          {t(`还差 ${g.size - g.joined} 人成团，`, `${g.size - g.joined} more to unlock; `)}
          <Countdown to={g.deadline} />
        </Typography.Text>
        {qr && (
          <div style={{ textAlign: 'center' }}>
            <img src={qr} alt={t('参团二维码', 'Join QR code')} width={200} height={200} data-testid="wallet-group-qr" />
          </div>
        )}
        <Input.TextArea readOnly autoSize value={g.url ?? ''} className="kq-mono" data-testid="wallet-group-link" />
        <Space.Compact block>
          <Button size="large" icon={<CopyOutlined />} onClick={copy} style={{ flex: 1 }}>
            {t('复制链接', 'Copy the link')}
          </Button>
          {typeof navigator.share === 'function' && (
            <Button size="large" icon={<ShareAltOutlined />} onClick={share} style={{ flex: 1 }}>
              {t('分享', 'Share')}
            </Button>
          )}
        </Space.Compact>
      </Space>
    </Modal>
  );
}

/** One of my groups: campaign, progress, time left, members (masked), and 邀请好友 / 查看卡券. */
export function GroupLine({ g, t, onShare, onCard }: { g: WalletGroup; t: T; onShare?: () => void; onCard: (id: string) => void }) {
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={4} data-testid={`wallet-group-${g.id}`}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <b>{g.campaign_name}</b>
        <Tag color={GROUP_STATE[g.state].color}>{t(GROUP_STATE[g.state].zh, GROUP_STATE[g.state].en)}</Tag>
      </Space>
      <GroupProgress g={g} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {g.members.map((m) => m.name).join('、')}
        {g.state === 'open' && (
          <>
            {' · '}
            <Countdown to={g.deadline} testId={`wallet-group-countdown-${g.id}`} />
          </>
        )}
      </Typography.Text>
      {g.state === 'open' && onShare && (
        <Button type="primary" block icon={<TeamOutlined />} onClick={onShare} data-testid={`wallet-group-invite-${g.id}`}>
          {t('邀请好友参团', 'Invite friends')}
        </Button>
      )}
      {g.state === 'unlocked' && g.card_ids[0] && (
        <Button block onClick={() => onCard(g.card_ids[0]!)} data-testid={`wallet-group-card-${g.id}`}>
          {t(`已成团：${rewardsText(t, g.rewards, g.rewards_names)}，查看卡券`, `Unlocked: ${rewardsText(t, g.rewards, g.rewards_names)} — see the card`)}
        </Button>
      )}
    </Space>
  );
}

/** The wallet's 组团 panel: campaigns I may start a group of, and my groups with progress and the link to share. */
export function WalletGroupsPanel({ api, onCard, onChanged }: GrowthPanelProps) {
  const t = useT();
  const [campaigns, setCampaigns] = useState<WalletGroupCampaign[] | null>(null);
  const [groups, setGroups] = useState<WalletGroup[]>([]);
  const [sharing, setSharing] = useState<WalletGroup | null>(null);
  const [reload, setReload] = useState(0);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.groupCampaigns().then(
      (r) => setCampaigns(r.data),
      () => setCampaigns([]),
    );
    api.myGroups().then(
      (r) => setGroups(r.data),
      () => setGroups([]),
    );
  }, [api, reload]);
  if (!campaigns || (!campaigns.length && !groups.length)) return null;
  const start = async (c: WalletGroupCampaign) => {
    setError(null);
    try {
      const g = await api.startGroup(c.id);
      setSharing(g);
      setReload((x) => x + 1);
      onChanged();
    } catch (e) {
      setError(problemText(e, t('zh-CN', 'en') as Lang));
    }
  };
  return (
    <Panel size="small" title={t('组团解锁', 'Group unlock')} data-testid="wallet-groups">
      <Space direction="vertical" style={{ width: '100%' }} size={16}>
        {campaigns.map((c) => (
          <Space key={c.id} direction="vertical" style={{ width: '100%' }} size={4} data-testid={`wallet-group-campaign-${c.id}`}>
            <b>{c.name}</b>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(
                `${c.size} 人成团，${limitText(t, c.time_limit_minutes)}内凑齐，每人得 ${rewardsText(t, c.rewards, c.rewards_names)}`,
                `${c.size} to unlock within ${limitText(t, c.time_limit_minutes)}; each gets ${rewardsText(t, c.rewards, c.rewards_names)}`,
              )}
              {c.left !== null ? t(`（剩 ${c.left} 个名额）`, ` (${c.left} left)`) : ''}
            </Typography.Text>
            {c.unavailable && <Typography.Text type="secondary">{t(c.unavailable.zh, c.unavailable.en)}</Typography.Text>}
            <Button block disabled={!c.can_start} onClick={() => start(c)} data-testid={`wallet-group-start-${c.id}`}>
              {t('我要开团', 'Start a group')}
            </Button>
          </Space>
        ))}
        {error && <Alert type="error" showIcon title={error} data-testid="wallet-group-error" />}
        {groups.length > 0 && <Typography.Text strong>{t('我的团', 'My groups')}</Typography.Text>}
        {groups.map((g) => (
          <GroupLine key={g.id} g={g} t={t} onShare={() => setSharing(g)} onCard={onCard} />
        ))}
      </Space>
      {sharing && <ShareGroup g={sharing} onClose={() => setSharing(null)} />}
    </Panel>
  );
}
