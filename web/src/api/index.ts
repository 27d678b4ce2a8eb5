import { message } from 'antd';
import { createElement } from 'react';
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import type * as T from './types';
import { ApiError } from './errors';
import { currentLang } from '../i18n';
import { ProblemMessage } from '../problems';
import { riskApi } from './risk';
import { groupsApi, groupsWalletApi } from './groups';
import { campaignsApi, walletCampaignsApi } from './campaigns';
import { passesApi, walletPassesApi } from './passes';
import { segmentsApi } from './segments';
import { referralsApi, referralsWalletApi } from './referrals';
import { automationApi } from './automation';

/**
 * The one API client, typed from the server's OpenAPI document (schema.d.ts, made by `npm run gen:api`):
 * every path, query, body and answer below is checked against what the server declares. Every error
 * the API sends is RFC 9457 problem+json; callers get an ApiError with its `code`, `detail` and fields,
 * and `report()` shows the catalogue's words for it to the person (never "error 422", never `detail`).
 */
export { ApiError };

/**
 * How a screen calls the API. Sign-ins live in HttpOnly cookies the page cannot read (docs/ui.md);
 * every request names its screen in X-Kaquan-Screen, which picks the screen's cookie and proves the
 * request comes from this site's pages. `key`: an API key typed into the sign-in form, kept only
 * in this tab's memory. `walletMember`: the member this wallet page shows.
 */
export type Screen = 'console' | 'clerk' | 'partner' | 'wallet';
export interface Auth {
  screen: Screen;
  key?: string | null;
  walletMember?: string | null;
}
let onUnauthorized: (() => void) | null = null;
export const setUnauthorizedHandler = (f: (() => void) | null) => {
  onUnauthorized = f;
};

/** A fresh Idempotency-Key (crypto.randomUUID is missing outside secure contexts, e.g. a till on a LAN address over http). */
export const newKey = () =>
  crypto.randomUUID ? crypto.randomUUID() : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * The wallet's device id 设备标识 (X-Kaquan-Device): a random id this browser keeps in local storage,
 * made on first use. The risk rules tell devices apart by it ("this device claimed for 5 members");
 * it proves nothing about who is who (docs/risk.md "Device trust"). Without storage: none is sent.
 */
export function walletDevice(): string | null {
  try {
    let id = localStorage.getItem('kaquan.device');
    if (!id) {
      id = `wd-${newKey()}`;
      localStorage.setItem('kaquan.device', id);
    }
    return id;
  } catch {
    return null;
  }
}

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
      // the wallet and the till say which device they are (risk rules may count by it: docs/risk.md "Device trust")
      const device = auth.screen === 'wallet' || auth.screen === 'clerk' ? walletDevice() : null;
      if (device) h.set('x-kaquan-device', device);
      if (!h.has('accept')) h.set('accept', 'application/json');
      // a caller that retries one action sets its own key (the till's confirm): kept, never replaced
      if (request.method !== 'GET' && idempotent && !h.has('idempotency-key')) h.set('idempotency-key', newKey());
      return request;
    },
    onResponse({ response, schemaPath }) {
      if (response.status === 401 && auth.screen !== 'wallet' && schemaPath !== '/v1/sessions') onUnauthorized?.();
    },
    onError({ error }) {
      return new ApiError(0, 'NETWORK', String((error as Error)?.message ?? error));
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
  const p = (error && typeof error === 'object' ? error : {}) as Partial<T.Problem> & Record<string, unknown>;
  throw new ApiError(response.status, p.code ?? `HTTP_${response.status}`, p.detail ?? p.title ?? response.statusText, p.errors ?? [], p);
}

