import { useEffect, useState } from 'react';
import { Button, Card as Panel, Empty, Form, Input, Modal, Result, Segmented, Spin, Tag, Timeline } from 'antd';
import { GiftOutlined, LeftOutlined, PlusOutlined } from '@ant-design/icons';
import QRCode from 'qrcode';
import { ApiError, openWallet, report, walletClient } from '../api';
import type { WalletCard, WalletCardDetail, WalletMe, WalletState } from '../api/types';
import { LangSwitch, useName, useT } from '../i18n';
import { groupCode, money, time } from '../format';
import { rulesInWords, validityWords } from '../rules';
import { CardFace } from '../components/CardFace';
import { ProblemMessage } from '../problems';
import { ExpiringBadge, useExpiryWords } from '../components/Expiry';
import { GiftDialog, GiftLanding, GiftNeedsWallet, GiftPending, ReceivedGifts } from '../pages/wallet/Gifts';

/** The wallet's tabs are the states GET /v1/wallet/cards filters by. */
type Tab = WalletState;

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

/** 会员钱包 (mobile H5): my cards by state, detail with QR code to show the clerk, bind a code, gift a card. */
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
  // opened from a friend's gift link: the offer is shown first (in this member's own wallet)
  const [gift, setGift] = useState(() => (location.pathname.startsWith('/wallet/gift') ? { token: takeGiftToken() } : null));

  useEffect(() => {
    const token = takeLinkToken();
    (token ? openWallet(token) : Promise.resolve(null)).then((s) => setApi(walletClient(s?.member_id ?? null))).catch(setError);
  }, []);
  useEffect(() => {
    if (api) api.me().then(setMe).catch(setError);
  }, [api, reload]);
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

function Bind({ open, api, onClose, onBound }: { open: boolean; api: WalletApi; onClose: () => void; onBound: () => void }) {
  const t = useT();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await api.bind(v.code, v.pin || undefined);
      form.resetFields();
      onBound();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('绑定券码', 'Add a code')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={busy}
      okText={t('绑定', 'Add')}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'wallet-bind-submit' } as any}
    >
      <p className="kq-muted">{t('在其他渠道购买或获赠的券码，绑定后可在钱包中使用。', 'Codes bought or received elsewhere can be added to your wallet.')}</p>
      <Form form={form} layout="vertical">
        <Form.Item name="code" label={t('券码 / 卡号', 'Code / card number')} rules={[{ required: true, message: t('请输入券码', 'Enter the code') }]}>
          <Input size="large" className="kq-mono" data-testid="wallet-bind-code" />
        </Form.Item>
        <Form.Item name="pin" label={t('密码（礼品卡需要）', 'PIN (gift cards)')}>
          <Input.Password size="large" />
        </Form.Item>
      </Form>
      {error != null && (
        <div style={{ color: '#ff4d4f' }} data-testid="wallet-bind-error">
          <ProblemMessage error={error} />
        </div>
      )}
    </Modal>
  );
}

function Detail({ api, id, currency, tz, onBack }: { api: WalletApi; id: string; currency: string; tz: string; onBack: () => void }) {
  const t = useT();
  const expiryWords = useExpiryWords();
  const name = useName();
  const [c, setC] = useState<WalletCardDetail | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [gifting, setGifting] = useState(false);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    api.card(id).then(setC).catch(report);
  }, [api, id, version]);
  useEffect(() => {
    if (c?.code && c.state === 'active') QRCode.toDataURL(c.code, { margin: 1, width: 400, errorCorrectionLevel: 'M' }).then(setQr);
  }, [c]);
  if (!c)
    return (
      <div className="boot">
        <Spin size="large" />
      </div>
    );
  const usable = c.state === 'active';
  return (
    <div className="kq-phone" data-testid="wallet-detail">
      <div className="kq-phone-header">
        <Button type="text" icon={<LeftOutlined style={{ color: '#fff' }} />} onClick={onBack} aria-label={t('返回', 'Back')} />
        <div className="title">{c.name}</div>
        <LangSwitch />
      </div>
      <div className="kq-phone-body">
        <div className="kq-card-slot">
          {c.expiring_soon && !c.gift_offer && <ExpiringBadge floating testId="wallet-detail-expiring" />}
          <CardFace
            kind={c.kind}
            name={c.name}
            value={c.value}
            rules={c.template_rules}
            tz={tz}
            live={c}
            tail={c.code_tail}
            dim={!usable}
            foot={
              c.gift_offer
                ? t('转赠中', 'Being given')
                : c.expiring_soon
                  ? `${name('state', c.state)} · ${expiryWords(c.expires_in_days)}`
                  : name('state', c.state)
            }
          />
        </div>
        {c.gift_offer && <GiftPending api={api} card={c} onChanged={() => setVersion((x) => x + 1)} />}
        {usable && c.code && (
          <Panel size="small">
            <div className="kq-code-box">
              {qr && <img src={qr} alt="QR" data-testid="wallet-qr" />}
              <div className="code kq-mono" data-testid="wallet-code">
                {groupCode(c.code)}
              </div>
              <div className="kq-muted" style={{ fontSize: 12 }}>
                {t('结账时向店员出示', 'Show this to the clerk at checkout')}
              </div>
            </div>
          </Panel>
        )}
        <Panel size="small" title={t('使用规则', 'How to use')}>
          <ul style={{ paddingInlineStart: 18, margin: 0, lineHeight: 1.8 }} data-testid="wallet-rules">
            {rulesInWords(t, c.kind, c.value, c.validity, c.template_rules, undefined, { tz, live: c }).map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        </Panel>
        {c.history.length > 0 && (
          <Panel size="small" title={t('使用记录', 'History')}>
            <Timeline
              items={c.history.map((h) => ({
                content: (
                  <div>
                    <b>{t(h.zh, h.en)}</b>
                    {h.amount ? ` ${money(h.amount, currency)}` : ''}
                    {h.uses ? ` · ${h.uses}${t('次', ' use(s)')}` : ''}
                    <div className="kq-muted" style={{ fontSize: 12 }}>
                      {time(h.at)}
                      {h.store_name ? ` · ${h.store_name}` : ''}
                    </div>
                  </div>
                ),
              }))}
            />
          </Panel>
        )}
        {usable && c.transferable && (
          <Button size="large" block icon={<GiftOutlined />} onClick={() => setGifting(true)} data-testid="wallet-gift-open">
            {t('转赠好友', 'Give to a friend')}
          </Button>
        )}
        {!usable && !c.gift_offer && <Tag style={{ alignSelf: 'center' }}>{name('state', c.state)}</Tag>}
      </div>
      {gifting && (
        <GiftDialog
          api={api}
          card={c}
          onClose={(offered) => {
            setGifting(false);
            if (offered) setVersion((x) => x + 1);
          }}
        />
      )}
    </div>
  );
}
