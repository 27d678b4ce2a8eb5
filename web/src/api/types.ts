import type { components, paths } from './schema';

/**
 * The API's shapes, named for the pages. Every one is read off the types generated from the server's
 * OpenAPI document (schema.d.ts, `npm run gen:api`): what a path answers, what it takes. The server
 * names none of its schemas but the problem (its route schemas are inline), so these names are made
 * here from the paths. Nothing is copied by hand: a change on the server changes these types, and
 * `npm run lint` shows every page it breaks. Timestamps arrive as ISO strings.
 */

/** The JSON a path's operation answers with when it succeeds (200, else 201). */
export type Answer<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: infer R }
  ? JsonOf<R extends { 200: infer S } ? S : R extends { 201: infer S } ? S : never>
  : never;
/** The JSON body a path's operation takes. */
export type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;
/** The query a path's operation takes. */
export type Query<P extends keyof paths, M extends keyof paths[P] = 'get' & keyof paths[P]> = paths[P][M] extends { parameters: { query?: infer Q } }
  ? NonNullable<Q>
  : never;
type JsonOf<C> = C extends { content: { 'application/json': infer J } } ? J : never;

/** A problem+json error (RFC 9457), the one named schema (`def-0` is @fastify/swagger's name for the server's `Problem`). */
export type Problem = components['schemas']['def-0'];

/** One page of a list: every list endpoint answers with this shape. */
export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

/**
 * What a caller may do. The OpenAPI document says only "strings" (`can` is an array of strings), so
 * the names are the server's access table itself (a type-only import: nothing of the server is bundled).
 */
export type { Action } from '../../../src/http/access';

export type Tenant = Answer<'/v1/tenant', 'get'>;
export type Me = Answer<'/v1/sessions/current', 'get'>;
export type Session = Answer<'/v1/sessions', 'post'>;
export type SignInBody = Body<'/v1/sessions', 'post'>;

export type Template = Answer<'/v1/templates/{id}', 'get'>;
export type TemplateInput = Body<'/v1/templates', 'post'>;
export type TemplatePatch = Body<'/v1/templates/{id}', 'patch'>;
export type Kind = Template['kind'];
export type TemplateValue = Template['value'];
export type Validity = Template['validity'];
export type Rules = Template['rules'];
export type TemplateImpact = Answer<'/v1/templates/{id}/impact', 'post'>;

export type Batch = Answer<'/v1/batches/{id}', 'get'>;
export type NewBatch = Body<'/v1/batches', 'post'>;
export type ExportBody = NonNullable<Body<'/v1/batches/{id}/export', 'post'>>;
export type ImportResult = Answer<'/v1/batches/{id}/import', 'post'>;
/** 导出记录: one export of a batch's codes (who, when, how many, until when it can be downloaded again). */
export type ExportRecord = Answer<'/v1/batches/{id}/exports', 'get'>['data'][number];
/** How imported codes arrive: into stock to issue (unissued), or already with customers (active). */
export type ImportState = NonNullable<Query<'/v1/batches/{id}/import', 'post'>['state']>;

export type Card = Answer<'/v1/cards/{id}', 'get'>;
export type IssuedCard = Answer<'/v1/cards/issue', 'post'>;
export type Trace = Answer<'/v1/cards/{id}/trace', 'get'>;
export type CardEvent = Trace['events'][number];
export type LedgerEntry = Trace['ledger'][number];
export type Approval = Answer<'/v1/cards/{id}/approvals', 'post'>;
/** 卡券搜索 and 批量操作: what the card list filters by, how many match, and a bulk action with its cards' outcomes. */
export type CardFilter = NonNullable<Body<'/v1/cards/bulk', 'post'>['filter']>;
export type CardCount = Answer<'/v1/cards/count', 'get'>;
export type BulkBody = Body<'/v1/cards/bulk', 'post'>;
export type BulkAction = BulkBody['action'];
export type BulkOp = Answer<'/v1/cards/bulk/{id}', 'get'>;
export type BulkResult = BulkOp['results'][number];

export type RedeemBody = Body<'/v1/redemptions', 'post'>;
export type SmsSettingsInput = Body<'/v1/settings/sms', 'put'>;
export type CheckResult = Answer<'/v1/redemptions/check', 'post'>;
export type Redemption = Answer<'/v1/redemptions/{id}', 'get'>;
export type RedemptionWithCard = Answer<'/v1/redemptions', 'post'>;
/** A row of the redemption list: the redemption, its card's template name and kind, code tail and member name. */
export type RedemptionRow = Answer<'/v1/redemptions', 'get'>['data'][number];

