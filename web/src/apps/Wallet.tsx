import { useEffect, useState } from 'react';
import { Button, Card as Panel, Empty, Result, Segmented, Spin } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ApiError, openWallet, report, walletClient } from '../api';
import type { PointBalances, WalletCard, WalletMe, WalletState, WalletTier } from '../api/types';
import { LangSwitch, useT } from '../i18n';
import { validityWords } from '../rules';
import { CardFace } from '../components/CardFace';
import { ProblemMessage } from '../problems';
import { ExpiringBadge, useExpiryWords } from '../components/Expiry';
import { GiftLanding, GiftNeedsWallet, ReceivedGifts } from '../pages/wallet/Gifts';
import { Bind } from '../pages/wallet/Bind';
import { Detail } from '../pages/wallet/CardDetail';
import { MemberCard } from '../pages/wallet/MemberCard';
import { WalletPointsView } from '../pages/wallet/Points';
import { WalletPacksView } from '../pages/wallet/Packs';
import { WalletMallView } from '../pages/wallet/Mall';
import { WALLET_GROWTH_PANELS, WalletGrowthView } from '../pages/wallet/growth';
import { GroupLanding, GroupNeedsWallet } from '../pages/wallet/GroupLanding';
import { ClaimLanding, ClaimNeedsWallet, takeClaimLink } from '../pages/wallet/growth/ClaimLanding';

/** The wallet's tabs are the states GET /v1/wallet/cards filters by. */
type Tab = WalletState;
/** The wallet's sections: my cards, my points, my packs, the points mall. */
type Section = 'cards' | 'points' | 'packs' | 'mall' | 'growth';

/**
 * The link's token rides in the fragment (`/wallet#t=<token>`: never sent to a server in a request line
 * or Referer). The page takes it out of the address bar at once and trades it for an HttpOnly wallet
 * cookie (POST /v1/wallet/session), so no script, storage or history entry keeps it; a reload goes
 * on with the cookie, and opening the link again from the chat opens the wallet again.
 */
