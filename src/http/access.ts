import { AppError } from '../errors.js';

/**
 * Staff roles come from API keys and operator accounts; `member` is a member acting through their
 * wallet link; `system` is the platform acting on its own (a stamp card's reward), never resolved
 * from a request.
 */
export type Role = 'owner' | 'operator' | 'analyst' | 'clerk' | 'channel' | 'member' | 'system';

/** Who is calling: resolved once per request from the API key, session or wallet link. */
export interface Caller {
  tenantId: string;
  keyId: string;
  role: Role;
  storeIds: string[]; // clerk: the stores it may act at
  channelId: string | null; // channel: the channel it acts for
  channelIds?: string[]; // channel: that channel's subtree (itself and every channel below), resolved at sign-in
  memberId?: string | null; // member: whose cards these are
}

/** A member acting through their wallet: card events name them as `wallet:<member id>`. */
export const memberCaller = (tenantId: string, memberId: string): Caller => ({
  tenantId,
  keyId: `wallet:${memberId}`,
  role: 'member',
  storeIds: [],
  channelId: null,
  memberId,
});

/** The platform acting on its own because of what `cause` did (its key stays on the events it writes). */
export const systemCaller = (cause: Caller): Caller => ({ ...cause, role: 'system', storeIds: [], channelId: null, memberId: null });

/**
 * Who a request speaks for, as one string: the API key, the operator (every session of one person is
 * the same principal), or the wallet member. Idempotency records and audit entries are theirs alone.
 */
export const principalOf = (c: Caller) => c.keyId;

/**
 * Every permission in one table (the Immich requireAccess idea): an action names what is done,
 * the roles list who may do it. Scoping to stores/channels is checked by `requireStore` and by
 * the services, which answer 404 for "not yours" exactly as for "does not exist".
 */
