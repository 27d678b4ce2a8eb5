import { useEffect, useState } from 'react';
import { Button, Card as Panel, Spin, Tag, Timeline } from 'antd';
import { GiftOutlined, LeftOutlined } from '@ant-design/icons';
import QRCode from 'qrcode';
import { report, type walletClient } from '../../api';
import type { WalletCardDetail } from '../../api/types';
import { LangSwitch, useName, useT } from '../../i18n';
import { groupCode, money, time } from '../../format';
import { rulesInWords } from '../../rules';
import { CardFace } from '../../components/CardFace';
import { ExpiringBadge, useExpiryWords } from '../../components/Expiry';
import { GiftDialog, GiftPending } from './Gifts';
import { DynamicCode } from './DynamicCode';
import { AddToWallet } from '../../components/AddToWallet';

type WalletApi = ReturnType<typeof walletClient>;

/** A card in the wallet: its face, the QR code to show the clerk, how to use it, its history, 转赠. */
export function Detail({ api, id, currency, tz, onBack }: { api: WalletApi; id: string; currency: string; tz: string; onBack: () => void }) {
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
    if (c?.code && c.state === 'active' && !c.template_rules.dynamic_code)
      QRCode.toDataURL(c.code, { margin: 1, width: 400, errorCorrectionLevel: 'M' }).then(setQr);
  }, [c]);
  if (!c)
    return (
      <div className="boot">
        <Spin size="large" />
      </div>
    );
  const usable = c.state === 'active';
  const dynamic = !!c.template_rules.dynamic_code;
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
        {usable && dynamic && <DynamicCode api={api} cardId={c.id} />}
        {usable && c.code && !dynamic && (
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
        {usable && <AddToWallet calls={api} cardId={c.id} block />}
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
