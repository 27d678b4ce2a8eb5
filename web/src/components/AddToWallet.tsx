import { type ReactNode, useEffect, useState } from 'react';
import { Button, Space } from 'antd';
import { AppleFilled, GoogleOutlined } from '@ant-design/icons';
import { report } from '../api';
import { savePass, type PassProviders } from '../api/passes';
import { useT } from '../i18n';

/** What either screen's client offers for a card's phone-wallet pass (the wallet: the member's own; the console: any card, audited). */
export interface PassCalls {
  passProviders: () => Promise<PassProviders>;
  applePass: (id: string) => Promise<Blob>;
  googleLink: (id: string) => Promise<{ url: string }>;
}

/** 添加到 Apple 钱包 / 存入 Google 钱包: only the wallets the brand has set up; nothing when it has set up neither. */
export function AddToWallet({
  calls,
  cardId,
  block,
  wrap = (n) => n,
}: {
  calls: PassCalls;
  cardId: string;
  block?: boolean;
  wrap?: (buttons: ReactNode) => ReactNode;
}) {
  const t = useT();
  const [has, setHas] = useState<PassProviders | null>(null);
  const [busy, setBusy] = useState<'apple' | 'google' | null>(null);
  useEffect(() => {
    calls
      .passProviders()
      .then(setHas)
      .catch(() => setHas({ apple: false, google: false }));
  }, [calls]);
  if (!has || (!has.apple && !has.google)) return null;
  const apple = async () => {
    setBusy('apple');
    try {
      savePass(await calls.applePass(cardId), cardId);
    } catch (e) {
      report(e);
    } finally {
      setBusy(null);
    }
  };
  const google = async () => {
    setBusy('google');
    try {
      window.open((await calls.googleLink(cardId)).url, '_blank', 'noopener');
    } catch (e) {
      report(e);
    } finally {
      setBusy(null);
    }
  };
  return wrap(
    <Space direction={block ? 'vertical' : 'horizontal'} style={block ? { width: '100%' } : undefined} data-testid="add-to-wallet">
      {has.apple && (
        <Button block={block} icon={<AppleFilled />} loading={busy === 'apple'} onClick={apple} data-testid="pass-apple">
          {t('添加到 Apple 钱包', 'Add to Apple Wallet')}
        </Button>
      )}
      {has.google && (
        <Button block={block} icon={<GoogleOutlined />} loading={busy === 'google'} onClick={google} data-testid="pass-google">
          {t('存入 Google 钱包', 'Save to Google Wallet')}
        </Button>
      )}
    </Space>,
  );
}
