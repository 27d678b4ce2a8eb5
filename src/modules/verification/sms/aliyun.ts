import { createHmac, randomUUID } from 'node:crypto';
import { need, post, smsFailed, type SmsConfig, type SmsProvider } from './provider.js';

/**
 * Alibaba Cloud SMS 阿里云短信 SendSms (API version 2017-05-25), RPC style with signature v1: the
 * parameters sorted by name, each name and value percent-encoded (RFC 3986: only A-Z a-z 0-9 - _ . ~
 * left as they are), joined with & into the canonicalized query; the string to sign is
 * `POST&%2F&` + the canonicalized query, percent-encoded once more; the signature is
 * Base64(HMAC-SHA1(AccessKeySecret + "&", string to sign)).
 */
export const percentEncode = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function canonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k]!)}`)
    .join('&');
}

export function aliyunSignature(method: string, params: Record<string, string>, secret: string): string {
  const toSign = `${method}&${percentEncode('/')}&${percentEncode(canonicalQuery(params))}`;
  return createHmac('sha1', `${secret}&`).update(toSign).digest('base64');
}

export const aliyunProvider = (cfg: SmsConfig, now: () => Date = () => new Date()): SmsProvider => ({
  name: 'aliyun',
  async send(phone, p) {
    need(cfg, 'aliyun', ['access_key_id', 'access_key_secret', 'sign_name', 'template_code']);
    const params: Record<string, string> = {
      AccessKeyId: cfg.access_key_id!,
      Action: 'SendSms',
      Format: 'JSON',
      PhoneNumbers: phone.replace(/^\+86/, ''),
      RegionId: cfg.region ?? 'cn-hangzhou',
      SignName: cfg.sign_name!,
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: randomUUID(),
      SignatureVersion: '1.0',
      TemplateCode: cfg.template_code!,
      TemplateParam: JSON.stringify({ code: p.code }),
      Timestamp: now()
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z'),
      Version: '2017-05-25',
    };
    const body = `Signature=${percentEncode(aliyunSignature('POST', params, cfg.access_key_secret!))}&${canonicalQuery(params)}`;
    const r = await post(
      cfg.endpoint ?? 'https://dysmsapi.aliyuncs.com/',
      { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body },
      'aliyun',
    );
    // success is Code "OK"; anything else (isv.MOBILE_NUMBER_ILLEGAL, SignatureDoesNotMatch …) is a refusal
    if (r.body?.Code !== 'OK') throw smsFailed('aliyun', String(r.body?.Code ?? `HTTP_${r.status}`), String(r.body?.Message ?? ''));
  },
});