const ACTIONS = {
  'keys.manage': ['owner'],
  'tenant.manage': ['owner'],
  'catalog.write': ['owner', 'operator'], // templates, batches, stores, members, webhooks
  'catalog.read': ['owner', 'operator', 'analyst', 'clerk', 'channel'],
  'channels.manage': ['owner', 'operator', 'channel'], // a partner: only below its own channel
  // partner accounts 渠道商账号 of a channel: the brand's staff for any channel, a partner within its own subtree
  'partners.manage': ['owner', 'operator', 'channel'],
  // members' names, phones and birthdays: not a clerk's (a clerk reads a member's name only on a redemption at its store)
  'members.read': ['owner', 'operator', 'analyst', 'channel'],
  'reports.read': ['owner', 'operator', 'analyst'],
  // stats by channel 渠道数据 and leakage alerts 窜货预警: a partner reads its own subtree's
  'channel_stats.read': ['owner', 'operator', 'analyst', 'channel'],
  'leakage.read': ['owner', 'operator', 'analyst', 'channel'],
  'leakage.handle': ['owner', 'operator'],
  'audit.read': ['owner', 'operator', 'analyst'],
  'codes.export': ['owner', 'operator'],
  // 卡密交付: handing codes to a recipient reveals them, as an export does
  'deliveries.manage': ['owner', 'operator'],
  // the list of deliveries and their downloads (recipients' names and contacts): not a clerk's or a partner's
  'deliveries.read': ['owner', 'operator', 'analyst'],
  'cards.issue': ['owner', 'operator', 'channel'],
  // channel allocation: a partner only from its own channel to channels below it
  'allocations.manage': ['owner', 'operator', 'channel'],
  'allocations.read': ['owner', 'operator', 'analyst', 'channel'],
  'cards.bind': ['owner', 'operator', 'channel', 'member'],
  'cards.read': ['owner', 'operator', 'analyst', 'clerk', 'channel', 'member'],
  'cards.redeem': ['owner', 'operator', 'clerk'],
  // naming a card by its id instead of presenting its code (and PIN): only for the brand's own staff
  'cards.redeem_by_id': ['owner', 'operator'],
  'cards.manage': ['owner', 'operator'], // freeze, unfreeze, void, top up, transfer, approve
  // 人工审核: the queue; a clerk or channel key reads the requests it made (scoped in reviews/read.ts)
  'reviews.read': ['owner', 'operator', 'analyst', 'clerk', 'channel'],
  'reviews.decide': ['owner', 'operator'],
  'wholesale.manage': ['owner', 'operator'], // price lists, enterprise buyers, wholesale orders
  'wholesale.read': ['owner', 'operator', 'analyst'],
  'cards.gift': ['member'], // a member hands their own card to another member (the wallet's 转赠)
  'suppliers.manage': ['owner', 'operator'], // suppliers, their secrets and SKU mappings
  'suppliers.read': ['owner', 'operator', 'analyst'],
  'suppliers.order': ['owner', 'operator'], // buy codes into stock, top up an account: spends the brand's money at a supplier
  // 对账结算: statements are computed, closed and priced (commission rates) by the brand's staff; a partner reads its subtree's channel statements
  'settlement.manage': ['owner', 'operator'],
  'settlement.read': ['owner', 'operator', 'analyst', 'channel'],
  'settlement.rates': ['owner', 'operator', 'analyst'],
  // 订单接入: the brand's systems send members' orders, refunds and custom events (a server key)
  'orders.write': ['owner', 'operator'],
  'orders.read': ['owner', 'operator', 'analyst'],
  // 积分与成长值: members' balances, lots and movements; the earning rules and settings; manual adjustments (audited)
  'points.read': ['owner', 'operator', 'analyst'],
  'points.manage': ['owner', 'operator'],
  'points.adjust': ['owner', 'operator'],
  'wallet.points': ['member'], // a member reads their own points through the wallet
  // 权益礼包: made, published and versioned by the brand's staff; granted by hand by them (and by the tiers and mall through grantPack)
  'packs.manage': ['owner', 'operator'],
  'packs.grant': ['owner', 'operator'],
  'packs.read': ['owner', 'operator', 'analyst'],
  'packs.own': ['member'], // a member's own packs, in the wallet
  // 会员等级: the ladder, policy and benefits are the brand's staff's; a member reads their own tier in the wallet
  'tiers.read': ['owner', 'operator', 'analyst'],
  'tiers.manage': ['owner', 'operator'],
  'tiers.set': ['owner', 'operator'], // a member's manual tier (a floor with an end date), audited
  'tiers.own': ['member'],
  // 积分商城: items and the refund of an exchange are the brand's staff's; a member exchanges for themself in the wallet,
  // the brand's API for a member (an item with a cash part, with its payment reference)
  'mall.manage': ['owner', 'operator'],
  'mall.read': ['owner', 'operator', 'analyst'],
  'mall.exchange': ['owner', 'operator', 'member'],
  // 风控: rules and lists are the brand's staff's; decisions (who was refused, flagged) are read by them and the analysts
  'risk.manage': ['owner', 'operator'],
  'risk.read': ['owner', 'operator', 'analyst'],
  // 领券中心 and 分享领券: campaigns are the brand's staff's; the brand's API claims for a member; a member claims and shares in the wallet
  'campaigns.read': ['owner', 'operator', 'analyst'],
  'campaigns.manage': ['owner', 'operator'],
  'campaigns.claim': ['owner', 'operator'],
  'campaigns.own': ['member'],
  // 卡包: a brand's Apple/Google Wallet identities (certificates, keys) are the owner's; a member adds their own card
  'passes.manage': ['owner'],
  'passes.own': ['member'],
  // 组团解锁: campaigns are the brand's staff's (analysts read their results); a member starts and joins groups in the wallet
  'groups.read': ['owner', 'operator', 'analyst'],
  'groups.manage': ['owner', 'operator'],
  'groups.join': ['member'],
  // 人群与标签: segments and members' tags are the brand's staff's (analysts read segments, counts and tags)
  'segments.read': ['owner', 'operator', 'analyst'],
  'segments.manage': ['owner', 'operator'],
  // 邀请有礼: campaigns are the brand's staff's (the brand's API joins a member with a code at registration); a member reads their code and enters a friend's
  'referrals.read': ['owner', 'operator', 'analyst'],
  'referrals.manage': ['owner', 'operator'],
  'referrals.own': ['member'],
  // 签到与任务: settings and tasks are the brand's staff's; a member checks in and reads their tasks in the wallet
  'tasks.read': ['owner', 'operator', 'analyst'],
  'tasks.manage': ['owner', 'operator'],
  'tasks.own': ['member'],
  // 自动化规则: rules are the brand's staff's (analysts read them, their firings and results)
  'automation.read': ['owner', 'operator', 'analyst'],
  'automation.manage': ['owner', 'operator'],
} satisfies Record<string, Role[]>;
export type Action = keyof typeof ACTIONS;

