import { message } from 'antd';
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import type * as T from './types';

/**
 * The one API client, typed from the server's OpenAPI document (schema.d.ts, made by `npm run gen:api`):
 * every path, query, body and answer below is checked against what the server declares. Every error
 * the API sends is RFC 9457 problem+json; callers get an ApiError with its `code` and `detail`, and
 * `report()` shows the detail to the person (never "error 422").
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

/**
 * What every request of a screen carries: its screen, its key or wallet member, and — unless
 * `idempotent` is false — an Idempotency-Key on every mutation, so a retried click or a flaky network
 * never redeems twice. A 401 outside the wallet (and outside sign-in itself) signs the screen out.
 */
function screenMiddleware(auth: Auth, idempotent: boolean): Middleware {
  return {
    onRequest({ request }) {
      const h = request.headers;
      h.set('x-kaquan-screen', auth.screen);
      if (auth.key) h.set('authorization', `Bearer ${auth.key}`);
      if (auth.walletMember) h.set('x-kaquan-wallet-member', auth.walletMember);
      if (!h.has('accept')) h.set('accept', 'application/json');
      if (request.method !== 'GET' && idempotent) h.set('idempotency-key', newKey());
      return request;
    },
    onResponse({ response, schemaPath }) {
      if (response.status === 401 && auth.screen !== 'wallet' && schemaPath !== '/v1/sessions') onUnauthorized?.();
    },
    onError() {
      return new ApiError(
        0,
        'NETWORK',
        navigator.language.startsWith('zh') ? '网络连接失败，请检查网络后重试' : 'The network is unreachable; check the connection and retry',
      );
    },
  };
}

/** A typed client for one screen (same-origin: the session cookie goes along). */
function http(auth: Auth, opts: { idempotent?: boolean } = {}) {
  const c = createClient<paths>();
  c.use(screenMiddleware(auth, opts.idempotent ?? true));
  return c;
}

/** The answer of a call, or its problem as an ApiError. */
async function answer<D>(call: Promise<{ data?: D; error?: unknown; response: Response }>): Promise<D> {
  const { data, error, response } = await call;
  if (response.ok) return data as D;
  const p = (error && typeof error === 'object' ? error : {}) as Partial<T.Problem>;
  throw new ApiError(response.status, p.code ?? `HTTP_${response.status}`, p.detail ?? p.title ?? response.statusText, p.errors ?? []);
}

/** Shows an API error's detail (and its code, for support) as a toast. */
export function report(e: unknown) {
  if (e instanceof ApiError) message.error({ content: `${e.detail}${e.code && e.status ? ` (${e.code})` : ''}`, duration: 6 });
  else message.error(String((e as Error)?.message ?? e));
}

/**
 * What a list table asks for: a page (limit, cursor), a search term, a sort and the page's filters.
 * Its keys are the list's query parameters; the server checks them (an unknown value is a 422 naming it).
 */
export type ListQuery = { limit?: number; cursor?: string | null; [k: string]: unknown };
/** A list's query, without the empty values a table's cleared controls leave. */
const listQuery = (q: ListQuery) => ({
  params: { query: Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== null && v !== '')) as never },
});
const byId = (id: string) => ({ params: { path: { id } } });

