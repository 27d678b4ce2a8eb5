import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import { memberCaller, type Caller } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { getMember } from '../members/service.js';
import { getTenant, type Tenant } from '../tenants/service.js';
import { getTemplate } from '../templates/service.js';
import type { TemplateRow } from '../templates/schemas.js';
import { namedRules } from '../templates/names.js';
import { storeNames as storeNamesOf } from '../stores/names.js';
import { listCards } from '../cards/read.js';
import { cardTrace } from '../reports/trace.js';
import { findById, revealCode } from '../cards/lookup.js';
import { bindCard, transferCard } from '../cards/manage.js';
import type { CardView } from '../cards/model.js';
import { expiryOf } from '../cards/expiring.js';
import { signWalletToken } from './link.js';
import { GIFT_PENDING, pendingOffersOf } from '../cards/gift-offers.js';

/**
 * The member wallet 会员钱包: what one member sees and does through a signed link. Everything
 * goes through the cards module's service functions; this module only scopes them to the member.
 */
export type WalletState = 'usable' | 'used' | 'expired';
const STATES: Record<WalletState, string[]> = { usable: ['active', 'frozen'], used: ['used'], expired: ['expired', 'voided'] };

/** A wallet acts as its member (docs/security.md): card functions scope what it reads to the member's own cards. */
export const walletCaller = memberCaller;

export function createWalletLink(ctx: Ctx, tenantId: string, memberId: string, ttlHours: number) {
  const now = ctx.clock.now().getTime();
  const exp = Math.floor(now / 1000) + ttlHours * 3600;
  const token = signWalletToken(ctx.keys, { tenant_id: tenantId, member_id: memberId, exp, iat: now });
  return { url: `${ctx.config.publicUrl.replace(/\/$/, '')}/wallet#t=${token}`, token, expires_at: new Date(exp * 1000) };
}

/** All of a member's cards (a wallet holds tens, not thousands; capped). */
async function memberCards(q: Sql, caller: Caller, memberId: string): Promise<CardView[]> {
  const out: CardView[] = [];
  let cursor: string | undefined;
  do {
    const page = await listCards(q, caller, { limit: 200, cursor, member_id: memberId });
    out.push(...page.data);
    cursor = page.next_cursor ?? undefined;
  } while (cursor && out.length < 1000);
  return out;
}

export async function walletMe(q: Sql, tenantId: string, memberId: string) {
  const m = await getMember(q, tenantId, memberId);
  const t = await getTenant(q, tenantId);
  const cards = await memberCards(q, walletCaller(tenantId, memberId), memberId);
  const counts = { usable: 0, used: 0, expired: 0 };
  for (const c of cards) for (const s of Object.keys(STATES) as WalletState[]) if (STATES[s].includes(c.state)) counts[s]++;
  return {
    member: { id: m.id, name: m.name, phone_last4: m.phone_last4, tier: m.tier },
    tenant: { name: t.name, currency: t.currency, time_zone: t.time_zone },
    counts,
  };
}

/** When a card's summary is read: its expiring-soon badge and days left follow the tenant's setting and calendar. */
interface At {
  now: Date;
  tenant: Tenant;
}
export const at = async (ctx: Ctx, q: Sql, tenantId: string): Promise<At> => ({ now: ctx.clock.now(), tenant: await getTenant(q, tenantId) });

/** 转赠中: what a card's pending gift offer shows its giver. */
export interface GiftBadge {
  id: string;
  expires_at: Date;
  to_phone_last4: string | null;
}
export async function giftBadges(q: Sql, tenantId: string, memberId: string): Promise<Map<string, GiftBadge>> {
  const out = new Map<string, GiftBadge>();
  for (const o of (await pendingOffersOf(q, tenantId, memberId)).sent) {
    const to = o.to_member_id ? await getMember(q, tenantId, o.to_member_id).catch(() => null) : null;
    out.set(o.card_id, { id: o.id, expires_at: o.expires_at, to_phone_last4: to?.phone_last4 ?? null });
  }
  return out;
}

export function summary(c: CardView, t: TemplateRow, when: At, gift: GiftBadge | null = null) {
  return {
    ...expiryOf(c, when.now, when.tenant),
    id: c.id,
    kind: c.kind,
    state: c.state,
    name: t.name,
    description: t.description,
    code_tail: c.code_tail,
    balance: c.balance,
    uses_left: c.uses_left,
    stamps: c.stamps,
    value: t.value,
    valid_from: c.valid_from,
    valid_until: c.valid_until,
    transferable: t.kind === 'gift' || !!t.rules.transferable,
    bound_at: c.bound_at,
    gift_offer: gift,
    template_rules: t.rules, // the card face's headline names its key conditions (满¥100减¥20 · 周末可用)
    validity: t.validity,
  };
}