export type Stats = Answer<'/v1/stats', 'get'>;
export type StatsQuery = Query<'/v1/stats'>;
export type StatsFigures = Stats['totals'];
export type StatsFile = Query<'/v1/stats/export'>;

export type Store = Answer<'/v1/stores/{id}', 'get'>;
export type StoreInput = Body<'/v1/stores', 'post'>;
export type Member = Answer<'/v1/members/{id}', 'get'>;
export type MemberInput = Body<'/v1/members', 'post'>;
export type WalletLink = Answer<'/v1/members/{id}/wallet-link', 'post'>;
export type MemberHistoryItem = Answer<'/v1/members/{id}/history', 'get'>['data'][number];
export type Channel = Answer<'/v1/channels', 'get'>['data'][number];
export type ChannelInput = Body<'/v1/channels', 'post'>;
export type ChannelPatch = Body<'/v1/channels/{id}', 'patch'>;
export type PartnerAccount = Answer<'/v1/channels/{id}/accounts', 'get'>['data'][number];
export type PartnerAccountInput = Body<'/v1/channels/{id}/accounts', 'post'>;

/** 批发: prices, buyers, orders (docs/wholesale.md). */
export type Price = Answer<'/v1/price-lists', 'get'>['data'][number];
export type PriceListQuery = Query<'/v1/price-lists'>;
export type PriceBody = Body<'/v1/price-lists/{level}/prices/{template_id}', 'put'>;
export type Buyer = Answer<'/v1/buyers/{id}', 'get'>;
export type BuyerInput = Body<'/v1/buyers', 'post'>;
export type Order = Answer<'/v1/wholesale-orders/{id}', 'get'>;
export type OrderLine = Order['lines'][number];
export type OrderSummary = Answer<'/v1/wholesale-orders', 'get'>['data'][number];
export type OrderState = Order['state'];
export type OrderQuery = Query<'/v1/wholesale-orders'>;
export type OrderInput = Body<'/v1/wholesale-orders', 'post'>;
export type OrderPayment = Body<'/v1/wholesale-orders/{id}/payments', 'post'>;

/** 对账单 (docs/settlement.md): a party's statement for a period, its lines and totals (fen). */
export type Statement = Answer<'/v1/statements/{id}', 'get'>;
export type StatementLine = Statement['lines'][number];
export type StatementQuery = Query<'/v1/statements'>;
export type StatementInput = Body<'/v1/statements', 'post'>;
export type SettlementRate = Answer<'/v1/settlement-rates', 'get'>['data'][number];
export type SettlementRateBody = Body<'/v1/settlement-rates/{price_level}', 'put'>;
/** 数据穿透 and 窜货预警. */
export type ChannelStats = Answer<'/v1/stats/channels', 'get'>;
export type ChannelStatsRow = ChannelStats['rows'][number];
export type ChannelFigures = ChannelStats['totals'];
export type ChannelFunnel = Answer<'/v1/stats/channels/funnel', 'get'>;
export type ChannelStatsQuery = Query<'/v1/stats/channels'>;
export type ChannelStatsFile = Query<'/v1/stats/channels/export'>;
export type LeakageAlert = Answer<'/v1/leakage-alerts', 'get'>['data'][number];
export type LeakagePage = Answer<'/v1/leakage-alerts', 'get'>;

export type ApiKey = Answer<'/v1/api-keys', 'get'>['data'][number];
export type ApiKeyInput = Body<'/v1/api-keys', 'post'>;
export type Operator = Answer<'/v1/operators', 'get'>['data'][number];
export type OperatorInput = Body<'/v1/operators', 'post'>;

export type WebhookEndpoint = Answer<'/v1/webhook-endpoints/{id}', 'get'>;
export type WebhookInput = Body<'/v1/webhook-endpoints', 'post'>;
export type WebhookDelivery = Answer<'/v1/webhook-deliveries/{id}', 'get'>;
export type EventType = Answer<'/v1/event-types', 'get'>['data'][number];

export type AuditEntry = Answer<'/v1/audit', 'get'>['data'][number];
export type AuditVerify = Answer<'/v1/audit/verify', 'get'>;
export type AuditHead = Answer<'/v1/audit/head', 'get'>;

/** The member wallet's own shapes (src/modules/wallet). */
export type WalletMe = Answer<'/v1/wallet/me', 'get'>;
export type WalletCard = Answer<'/v1/wallet/cards', 'get'>['data'][number];
export type WalletCardDetail = Answer<'/v1/wallet/cards/{id}', 'get'>;
export type WalletState = NonNullable<Query<'/v1/wallet/cards'>['state']>;
export type GiftOffer = Answer<'/v1/wallet/gift-offers', 'get'>['sent'][number];
export type GiftOfferCreated = Answer<'/v1/wallet/cards/{id}/gift-offers', 'post'>;
export type GiftPreview = Answer<'/v1/wallet/gift-offers/preview', 'post'>;