/** Shows what went wrong as a toast: the catalogue's words for the person, and the code small, for support. */
export function report(e: unknown) {
  // a toast renders outside the page's tree: it is told the language rather than reading it
  message.error({ content: createElement(ProblemMessage, { error: e, lang: currentLang() }), duration: 6 });
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
    /** What a change would do to the cards already issued, before it is saved (changes nothing). */
    templateImpact: (id: string, b: T.TemplatePatch) => answer(api.POST('/v1/templates/{id}/impact', { ...byId(id), body: b })),
    batches: (q: ListQuery) => answer(api.GET('/v1/batches', listQuery(q))),
    batch: (id: string) => answer(api.GET('/v1/batches/{id}', byId(id))),
    createBatch: (b: T.NewBatch) => answer(api.POST('/v1/batches', { body: b })),
    pauseBatch: (id: string) => answer(api.POST('/v1/batches/{id}/pause', byId(id))),
    resumeBatch: (id: string) => answer(api.POST('/v1/batches/{id}/resume', byId(id))),
    /** 镜像到微信支付商家券: where the mirror stands (404 WECHATPAY_STOCK_NOT_FOUND before it starts), and start or resume it. */
    wechatStock: (id: string) => answer(api.GET('/v1/batches/{id}/wechat-stock', byId(id))),
    startWechatStock: (id: string, quantity?: number) => answer(api.POST('/v1/batches/{id}/wechat-stock', { ...byId(id), body: quantity ? { quantity } : {} })),
    /** 导入券码: CSV text (code[,pin] a line) into an imported batch; refused lines come back with their reasons. */
    importCodes: (id: string, csv: string, state: T.ImportState) =>
      answer(api.POST('/v1/batches/{id}/import', { params: { path: { id }, query: { state } }, body: { csv } })),
    /**
     * Streams the CSV of codes; the caller saves it as a file, and reads the export's id (its record in the
     * export history). Export is not replayable, so it carries no idempotency key.
     */
    exportBatch: async (id: string, b: T.ExportBody) => {
      const r = await http(auth, { idempotent: false }).POST('/v1/batches/{id}/export', {
        ...byId(id),
        body: b,
        parseAs: 'blob',
        headers: { accept: 'text/csv' },
      });
      return { blob: (await answer(Promise.resolve(r))) as Blob, exportId: r.response.headers.get('x-kaquan-export-id') };
    },
    /** 导出记录: a batch's exports, newest first. */
    exports: (id: string) => answer(api.GET('/v1/batches/{id}/exports', byId(id))),
    /** An export's file again (within its window), the same codes in the same order; audited. */
    downloadExport: (id: string, exportId: string) =>
      answer(
        http(auth, { idempotent: false }).POST('/v1/batches/{id}/exports/{export_id}/download', {
          params: { path: { id, export_id: exportId } },
          parseAs: 'blob',
          headers: { accept: 'text/csv' },
        }),
      ) as Promise<Blob>,
    /** A report as a file: CSV (UTF-8 with BOM) or XLSX. */
    statsFile: (q: T.StatsFile) => answer(api.GET('/v1/stats/export', { params: { query: q }, parseAs: 'blob' })) as Promise<Blob>,
    cards: (q: ListQuery) => answer(api.GET('/v1/cards', listQuery(q))),
    card: (id: string) => answer(api.GET('/v1/cards/{id}', byId(id))),
    /** How many cards a search matches (up to the bulk cap): the count a bulk action over it confirms. */
    cardCount: (f: T.CardFilter) => answer(api.GET('/v1/cards/count', listQuery(f))),
    /** A bulk action: card_ids are done at once (200 with outcomes); a filter answers 202 and a job does it (poll bulkOp). */
    bulk: (b: T.BulkBody) => answer(api.POST('/v1/cards/bulk', { body: b })),
    bulkOp: (id: string, q: { limit?: number; cursor?: string; outcome?: 'done' | 'skipped' } = {}) =>
      answer(api.GET('/v1/cards/bulk/{id}', { params: { path: { id }, query: q } })),
    extend: (id: string, b: T.Body<'/v1/cards/{id}/extend', 'post'>) => answer(api.POST('/v1/cards/{id}/extend', { ...byId(id), body: b })),
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
    /** 短信二次验证: a new code for a challenge (at most once a minute) */
    resendOtp: (id: string) => answer(api.POST('/v1/otp-challenges/{id}/resend', byId(id))),
    smsSettings: () => answer(api.GET('/v1/settings/sms')),
    putSmsSettings: (b: T.SmsSettingsInput) => answer(api.PUT('/v1/settings/sms', { body: b })),
    check: (b: T.RedeemBody) => answer(api.POST('/v1/redemptions/check', { body: b })),
    /** 人工审核: the queue (a clerk or channel key: its own requests), one review (poll it), and the decisions. */
    reviews: (q: { status?: 'pending' | 'approved' | 'rejected' | 'expired'; action?: string; limit?: number; cursor?: string }) =>
      answer(api.GET('/v1/reviews', { params: { query: q } })),
    review: (id: string) => answer(api.GET('/v1/reviews/{id}', byId(id))),
    approveReview: (id: string) => answer(api.POST('/v1/reviews/{id}/approve', { ...byId(id), body: {} })),
    rejectReview: (id: string, reason: string) => answer(api.POST('/v1/reviews/{id}/reject', { ...byId(id), body: { reason } })),
    /** `key`: the confirm's own Idempotency-Key, the same on every retry of that confirm (a lost answer never redeems twice). */
    redeem: (b: T.RedeemBody, key?: string) => answer(api.POST('/v1/redemptions', { body: b, ...(key ? { headers: { 'idempotency-key': key } } : {}) })),
    reverse: (id: string, reason?: string) => answer(api.POST('/v1/redemptions/{id}/reverse', { ...byId(id), body: reason ? { reason } : {} })),
    redemptions: (q: ListQuery) => answer(api.GET('/v1/redemptions', listQuery(q))),
    stores: (q: ListQuery) => answer(api.GET('/v1/stores', listQuery(q))),
    store: (id: string) => answer(api.GET('/v1/stores/{id}', byId(id))),
    createStore: (b: T.StoreInput) => answer(api.POST('/v1/stores', { body: b })),
    updateStore: (id: string, b: T.Body<'/v1/stores/{id}', 'patch'>) => answer(api.PATCH('/v1/stores/{id}', { ...byId(id), body: b })),
    members: (q: ListQuery) => answer(api.GET('/v1/members', listQuery(q))),
    member: (id: string) => answer(api.GET('/v1/members/{id}', byId(id))),
    createMember: (b: T.MemberInput) => answer(api.POST('/v1/members', { body: b })),
    updateMember: (id: string, b: T.Body<'/v1/members/{id}', 'patch'>) => answer(api.PATCH('/v1/members/{id}', { ...byId(id), body: b })),
    walletLink: (id: string, b: T.Body<'/v1/members/{id}/wallet-link', 'post'> = {}) =>
      answer(api.POST('/v1/members/{id}/wallet-link', { ...byId(id), body: b })),
    revokeWalletLinks: (id: string) => answer(api.POST('/v1/members/{id}/wallet-links/revoke', byId(id))),
    /** 会员动态: the member's card events, newest first, with names. */
    memberHistory: (id: string, q: ListQuery) => answer(api.GET('/v1/members/{id}/history', { params: { path: { id }, query: listQuery(q).params.query } })),
    apiKeys: () => answer(api.GET('/v1/api-keys')),
    createApiKey: (b: T.ApiKeyInput) => answer(api.POST('/v1/api-keys', { body: b })),
    revokeApiKey: (id: string) => answer(api.DELETE('/v1/api-keys/{id}', byId(id))),
    channels: () => answer(api.GET('/v1/channels')),
    channel: (id: string) => answer(api.GET('/v1/channels/{id}', byId(id))),
    createChannel: (b: T.ChannelInput) => answer(api.POST('/v1/channels', { body: b })),
    /** A new parent_id moves the channel with its subtree (a loop is refused: CHANNEL_CYCLE). */
    updateChannel: (id: string, b: T.ChannelPatch) => answer(api.PATCH('/v1/channels/{id}', { ...byId(id), body: b })),
    /** 渠道商账号: a channel's partner accounts (they sign in to /partner). */
    partnerAccounts: (channelId: string) => answer(api.GET('/v1/channels/{id}/accounts', byId(channelId))),
    createPartnerAccount: (channelId: string, b: T.PartnerAccountInput) => answer(api.POST('/v1/channels/{id}/accounts', { ...byId(channelId), body: b })),
    setPartnerDisabled: (channelId: string, accountId: string, disabled: boolean) => {
      const at = { params: { path: { id: channelId, account_id: accountId } } };
      return answer(
        disabled ? api.POST('/v1/channels/{id}/accounts/{account_id}/disable', at) : api.POST('/v1/channels/{id}/accounts/{account_id}/enable', at),
      );
    },
    /** 渠道分配: a channel's holdings per batch (with names) and its allocation history, newest first. */
    holdings: (channelId: string) => answer(api.GET('/v1/channels/{id}/holdings', byId(channelId))),
    allocations: (channelId: string, q: ListQuery) =>
      answer(api.GET('/v1/channels/{id}/allocations', { params: { path: { id: channelId }, query: listQuery(q).params.query } })),
    allocate: (b: T.AllocationInput) => answer(api.POST('/v1/allocations', { body: b })),
    revokeAllocation: (b: T.RevokeAllocationInput) => answer(api.POST('/v1/allocations/revoke', { body: b })),
    transferAllocation: (b: T.TransferAllocationInput) => answer(api.POST('/v1/allocations/transfer', { body: b })),
    /** 卡密交付 (bearer cards to a recipient): the password and the link come back once, in the creation's answer. */
    deliveryList: (q: ListQuery) => answer(api.GET('/v1/deliveries', listQuery(q))),
    delivery: (id: string) => answer(api.GET('/v1/deliveries/{id}', byId(id))),
    createDelivery: (b: T.DeliveryInput) => answer(api.POST('/v1/deliveries', { body: b })),
    /** The password-protected XLSX of a delivery, for the operator to send (counted and audited; not replayable). */
    deliveryFile: (id: string) =>
      answer(
        http(auth, { idempotent: false }).POST('/v1/deliveries/{id}/file', {
          ...byId(id),
          parseAs: 'blob',
          headers: { accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
        }),
      ) as Promise<Blob>,
    revokeDelivery: (id: string, b: T.DeliveryRevokeInput) => answer(api.POST('/v1/deliveries/{id}/revoke', { ...byId(id), body: b })),
    /** 供应商: suppliers (health), SKU mappings, orders to them (采购卡密 / 直充). */
    suppliers: () => answer(api.GET('/v1/suppliers')),
    createSupplier: (b: T.SupplierInput) => answer(api.POST('/v1/suppliers', { body: b })),
    updateSupplier: (id: string, b: T.SupplierPatch) => answer(api.PATCH('/v1/suppliers/{id}', { ...byId(id), body: b })),
    syncSupplier: (id: string) => answer(api.POST('/v1/suppliers/{id}/sync', byId(id))),
    supplierSkus: (q: { sku?: string; supplier_id?: string } = {}) => answer(api.GET('/v1/supplier-skus', { params: { query: q } })),
    putSupplierSku: (id: string, sku: string, b: T.SupplierSkuInput) =>
      answer(api.PUT('/v1/suppliers/{id}/skus/{sku}', { params: { path: { id, sku } }, body: b })),
    supplierOrders: () => answer(api.GET('/v1/supplier-orders')),
    supplierOrder: (id: string) => answer(api.GET('/v1/supplier-orders/{id}', byId(id))),
    createSupplierOrder: (b: T.SupplierOrderInput) => answer(api.POST('/v1/supplier-orders', { body: b })),
    /** 批发 wholesale: price lists by price level, enterprise buyers with prepaid balances, orders. */
    prices: (q: T.PriceListQuery = {}) => answer(api.GET('/v1/price-lists', { params: { query: q } })),
    setPrice: (level: string, templateId: string, b: T.PriceBody) =>
      answer(api.PUT('/v1/price-lists/{level}/prices/{template_id}', { params: { path: { level, template_id: templateId } }, body: b })),
    deletePrice: (level: string, templateId: string) =>
      answer(api.DELETE('/v1/price-lists/{level}/prices/{template_id}', { params: { path: { level, template_id: templateId } } })),
    buyers: () => answer(api.GET('/v1/buyers')),
    createBuyer: (b: T.BuyerInput) => answer(api.POST('/v1/buyers', { body: b })),
    updateBuyer: (id: string, b: T.Body<'/v1/buyers/{id}', 'patch'>) => answer(api.PATCH('/v1/buyers/{id}', { ...byId(id), body: b })),
    rechargeBuyer: (id: string, b: T.Body<'/v1/buyers/{id}/recharges', 'post'>) => answer(api.POST('/v1/buyers/{id}/recharges', { ...byId(id), body: b })),
    orders: (q: T.OrderQuery = {}) => answer(api.GET('/v1/wholesale-orders', { params: { query: q } })),
    order: (id: string) => answer(api.GET('/v1/wholesale-orders/{id}', byId(id))),
    createOrder: (b: T.OrderInput) => answer(api.POST('/v1/wholesale-orders', { body: b })),
    confirmOrder: (id: string) => answer(api.POST('/v1/wholesale-orders/{id}/confirm', byId(id))),
    payOrder: (id: string, b: T.OrderPayment) => answer(api.POST('/v1/wholesale-orders/{id}/payments', { ...byId(id), body: b })),
    cancelOrder: (id: string, reason: string) => answer(api.POST('/v1/wholesale-orders/{id}/cancel', { ...byId(id), body: { reason } })),
    refundOrder: (id: string, reason: string) => answer(api.POST('/v1/wholesale-orders/{id}/refund', { ...byId(id), body: { reason } })),
    fulfilOrder: (id: string) => answer(api.POST('/v1/wholesale-orders/{id}/fulfil', byId(id))),
    /** 标记已交付: a password-protected file was handed over (a downloaded delivery link marks it by itself). */
    markDelivered: (id: string) => answer(api.POST('/v1/wholesale-orders/{id}/delivered', byId(id))),
    /** 对账结算: statements per channel or buyer and period (a partner: its subtree's), their close and files, commission rates. */
    statements: (q: T.StatementQuery = {}) => answer(api.GET('/v1/statements', { params: { query: q } })),
    statement: (id: string) => answer(api.GET('/v1/statements/{id}', byId(id))),
    /** 生成对账单: the party's draft for [from, to) (local days); the same period again recomputes the draft. */
    computeStatement: (b: T.StatementInput) => answer(api.POST('/v1/statements', { body: b })),
    closeStatement: (id: string) => answer(api.POST('/v1/statements/{id}/close', byId(id))),
    statementFile: (id: string, format: 'csv' | 'xlsx') =>
      answer(api.GET('/v1/statements/{id}/export', { params: { path: { id }, query: { format } }, parseAs: 'blob' })) as Promise<Blob>,
    settlementRates: () => answer(api.GET('/v1/settlement-rates')),
    setSettlementRate: (level: string, b: T.SettlementRateBody) =>
      answer(api.PUT('/v1/settlement-rates/{price_level}', { params: { path: { price_level: level } }, body: b })),
    /** 权益礼包: packs (fixed or random), publish, new versions, grants to a member, the draws with their random source. */
    packs: (q: ListQuery) => answer(api.GET('/v1/packs', listQuery(q))),
    pack: (id: string) => answer(api.GET('/v1/packs/{id}', byId(id))),
    createPack: (b: T.PackInput) => answer(api.POST('/v1/packs', { body: b })),
    updatePack: (id: string, b: T.PackPatch) => answer(api.PATCH('/v1/packs/{id}', { ...byId(id), body: b })),
    publishPack: (id: string) => answer(api.POST('/v1/packs/{id}/publish', byId(id))),
    retirePack: (id: string) => answer(api.POST('/v1/packs/{id}/retire', byId(id))),
    packVersion: (id: string, b: T.PackPatch) => answer(api.POST('/v1/packs/{id}/versions', { ...byId(id), body: b })),
    grantPack: (id: string, b: T.Body<'/v1/packs/{id}/grants', 'post'>) => answer(api.POST('/v1/packs/{id}/grants', { ...byId(id), body: b })),
    packGrants: (q: ListQuery) => answer(api.GET('/v1/pack-grants', listQuery(q))),
    packDraws: (id: string, q: ListQuery) => answer(api.GET('/v1/packs/{id}/draws', { params: { path: { id }, query: listQuery(q).params.query } })),
    /** 会员等级: the ladder, the downgrade policy and tier benefits; a member's tier and manual set (a floor with an end date). */
    tiers: () => answer(api.GET('/v1/tiers')),
    setTiers: (b: T.Body<'/v1/tiers', 'put'>) => answer(api.PUT('/v1/tiers', { body: b })),
    setTierSettings: (b: T.TierSettings) => answer(api.PUT('/v1/tier-settings', { body: b })),
    createTierBenefit: (b: T.Body<'/v1/tier-benefits', 'post'>) => answer(api.POST('/v1/tier-benefits', { body: b })),
    stopTierBenefit: (id: string) => answer(api.POST('/v1/tier-benefits/{id}/stop', byId(id))),
    memberTier: (id: string) => answer(api.GET('/v1/members/{id}/tier', byId(id))),
    setMemberTier: (id: string, b: T.Body<'/v1/members/{id}/tier', 'post'>) => answer(api.POST('/v1/members/{id}/tier', { ...byId(id), body: b })),
    livePacksForTiers: () => answer(api.GET('/v1/packs', { params: { query: { status: 'live', limit: 100 } } })),
    /** 数据穿透: figures by channel, own and subtree (a partner: its subtree), and the cohort funnel. */
    channelStats: (q: T.ChannelStatsQuery) => answer(api.GET('/v1/stats/channels', { params: { query: q } })),
    channelFunnel: (q: T.ChannelStatsQuery) => answer(api.GET('/v1/stats/channels/funnel', { params: { query: q } })),
    channelStatsFile: (q: T.ChannelStatsFile) => answer(api.GET('/v1/stats/channels/export', { params: { query: q }, parseAs: 'blob' })) as Promise<Blob>,
    /** 窜货预警: alerts newest first (a partner: its subtree's), and marking one handled. */
    leakageAlerts: (q: ListQuery) => answer(api.GET('/v1/leakage-alerts', listQuery(q))),
    handleLeakage: (id: string, note?: string) => answer(api.POST('/v1/leakage-alerts/{id}/handle', { ...byId(id), body: note ? { note } : {} })),
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
    /** 积分商城: items (draft → published → archived), exchanges and their refund, the mall's settings. */
    mallItems: (q: ListQuery) => answer(api.GET('/v1/mall/items', listQuery(q))),
    createMallItem: (b: T.MallItemInput) => answer(api.POST('/v1/mall/items', { body: b })),
    updateMallItem: (id: string, b: T.MallItemPatch) => answer(api.PATCH('/v1/mall/items/{id}', { ...byId(id), body: b })),
    publishMallItem: (id: string) => answer(api.POST('/v1/mall/items/{id}/publish', byId(id))),
    archiveMallItem: (id: string) => answer(api.POST('/v1/mall/items/{id}/archive', byId(id))),
    mallExchanges: (q: ListQuery) => answer(api.GET('/v1/mall/exchanges', listQuery(q))),
    refundMallExchange: (id: string, reason?: string) => answer(api.POST('/v1/mall/exchanges/{id}/refund', { ...byId(id), body: reason ? { reason } : {} })),
    mallSettings: () => answer(api.GET('/v1/mall/settings')),
    setMallSettings: (b: T.MallSettings) => answer(api.PUT('/v1/mall/settings', { body: b })),
    /** what a mall item can give and whom it can be limited to: live packs and the tier ladder */
    mallPacks: () => answer(api.GET('/v1/packs', { params: { query: { status: 'live', limit: 200 } } })),
    mallTiers: () => answer(api.GET('/v1/tiers')),
    auditVerify: () => answer(api.GET('/v1/audit/verify')),
    /** 会员积分 (the member profile): balances with every expiry, lots, movements with reasons, a manual adjustment; stats per day. */
    memberPoints: (id: string) => answer(api.GET('/v1/members/{id}/points', byId(id))),
    memberLots: (id: string, all = false) => answer(api.GET('/v1/members/{id}/points/lots', { params: { path: { id }, query: all ? { all } : {} } })),
    memberMoves: (id: string, q: ListQuery) => answer(api.GET('/v1/members/{id}/points/moves', { params: { path: { id }, query: listQuery(q).params.query } })),
    adjustPoints: (id: string, b: T.Body<'/v1/members/{id}/points/adjustments', 'post'>) =>
      answer(api.POST('/v1/members/{id}/points/adjustments', { ...byId(id), body: b })),
    pointsStats: (q: T.PointsStatsQuery) => answer(api.GET('/v1/points/stats', { params: { query: q } })),
    /** 会员订单: members' orders (the brand's orders API), newest first. */
    memberOrders: (q: ListQuery) => answer(api.GET('/v1/orders', listQuery(q))),
    /** 积分规则: earning rules (per fen paid, per custom event), the tenant's points settings. */
    pointRules: () => answer(api.GET('/v1/points/rules')),
    createPointRule: (b: T.PointRuleInput) => answer(api.POST('/v1/points/rules', { body: b })),
    updatePointRule: (id: string, b: T.PointRulePatch) => answer(api.PATCH('/v1/points/rules/{id}', { ...byId(id), body: b })),
    pointsSettings: () => answer(api.GET('/v1/points/settings')),
    setPointsSettings: (b: T.PointsSettings) => answer(api.PUT('/v1/points/settings', { body: b })),
    ...riskApi(api, answer),
    ...groupsApi(api, answer),
    ...campaignsApi(api, answer),
    ...passesApi(api, answer),
    ...segmentsApi(api, answer),
    ...referralsApi(api, answer),
    ...automationApi(api, answer),
  };
}
export type Client = ReturnType<typeof client>;

