import { useEffect, useState } from 'react';
import { Button, Card as Panel, Empty, Input, Modal, Space, Spin, Typography, message } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import QRCode from 'qrcode';
import { report } from '../../../api';
import type { ShareCreated, ShareLink, WalletCampaign } from '../../../api/campaigns';
import { useT } from '../../../i18n';
import { CampaignCard } from './CampaignCard';
import type { GrowthPanelProps } from '.';

/**
 * 领券中心 in the wallet's 活动 section: the campaigns I may claim (what is left, my claims, 领取 — then
 * the card opens), 分享给好友 for a share campaign (the link shown once, with its QR code), and my share
 * links with how many friends claimed through each and how many I was credited for.
 */
export function ClaimCenter({ api, tz, onCard, onChanged }: GrowthPanelProps) {
  const t = useT();
  const [list, setList] = useState<WalletCampaign[] | null>(null);
  const [shares, setShares] = useState<ShareLink[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [made, setMade] = useState<ShareCreated | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    api.claimCenter().then((r) => setList(r.data), report);
    api.myShares().then((r) => setShares(r.data), report);
  }, [api, version]);
  const claim = async (c: WalletCampaign) => {
    setBusy(c.id);
    try {
      const r = await api.claimCampaign(c.id);
      message.success(t(`领取成功：${c.gives.map((g) => g.name).join('、')}`, `Claimed: ${c.gives.map((g) => g.name).join(', ')}`));
      onChanged();
      setVersion((x) => x + 1);
      if (r.cards[0]) onCard(r.cards[0].id);
    } catch (e) {
      report(e);
      setVersion((x) => x + 1);
    } finally {
      setBusy(null);
    }
  };
  const share = async (c: WalletCampaign) => {
    try {
      setMade(await api.makeShare(c.id));
      setVersion((x) => x + 1);
    } catch (e) {
      report(e);
    }
  };
  if (!list) return <Spin />;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }} data-testid="wallet-claim-center">
      <Typography.Text strong>{t('领券中心', 'Claim center')}</Typography.Text>
      {list.length === 0 && (
        <Panel>
          <Empty description={t('暂时没有可领取的券', 'Nothing to claim right now')} />
        </Panel>
      )}
      {list.map((c) => (
        <CampaignCard key={c.id} c={c} tz={tz} busy={busy === c.id} onClaim={() => claim(c)} onShare={() => share(c)} />
      ))}
      {shares.length > 0 && (
        <Panel size="small" title={t('我的分享', 'My share links')} data-testid="wallet-my-shares">
          {shares.map((s) => (
            <div key={s.id} style={{ fontSize: 13, padding: '4px 0' }} data-testid={`wallet-share-link-${s.id}`}>
              <b>{s.campaign_name}</b>
              {' · '}
              {t(`${s.friends} 位好友已领取`, `${s.friends} friends claimed`)}
              {' · '}
              {t(`已获奖励 ${s.credited} 次`, `credited ${s.credited} times`)}
              {s.pending > 0 ? ` · ${t(`${s.pending} 位待好友使用`, `${s.pending} waiting for a friend to use it`)}` : ''}
            </div>
          ))}
        </Panel>
      )}
      {made && <ShareMade made={made} onClose={() => setMade(null)} />}
    </div>
  );
}

/** The new link, shown once: copy it, share it, or let a friend scan it. */
function ShareMade({ made, onClose }: { made: ShareCreated; onClose: () => void }) {
  const t = useT();
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    QRCode.toDataURL(made.url, { margin: 1, width: 320 }).then(setQr, () => setQr(null));
  }, [made.url]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(made.url);
      message.success(t('链接已复制，去微信发给好友吧', 'Link copied: send it to your friends'));
    } catch {
      message.info(t('请长按链接复制', 'Press and hold the link to copy it'));
    }
  };
  return (
    <Modal open title={t('分享给好友', 'Share with friends')} onCancel={onClose} footer={null} destroyOnHidden>
      <Space direction="vertical" style={{ width: '100%' }} data-testid="wallet-share-made">
        <Typography.Text>
          {t(
            `好友打开链接即可领取「${made.campaign_name ?? ''}」。链接只显示这一次，请现在发送。`,
            `Friends open the link to claim “${made.campaign_name ?? ''}”. It is shown only now: send it.`,
          )}
        </Typography.Text>
        <div style={{ textAlign: 'center' }}>{qr && <img src={qr} alt={t('分享二维码', 'Share QR code')} width={200} height={200} />}</div>
        <Input.TextArea readOnly autoSize value={made.url} className="kq-mono" data-testid="wallet-share-url" />
        <Button icon={<CopyOutlined />} block onClick={copy}>
          {t('复制链接', 'Copy the link')}
        </Button>
      </Space>
    </Modal>
  );
}