/** 渠道分配: what a channel holds per batch, and its allocation history. */
export type Holding = Answer<'/v1/channels/{id}/holdings', 'get'>['data'][number];
export type Allocation = Answer<'/v1/allocations', 'post'>;
export type AllocationInput = Body<'/v1/allocations', 'post'>;
export type RevokeAllocationInput = Body<'/v1/allocations/revoke', 'post'>;
export type TransferAllocationInput = Body<'/v1/allocations/transfer', 'post'>;

/** 卡密交付: a delivery of bearer cards to a recipient (a password-protected file or a one-time link). */
export type Delivery = Answer<'/v1/deliveries', 'get'>['data'][number];
export type DeliveryDetail = Answer<'/v1/deliveries/{id}', 'get'>;
export type DeliveryInput = Body<'/v1/deliveries', 'post'>;
/** The answer of a creation: the password and the link, shown once. */
export type DeliveryCreated = Answer<'/v1/deliveries', 'post'>;
export type DeliveryRevokeInput = NonNullable<Body<'/v1/deliveries/{id}/revoke', 'post'>>;

/** 供应商: suppliers with their health, SKU mappings, supplier orders with their attempts. */
export type Supplier = Answer<'/v1/suppliers/{id}', 'get'>;
export type SupplierInput = Body<'/v1/suppliers', 'post'>;
export type SupplierPatch = Body<'/v1/suppliers/{id}', 'patch'>;
export type SupplierSku = Answer<'/v1/supplier-skus', 'get'>['data'][number];
export type SupplierSkuInput = Body<'/v1/suppliers/{id}/skus/{sku}', 'put'>;
export type SupplierOrder = Answer<'/v1/supplier-orders/{id}', 'get'>;
export type SupplierOrderInput = Body<'/v1/supplier-orders', 'post'>;

/** 权益礼包 */
export type Pack = Answer<'/v1/packs/{id}', 'get'>;
export type PackInput = Body<'/v1/packs', 'post'>;
export type PackPatch = Body<'/v1/packs/{id}', 'patch'>;
export type PackGrant = Answer<'/v1/packs/{id}/grants', 'post'>;
export type PackDraw = Answer<'/v1/packs/{id}/draws', 'get'>['data'][number];
/** 积分商城 the points mall. */
export type MallItem = Answer<'/v1/mall/items/{id}', 'get'>;
export type MallItemInput = Body<'/v1/mall/items', 'post'>;
export type MallItemPatch = Body<'/v1/mall/items/{id}', 'patch'>;
export type MallExchange = Answer<'/v1/mall/exchanges/{id}', 'get'>;
export type MallSettings = Answer<'/v1/mall/settings', 'get'>;
export type ShelfItem = Answer<'/v1/wallet/mall', 'get'>['data'][number];
/** 积分规则 and 积分设置 (the points module). */
export type PointRule = Answer<'/v1/points/rules', 'get'>['data'][number];
export type PointRuleInput = Body<'/v1/points/rules', 'post'>;
export type PointRulePatch = Body<'/v1/points/rules/{id}', 'patch'>;
export type PointsSettings = Body<'/v1/points/settings', 'put'>;
/** 会员等级 */
export type TierLadder = Answer<'/v1/tiers', 'get'>;
export type Tier = TierLadder['data'][number];
export type TierSettings = TierLadder['settings'];
export type TierBenefit = TierLadder['benefits'][number];
export type MemberTier = Answer<'/v1/members/{id}/tier', 'get'>;
/** 会员积分, 订单 and the wallet's membership screens. */
export type PointBalances = Answer<'/v1/members/{id}/points', 'get'>;
export type PointLot = Answer<'/v1/members/{id}/points/lots', 'get'>['data'][number];
export type PointMove = Answer<'/v1/members/{id}/points/moves', 'get'>['data'][number];
export type PointsStats = Answer<'/v1/points/stats', 'get'>;
export type PointsStatsQuery = Query<'/v1/points/stats'>;
export type MemberOrder = Answer<'/v1/orders', 'get'>['data'][number];
export type WalletPoints = Answer<'/v1/wallet/points', 'get'>;
export type WalletPacks = Answer<'/v1/wallet/packs', 'get'>;
export type WalletPackGrant = WalletPacks['data'][number];
export type WalletTier = Answer<'/v1/wallet/tier', 'get'>;
export type Shelf = Answer<'/v1/wallet/mall', 'get'>;
