import { useEffect, useState } from 'react';
import { Alert, Button, Card as Panel, Input, Space, Tag, Typography, message } from 'antd';
import { CopyOutlined, ShareAltOutlined } from '@ant-design/icons';
import QRCode from 'qrcode';
import type { WalletReferral } from '../../../api/referrals';
import { useT, type Lang } from '../../../i18n';
import { problemText } from '../../../problems';
import { rewardsText } from '../../growth/groups/words';
import { QUALIFY, REFERRAL_STATE } from '../../growth/referrals/words';
import type { GrowthPanelProps } from './index';

/** The code a friend's link carries (`/wallet#r=<code>`), read as the page loads (before the wallet tidies the address bar). */
const LINK_CODE = typeof window === 'undefined' ? '' : (/[#&]r=([A-Za-z0-9]{4,16})/.exec(window.location.hash)?.[1] ?? '');
const codeFromLink = () => LINK_CODE;

/** The wallet's 邀请有礼: my code with its link and QR code, what each side gets, my friends, and entering a friend's code. */
export function WalletReferralPanel({ api, onChanged }: GrowthPanelProps) {
  const t = useT();
  const [r, setR] = useState<WalletReferral | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [code, setCode] = useState(codeFromLink);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.referral().then(setR, () => setR(null));
  }, [api]);
  useEffect(() => {
    if (r?.url) QRCode.toDataURL(r.url, { margin: 1, width: 320 }).then(setQr, () => setQr(null));
  }, [r?.url]);
  if (!r || (!r.campaign && !r.invited.length)) return null;
  const c = r.campaign;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(r.url);
      message.success(t('链接已复制，发给好友吧', 'Link copied: send it to your friends'));
    } catch {
      message.info(t('请长按链接复制', 'Press and hold the link to copy it'));
    }
  };
  const join = async () => {
    setError(null);
    try {
      setR(await api.joinReferral(code.trim()));
      message.success(t('邀请码已填写', 'Code accepted'));
      onChanged();
    } catch (e) {
      setError(problemText(e, t('zh-CN', 'en') as Lang));
    }
  };
  return (
    <Panel size="small" title={t('邀请有礼', 'Invite friends')} data-testid="wallet-referral">
      <Space direction="vertical" style={{ width: '100%' }} size={12}>
        {c && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <b>{c.name}</b>
            {' · '}
            {c.referrer_rewards &&
              t(
                `好友${QUALIFY[c.qualify_on].zh}后你得 ${rewardsText(t, c.referrer_rewards, c.referrer_rewards_names)}`,
                `You get ${rewardsText(t, c.referrer_rewards, c.referrer_rewards_names)} once your friend ${QUALIFY[c.qualify_on].en}`,
              )}
            {c.referrer_rewards && c.referee_rewards && t('，', '; ')}
            {c.referee_rewards &&
              t(
                `好友得 ${rewardsText(t, c.referee_rewards, c.referee_rewards_names)}`,
                `your friend gets ${rewardsText(t, c.referee_rewards, c.referee_rewards_names)}`,
              )}
            {c.qualify_on === 'first_order' &&
              c.return_days > 0 &&
              t(`（首单 ${c.return_days} 天无退货后发放）`, ` (paid ${c.return_days} days after the first order if not returned)`)}
          </Typography.Text>
        )}
        <Space direction="vertical" align="center" style={{ width: '100%' }} size={4}>
          <Typography.Text type="secondary">{t('我的邀请码', 'My referral code')}</Typography.Text>
          <Typography.Title level={3} copyable className="kq-mono" style={{ margin: 0, letterSpacing: 4 }} data-testid="wallet-referral-code">
            {r.code}
          </Typography.Title>
          {qr && <img src={qr} alt={t('邀请二维码', 'Invite QR code')} width={160} height={160} data-testid="wallet-referral-qr" />}
        </Space>
        <Input readOnly value={r.url} className="kq-mono" data-testid="wallet-referral-link" />
        <Space.Compact block>
          <Button icon={<CopyOutlined />} onClick={copy} style={{ flex: 1 }}>
            {t('复制邀请链接', 'Copy the link')}
          </Button>
          {typeof navigator.share === 'function' && (
            <Button
              icon={<ShareAltOutlined />}
              onClick={() => navigator.share?.({ title: t('邀请你加入', 'Join me'), url: r.url }).catch(() => {})}
              style={{ flex: 1 }}
            >
              {t('分享', 'Share')}
            </Button>
          )}
        </Space.Compact>
        {r.invited.length > 0 && (
          <Space direction="vertical" style={{ width: '100%' }} size={2} data-testid="wallet-referral-invited">
            <Typography.Text strong>{t(`我邀请的好友（${r.invited.length}）`, `Friends I invited (${r.invited.length})`)}</Typography.Text>
            {r.invited.map((i) => (
              <Space key={`${i.created_at}-${i.name}`} style={{ justifyContent: 'space-between', width: '100%' }}>
                <span>{i.name}</span>
                <Tag color={REFERRAL_STATE[i.state].color}>{t(REFERRAL_STATE[i.state].zh, REFERRAL_STATE[i.state].en)}</Tag>
              </Space>
            ))}
          </Space>
        )}
        {r.referred_by && <Typography.Text type="secondary">{t(`邀请我的好友：${r.referred_by.name}`, `Invited by ${r.referred_by.name}`)}</Typography.Text>}
        {r.can_join && (
          <Space.Compact block>
            <Input
              placeholder={t('填写好友的邀请码', 'A friend’s referral code')}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              data-testid="wallet-referral-input"
            />
            <Button type="primary" disabled={!code.trim()} onClick={join} data-testid="wallet-referral-join">
              {t('确定', 'Use it')}
            </Button>
          </Space.Compact>
        )}
        {error && <Alert type="error" showIcon title={error} data-testid="wallet-referral-error" />}
      </Space>
    </Panel>
  );
}
