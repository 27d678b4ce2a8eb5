import { createPrivateKey, X509Certificate } from 'node:crypto';
import type { Sql } from '../../db/index.js';
import type { Keyring } from '../../secrets.js';
import { AppError, invalid } from '../../errors.js';
import { readP12 } from './p12.js';

/** A tenant's Apple Wallet identity: its Pass Type ID certificate (PEM), key and Apple's WWDR intermediate. */
export interface AppleSettings {
  pass_type_id: string;
  team_id: string;
  organization_name: string;
  certificate_pem: string;
  private_key_pem: string;
  private_key_passphrase?: string;
  wwdr_pem: string;
}
/** A tenant's Google Wallet issuer and the service account that signs its "save" links. */
export interface GoogleSettings {
  issuer_id: string;
  service_account_email: string;
  private_key_pem: string;
}

const APPLE_SECRETS = ['certificate_pem', 'private_key_pem', 'private_key_passphrase', 'wwdr_pem'] as const;
const GOOGLE_SECRETS = ['private_key_pem'] as const;

export const notConfigured = (provider: 'apple' | 'google') =>
  new AppError(
    409,
    'PASS_NOT_CONFIGURED',
    `${provider === 'apple' ? 'Apple' : 'Google'} Wallet is not set up for this brand: an owner sets it in /v1/pass-settings/${provider}`,
    {
      provider,
    },
  );

function checkKey(field: string, pem: string, passphrase?: string) {
  try {
    createPrivateKey({ key: pem, passphrase });
  } catch {
    throw invalid(field, 'not a PEM private key (or the passphrase does not open it)', 'PASS_SETTINGS_INVALID');
  }
}
function checkCert(field: string, pem: string): X509Certificate {
  try {
    return new X509Certificate(pem);
  } catch {
    throw invalid(field, 'not a PEM certificate', 'PASS_SETTINGS_INVALID');
  }
}

/** A certificate Apple would no longer accept (or not yet): signing passes with it would make passes no iPhone adds. */
function checkValidity(field: string, cert: X509Certificate, now: Date) {
  if (new Date(cert.validTo).getTime() < now.getTime())
    throw invalid(field, `expired on ${new Date(cert.validTo).toISOString().slice(0, 10)}`, 'PASS_SETTINGS_INVALID');
  if (new Date(cert.validFrom).getTime() > now.getTime()) throw invalid(field, 'is not valid yet', 'PASS_SETTINGS_INVALID');
}

/** What the settings form sends: the certificate and key as PEM, or the Keychain export (.p12, base64) and its password. */
export type AppleInput = Omit<AppleSettings, 'certificate_pem' | 'private_key_pem'> & {
  certificate_pem?: string;
  private_key_pem?: string;
  certificate_p12?: string;
  certificate_p12_password?: string;
};

/** The settings kept either way: a .p12 is read into the same PEM certificate and (unencrypted, then sealed) key. */
export function appleSettingsOf(b: AppleInput): AppleSettings {
  const { certificate_p12, certificate_p12_password, ...rest } = b;
  if (certificate_p12 !== undefined) {
    if (b.certificate_pem !== undefined || b.private_key_pem !== undefined)
      throw invalid('certificate_p12', 'give the .p12 or the PEM certificate and key, not both', 'PASS_SETTINGS_INVALID');
    const { private_key_passphrase: _, ...ids } = rest;
    return { ...ids, ...readP12(certificate_p12, certificate_p12_password ?? '') };
  }
  if (certificate_p12_password !== undefined) throw invalid('certificate_p12', 'required', 'PASS_SETTINGS_INVALID');
  for (const f of ['certificate_pem', 'private_key_pem'] as const) if (b[f] === undefined) throw invalid(f, 'required', 'PASS_SETTINGS_INVALID');
  return rest as AppleSettings;
}

/** Checks what it can before storing: the key opens, the certificates are certificates in their validity, and the certificate belongs to the key. */
export function validateApple(s: AppleSettings, now: Date): void {
  checkKey('private_key_pem', s.private_key_pem, s.private_key_passphrase);
  const cert = checkCert('certificate_pem', s.certificate_pem);
  checkValidity('certificate_pem', cert, now);
  checkValidity('wwdr_pem', checkCert('wwdr_pem', s.wwdr_pem), now);
  if (!cert.checkPrivateKey(createPrivateKey({ key: s.private_key_pem, passphrase: s.private_key_passphrase })))
    throw invalid('private_key_pem', 'is not the key of certificate_pem', 'PASS_SETTINGS_INVALID');
}
export function validateGoogle(s: GoogleSettings): void {
  checkKey('private_key_pem', s.private_key_pem);
}

export async function saveSettings(q: Sql, keys: Keyring, tenantId: string, provider: 'apple' | 'google', s: AppleSettings | GoogleSettings, at: Date) {
  const secretNames: readonly string[] = provider === 'apple' ? APPLE_SECRETS : GOOGLE_SECRETS;
  const pub = Object.fromEntries(Object.entries(s).filter(([k]) => !secretNames.includes(k)));
  const sec = Object.fromEntries(Object.entries(s).filter(([k]) => secretNames.includes(k)));
  await q.query(
    `INSERT INTO pass_settings (tenant_id, provider, public, secrets_enc, updated_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (tenant_id, provider) DO UPDATE SET public = EXCLUDED.public, secrets_enc = EXCLUDED.secrets_enc, updated_at = EXCLUDED.updated_at`,
    [tenantId, provider, JSON.stringify(pub), keys.encryptText(JSON.stringify(sec)), at],
  );
  return shownSettings(provider, pub, at);
}

/** What is shown back: the public half, and that each secret is set (never a secret). */
function shownSettings(provider: 'apple' | 'google', pub: Record<string, unknown>, at: Date | null) {
  const secrets = (provider === 'apple' ? APPLE_SECRETS : GOOGLE_SECRETS).filter((k) => k !== 'private_key_passphrase');
  return { provider, configured: at !== null, ...pub, ...Object.fromEntries(secrets.map((k) => [k, at ? '(set)' : null])), updated_at: at };
}

export async function readSettings(q: Sql, tenantId: string, provider: 'apple' | 'google') {
  const r = await q.query<{ public: Record<string, unknown>; updated_at: Date }>(
    'SELECT public, updated_at FROM pass_settings WHERE tenant_id = $1 AND provider = $2',
    [tenantId, provider],
  );
  return shownSettings(provider, r.rows[0]?.public ?? {}, r.rows[0]?.updated_at ?? null);
}

/** Which phone wallets this brand has set up: where the wallet and the console offer "add to …". */
export async function configuredProviders(q: Sql, tenantId: string): Promise<{ apple: boolean; google: boolean }> {
  const r = await q.query<{ provider: string }>('SELECT provider FROM pass_settings WHERE tenant_id = $1', [tenantId]);
  const has = new Set(r.rows.map((x) => x.provider));
  return { apple: has.has('apple'), google: has.has('google') };
}

export async function loadSettings<T extends AppleSettings | GoogleSettings>(
  q: Sql,
  keys: Keyring,
  tenantId: string,
  provider: 'apple' | 'google',
): Promise<T> {
  const r = await q.query<{ public: Record<string, unknown>; secrets_enc: string }>(
    'SELECT public, secrets_enc FROM pass_settings WHERE tenant_id = $1 AND provider = $2',
    [tenantId, provider],
  );
  if (!r.rows[0]) throw notConfigured(provider);
  return { ...r.rows[0].public, ...JSON.parse(keys.decryptText(r.rows[0].secrets_enc)) } as T;
}