/** What a caller may do, by the same table: the console shows what this answers, not role lists of its own. */
export function allowedActions(caller: Caller): Action[] {
  return (Object.keys(ACTIONS) as Action[]).filter((a) => caller.role === 'system' || (ACTIONS[a] as Role[]).includes(caller.role));
}

/** `system` may do anything: it is built only by code that has already decided (see systemCaller). */
export function requireAccess(caller: Caller, action: Action): void {
  if (caller.role !== 'system' && !(ACTIONS[action] as Role[]).includes(caller.role)) {
    throw new AppError(403, 'FORBIDDEN', `a ${caller.role} key may not ${action.replace('.', ' ')}`);
  }
}

/**
 * The rows a caller may see 数据范围, as one SQL condition over the columns a resource has: a clerk
 * sees its stores' rows, a channel its channel's, a member their own. `'*'` says every store (or channel) may read the
 * resource (a clerk looks up any card presented to it); a scope the resource has no column for denies.
 * Pushes its values onto params.
 */
export function scopeSql(c: Caller, params: unknown[], cols: { store?: string; channel?: string; member?: string; storeMayBeNull?: boolean }): string {
  const parts: string[] = [];
  if (c.role === 'member' && cols.member !== '*') {
    if (!cols.member || !c.memberId) return 'FALSE';
    params.push(c.memberId);
    parts.push(`${cols.member} = $${params.length}`);
  }
  if (c.role === 'clerk' && cols.store !== '*') {
    if (!cols.store) return 'FALSE';
    params.push(c.storeIds);
    const own = `${cols.store} = ANY($${params.length}::text[])`;
    parts.push(cols.storeMayBeNull ? `(${cols.store} IS NULL OR ${own})` : own);
  }
  if (c.role === 'channel' && cols.channel !== '*') {
    if (!cols.channel || !c.channelId) return 'FALSE';
    params.push(subtreeOf(c));
    parts.push(`${cols.channel} = ANY($${params.length}::text[])`);
  }
  return parts.length ? parts.join(' AND ') : 'TRUE';
}

/** The channel whose subtree a caller is limited to (a channel partner's), or null for every channel. */
export const channelOf = (c: Caller) => (c.role === 'channel' ? c.channelId : null);

const subtreeOf = (c: Caller): string[] => c.channelIds ?? (c.channelId ? [c.channelId] : []);

/** The channels a caller may see, or null for every one: a channel partner sees its own subtree. */
export const channelsOf = (c: Caller): string[] | null => (c.role === 'channel' ? subtreeOf(c) : null);

/** Whether a row of channel `id` is the caller's to see (a partner: within its subtree). */
export const seesChannel = (c: Caller, id: string | null): boolean => c.role !== 'channel' || (!!id && subtreeOf(c).includes(id));

/** Where card rows are read: any store's clerk may look at a card presented to it; a channel sees its subtree's. */
export const CARD_SCOPE = { store: '*', channel: 'channel_id', member: 'member_id' } as const;
export const REDEMPTION_SCOPE = { store: 'store_id', channel: 'channel_id', member: 'member_id' } as const;

/** A clerk acts only at its own stores; the store it names must be one of them. */
export function requireStore(caller: Caller, storeId: string | undefined): string | undefined {
  if (caller.role !== 'clerk') return storeId;
  if (!storeId) {
    if (caller.storeIds.length === 1) return caller.storeIds[0];
    throw new AppError(422, 'STORE_REQUIRED', 'store_id: this clerk key serves several stores; name one');
  }
  if (!caller.storeIds.includes(storeId)) throw new AppError(404, 'STORE_NOT_FOUND', 'store not found');
  return storeId;
}