async function templatesOf(q: Sql, tenantId: string, ids: string[]) {
  const map = new Map<string, TemplateRow>();
  for (const id of new Set(ids)) map.set(id, await getTemplate(q, tenantId, id));
  return map;
}

export async function walletCards(ctx: Ctx, q: Sql, tenantId: string, memberId: string, state: WalletState) {
  const cards = (await memberCards(q, walletCaller(tenantId, memberId), memberId)).filter((c) => STATES[state].includes(c.state));
  const tpls = await templatesOf(
    q,
    tenantId,
    cards.map((c) => c.template_id),
  );
  const when = await at(ctx, q, tenantId);
  const gifts = await giftBadges(q, tenantId, memberId);
  // a card still frozen for its offer shows 转赠中 (one that expired meanwhile shows as expired)
  const data = cards.map((c) => summary(c, tpls.get(c.template_id)!, when, (c.state_reason === GIFT_PENDING && gifts.get(c.id)) || null));
  // among usable cards, the ones expiring soon (即将过期) first, then soonest to expire; newest first otherwise
  const ends = (c: { valid_until: Date | null }) => (c.valid_until ? +new Date(c.valid_until) : Infinity);
  if (state === 'usable') data.sort((a, b) => Number(b.expiring_soon) - Number(a.expiring_soon) || ends(a) - ends(b));
  return { data };
}

const MEMBER_EVENTS = new Set([
  'issued',
  'bound',
  'transferred',
  'redeemed',
  'reversed',
  'topped_up',
  'refilled',
  'stamped',
  'rewarded',
  'expired',
  'frozen',
  'unfrozen',
  'voided',
  'extended',
  'gift_offered',
  'gift_accepted',
  'gift_cancelled',
  'gift_expired',
]);

/** One card of the member's, with its clear code (its owner may see it), rules and history. Not theirs = 404. */
export async function walletCard(ctx: Ctx, q: Sql, tenantId: string, memberId: string, cardId: string) {
  const row = await findById(q, tenantId, cardId);
  if (row.member_id !== memberId) throw new AppError(404, 'CARD_NOT_FOUND', 'card not found');
  const trace = await cardTrace(q, walletCaller(tenantId, memberId), cardId);
  const [t] = await namedRules(q, tenantId, [await getTemplate(q, tenantId, row.template_id)]);
  const storeNames = await storeNamesOf(q, tenantId, [...new Set(trace.events.flatMap((e) => (e.store_id ? [e.store_id] : [])))]);
  const history = trace.events
    .filter((e) => MEMBER_EVENTS.has(e.event_type))
    .map((e) => {
      const d = (e.data ?? {}) as Record<string, unknown>;
      return {
        type: e.event_type,
        zh: e.zh,
        en: e.en,
        at: e.created_at,
        amount: Number(d.amount ?? 0) || 0,
        bonus: Number(d.bonus ?? 0) || 0,
        uses: Number(d.uses ?? 0) || 0,
        stamps: Number(d.stamps ?? 0) || 0,
        store_name: e.store_id ? (storeNames.get(e.store_id) ?? null) : null,
      };
    })
    .reverse();
  const usable = ['active', 'frozen'].includes(row.state);
  const gift = row.state_reason === GIFT_PENDING ? ((await giftBadges(q, tenantId, memberId)).get(row.id) ?? null) : null;
  return {
    ...summary(trace.card, t, await at(ctx, q, tenantId), gift),
    code: usable ? revealCode(ctx.keys, row).code : null,
    period_no: row.period_no,
    period_ends_at: row.period_ends_at,
    history,
  };
}

/** `cardId` comes from screenBearer (the code and PIN judged by the guessing guard, per member). */
export async function walletBind(ctx: Ctx, q: Sql, tenantId: string, memberId: string, cardId: string) {
  const c = await bindCard(ctx, q, walletCaller(tenantId, memberId), { card_id: cardId, member_id: memberId });
  const t = await getTemplate(q, tenantId, c.template_id);
  return { ...summary(c, t, await at(ctx, q, tenantId)), already_bound: c.already_bound };
}

/** 转赠: to a member named by their id or their external (CRM) id. */
export async function walletGift(
  ctx: Ctx,
  q: Sql,
  tenantId: string,
  memberId: string,
  cardId: string,
  to: { to_member_id?: string; to_member_external_id?: string },
) {
  const target = to.to_member_id ?? to.to_member_external_id;
  if (!target)
    throw new AppError(422, 'VALIDATION_FAILED', 'to_member_external_id: name who receives the card', {
      errors: [{ field: 'to_member_external_id', reason: 'required' }],
    });
  const recipient = await getMember(q, tenantId, target);
  const c = await transferCard(ctx, q, walletCaller(tenantId, memberId), cardId, recipient.id, memberId);
  const t = await getTemplate(q, tenantId, c.template_id);
  return summary(c, t, await at(ctx, q, tenantId));
}