/** The operator and clerk API: the screen's session cookie, or an API key (kq_…) held in memory. */
export function client(auth: Auth) {
  const api = http(auth);
  return {
    me: () => answer(api.GET('/v1/sessions/current')),
    logout: () => answer(api.DELETE('/v1/sessions/current')),
    tenant: () => answer(api.GET('/v1/tenant')),
    updateTenant: (b: T.Body<'/v1/tenant', 'patch'>) => answer(api.PATCH('/v1/tenant', { body: b })),
    stats: (q: T.StatsQuery) => answer(api.GET('/v1/stats', { params: { query: q } })),
    templates: (q: ListQuery) => answer(api.GET('/v1/templates', listQuery(q))),
    template: (id: string) => answer(api.GET('/v1/templates/{id}', byId(id))),
    createTemplate: (b: T.TemplateInput) => answer(api.POST('/v1/templates', { body: b })),
    updateTemplate: (id: string, b: T.TemplatePatch) => answer(api.PATCH('/v1/templates/{id}', { ...byId(id), body: b })),
    batches: (q: ListQuery) => answer(api.GET('/v1/batches', listQuery(q))),
    batch: (id: string) => answer(api.GET('/v1/batches/{id}', byId(id))),
    createBatch: (b: T.NewBatch) => answer(api.POST('/v1/batches', { body: b })),
    pauseBatch: (id: string) => answer(api.POST('/v1/batches/{id}/pause', byId(id))),
    resumeBatch: (id: string) => answer(api.POST('/v1/batches/{id}/resume', byId(id))),
    /** 导入券码: CSV text (code[,pin] a line) into an imported batch; refused lines come back with their reasons. */
    importCodes: (id: string, csv: string, state: T.ImportState) =>
      answer(api.POST('/v1/batches/{id}/import', { params: { path: { id }, query: { state } }, body: { csv } })),
    /** Streams the CSV of codes; the caller saves it as a file. Export is not replayable, so it carries no idempotency key. */
    exportBatch: (id: string, b: T.ExportBody) =>
      answer(http(auth, { idempotent: false }).POST('/v1/batches/{id}/export', { ...byId(id), body: b, parseAs: 'blob', headers: { accept: 'text/csv' } })),
    cards: (q: ListQuery) => answer(api.GET('/v1/cards', listQuery(q))),
    card: (id: string) => answer(api.GET('/v1/cards/{id}', byId(id))),
    lookup: (code: string) => answer(api.POST('/v1/cards/lookup', { body: { code } })),
    trace: (id: string) => answer(api.GET('/v1/cards/{id}/trace', byId(id))),
    reveal: (id: string) => answer(api.POST('/v1/cards/{id}/reveal', byId(id))),
    approve: (id: string, b: T.Body<'/v1/cards/{id}/approvals', 'post'> = {}) => answer(api.POST('/v1/cards/{id}/approvals', { ...byId(id), body: b })),
    freeze: (id: string, b: T.Body<'/v1/cards/{id}/freeze', 'post'> = {}) => answer(api.POST('/v1/cards/{id}/freeze', { ...byId(id), body: b })),
    unfreeze: (id: string, b: T.Body<'/v1/cards/{id}/unfreeze', 'post'> = {}) => answer(api.POST('/v1/cards/{id}/unfreeze', { ...byId(id), body: b })),
    void: (id: string, b: T.Body<'/v1/cards/{id}/void', 'post'> = {}) => answer(api.POST('/v1/cards/{id}/void', { ...byId(id), body: b })),
    topUp: (id: string, b: T.Body<'/v1/cards/{id}/top-up', 'post'>) => answer(api.POST('/v1/cards/{id}/top-up', { ...byId(id), body: b })),
    transfer: (id: string, b: T.Body<'/v1/cards/{id}/transfer', 'post'>) => answer(api.POST('/v1/cards/{id}/transfer', { ...byId(id), body: b })),
    issue: (b: T.Body<'/v1/cards/issue', 'post'>) => answer(api.POST('/v1/cards/issue', { body: b })),
    check: (b: T.RedeemBody) => answer(api.POST('/v1/redemptions/check', { body: b })),
    redeem: (b: T.RedeemBody) => answer(api.POST('/v1/redemptions', { body: b })),
    reverse: (id: string, reason?: string) => answer(api.POST('/v1/redemptions/{id}/reverse', { ...byId(id), body: reason ? { reason } : {} })),
    redemptions: (q: ListQuery) => answer(api.GET('/v1/redemptions', listQuery(q))),
    stores: (q: ListQuery) => answer(api.GET('/v1/stores', listQuery(q))),
    store: (id: string) => answer(api.GET('/v1/stores/{id}', byId(id))),
    createStore: (b: T.StoreInput) => answer(api.POST('/v1/stores', { body: b })),
    updateStore: (id: string, b: T.Body<'/v1/stores/{id}', 'patch'>) => answer(api.PATCH('/v1/stores/{id}', { ...byId(id), body: b })),
    members: (q: ListQuery) => answer(api.GET('/v1/members', listQuery(q))),
    createMember: (b: T.MemberInput) => answer(api.POST('/v1/members', { body: b })),
    updateMember: (id: string, b: T.Body<'/v1/members/{id}', 'patch'>) => answer(api.PATCH('/v1/members/{id}', { ...byId(id), body: b })),
    walletLink: (id: string, b: T.Body<'/v1/members/{id}/wallet-link', 'post'> = {}) =>
      answer(api.POST('/v1/members/{id}/wallet-link', { ...byId(id), body: b })),
    revokeWalletLinks: (id: string) => answer(api.POST('/v1/members/{id}/wallet-links/revoke', byId(id))),
    apiKeys: () => answer(api.GET('/v1/api-keys')),
    createApiKey: (b: T.ApiKeyInput) => answer(api.POST('/v1/api-keys', { body: b })),
    revokeApiKey: (id: string) => answer(api.DELETE('/v1/api-keys/{id}', byId(id))),
    channels: () => answer(api.GET('/v1/channels')),
    operators: () => answer(api.GET('/v1/operators')),
    createOperator: (b: T.OperatorInput) => answer(api.POST('/v1/operators', { body: b })),
    setOperatorDisabled: (id: string, disabled: boolean) =>
      answer(disabled ? api.POST('/v1/operators/{id}/disable', byId(id)) : api.POST('/v1/operators/{id}/enable', byId(id))),
    eventTypes: () => answer(api.GET('/v1/event-types')),
    webhooks: (q: ListQuery) => answer(api.GET('/v1/webhook-endpoints', listQuery(q))),
    createWebhook: (b: T.WebhookInput) => answer(api.POST('/v1/webhook-endpoints', { body: b })),
    updateWebhook: (id: string, b: T.Body<'/v1/webhook-endpoints/{id}', 'patch'>) => answer(api.PATCH('/v1/webhook-endpoints/{id}', { ...byId(id), body: b })),
    testWebhook: (id: string) => answer(api.POST('/v1/webhook-endpoints/{id}/test', byId(id))),
    deliveries: (id: string, q: ListQuery) =>
      answer(api.GET('/v1/webhook-endpoints/{id}/deliveries', { params: { path: { id }, query: listQuery(q).params.query } })),
    resend: (id: string) => answer(api.POST('/v1/webhook-deliveries/{id}/resend', byId(id))),
    /** The audit log pages by entry id (before_id), not by cursor; the table's search term filters by action. */
    audit: async (q: ListQuery): Promise<T.Page<T.AuditEntry>> => {
      const { cursor, q: term, ...rest } = q;
      const r = await answer(api.GET('/v1/audit', listQuery({ ...rest, before_id: cursor ?? undefined, action: term || rest.action })));
      return { data: r.data, next_cursor: r.next_before_id == null ? null : String(r.next_before_id) };
    },
    auditVerify: () => answer(api.GET('/v1/audit/verify')),
  };
}
export type Client = ReturnType<typeof client>;

