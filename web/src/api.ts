import { message } from 'antd';
import type * as T from './types';

/**
 * The one API client. Every error the API sends is RFC 9457 problem+json; callers get an ApiError
 * with its `code` and `detail`, and `report()` shows the detail to the person (never "error 422").
 */
export class ApiError extends Error {
  constructor(
    public status: number,
    public code: string,
    public detail: string,
    public errors: { field: string; reason: string }[] = [],
  ) {
    super(detail);
  }
}

/**
 * How a screen calls the API. Sign-ins live in HttpOnly cookies the page cannot read (docs/ui.md);
 * every request names its screen in X-Kaquan-Screen, which picks the screen's cookie and proves the
 * request comes from this site's pages. `key`: an API key typed into the sign-in form, kept only
 * in this tab's memory. `walletMember`: the member this wallet page shows.
 */
export type Screen = 'console' | 'clerk' | 'wallet';
export interface Auth {
  screen: Screen;
  key?: string | null;
  walletMember?: string | null;
}
let onUnauthorized: (() => void) | null = null;
export const setUnauthorizedHandler = (f: (() => void) | null) => {
  onUnauthorized = f;
};

const newKey = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);

function authHeaders(auth: Auth): Record<string, string> {
  const h: Record<string, string> = { 'x-kaquan-screen': auth.screen };
  if (auth.key) h.authorization = `Bearer ${auth.key}`;
  if (auth.walletMember) h['x-kaquan-wallet-member'] = auth.walletMember;
  return h;
}

export async function request<R>(
  auth: Auth,
  method: string,
  path: string,
  body?: unknown,
  opts: { idempotent?: boolean; contentType?: string; headers?: Record<string, string> } = {},
): Promise<R> {
  const headers: Record<string, string> = { accept: 'application/json', ...authHeaders(auth), ...opts.headers };
  if (body !== undefined) headers['content-type'] = opts.contentType ?? 'application/json';
  // a retried click or a flaky network must not redeem twice: every mutation carries its own key
  if (method !== 'GET' && opts.idempotent !== false) headers['idempotency-key'] = newKey();
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : opts.contentType ? String(body) : JSON.stringify(body) });
  } catch {
    throw new ApiError(
      0,
      'NETWORK',
      navigator.language.startsWith('zh') ? '网络连接失败，请检查网络后重试' : 'The network is unreachable; check the connection and retry',
    );
  }
  const text = await res.text();
  const data = text ? safeJson(text) : undefined;
  if (!res.ok) {
    const p = (data ?? {}) as { code?: string; detail?: string; title?: string; errors?: { field: string; reason: string }[] };
    const err = new ApiError(res.status, p.code ?? `HTTP_${res.status}`, p.detail ?? p.title ?? res.statusText, p.errors ?? []);
    if (res.status === 401 && auth.screen !== 'wallet' && path !== '/v1/sessions') onUnauthorized?.();
    throw err;
  }
  return data as R;
}

function safeJson(text: string) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Shows an API error's detail (and its code, for support) as a toast. */
export function report(e: unknown) {
  if (e instanceof ApiError) message.error({ content: `${e.detail}${e.code && e.status ? ` (${e.code})` : ''}`, duration: 6 });
  else message.error(String((e as Error)?.message ?? e));
}

const qs = (q: Record<string, unknown> = {}) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
};

export type ListQuery = { limit?: number; cursor?: string | null; [k: string]: unknown };

