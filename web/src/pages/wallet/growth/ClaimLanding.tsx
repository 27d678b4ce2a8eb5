import { useEffect, useState } from 'react';
import { Button, Result, Spin, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { walletClient } from '../../../api';
import type { WalletCampaign } from '../../../api/campaigns';
import { LangSwitch, useT, type Lang } from '../../../i18n';
import { problemText } from '../../../problems';
import { CampaignCard } from './CampaignCard';

type WalletApi = ReturnType<typeof walletClient>;

/** A claim or share link's fragment: `/wallet/claim#c=<campaign id>` or `#s=<share token>`; taken out of the address bar at once. */
export function takeClaimLink(): { campaign?: string; token?: string } {
  const c = /(?:^|[#&])c=([^&]+)/.exec(location.hash);
  const s = /(?:^|[#&])s=([^&]+)/.exec(location.hash);
  history.replaceState(history.state, '', location.pathname + location.search);
  return { campaign: c ? decodeURIComponent(c[1]!) : undefined, token: s ? s[1] : undefined };
}

/**
 * The page a claim link or a friend's share link opens in the member's own wallet: the campaign (and
 * who shares it), 领取 — then the card opens — or why it cannot be claimed.
 */
export function ClaimLanding({
  api,
  link,
  tz,
  onDone,
}: {
  api: WalletApi;
  link: { campaign?: string; token?: string };
  tz: string;
  onDone: (cardId: string | null) => void;
}) {
  const t = useT();
  const [c, setC] = useState<WalletCampaign | null>(null);
  const [sharer, setSharer] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (link.token)
      api.previewShare(link.token).then((p) => {
        setC(p.campaign);
        setSharer(p.sharer_name ?? t('你的好友', 'Your friend'));
      }, setError);
    else if (link.campaign) api.walletCampaign(link.campaign).then(setC, setError);
    else setError(new Error('no link'));
  }, [api, link, t]);
  const claim = async () => {
    setBusy(true);
    try {
      const r = link.token ? await api.claimShare(link.token) : await api.claimCampaign(c!.id);
      onDone(r.cards[0]?.id ?? null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="kq-phone" data-testid="wallet-claim-landing">
      <div className="kq-phone-header">
        <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => onDone(null)} style={{ color: 'inherit' }} data-testid="wallet-claim-back">
          {t('我的卡券', 'My cards')}
        </Button>
        <LangSwitch />
      </div>
      <div className="kq-phone-body">
        {sharer && <Typography.Title level={5}>{t(`${sharer} 分享给你一张券`, `${sharer} shared a card with you`)}</Typography.Title>}
        {error != null ? (
          <Result status="warning" title={problemText(error, t('zh-CN', 'en') as Lang)} data-testid="wallet-claim-problem" />
        ) : !c ? (
          <Spin />
        ) : (
          <CampaignCard c={c} tz={tz} busy={busy} onClaim={claim} claimLabel={link.token ? t('领取好友分享的券', 'Claim it') : undefined} />
        )}
      </div>
    </div>
  );
}

/** A claim or share link opened in a browser with no wallet yet: how to get there. */
export function ClaimNeedsWallet() {
  const t = useT();
  return (
    <div className="kq-phone">
      <Result
        status="info"
        title={t('领券前请先打开你的会员钱包', 'Open your member wallet first')}
        subTitle={t(
          '请从品牌的小程序、公众号或短信里打开「我的卡券」，然后回到这里再点一次这个链接，即可领取。',
          'Open your wallet from the brand’s mini-program, account or text message, then tap this link again to claim.',
        )}
        data-testid="wallet-claim-needs-wallet"
      />
    </div>
  );
}