function takeLinkToken(): string | null {
  const m = /(?:^|[#&])t=([^&]+)/.exec(location.hash);
  if (!m) return null;
  history.replaceState(history.state, '', location.pathname + location.search);
  return m[1];
}

/** A gift link (/wallet/gift#g=<secret>): the secret is taken out of the address bar the same way. */
function takeGiftToken(): string | null {
  const m = /(?:^|[#&])g=([^&]+)/.exec(location.hash);
  history.replaceState(history.state, '', location.pathname + location.search);
  return m ? m[1] : null;
}

type WalletApi = ReturnType<typeof walletClient>;
sessionStorage.removeItem('kq.wallet.token'); // where earlier versions kept it

/**
 * 会员钱包 (mobile H5): the member card (tier, progress to the next, points in short) over four sections —
 * my cards by state (detail with the QR code to show the clerk, bind a code, gift a card), my points with
 * every expiry and movement, my benefit packs, and the points mall.
 */
export default function Wallet() {
  const t = useT();
  const expiryWords = useExpiryWords();
  const [api, setApi] = useState<WalletApi | null>(null);
  const [me, setMe] = useState<WalletMe | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tab, setTab] = useState<Tab>('usable');
  const [cards, setCards] = useState<WalletCard[] | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [binding, setBinding] = useState(false);
  const [reload, setReload] = useState(0);
  const [section, setSection] = useState<Section>('cards');
  const [tier, setTier] = useState<WalletTier | null>(null);
  const [points, setPoints] = useState<PointBalances | null>(null);
  // opened from a friend's gift link: the offer is shown first (in this member's own wallet)
  const [gift, setGift] = useState(() => (location.pathname.startsWith('/wallet/gift') ? { token: takeGiftToken() } : null));
  // opened from a friend's join link (/wallet/group#g=<token>, taken out of the address bar the same way): the group first
  const [group, setGroup] = useState(() => (location.pathname.startsWith('/wallet/group') ? { token: takeGiftToken() } : null));
  // opened from a claim link or a friend's share link (/wallet/claim#c=… or #s=…): the campaign is shown first
  const [claimLink, setClaimLink] = useState(() => (location.pathname.startsWith('/wallet/claim') ? takeClaimLink() : null));

  useEffect(() => {
    const token = takeLinkToken();
    (token ? openWallet(token) : Promise.resolve(null)).then((s) => setApi(walletClient(s?.member_id ?? null))).catch(setError);
  }, []);
  useEffect(() => {
    if (api) api.me().then(setMe).catch(setError);
  }, [api, reload]);
  useEffect(() => {
    if (!api || !me) return;
    // a tenant without tiers or points shows neither (the card says what there is)
    api.tier().then(setTier, () => setTier(null));
    api.points({ limit: 1 }).then(
      (r) => setPoints(r.balances),
      () => setPoints(null),
    );
  }, [api, me]);
  const ready = !!me; // not `me` itself: a reload refreshes `me` too, which must not fetch the cards a second time
  useEffect(() => {
    if (!api || !ready) return;
    let current = true; // a slower, older answer must not overwrite a newer one
    setCards(null);
    api
      .cards(tab)
      .then((r) => {
        if (current) setCards(r.data);
      })
      .catch(report);
    return () => {
      current = false;
    };
  }, [api, ready, tab, reload]);

  if (error != null && gift) return <GiftNeedsWallet />;
  if (error != null && group) return <GroupNeedsWallet />;
  if (error != null && claimLink) return <ClaimNeedsWallet />;
  if (error != null) {
    // a link that does not (or no longer) open the wallet, or no link at all; else the wallet cannot load now
    const link = error instanceof ApiError && error.status === 401;
    return (
      <div className="kq-phone" data-testid="wallet-link-problem">
        <Result
          status="warning"
          title={link ? t('链接无效或已过期', 'This link is not valid or has expired') : t('钱包暂时打不开', 'The wallet cannot open right now')}
          subTitle={
            error instanceof ApiError && error.code === 'UNAUTHENTICATED' ? (
              t('请从品牌的公众号、小程序或短信重新打开钱包。', 'Open the wallet again from the brand’s app or message.')
            ) : (
              <ProblemMessage error={error} />
            )
          }
        />
      </div>
    );
  }
  if (!api || !me)
    return (
      <div className="boot">
        <Spin size="large" />
      </div>
    );
  if (gift)
    return (
      <GiftLanding
        api={api}
        token={gift.token}
        onDone={(cardId) => {
          history.replaceState(null, '', '/wallet');
          setGift(null);
          setReload((x) => x + 1);
          if (cardId) setOpen(cardId);
        }}
      />
    );
  if (group)
    return (
      <GroupLanding
        api={api}
        token={group.token}
        onDone={(cardId) => {
          history.replaceState(null, '', '/wallet');
          setGroup(null);
          setReload((x) => x + 1);
          if (cardId) setOpen(cardId);
        }}
      />
    );
  if (claimLink)
    return (
      <ClaimLanding
        api={api}
        link={claimLink}
        tz={me.tenant.time_zone}
        onDone={(cardId) => {
          history.replaceState(null, '', '/wallet');
          setClaimLink(null);
          setReload((x) => x + 1);
          if (cardId) setOpen(cardId);
        }}
      />
    );
  if (open)
    return (
      <Detail
        api={api}
        id={open}
        currency={me.tenant.currency}
        tz={me.tenant.time_zone}
        onBack={() => {
          setOpen(null);
          setReload((x) => x + 1);
        }}
      />
    );

  return (
    <div className="kq-phone">
      <div className="kq-phone-header">
        <div>
          <div className="title">{t('我的卡券', 'My cards')}</div>
          <div style={{ fontSize: 12, opacity: 0.85 }} data-testid="wallet-member">
            {me.tenant.name} · {me.member.name ?? t('会员', 'Member')}
            {me.member.phone_last4 ? ` · ${me.member.phone_last4}` : ''}
          </div>
        </div>
        <LangSwitch />
      </div>
      <div className="kq-phone-body">
        <MemberCard tier={tier} points={points} tz={me.tenant.time_zone} onPoints={() => setSection('points')} />
        <Segmented
          block
          value={section}
          onChange={(v) => setSection(v as Section)}
          options={[
            { value: 'cards', label: t('卡券', 'Cards') },
            { value: 'points', label: t('积分', 'Points') },
            { value: 'packs', label: t('礼包', 'Packs') },
            { value: 'mall', label: t('商城', 'Mall') },
            ...(WALLET_GROWTH_PANELS.length ? [{ value: 'growth', label: t('活动', 'Offers') }] : []),
          ]}
          data-testid="wallet-sections"
        />
        {section === 'points' && <WalletPointsView api={api} tz={me.tenant.time_zone} reload={reload} />}
        {section === 'growth' && (
          <WalletGrowthView
            api={api}
            tz={me.tenant.time_zone}
            onCard={(id) => {
              setSection('cards');
              setTab('usable');
              setOpen(id);
            }}
            onChanged={() => setReload((x) => x + 1)}
          />
        )}
        {section === 'packs' && <WalletPacksView api={api} tz={me.tenant.time_zone} onCard={setOpen} />}
        {section === 'mall' && (
          <WalletMallView
            api={api}
            tz={me.tenant.time_zone}
            currency={me.tenant.currency}
            onCard={(id) => {
              setSection('cards');
              setTab('usable');
              setOpen(id);
            }}
            onChanged={() => setReload((x) => x + 1)}
          />
        )}
        {section === 'cards' && (
          <>
            <Segmented
              block
              value={tab}
              onChange={(v) => setTab(v as Tab)}
              options={[
                { value: 'usable', label: `${t('可使用', 'Usable')} ${me.counts.usable}` },
                { value: 'used', label: `${t('已使用', 'Used')} ${me.counts.used}` },
                { value: 'expired', label: `${t('已过期', 'Expired')} ${me.counts.expired}` },
              ]}
              data-testid="wallet-tabs"
            />
            <ReceivedGifts
              api={api}
              reload={reload}
              onAccepted={(id) => {
                setReload((x) => x + 1);
                setOpen(id);
              }}
            />
            {cards === null ? (
              <Spin />
            ) : cards.length === 0 ? (
              <Panel>
                <Empty description={t('这里还没有卡券', 'No cards here yet')} />
              </Panel>
            ) : (
              <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }} data-testid="wallet-cards">
                {cards.map((c) => (
                  <button
                    type="button"
                    className="kq-plain-button kq-card-slot"
                    key={c.id}
                    onClick={() => setOpen(c.id)}
                    data-testid={`wallet-card-${c.code_tail}`}
                  >
                    {c.expiring_soon && <ExpiringBadge floating testId="wallet-expiring-badge" />}
                    <CardFace
                      kind={c.kind}
                      name={c.name}
                      value={c.value}
                      rules={c.template_rules}
                      tz={me.tenant.time_zone}
                      live={c}
                      tail={c.code_tail}
                      dim={tab !== 'usable'}
                      foot={
                        c.gift_offer
                          ? t('转赠中，等待好友领取', 'Being given to a friend')
                          : c.expiring_soon
                            ? `${expiryWords(c.expires_in_days)} · ${validityWords(t, c, me.tenant.time_zone, c)}`
                            : validityWords(t, c, me.tenant.time_zone, c)
                      }
                    />
                  </button>
                ))}
              </div>
            )}
            <Button size="large" icon={<PlusOutlined />} block onClick={() => setBinding(true)} data-testid="wallet-bind-open">
              {t('绑定券码', 'Add a code')}
            </Button>
          </>
        )}
      </div>
      <Bind
        open={binding}
        api={api}
        onClose={() => setBinding(false)}
        onBound={() => {
          setBinding(false);
          setTab('usable');
          setReload((x) => x + 1);
        }}
      />
    </div>
  );
}
