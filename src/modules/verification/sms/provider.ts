import { AppError } from '../../../errors.js';

/**
 * SMS providers 短信通道: one interface, chosen per tenant (settings.ts). `params` are the template's
 * parameters (the code and its minutes); the provider's own template (registered with it, approved
 * by it) words the message.
 */
export interface SmsParams {
  code: string;
  minutes: number;
}
export interface SmsProvider {
  name: 'console' | 'aliyun' | 'tencent';
  send(phone: string, params: SmsParams): Promise<void>;
}

/** The provider's settings as stored: the secret is sealed at rest and opened only to send. */
export interface SmsConfig {
  access_key_id?: string;
  access_key_secret?: string;
  sign_name?: string;
  template_code?: string;
  sdk_app_id?: string;
  region?: string;
  /** tests and private gateways only: where the provider's API answers (never settable through the API) */
  endpoint?: string;
}

/** The console provider's messages, newest last: development reads them in the log, tests here. */
export const outbox: { phone: string; params: SmsParams; at: Date }[] = [];

export const consoleProvider = (log: (msg: string) => void = (m) => console.info(m)): SmsProvider => ({
  name: 'console',
  async send(phone, params) {
    outbox.push({ phone, params, at: new Date() });
    if (outbox.length > 1000) outbox.shift();
    log(`[sms console] to ${phone.slice(0, 3)}****${phone.slice(-4)}: 验证码 ${params.code}，${params.minutes} 分钟内有效`);
  },
});

/** A provider's refusal, said plainly: who refused, their code and message. */
export const smsFailed = (provider: string, code: string, message: string) =>
  new AppError(502, 'SMS_SEND_FAILED', `the SMS provider ${provider} refused to send: ${code} ${message}`.trim(), {
    provider,
    provider_code: code,
    provider_message: message,
  });

export function need(cfg: SmsConfig, provider: string, fields: (keyof SmsConfig)[]): void {
  const missing = fields.filter((f) => !cfg[f]);
  if (missing.length)
    throw new AppError(409, 'SMS_NOT_CONFIGURED', `the ${provider} SMS provider lacks ${missing.join(', ')}: set them in the tenant's SMS settings`, {
      missing,
    });
}

export async function post(url: string, init: RequestInit, provider: string): Promise<{ status: number; body: any }> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  } catch (e) {
    throw smsFailed(provider, 'UNREACHABLE', (e as Error).message);
  }
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) };
  } catch {
    throw smsFailed(provider, `HTTP_${res.status}`, text.slice(0, 200));
  }
}