/** Sign-in is public. The session comes back as an HttpOnly cookie for this screen; the answer carries no token. */
export const signIn = (screen: 'console' | 'clerk', b: T.SignInBody) => answer(http({ screen }, { idempotent: false }).POST('/v1/sessions', { body: b }));

/** Opens the wallet in this browser: trades the link's token for the wallet cookie, once, as the page opens. */
export const openWallet = (token: string) =>
  answer(http({ screen: 'wallet' }, { idempotent: false }).POST('/v1/wallet/session', { headers: { authorization: `Wallet ${token}` } }));

/** The member wallet API, on the wallet cookie; `member` pins the member this page shows. */
export function walletClient(member: string | null) {
  const api = http({ screen: 'wallet', walletMember: member });
  return {
    me: () => answer(api.GET('/v1/wallet/me')),
    cards: (state: T.WalletState) => answer(api.GET('/v1/wallet/cards', { params: { query: { state } } })),
    card: (id: string) => answer(api.GET('/v1/wallet/cards/{id}', byId(id))),
    bind: (code: string, pin?: string) => answer(api.POST('/v1/wallet/bind', { body: pin ? { code, pin } : { code } })),
    gift: (id: string, to: string) => answer(api.POST('/v1/wallet/cards/{id}/gift', { ...byId(id), body: { to_member_external_id: to } })),
  };
}
