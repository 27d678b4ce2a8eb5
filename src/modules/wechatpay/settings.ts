import type { KeyObject } from 'node:crypto';
import type { Sql } from '../../db/index.js';
import type { Keyring } from '../../secrets.js';
import { AppError } from '../../errors.js';
import { isInternalName, isPublicAddress, literalAddress } from '../webhooks/public-address.js';
import { platformKeyOf, privateKeyOf } from './crypto.js';

/** A tenant's WeChat Pay merchant settings 商户设置: the secrets sealed with the keyring, read back masked. */
export interface SettingsInput {
  mchid: string;
  appid: string;
  serial_no: string;
  api_v3_key: string;
  private_key: string;
  platform_certificates: string[];
  base_url?: string;
}

export interface Conn {
  tenantId: string;
  mchid: string;
  appid: string;
  serial: string;
  apiV3Key: string;
  key: KeyObject;
  platform: { serial: string | null; key: KeyObject }[];
  baseUrl: string;
  allowPrivate: boolean;
}

export const DEFAULT_BASE = 'https://api.mch.weixin.qq.com';
export const invalid = (field: string, reason: string) => new AppError(422, 'WECHATPAY_INVALID', `${field}: ${reason}`, { errors: [{ field, reason }] });

export function checkBaseUrl(url: string, allowPrivate: boolean): string {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    throw invalid('base_url', 'not a valid URL');
  }
  if (u.protocol !== 'https:' && !(allowPrivate && u.protocol === 'http:')) throw invalid('base_url', 'only https URLs are allowed');
  if (u.username || u.password) throw invalid('base_url', 'credentials in the URL are not allowed');
  const literal = literalAddress(u.hostname);
  if (!allowPrivate && (literal ? !isPublicAddress(literal) : isInternalName(u.hostname)))
    throw invalid('base_url', 'WeChat Pay is reached only at public addresses; this host is private, loopback, link-local or reserved');
  return u.origin;
}

/** Every part checked before anything is kept: a key that does not parse, an expired certificate, a short API v3 key are refused. */
export async function putSettings(q: Sql, keys: Keyring, tenantId: string, s: SettingsInput, now: Date, allowPrivate: boolean) {
  if (Buffer.byteLength(s.api_v3_key, 'utf8') !== 32) throw invalid('api_v3_key', 'the API v3 key is exactly 32 characters');
  try {
    privateKeyOf(s.private_key);
  } catch (e) {
    throw invalid('private_key', `not a usable merchant private key (${(e as Error).message})`);
  }
  const platform = s.platform_certificates.map((pem, i) => {
    try {
      const p = platformKeyOf(pem, now);
      return { serial: p.serial, pem, not_after: p.notAfter };
    } catch (e) {
      throw invalid(`platform_certificates[${i}]`, `not a usable platform certificate or public key (${(e as Error).message})`);
    }
  });
  const base = checkBaseUrl(s.base_url ?? DEFAULT_BASE, allowPrivate);
  await q.query(
    `INSERT INTO wechatpay_settings (tenant_id, mchid, appid, serial_no, api_v3_key_enc, private_key_enc, platform_keys, base_url, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (tenant_id) DO UPDATE SET mchid = EXCLUDED.mchid, appid = EXCLUDED.appid, serial_no = EXCLUDED.serial_no,
       api_v3_key_enc = EXCLUDED.api_v3_key_enc, private_key_enc = EXCLUDED.private_key_enc, platform_keys = EXCLUDED.platform_keys,
       base_url = EXCLUDED.base_url, updated_at = EXCLUDED.updated_at`,
    [tenantId, s.mchid, s.appid, s.serial_no.toUpperCase(), keys.encrypt(s.api_v3_key), keys.encrypt(s.private_key), JSON.stringify(platform), base, now],
  );
  return readSettings(q, tenantId);
}

/** What a reader sees: ids, the base URL, the platform serials and expiries; never a key. */
export async function readSettings(q: Sql, tenantId: string) {
  const r = await q.query(`SELECT mchid, appid, serial_no, platform_keys, base_url, updated_at FROM wechatpay_settings WHERE tenant_id = $1`, [tenantId]);
  const s = r.rows[0];
  if (!s) throw new AppError(404, 'WECHATPAY_NOT_CONFIGURED', 'WeChat Pay is not set up for this brand');
  const plat = (typeof s.platform_keys === 'string' ? JSON.parse(s.platform_keys) : s.platform_keys) as { serial: string | null; not_after: string | null }[];
  return {
    mchid: s.mchid,
    appid: s.appid,
    serial_no: s.serial_no,
    api_v3_key: '********',
    private_key: '********',
    platform_certificates: plat.map((p) => ({ serial: p.serial, not_after: p.not_after })),
    base_url: s.base_url,
    updated_at: s.updated_at,
  };
}

export async function connOf(q: Sql, keys: Keyring, tenantId: string, allowPrivate: boolean): Promise<Conn> {
  const r = await q.query(`SELECT * FROM wechatpay_settings WHERE tenant_id = $1`, [tenantId]);
  const s = r.rows[0];
  if (!s) throw new AppError(404, 'WECHATPAY_NOT_CONFIGURED', 'WeChat Pay is not set up for this brand');
  const plat = (typeof s.platform_keys === 'string' ? JSON.parse(s.platform_keys) : s.platform_keys) as { serial: string | null; pem: string }[];
  return {
    tenantId,
    mchid: s.mchid,
    appid: s.appid,
    serial: s.serial_no,
    apiV3Key: keys.decrypt(s.api_v3_key_enc),
    key: privateKeyOf(keys.decrypt(s.private_key_enc)),
    platform: plat.map((p) => ({ serial: p.serial, key: platformKeyOf(p.pem, new Date(0)).key })),
    baseUrl: s.base_url,
    allowPrivate,
  };
}
