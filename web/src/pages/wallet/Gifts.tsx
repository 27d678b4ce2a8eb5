import { useEffect, useState } from 'react';
import { Alert, Button, Card as Panel, Input, Modal, Popconfirm, Result, Segmented, Space, Spin, Typography, message } from 'antd';
import { CopyOutlined, GiftOutlined, ShareAltOutlined } from '@ant-design/icons';
import QRCode from 'qrcode';
import { ApiError, type walletClient } from '../../api';
import type { GiftOffer, GiftOfferCreated, GiftPreview, WalletCard, WalletCardDetail } from '../../api/types';
import { LangSwitch, useT, type Lang } from '../../i18n';
import { problemText } from '../../problems';
import { time } from '../../format';
import { CardFace } from '../../components/CardFace';

type WalletApi = ReturnType<typeof walletClient>;
type T = (zh: string, en: string) => string;

/**
 * 转赠 in the member wallet: offer a card by a share link or to a friend's phone number, see it as
 * 转赠中 and take it back, and — on the friend's side — open the link in their own wallet and accept it.
 * What the server refuses is said here in words for the member, with what to do next.
 */
export function giftError(t: T, e: unknown): string {
  const code = e instanceof ApiError ? e.code : '';
  // what a gift by phone number means by these; every other refusal in the catalogue's words
  const words: Record<string, string> = {
    MEMBER_NOT_FOUND: t(
      '没有找到使用这个手机号的会员。请确认号码，或改用「分享链接」发给好友。',
      'No member has this phone number. Check it, or send your friend the link instead.',
    ),
    TRANSFER_TO_SELF: t('这是你自己的手机号，请填写好友的手机号。', 'That is your own number: enter your friend’s.'),
    VALIDATION_FAILED: t('请填写正确的手机号。', 'Enter a valid phone number.'),
  };
  // anything else in the catalogue's words (web/src/problems.tsx), never the API's detail
  return words[code] ?? problemText(e, t('zh-CN', 'en') as Lang);
}

/** 转赠好友: by a share link (default) or to a member's phone number. */
export function GiftDialog({ api, card, onClose }: { api: WalletApi; card: WalletCardDetail; onClose: (offered: boolean) => void }) {
  const t = useT();
  const [how, setHow] = useState<'link' | 'phone'>('link');
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [made, setMade] = useState<GiftOfferCreated | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    if (made && !made.to_phone_last4) QRCode.toDataURL(made.url, { margin: 1, width: 320 }).then(setQr, () => setQr(null));
  }, [made]);
  const offer = async () => {
    setBusy(true);
    setError(null);
    try {
      setMade(await api.offerGift(card.id, how === 'phone' ? phone.trim() : undefined));
    } catch (e) {
      setError(giftError(t, e));
    } finally {
      setBusy(false);
    }
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(made!.url);
      message.success(t('链接已复制，去微信发给好友吧', 'Link copied: send it to your friend'));
    } catch {
      message.info(t('请长按链接复制', 'Press and hold the link to copy it'));
    }
  };
  const share = () => navigator.share?.({ title: t('送你一张卡券', 'A card for you'), text: card.name, url: made!.url }).catch(() => {});

  return (
    <Modal open title={t('转赠好友', 'Give to a friend')} onCancel={() => onClose(!!made)} footer={null} destroyOnHidden>
      {!made ? (
        <Space direction="vertical" style={{ width: '100%' }} size={12}>
          <Segmented
            block
            value={how}
            onChange={(v) => setHow(v as 'link' | 'phone')}
            options={[
              { value: 'link', label: t('分享链接', 'Share a link') },
              { value: 'phone', label: t('按手机号', 'By phone number') },
            ]}
            data-testid="wallet-gift-how"
          />
          {how === 'phone' && (
            <Input
              size="large"
              inputMode="tel"
              placeholder={t('好友的手机号（需已是本品牌会员）', 'Your friend’s phone (a member of this brand)')}
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
              data-testid="wallet-gift-phone"
            />
          )}
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t(
              '好友领取前，这张卡显示「转赠中」，暂不能使用；你可以随时取消。24 小时内无人领取会自动退回给你。',
              'Until your friend accepts it the card shows “being given” and cannot be used; you can take it back any time. Not accepted in 24 hours, it comes back to you.',
            )}
          </Typography.Paragraph>
          {error && <Alert type="error" showIcon title={error} data-testid="wallet-gift-error" />}
          <Button
            type="primary"
            size="large"
            block
            icon={<GiftOutlined />}
            loading={busy}
            disabled={how === 'phone' && phone.trim().length < 5}
            onClick={offer}
            data-testid="wallet-gift-submit"
          >
            {how === 'link' ? t('生成转赠链接', 'Make the gift link') : t('转赠给这个号码', 'Give it to this number')}
          </Button>
        </Space>
      ) : made.to_phone_last4 ? (
        <Result
          status="success"
          title={t(`已转赠给尾号 ${made.to_phone_last4} 的会员`, `Offered to the member ending ${made.to_phone_last4}`)}
          subTitle={t(
            `对方打开自己的会员钱包即可领取；${time(made.expires_at)} 前未领取将退回给你。`,
            `They accept it in their own wallet; not accepted by ${time(made.expires_at)}, it comes back to you.`,
          )}
          extra={<Button onClick={() => onClose(true)}>{t('知道了', 'OK')}</Button>}
          data-testid="wallet-gift-sent"
        />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }} size={12} data-testid="wallet-gift-made">
          <Alert
            type="success"
            showIcon
            title={t('转赠链接已生成', 'The gift link is ready')}
            description={t(
              `把链接发给好友，好友在 ${time(made.expires_at)} 前打开并领取；面对面也可以让好友扫码。链接只显示这一次。`,
              `Send it to your friend to accept by ${time(made.expires_at)}, or let them scan it. The link is shown this once.`,
            )}
          />
          {qr && (
            <div style={{ textAlign: 'center' }}>
              <img src={qr} alt={t('转赠二维码', 'Gift QR code')} width={200} height={200} data-testid="wallet-gift-qr" />
            </div>
          )}
          <Input.TextArea readOnly autoSize value={made.url} className="kq-mono" data-testid="wallet-gift-link" />
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
          <Button block onClick={() => onClose(true)}>
            {t('完成', 'Done')}
          </Button>
        </Space>
      )}
    </Modal>
  );
}

