import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  createSign,
  createVerify,
  randomBytes,
  X509Certificate,
  type KeyObject,
} from 'node:crypto';

/**
 * WeChat Pay APIv3 签名与验签 with node:crypto alone (docs/wechatpay.md):
 * - a request is signed SHA256withRSA over `METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n` (URL: path and query);
 * - an answer or a notification is verified over `TIMESTAMP\nNONCE\nBODY\n` with the platform key named by Wechatpay-Serial;
 * - a notification's resource is AEAD_AES_256_GCM under the API v3 key (ciphertext = data ‖ 16-byte tag, base64).
 */
export const requestMessage = (method: string, url: string, ts: string, nonce: string, body: string) => `${method}\n${url}\n${ts}\n${nonce}\n${body}\n`;
export const answerMessage = (ts: string, nonce: string, body: string) => `${ts}\n${nonce}\n${body}\n`;

export function rsaSign(key: KeyObject | string, message: string): string {
  return createSign('RSA-SHA256').update(message).sign(key, 'base64');
}

export function rsaVerify(key: KeyObject, message: string, signature: string): boolean {
  try {
    return createVerify('RSA-SHA256').update(message).verify(key, signature, 'base64');
  } catch {
    return false;
  }
}

export const nonce = () => randomBytes(16).toString('hex');

export function authorization(p: { mchid: string; serial: string; key: KeyObject; method: string; url: string; body: string; ts: string; nonce: string }) {
  const signature = rsaSign(p.key, requestMessage(p.method, p.url, p.ts, p.nonce, p.body));
  return `WECHATPAY2-SHA256-RSA2048 mchid="${p.mchid}",nonce_str="${p.nonce}",signature="${signature}",timestamp="${p.ts}",serial_no="${p.serial}"`;
}

/** The fields of an Authorization header (the test server reads the merchant's with it). */
export function parseAuthorization(h: string | undefined): Record<string, string> | null {
  const m = /^WECHATPAY2-SHA256-RSA2048 (.+)$/.exec(h ?? '');
  if (!m) return null;
  const out: Record<string, string> = {};
  for (const part of m[1].matchAll(/(\w+)="([^"]*)"/g)) out[part[1]] = part[2];
  return out;
}

/** A private key in PEM (PKCS#8 or PKCS#1), refused unless RSA of 2048 bits or more. */
export function privateKeyOf(pem: string): KeyObject {
  const k = createPrivateKey(pem);
  if (k.asymmetricKeyType !== 'rsa' || (k.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) throw new Error('not an RSA key of 2048 bits or more');
  return k;
}

/** A platform certificate (X.509 PEM) or a WeChat Pay public key (PEM): its key and, for a certificate, its serial and expiry. */
export function platformKeyOf(pem: string, now: Date): { key: KeyObject; serial: string | null; notAfter: Date | null } {
  if (pem.includes('BEGIN CERTIFICATE')) {
    const c = new X509Certificate(pem);
    const notAfter = new Date(c.validTo);
    if (notAfter < now) throw new Error('the certificate has expired');
    return { key: c.publicKey, serial: c.serialNumber.toUpperCase(), notAfter };
  }
  return { key: createPublicKey(pem), serial: null, notAfter: null };
}

export interface Resource {
  algorithm: string;
  ciphertext: string;
  associated_data?: string;
  nonce: string;
  original_type?: string;
}

export function decryptResource(apiV3Key: string, r: Resource): string {
  if (r.algorithm !== 'AEAD_AES_256_GCM') throw new Error(`unknown algorithm ${r.algorithm}`);
  const data = Buffer.from(r.ciphertext, 'base64');
  const d = createDecipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(r.nonce, 'utf8'));
  d.setAuthTag(data.subarray(data.length - 16));
  d.setAAD(Buffer.from(r.associated_data ?? '', 'utf8'));
  return Buffer.concat([d.update(data.subarray(0, data.length - 16)), d.final()]).toString('utf8');
}

/** What WeChat does to a notification's resource (the test server uses it). */
export function encryptResource(apiV3Key: string, plaintext: string, associatedData: string, nonce12: string): Resource {
  const c = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce12, 'utf8'));
  c.setAAD(Buffer.from(associatedData, 'utf8'));
  const data = Buffer.concat([c.update(plaintext, 'utf8'), c.final(), c.getAuthTag()]);
  return { algorithm: 'AEAD_AES_256_GCM', ciphertext: data.toString('base64'), associated_data: associatedData, nonce: nonce12, original_type: 'coupon' };
}
