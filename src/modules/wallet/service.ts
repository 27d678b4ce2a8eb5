import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import { memberCaller, type Caller } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { getMember } from '../members/service.js';
import { getTenant } from '../tenants/service.js';
import { getTemplate } from '../templates/service.js';
import type { TemplateRow } from '../templates/schemas.js';
import { getStore } from '../stores/service.js';
import { listCards } from '../cards/read.js';
import { cardTrace } from '../reports/trace.js';
import { findById, revealCode } from '../cards/lookup.js';
import { bindCard, transferCard } from '../cards/manage.js';
import type { CardView } from '../cards/model.js';
import { signWalletToken } from './link.js';

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

function summary(c: CardView, t: TemplateRow) {
  return {
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
  };
}

async function templatesOf(q: Sql, tenantId: string, ids: string[]) {
  const map = new Map<string, TemplateRow>();
  for (const id of new Set(ids)) map.set(id, await getTemplate(q, tenantId, id));
  return map;
}

export async function walletCards(q: Sql, tenantId: string, memberId: string, state: WalletState) {
  const cards = (await memberCards(q, walletCaller(tenantId, memberId), memberId)).filter((c) => STATES[state].includes(c.state));
  const tpls = await templatesOf(
    q,
    tenantId,
    cards.map((c) => c.template_id),
  );
  // soonest to expire first among usable cards; newest first otherwise
  if (state === 'usable') cards.sort((a, b) => (a.valid_until ? +new Date(a.valid_until) : Infinity) - (b.valid_until ? +new Date(b.valid_until) : Infinity));
  return { data: cards.map((c) => summary(c, tpls.get(c.template_id)!)) };
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
]);

/** One card of the member's, with its clear code (its owner may see it), rules and history. Not theirs = 404. */
export async function walletCard(ctx: Ctx, q: Sql, tenantId: string, memberId: string, cardId: string) {
  const row = await findById(q, tenantId, cardId);
  if (row.member_id !== memberId) throw new AppError(404, 'CARD_NOT_FOUND', 'card not found');
  const trace = await cardTrace(q, walletCaller(tenantId, memberId), cardId);
  const t = await getTemplate(q, tenantId, row.template_id);
  const storeNames = new Map<string, string | null>();
  for (const e of trace.events) {
    if (e.store_id && !storeNames.has(e.store_id))
      storeNames.set(
        e.store_id,
        await getStore(q, tenantId, e.store_id).then(
          (s) => s.name,
          () => null,
        ),
      );
  }
  const history = trace.events
    .filter((e) => MEMBER_EVENTS.has(e.event_type))
    .map((e) => {
      const d = (e.data ?? {}) as Record<string, unknown>;
      return {
        type: e.event_type,
        at: e.created_at,
        amount: Number(d.amount ?? 0) || 0,
        uses: Number(d.uses ?? 0) || 0,
        stamps: Number(d.stamps ?? 0) || 0,
        store_name: e.store_id ? (storeNames.get(e.store_id) ?? null) : null,
      };
    })
    .reverse();
  const usable = ['active', 'frozen'].includes(row.state);
  return {
    ...summary(trace.card, t),
    code: usable ? revealCode(ctx.keys, row).code : null,
    template_rules: t.rules,
    validity: t.validity,
    period_no: row.period_no,
    period_ends_at: row.period_ends_at,
    history,
  };
}

/** `cardId` comes from screenBearer (the code and PIN judged by the guessing guard, per member). */
export async function walletBind(ctx: Ctx, q: Sql, tenantId: string, memberId: string, cardId: string) {
  const c = await bindCard(ctx, q, walletCaller(tenantId, memberId), { card_id: cardId, member_id: memberId });
  const t = await getTemplate(q, tenantId, c.template_id);
  return { ...summary(c, t), already_bound: c.already_bound };
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
  return summary(c, t);
}