/** The operator and clerk API: the screen's session cookie, or an API key (kq_…) held in memory. */
export function client(auth: Auth) {
  const get = <R>(p: string, q?: Record<string, unknown>) => request<R>(auth, 'GET', p + qs(q));
  const post = <R>(p: string, b: unknown = {}) => request<R>(auth, 'POST', p, b);
  const patch = <R>(p: string, b: unknown) => request<R>(auth, 'PATCH', p, b);
  const del = <R>(p: string) => request<R>(auth, 'DELETE', p);
  return {
    me: () => get<T.Me>('/v1/sessions/current'),
    logout: () => del<{ id: string }>('/v1/sessions/current'),
    tenant: () => get<T.Tenant>('/v1/tenant'),
    updateTenant: (b: Partial<T.Tenant>) => patch<T.Tenant>('/v1/tenant', b),
    stats: (q: Record<string, unknown>) => get<T.Stats>('/v1/stats', q),
    templates: (q: ListQuery) => get<T.Page<T.Template>>('/v1/templates', q),
    template: (id: string) => get<T.Template>(`/v1/templates/${id}`),
    createTemplate: (b: T.TemplateInput) => post<T.Template>('/v1/templates', b),
    updateTemplate: (id: string, b: Partial<T.TemplateInput> & { status?: string }) => patch<T.Template>(`/v1/templates/${id}`, b),
    batches: (q: ListQuery) => get<T.Page<T.Batch>>('/v1/batches', q),
    batch: (id: string) => get<T.Batch>(`/v1/batches/${id}`),
    createBatch: (b: Record<string, unknown>) => post<T.Batch>('/v1/batches', b),
    pauseBatch: (id: string) => post<T.Batch>(`/v1/batches/${id}/pause`),
    resumeBatch: (id: string) => post<T.Batch>(`/v1/batches/${id}/resume`),
    /** 导入券码: CSV text (code[,pin] a line) into an imported batch; refused lines come back with their reasons. */
    importCodes: (id: string, csv: string, state: 'unissued' | 'active') =>
      request<T.ImportResult>(auth, 'POST', `/v1/batches/${id}/import${qs({ state })}`, csv, { contentType: 'text/csv' }),
    /** Streams the CSV of codes; the caller saves it as a file. */
    exportBatch: async (id: string, b: { limit?: number; channel_id?: string; reissue?: boolean }) => {
      const res = await fetch(`/v1/batches/${id}/export`, {
        method: 'POST',
        headers: { ...authHeaders(auth), 'content-type': 'application/json' },
        body: JSON.stringify(b),
      });
      if (!res.ok) {
        const p = await res.json().catch(() => ({}));
        throw new ApiError(res.status, p.code ?? `HTTP_${res.status}`, p.detail ?? res.statusText);
      }
      return res.blob();
    },
    cards: (q: ListQuery) => get<T.Page<T.Card>>('/v1/cards', q),
    card: (id: string) => get<T.Card>(`/v1/cards/${id}`),
    lookup: (code: string) => post<T.Card>('/v1/cards/lookup', { code }),
    trace: (id: string) => get<T.Trace>(`/v1/cards/${id}/trace`),
    reveal: (id: string) => post<{ id: string; code: string; pin: string | null }>(`/v1/cards/${id}/reveal`),
    approve: (id: string, b: { max_amount?: number } = {}) => post<T.Approval>(`/v1/cards/${id}/approvals`, b),
    cardAction: (id: string, verb: 'freeze' | 'unfreeze' | 'void' | 'top-up' | 'transfer', b: Record<string, unknown> = {}) =>
      post<T.Card>(`/v1/cards/${id}/${verb}`, b),
    issue: (b: { batch_id: string; member_id?: string; channel_id?: string }) => post<T.IssuedCard>('/v1/cards/issue', b),
    check: (b: T.RedeemBody) => post<T.CheckResult>('/v1/redemptions/check', b),
    redeem: (b: T.RedeemBody) => post<T.RedemptionWithCard>('/v1/redemptions', b),
    reverse: (id: string, reason?: string) => post<T.RedemptionWithCard>(`/v1/redemptions/${id}/reverse`, reason ? { reason } : {}),
    redemptions: (q: ListQuery) => get<T.Page<T.Redemption>>('/v1/redemptions', q),
    stores: (q: ListQuery) => get<T.Page<T.Store>>('/v1/stores', q),
    store: (id: string) => get<T.Store>(`/v1/stores/${id}`),
    createStore: (b: Partial<T.Store>) => post<T.Store>('/v1/stores', b),
    updateStore: (id: string, b: Partial<T.Store>) => patch<T.Store>(`/v1/stores/${id}`, b),
    members: (q: ListQuery) => get<T.Page<T.Member>>('/v1/members', q),
    createMember: (b: Record<string, unknown>) => post<T.Member>('/v1/members', b),
    updateMember: (id: string, b: Record<string, unknown>) => patch<T.Member>(`/v1/members/${id}`, b),
    walletLink: (id: string, b: { ttl_hours?: number } = {}) => post<T.WalletLink>(`/v1/members/${id}/wallet-link`, b),
    revokeWalletLinks: (id: string) => post<{ id: string; wallet_links_valid_from: string }>(`/v1/members/${id}/wallet-links/revoke`, {}),
    apiKeys: () => get<{ data: T.ApiKey[] }>('/v1/api-keys'),
    createApiKey: (b: Record<string, unknown>) => post<T.ApiKey & { secret: string }>('/v1/api-keys', b),
    revokeApiKey: (id: string) => del<T.ApiKey>(`/v1/api-keys/${id}`),
    channels: () => get<{ data: T.Channel[] }>('/v1/channels'),
    operators: () => get<{ data: T.Operator[] }>('/v1/operators'),
    createOperator: (b: Record<string, unknown>) => post<T.Operator>('/v1/operators', b),
    setOperatorDisabled: (id: string, disabled: boolean) => post<T.Operator>(`/v1/operators/${id}/${disabled ? 'disable' : 'enable'}`),
    eventTypes: () => get<{ data: { type: string; zh: string; en: string }[] }>('/v1/event-types'),
    webhooks: (q: ListQuery) => get<T.Page<T.WebhookEndpoint>>('/v1/webhook-endpoints', q),
    createWebhook: (b: Record<string, unknown>) => post<T.WebhookEndpoint>('/v1/webhook-endpoints', b),
    updateWebhook: (id: string, b: Record<string, unknown>) => patch<T.WebhookEndpoint>(`/v1/webhook-endpoints/${id}`, b),
    testWebhook: (id: string) => post<unknown>(`/v1/webhook-endpoints/${id}/test`),
    deliveries: (id: string, q: ListQuery) => get<T.Page<T.WebhookDelivery>>(`/v1/webhook-endpoints/${id}/deliveries`, q),
    resend: (id: string | number) => post<T.WebhookDelivery>(`/v1/webhook-deliveries/${id}/resend`),
    audit: async (q: ListQuery): Promise<T.Page<T.AuditEntry>> => {
      const { cursor, q: term, ...rest } = q;
      const r = await get<{ data: T.AuditEntry[]; next_before_id: number | null }>('/v1/audit', {
        ...rest,
        before_id: cursor ?? undefined,
        action: term || rest.action,
      });
      return { data: r.data, next_cursor: r.next_before_id == null ? null : String(r.next_before_id) };
    },
    auditVerify: () => get<{ ok: boolean; seals: number; entries: number; unsealed: number; head: T.AuditHead | null; reason?: string }>('/v1/audit/verify'),
  };
}
export type Client = ReturnType<typeof client>;

