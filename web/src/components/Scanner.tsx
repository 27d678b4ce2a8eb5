import { useEffect, useRef, useState } from 'react';
import { Alert, Button } from 'antd';
import { useT } from '../i18n';
import { ProblemCode } from '../problems';

type T = (zh: string, en: string) => string;
/** Why the camera did not open, for the clerk: what to do, not the browser's English (its name stays, small, for support). */
function cameraProblem(t: T, e: unknown): string {
  switch ((e as DOMException)?.name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return t(
        '没有摄像头权限：请在浏览器设置里允许本站使用摄像头，或手动输入券码。',
        'No camera permission: allow this site to use the camera in the browser’s settings, or type the code.',
      );
    case 'NotFoundError':
    case 'OverconstrainedError':
      return t('没有找到可用的摄像头，请手动输入券码。', 'No camera was found: type the code.');
    case 'NotReadableError':
    case 'AbortError':
      return t('摄像头正被其他应用占用：请关闭其他应用后重试，或手动输入券码。', 'Another app is using the camera: close it and retry, or type the code.');
    default:
      return t('无法打开摄像头，请手动输入券码。', 'The camera cannot be opened: type the code.');
  }
}

/**
 * Reads a QR code or barcode from the camera: the browser's BarcodeDetector where there is one,
 * else the ZXing decoder in JS (loaded only when needed). Calls onCode once with the first read.
 */
export function Scanner({ onCode, onClose }: { onCode: (code: string) => void; onClose: () => void }) {
  const t = useT();
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<{ text: string; code?: string } | null>(null);

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
        setError({
          text: t('此浏览器无法使用摄像头（需要 HTTPS），请手动输入券码', 'This browser cannot use the camera here (HTTPS is needed); type the code'),
        });
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
        setError({ text: cameraProblem(t, e), code: (e as Error)?.name });
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
      {error ? (
        <Alert
          type="warning"
          showIcon
          title={
            <span>
              {error.text} <ProblemCode code={error.code} />
            </span>
          }
          data-testid="scanner-error"
        />
      ) : (
        <video ref={video} muted playsInline />
      )}
      <Button block style={{ marginTop: 8 }} onClick={onClose}>
        {t('关闭扫码', 'Close the scanner')}
      </Button>
    </div>
  );
}