/** 转赠中: what the giver sees on the card, and 取消转赠. */
export function GiftPending({ api, card, onChanged }: { api: WalletApi; card: WalletCard; onChanged: () => void }) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const o = card.gift_offer!;
  const cancel = async () => {
    try {
      await api.cancelGift(o.id);
      message.success(t('已取消转赠，卡券可以继续使用', 'Gift cancelled: the card is yours to use'));
      onChanged();
    } catch (e) {
      setError(giftError(t, e));
      onChanged();
    }
  };
  return (
    <Alert
      type="warning"
      showIcon
      icon={<GiftOutlined />}
      data-testid="wallet-gift-pending"
      title={t('转赠中，等待好友领取', 'Being given: waiting for your friend')}
      description={
        <Space direction="vertical" size={8}>
          <span>
            {o.to_phone_last4 ? t(`已转赠给尾号 ${o.to_phone_last4} 的会员。`, `Offered to the member ending ${o.to_phone_last4}. `) : ''}
            {t(
              `${time(o.expires_at)} 前未领取将自动退回；期间这张卡暂不能使用。`,
              `Not accepted by ${time(o.expires_at)}, it comes back; meanwhile it cannot be used.`,
            )}
          </span>
          {error && <Typography.Text type="danger">{error}</Typography.Text>}
          <Popconfirm
            title={t('取消这次转赠？好友将无法再领取。', 'Take the gift back? Your friend can no longer accept it.')}
            onConfirm={cancel}
            okText={t('取消转赠', 'Take it back')}
            cancelText={t('再等等', 'Wait')}
          >
            <Button danger data-testid="wallet-gift-cancel">
              {t('取消转赠', 'Take it back')}
            </Button>
          </Popconfirm>
        </Space>
      }
    />
  );
}

/** The offer's card as the friend sees it before accepting. */
function OfferFace({ o }: { o: GiftOffer }) {
  const t = useT();
  return (
    <CardFace
      kind={o.card.kind}
      name={o.card.name}
      value={o.card.value}
      live={o.card}
      foot={o.card.valid_until ? t(`有效期至 ${time(o.card.valid_until)}`, `Valid until ${time(o.card.valid_until)}`) : t('长期有效', 'No expiry')}
    />
  );
}

