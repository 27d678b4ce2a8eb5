import { useEffect, useState } from 'react';
import { Card as Panel, Progress } from 'antd';
import QRCode from 'qrcode';
import { report, type walletClient } from '../../api';
import { useT } from '../../i18n';

type WalletApi = ReturnType<typeof walletClient>;

/**
 * 动态码: the card's live code as a QR, fetched again when its 30 s step ends, with a countdown.
 * The payload names the card and a one-time value, never the printed code: a screenshot stops
 * working within a minute, and a code works once.
 */
export function DynamicCode({ api, cardId }: { api: WalletApi; cardId: string }) {
  const t = useT();
  const [payload, setPayload] = useState<string | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [left, setLeft] = useState(0);
  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let tick: ReturnType<typeof setInterval> | undefined;
    const load = () =>
      api
        .dynamicCode(cardId)
        .then((r) => {
          if (!alive) return;
          setPayload(r.payload);
          setLeft(r.expires_in);
          const ends = Date.now() + r.expires_in * 1000;
          clearInterval(tick);
          tick = setInterval(() => setLeft(Math.max(0, Math.ceil((ends - Date.now()) / 1000))), 1000);
          timer = setTimeout(load, r.expires_in * 1000 + 300);
        })
        .catch((e) => {
          report(e);
          if (alive) timer = setTimeout(load, 5000);
        });
    load();
    return () => {
      alive = false;
      clearTimeout(timer);
      clearInterval(tick);
    };
  }, [api, cardId]);
  useEffect(() => {
    if (payload) QRCode.toDataURL(payload, { margin: 1, width: 400, errorCorrectionLevel: 'M' }).then(setQr);
  }, [payload]);
  return (
    <Panel size="small">
      <div className="kq-code-box" data-testid="wallet-dynamic">
        {qr && <img src={qr} alt="QR" data-testid="wallet-dynamic-qr" data-payload={payload ?? ''} />}
        <Progress percent={(left / 30) * 100} showInfo={false} size="small" />
        <div className="kq-muted" data-testid="wallet-dynamic-countdown">
          {t(`动态码 · ${left} 秒后刷新`, `Live code · refreshes in ${left} s`)}
        </div>
        <div className="kq-muted" style={{ fontSize: 12 }}>
          {t(
            '结账时向店员出示。二维码每 30 秒更新、仅可使用一次，截图无效。',
            'Show this to the clerk at checkout. It changes every 30 s and works once: screenshots stop working.',
          )}
        </div>
      </div>
    </Panel>
  );
}
