import { useEffect, useRef, useState } from 'react';
import { Alert, Button } from 'antd';
import { useT } from '../i18n';

/**
 * Reads a QR code or barcode from the camera: the browser's BarcodeDetector where there is one,
 * else the ZXing decoder in JS (loaded only when needed). Calls onCode once with the first read.
 */
export function Scanner({ onCode, onClose }: { onCode: (code: string) => void; onClose: () => void }) {
  const t = useT();
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stop = () => {};
    let done = false;
    const found = (text: string) => {
      if (done) return;
      done = true;
      stop();
      onCode(text.trim());
    };
    (async () => {
      if (!navigator.mediaDevices?.getUserMedia) {
        setError(t('此浏览器无法使用摄像头（需要 HTTPS），请手动输入券码', 'This browser cannot use the camera here (HTTPS is needed); type the code'));
        return;
      }
      const Detector = (window as any).BarcodeDetector;
      if (Detector) {
        try {
          const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
          const v = video.current!;
          v.srcObject = stream;
          await v.play();
          const detector = new Detector({ formats: ['qr_code', 'code_128', 'code_39', 'ean_13', 'ean_8', 'itf', 'upc_a', 'data_matrix', 'pdf417'] });
          let timer = 0;
          stop = () => {
            clearTimeout(timer);
            stream.getTracks().forEach((tr) => tr.stop());
          };
          const tick = async () => {
            try {
              const codes = await detector.detect(v);
              if (codes[0]?.rawValue) return found(codes[0].rawValue);
            } catch {
              /* next frame */
            }
            timer = window.setTimeout(tick, 200);
          };
          tick();
          return;
        } catch {
          /* fall through to ZXing */
        }
      }
      try {
        const { BrowserMultiFormatReader } = await import('@zxing/browser');
        const reader = new BrowserMultiFormatReader();
        const controls = await reader.decodeFromVideoDevice(undefined, video.current!, (result) => {
          if (result) found(result.getText());
        });
        stop = () => controls.stop();
      } catch (e) {
        setError(t('无法打开摄像头：', 'Cannot open the camera: ') + String((e as Error)?.message ?? e));
      }
    })();
    return () => {
      done = true;
      stop();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <div className="kq-scan">
      {error ? <Alert type="warning" showIcon title={error} /> : <video ref={video} muted playsInline />}
      <Button block style={{ marginTop: 8 }} onClick={onClose}>
        {t('关闭扫码', 'Close the scanner')}
      </Button>
    </div>
  );
}
