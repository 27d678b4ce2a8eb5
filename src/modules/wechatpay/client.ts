import { request } from 'undici';
import { guardedAgent, NotPublicAddress } from '../webhooks/send.js';
import { answerMessage, authorization, nonce, rsaVerify } from './crypto.js';
import type { Conn } from './settings.js';

/**
 * One signed APIv3 call and its verified answer. Every failure is a WechatError: `retry` says whether
 * the same call may be sent again later (WeChat busy, a 5xx, 429, no answer, the stock still being
 * created), `code` is WeChat's (PARAM_ERROR…) or ours (WX_SIGN_INVALID, WX_NO_ANSWER, WX_NOT_PUBLIC).
 */
export class WechatError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly retry: boolean,
  ) {
    super(`${code}: ${message}`);
  }
}

const RETRY_CODES = new Set(['STATEMENT_CREATING', 'SYSTEM_ERROR', 'FREQUENCY_LIMITED', 'FREQUENCY_LIMIT_EXCEED', 'RESOURCE_ALREADY_LOCKED']);
const agents = new Map<boolean, ReturnType<typeof guardedAgent>>();
const agentFor = (allowPrivate: boolean) => {
  if (!agents.has(allowPrivate)) agents.set(allowPrivate, guardedAgent({ allowPrivate }));
  return agents.get(allowPrivate)!;
};
/** answers older or newer than this are refused (replays) */
export const FRESH_SECONDS = 300;

/** Verifies an answer's or a notification's signature with the platform key it names; false when it does not hold. */
export function verifyWechat(c: Conn, h: Record<string, string | string[] | undefined>, body: string, now: Date): boolean {
  const get = (n: string) => {
    const v = h[n];
    return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
  };
  const ts = get('wechatpay-timestamp');
  const sig = get('wechatpay-signature');
  const serial = get('wechatpay-serial').toUpperCase();
  const n = get('wechatpay-nonce');
  if (!ts || !sig || !n || !/^\d+$/.test(ts)) return false;
  if (Math.abs(now.getTime() / 1000 - Number(ts)) > FRESH_SECONDS) return false;
  const named = c.platform.filter((p) => p.serial === serial);
  const candidates = named.length ? named : c.platform.filter((p) => p.serial === null);
  return candidates.some((p) => rsaVerify(p.key, answerMessage(ts, n, body), sig));
}

export async function call<T = any>(c: Conn, method: 'GET' | 'POST', path: string, body: unknown, now: Date, timeoutMs = 10_000): Promise<T> {
  const text = body === undefined ? '' : JSON.stringify(body);
  const headers: Record<string, string> = {
    accept: 'application/json',
    'user-agent': 'kaquan-wechatpay',
    authorization: authorization({
      mchid: c.mchid,
      serial: c.serial,
      key: c.key,
      method,
      url: path,
      body: text,
      ts: String(Math.floor(now.getTime() / 1000)),
      nonce: nonce(),
    }),
  };
  if (text) headers['content-type'] = 'application/json';
  let status: number;
  let raw: string;
  let h: Record<string, string | string[] | undefined>;
  try {
    const res = await request(c.baseUrl + path, {
      method,
      body: text || undefined,
      headers,
      signal: AbortSignal.timeout(timeoutMs),
      dispatcher: agentFor(c.allowPrivate),
    });
    status = res.statusCode;
    raw = await res.body.text();
    h = res.headers;
  } catch (e) {
    if (e instanceof NotPublicAddress) throw new WechatError('WX_NOT_PUBLIC', 'refused: WeChat Pay base URL is not a public address', 0, false);
    throw new WechatError('WX_NO_ANSWER', `no answer from WeChat Pay (${String((e as { code?: unknown })?.code ?? (e as Error).name)})`, 0, true);
  }
  let parsed: any = {};
  try {
    parsed = raw ? JSON.parse(raw) : {};
  } catch {
    parsed = {};
  }
  if (status >= 200 && status < 300) {
    // an answer nobody can prove came from WeChat is not a success
    if (!verifyWechat(c, h, raw, now)) throw new WechatError('WX_SIGN_INVALID', 'the answer is not signed by the WeChat Pay platform key', status, true);
    return parsed as T;
  }
  const code = String(parsed.code ?? `HTTP_${status}`);
  const retry = status === 429 || status >= 500 || RETRY_CODES.has(code);
  throw new WechatError(code, String(parsed.message ?? raw.slice(0, 200)), status, retry);
}
