import { useEffect, useState } from 'react';
import { Button, Card as Panel, Empty, Form, Input, Modal, Result, Segmented, Spin, Tag, Timeline } from 'antd';
import { GiftOutlined, LeftOutlined, PlusOutlined } from '@ant-design/icons';
import QRCode from 'qrcode';
import { ApiError, openWallet, report, walletClient } from '../api';
import type { WalletCard, WalletCardDetail, WalletMe, WalletState } from '../api/types';
import { LangSwitch, useName, useT } from '../i18n';
import { date, groupCode, money, time } from '../format';
import { rulesInWords } from '../rules';
import { CardFace } from '../components/CardFace';

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

type WalletApi = ReturnType<typeof walletClient>;
sessionStorage.removeItem('kq.wallet.token'); // where earlier versions kept it

/** 会员钱包 (mobile H5): my cards by state, detail with QR code to show the clerk, bind a code, gift a card. */
export default function Wallet() {
  const t = useT();
  const [api, setApi] = useState<WalletApi | null>(null);
  const [me, setMe] = useState<WalletMe | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('usable');
  const [cards, setCards] = useState<WalletCard[] | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [binding, setBinding] = useState(false);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    const token = takeLinkToken();
    (token ? openWallet(token) : Promise.resolve(null))
      .then((s) => setApi(walletClient(s?.member_id ?? null)))
      .catch((e) => setError(e instanceof ApiError ? e.detail : String(e)));
  }, []);
  useEffect(() => {
    if (api)
      api
        .me()
        .then(setMe)
        .catch((e) => setError(e instanceof ApiError ? e.detail : String(e)));
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

  if (error)
    return (
      <div className="kq-phone">
        <Result
          status="warning"
          title={t('链接无效或已过期', 'This link is not valid or has expired')}
          subTitle={error ?? t('请从品牌的小程序或短信重新打开钱包', 'Open the wallet again from the brand’s app or message')}
        />
      </div>
    );
  if (!api || !me)
    return (
      <div className="boot">
        <Spin size="large" />
      </div>
    );
  if (open)
    return (
      <Detail
        api={api}
        id={open}
        currency={me.tenant.currency}
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
        {cards === null ? (
          <Spin />
        ) : cards.length === 0 ? (
          <Panel>
            <Empty description={t('这里还没有卡券', 'No cards here yet')} />
          </Panel>
        ) : (
          <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }} data-testid="wallet-cards">
            {cards.map((c) => (
              <button type="button" className="kq-plain-button" key={c.id} onClick={() => setOpen(c.id)} data-testid={`wallet-card-${c.code_tail}`}>
                <CardFace
                  kind={c.kind}
                  name={c.name}
                  value={c.value}
                  live={c}
                  tail={c.code_tail}
                  dim={tab !== 'usable'}
                  foot={c.valid_until ? t(`有效期至 ${date(c.valid_until)}`, `Valid until ${date(c.valid_until)}`) : t('长期有效', 'No expiry')}
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
  const [error, setError] = useState<string | null>(null);
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
      setError(e instanceof ApiError ? e.detail : String(e));
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
      {error && (
        <div style={{ color: '#ff4d4f' }} data-testid="wallet-bind-error">
          {error}
        </div>
      )}
    </Modal>
  );
}

function Detail({ api, id, currency, onBack }: { api: WalletApi; id: string; currency: string; onBack: () => void }) {
  const t = useT();
  const name = useName();
  const [c, setC] = useState<WalletCardDetail | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [gifting, setGifting] = useState(false);
  const [to, setTo] = useState('');
  const [giftError, setGiftError] = useState<string | null>(null);
  useEffect(() => {
    api.card(id).then(setC).catch(report);
  }, [api, id]);
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
  const gift = async () => {
    setGiftError(null);
    try {
      await api.gift(c.id, to.trim());
      setGifting(false);
      onBack();
    } catch (e) {
      setGiftError(e instanceof ApiError ? e.detail : String(e));
    }
  };
  return (
    <div className="kq-phone" data-testid="wallet-detail">
      <div className="kq-phone-header">
        <Button type="text" icon={<LeftOutlined style={{ color: '#fff' }} />} onClick={onBack} aria-label={t('返回', 'Back')} />
        <div className="title">{c.name}</div>
        <LangSwitch />
      </div>
      <div className="kq-phone-body">
        <CardFace kind={c.kind} name={c.name} value={c.value} live={c} tail={c.code_tail} dim={!usable} foot={name('state', c.state)} />
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
            {rulesInWords(t, c.kind, c.value, c.validity, c.template_rules).map((l) => (
              <li key={l}>{l}</li>
            ))}
            {c.valid_until && <li>{t(`本卡有效期至 ${time(c.valid_until)}`, `This card is valid until ${time(c.valid_until)}`)}</li>}
          </ul>
        </Panel>
        {c.history.length > 0 && (
          <Panel size="small" title={t('使用记录', 'History')}>
            <Timeline
              items={c.history.map((h) => ({
                content: (
                  <div>
                    <b>{name('event', h.type)}</b>
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
        {!usable && <Tag style={{ alignSelf: 'center' }}>{name('state', c.state)}</Tag>}
      </div>
      <Modal
        open={gifting}
        title={t('转赠好友', 'Give to a friend')}
        onCancel={() => setGifting(false)}
        onOk={gift}
        okText={t('确认转赠', 'Give it')}
        okButtonProps={{ disabled: !to.trim(), 'data-testid': 'wallet-gift-submit' } as any}
        destroyOnHidden
      >
        <p className="kq-muted">{t('转赠后此卡将从你的钱包移出，不可撤回。', 'The card leaves your wallet; this cannot be undone.')}</p>
        <Input
          size="large"
          placeholder={t('好友的会员编号', 'Your friend’s member number')}
          value={to}
          onChange={(e) => setTo(e.target.value)}
          data-testid="wallet-gift-to"
        />
        {giftError && (
          <div style={{ color: '#ff4d4f', marginTop: 8 }} data-testid="wallet-gift-error">
            {giftError}
          </div>
        )}
      </Modal>
    </div>
  );
}