/** Sign-in is public. The session comes back as an HttpOnly cookie for this screen; the answer carries no token. */
export const signIn = (screen: 'console' | 'clerk', b: { tenant?: string; username: string; password: string }) =>
  request<T.Session>({ screen }, 'POST', '/v1/sessions', b, { idempotent: false });

/** Opens the wallet in this browser: trades the link's token for the wallet cookie, once, as the page opens. */
export const openWallet = (token: string) =>
  request<{ member_id: string; expires_at: string }>({ screen: 'wallet' }, 'POST', '/v1/wallet/session', undefined, {
    idempotent: false,
    headers: { authorization: `Wallet ${token}` },
  });

/** The member wallet API, on the wallet cookie; `member` pins the member this page shows. */
export function walletClient(member: string | null) {
  const auth: Auth = { screen: 'wallet', walletMember: member };
  return {
    me: () => request<T.WalletMe>(auth, 'GET', '/v1/wallet/me'),
    cards: (state: 'usable' | 'used' | 'expired') => request<{ data: T.WalletCard[] }>(auth, 'GET', `/v1/wallet/cards?state=${state}`),
    card: (id: string) => request<T.WalletCardDetail>(auth, 'GET', `/v1/wallet/cards/${id}`),
    bind: (code: string, pin?: string) => request<T.WalletCard>(auth, 'POST', '/v1/wallet/bind', pin ? { code, pin } : { code }),
    gift: (id: string, to: string) => request<T.WalletCard>(auth, 'POST', `/v1/wallet/cards/${id}/gift`, { to_member_external_id: to }),
  };
}
