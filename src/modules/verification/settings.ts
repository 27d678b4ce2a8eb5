import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import type { Keyring } from '../../secrets.js';
import { AppError } from '../../errors.js';
import { consoleProvider, type SmsConfig, type SmsProvider } from './sms/provider.js';
import { aliyunProvider } from './sms/aliyun.js';
import { tencentProvider } from './sms/tencent.js';

/**
 * A tenant's SMS settings 短信设置: the provider and its keys. The access key secret is written once
 * (sealed with the keyring) and shown only masked; leaving it out of an update keeps the stored one.
 */
export type ProviderName = 'console' | 'aliyun' | 'tencent';
const PLAIN = ['access_key_id', 'sign_name', 'template_code', 'sdk_app_id', 'region'] as const;

export interface SmsSettingsInput {
  provider: ProviderName;
  access_key_id?: string;
  access_key_secret?: string;
  sign_name?: string;
  template_code?: string;
  sdk_app_id?: string;
  region?: string;
}

interface Row {
  sms_provider: ProviderName;
  sms_config: Record<string, string>;
  sms_secret_enc: Uint8Array | null;
  sms_secret_last4: string | null;
  updated_at: Date | null;
}

async function row(q: Sql, tenantId: string): Promise<Row | undefined> {
  const r = await q.query<Row>(
    'SELECT sms_provider, sms_config, sms_secret_enc, sms_secret_last4, updated_at FROM verification_settings WHERE tenant_id = $1',
    [tenantId],
  );
  return r.rows[0];
}

const view = (r: Row | undefined) => ({
  provider: r?.sms_provider ?? 'console',
  access_key_id: r?.sms_config.access_key_id ?? null,
  sign_name: r?.sms_config.sign_name ?? null,
  template_code: r?.sms_config.template_code ?? null,
  sdk_app_id: r?.sms_config.sdk_app_id ?? null,
  region: r?.sms_config.region ?? null,
  access_key_secret_set: !!r?.sms_secret_enc,
  access_key_secret_masked: r?.sms_secret_last4 ? `••••••${r.sms_secret_last4}` : null,
  updated_at: r?.updated_at ?? null,
});

export const getSmsSettings = async (q: Sql, tenantId: string) => view(await row(q, tenantId));

export async function putSmsSettings(q: Sql, keys: Keyring, tenantId: string, input: SmsSettingsInput, now: Date) {
  const before = await row(q, tenantId);
  const config: Record<string, string> = {};
  for (const k of PLAIN) if (input[k] !== undefined) config[k] = input[k]!;
  const secret = input.access_key_secret;
  const hasSecret = secret !== undefined || (!!before?.sms_secret_enc && before.sms_provider === input.provider);
  if (input.provider !== 'console') {
    const need = ['access_key_id', 'sign_name', 'template_code', ...(input.provider === 'tencent' ? ['sdk_app_id'] : [])];
    const missing = need.filter((f) => !config[f]);
    if (!hasSecret) missing.push('access_key_secret');
    if (missing.length)
      throw new AppError(422, 'VALIDATION_FAILED', `${missing[0]}: required for the ${input.provider} provider`, {
        errors: missing.map((field) => ({ field, reason: `required for the ${input.provider} provider` })),
      });
  }
  const keep = secret === undefined && hasSecret && input.provider !== 'console';
  await q.query(
    `INSERT INTO verification_settings (tenant_id, sms_provider, sms_config, sms_secret_enc, sms_secret_last4, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (tenant_id) DO UPDATE SET sms_provider = $2, sms_config = $3,
       sms_secret_enc = CASE WHEN $7 THEN verification_settings.sms_secret_enc ELSE $4 END,
       sms_secret_last4 = CASE WHEN $7 THEN verification_settings.sms_secret_last4 ELSE $5 END, updated_at = $6`,
    [
      tenantId,
      input.provider,
      JSON.stringify(config),
      secret && input.provider !== 'console' ? keys.encrypt(secret) : null,
      secret && input.provider !== 'console' ? secret.slice(-4) : null,
      now,
      keep,
    ],
  );
  return getSmsSettings(q, tenantId);
}

/** Tests only: where a provider's API answers (a local server that checks the signature). */
const endpoints = new Map<string, string>();
export const setTestEndpoint = (tenantId: string, url: string | undefined) => (url ? endpoints.set(tenantId, url) : endpoints.delete(tenantId));

export async function providerFor(ctx: Ctx, tenantId: string, q: Sql = ctx.db): Promise<SmsProvider> {
  const r = await row(q, tenantId);
  if (!r || r.sms_provider === 'console') return consoleProvider(ctx.config.logLevel === 'silent' ? () => {} : undefined);
  const cfg: SmsConfig = { ...r.sms_config, endpoint: endpoints.get(tenantId) };
  if (r.sms_secret_enc) cfg.access_key_secret = ctx.keys.decrypt(r.sms_secret_enc);
  return r.sms_provider === 'aliyun' ? aliyunProvider(cfg) : tencentProvider(cfg);
}