/** 好友送你的卡券: offers made to this member's phone, each with 领取. */
export function ReceivedGifts({ api, reload, onAccepted }: { api: WalletApi; reload: number; onAccepted: (cardId: string) => void }) {
  const t = useT();
  const [offers, setOffers] = useState<GiftOffer[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api
      .giftOffers()
      .then((r) => setOffers(r.received))
      .catch(() => setOffers([]));
  }, [api, reload]);
  if (!offers.length) return null;
  const accept = async (o: GiftOffer) => {
    try {
      const r = await api.acceptGift({ offer_id: o.id });
      message.success(t('领取成功，已放入你的钱包', 'Accepted: it is in your wallet'));
      onAccepted(r.card.id);
    } catch (e) {
      setError(giftError(t, e));
    }
  };
  return (
    <Panel size="small" title={t('好友送你的卡券', 'Gifts for you')} data-testid="wallet-gifts-received">
      <Space direction="vertical" style={{ width: '100%' }}>
        {offers.map((o) => (
          <Space key={o.id} direction="vertical" style={{ width: '100%' }}>
            <OfferFace o={o} />
            <Typography.Text type="secondary">
              {t(`${o.from_name ?? '好友'} 送你的，${time(o.expires_at)} 前领取`, `From ${o.from_name ?? 'a friend'}; accept by ${time(o.expires_at)}`)}
            </Typography.Text>
            <Button type="primary" block size="large" onClick={() => accept(o)} data-testid={`wallet-gift-accept-${o.id}`}>
              {t('领取', 'Accept')}
            </Button>
          </Space>
        ))}
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
      </Space>
    </Panel>
  );
}

/** /wallet/gift#g=…, opened without a wallet: what the friend should do, in words. */
export function GiftNeedsWallet() {
  const t = useT();
  return (
    <div className="kq-phone">
      <Result
        icon={<GiftOutlined style={{ color: '#d6336c' }} />}
        title={t('好友送了你一张卡券', 'A friend sent you a card')}
        subTitle={t(
          '领取前需要先打开你的会员钱包：请从品牌的小程序、公众号或短信里打开「我的卡券」，然后回到聊天里再点一次这个转赠链接，即可领取。转赠在 24 小时内有效。',
          'To accept it, first open your member wallet from the brand’s mini-program, account or text message, then tap this gift link again in the chat. The gift is open for 24 hours.',
        )}
        data-testid="wallet-gift-needs-wallet"
      />
    </div>
  );
}

/** /wallet/gift#g=…, in the friend's own wallet: the card offered, who gives it, and 领取. */
export function GiftLanding({ api, token, onDone }: { api: WalletApi; token: string | null; onDone: (cardId: string | null) => void }) {
  const t = useT();
  const [offer, setOffer] = useState<GiftPreview | null>(null);
  const [error, setError] = useState<string | null>(
    token ? null : t('转赠链接不完整，请让好友重新发送。', 'This gift link is incomplete; ask your friend to send it again.'),
  );
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (token)
      api
        .previewGift(token)
        .then(setOffer)
        .catch((e) => setError(giftError(t, e)));
  }, [api, token, t]);
  const accept = async () => {
    setBusy(true);
    try {
      const r = await api.acceptGift({ token: token! });
      message.success(t('领取成功，已放入你的钱包', 'Accepted: it is in your wallet'));
      onDone(r.card.id);
    } catch (e) {
      setError(giftError(t, e));
    } finally {
      setBusy(false);
    }
  };
  const why =
    offer &&
    !offer.for_you &&
    (offer.yours
      ? t('这是你发出的转赠，请把链接发给好友领取。', 'This is your own gift: send the link to a friend.')
      : offer.state === 'accepted'
        ? t('这份转赠已经被领取了。', 'This gift has already been accepted.')
        : offer.state === 'cancelled'
          ? t('好友已取消这次转赠。', 'Your friend took this gift back.')
          : offer.state === 'expired' || new Date(offer.expires_at) <= new Date()
            ? t('转赠已超过 24 小时未领取，卡券已退回给好友。', 'Not accepted within 24 hours: the card went back to your friend.')
            : t('这份转赠是送给其他会员的。', 'This gift was sent to another member.'));
  return (
    <div className="kq-phone" data-testid="wallet-gift-landing">
      <div className="kq-phone-header">
        <div className="title">{t('好友转赠', 'A gift for you')}</div>
        <LangSwitch />
      </div>
      <div className="kq-phone-body">
        {!offer && !error && <Spin />}
        {offer && (
          <>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t(`${offer.from_name ?? '好友'} 送你一张卡券`, `${offer.from_name ?? 'A friend'} sent you a card`)}
            </Typography.Title>
            <OfferFace o={offer} />
            {offer.for_you && (
              <>
                <Typography.Text type="secondary">{t(`请在 ${time(offer.expires_at)} 前领取`, `Accept it by ${time(offer.expires_at)}`)}</Typography.Text>
                <Button type="primary" size="large" block icon={<GiftOutlined />} loading={busy} onClick={accept} data-testid="wallet-gift-accept">
                  {t('领取', 'Accept')}
                </Button>
              </>
            )}
          </>
        )}
        {(error || why) && <Alert type="warning" showIcon title={error ?? why} data-testid="wallet-gift-landing-error" />}
        <Button block onClick={() => onDone(null)}>
          {t('查看我的卡券', 'My cards')}
        </Button>
      </div>
    </div>
  );
}