/** Sign-in is public. The session comes back as an HttpOnly cookie for this screen; the answer carries no token. */
export const signIn = (screen: 'console' | 'clerk' | 'partner', b: T.SignInBody) =>
  answer(http({ screen }, { idempotent: false }).POST('/v1/sessions', { body: b }));

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
    /** 转赠: a share link (no phone) or an offer to the member with this phone; the answer carries the link once. */
    offerGift: (id: string, phone?: string) => answer(api.POST('/v1/wallet/cards/{id}/gift-offers', { ...byId(id), body: phone ? { phone } : {} })),
    giftOffers: () => answer(api.GET('/v1/wallet/gift-offers')),
    previewGift: (token: string) => answer(api.POST('/v1/wallet/gift-offers/preview', { body: { token } })),
    acceptGift: (by: { token: string } | { offer_id: string }) => answer(api.POST('/v1/wallet/gift-offers/accept', { body: by })),
    cancelGift: (id: string) => answer(api.POST('/v1/wallet/gift-offers/{id}/cancel', byId(id))),
    /** 积分商城: the shelf (with why an item is not for me now), exchanging (points-only items), my exchanges. */
    mall: () => answer(api.GET('/v1/wallet/mall')),
    exchange: (id: string) => answer(api.POST('/v1/wallet/mall/{id}/exchange', { ...byId(id), body: {} })),
    mallExchanges: () => answer(api.GET('/v1/wallet/mall/exchanges')),
    /** 我的积分 and 我的礼包: balances with every upcoming expiry, lots and movements; the packs granted to me. */
    points: (q: { limit?: number; cursor?: string } = {}) => answer(api.GET('/v1/wallet/points', { params: { query: { asset: 'points', ...q } } })),
    packs: () => answer(api.GET('/v1/wallet/packs', { params: { query: { limit: 50 } } })),
    tier: () => answer(api.GET('/v1/wallet/tier')),
    /** 动态码: the live code of a card whose template requires one (changes every 30 s) */
    dynamicCode: (id: string) => answer(api.GET('/v1/wallet/cards/{id}/dynamic-code', byId(id))),
    ...groupsWalletApi(api, answer),
    ...walletCampaignsApi(api, answer),
    ...walletPassesApi(api, answer),
    ...referralsWalletApi(api, answer),
  };
}
