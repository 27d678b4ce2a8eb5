import { createHash, createHmac } from 'node:crypto';
import { need, post, smsFailed, type SmsConfig, type SmsProvider } from './provider.js';

/**
 * Tencent Cloud SMS 腾讯云短信 SendSms (API version 2021-01-11) with signature v3, TC3-HMAC-SHA256:
 * canonical request = method \n / \n (empty query) \n content-type and host headers \n their names \n
 * hex SHA-256 of the body; string to sign = algorithm \n timestamp \n date/sms/tc3_request \n hex
 * SHA-256 of the canonical request; the key is derived HMAC-SHA256("TC3" + SecretKey, date) → "sms"
 * → "tc3_request", and the signature is the hex HMAC-SHA256 of the string to sign under it.
 */
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const hmac = (key: string | Buffer, s: string) => createHmac('sha256', key).update(s).digest();

export function tc3Signature(o: { secretKey: string; host: string; contentType: string; body: string; timestamp: number; service: string }): string {
  const date = new Date(o.timestamp * 1000).toISOString().slice(0, 10);
  const canonical = ['POST', '/', '', `content-type:${o.contentType}\nhost:${o.host}\n`, 'content-type;host', sha256(o.body)].join('\n');
  const toSign = ['TC3-HMAC-SHA256', String(o.timestamp), `${date}/${o.service}/tc3_request`, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(`TC3${o.secretKey}`, date), o.service), 'tc3_request');
  return createHmac('sha256', key).update(toSign).digest('hex');
}

export const tencentProvider = (cfg: SmsConfig, now: () => Date = () => new Date()): SmsProvider => ({
  name: 'tencent',
  async send(phone, p) {
    need(cfg, 'tencent', ['access_key_id', 'access_key_secret', 'sign_name', 'template_code', 'sdk_app_id']);
    const url = new URL(cfg.endpoint ?? 'https://sms.tencentcloudapi.com/');
    const contentType = 'application/json; charset=utf-8';
    const body = JSON.stringify({
      PhoneNumberSet: [phone.startsWith('+') ? phone : `+86${phone}`],
      SmsSdkAppId: cfg.sdk_app_id,
      SignName: cfg.sign_name,
      TemplateId: cfg.template_code,
      TemplateParamSet: [p.code, String(p.minutes)],
    });
    const timestamp = Math.floor(now().getTime() / 1000);
    const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
    const signature = tc3Signature({ secretKey: cfg.access_key_secret!, host: url.host, contentType, body, timestamp, service: 'sms' });
    const r = await post(
      url.toString(),
      {
        method: 'POST',
        headers: {
          'content-type': contentType,
          'x-tc-action': 'SendSms',
          'x-tc-version': '2021-01-11',
          'x-tc-timestamp': String(timestamp),
          'x-tc-region': cfg.region ?? 'ap-guangzhou',
          authorization: `TC3-HMAC-SHA256 Credential=${cfg.access_key_id}/${date}/sms/tc3_request, SignedHeaders=content-type;host, Signature=${signature}`,
        },
        body,
      },
      'tencent',
    );
    const res = r.body?.Response;
    if (res?.Error) throw smsFailed('tencent', String(res.Error.Code), String(res.Error.Message ?? ''));
    // the call may succeed while the number is refused: each number has its own status
    const st = res?.SendStatusSet?.[0];
    if (st?.Code !== 'Ok') throw smsFailed('tencent', String(st?.Code ?? `HTTP_${r.status}`), String(st?.Message ?? ''));
  },
});
