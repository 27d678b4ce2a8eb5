import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import { channelsOf, seesChannel, type Caller } from '../../http/access.js';
import { DateTime } from 'luxon';
import { AppError, invalid } from '../../errors.js';
import { refusal } from '../../platform/problems/refusal.js';
import { getTenant } from '../tenants/service.js';
import { getTemplate } from '../templates/service.js';
import { topUpBonus } from '../templates/validate.js';
import { memberExists } from '../members/service.js';
import { appendEvents, type CardEventType } from './events.js';
import { appendLedger } from '../ledger/service.js';
import { cardView, checkUsable, isReviewHold, validityAt, type CardRow } from './model.js';
import { findById, findByCode, judgePin, pinMatches, screenFor } from './lookup.js';
import { countForMember } from './issue.js';
import { makeCard } from './generate.js';
import { checkFormat, getBatch } from '../batches/service.js';
import { GIFT_PENDING, settleOfferOfCard } from './gift-offers.js';

/** The code format a re-issued code takes: its batch's, or the default for imported codes (their format is the supplier's). */
async function codeFormatOf(q: Sql, tenantId: string, batchId: string) {
  const b = await getBatch(q, tenantId, batchId);
  return b.mode === 'imported' ? checkFormat(undefined) : b.code_format;
}

export function event(c: CardRow, caller: Caller, type: CardEventType, at: Date, data?: Record<string, unknown>, memberId = c.member_id) {
  return {
    tenantId: caller.tenantId,
    cardId: c.id,
    templateId: c.template_id,
    batchId: c.batch_id,
    type,
    memberId,
    channelId: c.channel_id,
    keyId: caller.keyId,
    data: data ?? null,
    at,
  };
}

/** One conditional state change; when it matches nothing, say why from the card as it is now. */
async function transition(q: Sql, caller: Caller, id: string, from: string[], to: string, now: Date, reason: string | null, why: (c: CardRow) => AppError) {
  const r = await q.query<CardRow>(
    // a hold for a review is the review's to lift (approve, reject, expiry): never unfrozen or voided meanwhile
    `UPDATE cards SET state = $4, state_reason = $5, updated_at = $6 WHERE tenant_id = $1 AND id = $2 AND state = ANY($3)
       AND (state_reason IS NULL OR state_reason NOT LIKE 'review:%') RETURNING *`,
    [caller.tenantId, id, from, to, reason, now],
  );
  if (r.rows[0]) return r.rows[0];
  const c = await findById(q, caller.tenantId, id, { channelIds: channelsOf(caller) });
  if (isReviewHold(c.state_reason)) throw new AppError(409, 'CARD_UNDER_REVIEW', 'this card is held while a request on it waits for review 人工审核');
  throw why(c);
}

export async function freezeCard(ctx: Ctx, q: Sql, caller: Caller, id: string, reason?: string) {
  const now = ctx.clock.now();
  const c = await transition(q, caller, id, ['active'], 'frozen', now, reason ?? null, (c) =>
    c.state === 'frozen'
      ? new AppError(409, 'CARD_ALREADY_FROZEN', `the card is ${c.state}; only an active card can be frozen`)
      : refusal('CARD_NOT_ACTIVE', `the card is ${c.state}; only an active card can be frozen`, { state: c.state }),
  );
  await appendEvents(q, [event(c, caller, 'frozen', now, { reason: reason ?? null })]);
  return cardView(c);
}

/** 解冻. A card frozen for a pending gift offer is unfrozen by taking the offer back (it is cancelled: the card stays the giver's). */
export async function unfreezeCard(ctx: Ctx, q: Sql, caller: Caller, id: string) {
  const now = ctx.clock.now();
  // the offer before the card, in the order an accept takes them (no deadlock); a refusal below undoes it
  const gift = await settleOfferOfCard(q, caller.tenantId, id, 'cancelled', now);
  const c = await transition(q, caller, id, ['frozen'], 'active', now, null, (c) =>
    refusal('CARD_NOT_FROZEN', `the card is ${c.state}, not frozen`, { state: c.state }),
  );
  await appendEvents(q, [
    ...(gift ? [event(c, caller, 'gift_cancelled', now, { gift_offer_id: gift.id, by: 'operator' })] : []),
    event(c, caller, 'unfrozen', now),
  ]);
  return cardView(c);
}

/** 作废: the card is finished; whatever it held leaves through a "void" ledger entry. */
export async function voidCard(ctx: Ctx, q: Sql, caller: Caller, id: string, reason?: string) {
  const now = ctx.clock.now();
  // a pending gift offer is cancelled first: the offer before the card, in the order an accept takes them (no deadlock)
  const gift = await settleOfferOfCard(q, caller.tenantId, id, 'cancelled', now);
  const before = await findById(q, caller.tenantId, id, { forUpdate: true });
  const c = await transition(q, caller, id, ['unissued', 'active', 'frozen'], 'voided', now, reason ?? null, (c) =>
    refusal('CARD_NOT_VOIDABLE', `the card is ${c.state}; it can no longer be voided`, { state: c.state }),
  );
  await q.query('UPDATE cards SET balance = 0, uses_left = 0, stamps = 0 WHERE tenant_id = $1 AND id = $2', [caller.tenantId, id]);
  if (before.balance || before.uses_left || before.stamps)
    await appendLedger(q, caller.tenantId, now, [
      { cardId: id, type: 'void', amount: -Number(before.balance), uses: -before.uses_left, stamps: -before.stamps },
    ]);
  await appendEvents(q, [
    ...(gift ? [event(c, caller, 'gift_cancelled', now, { gift_offer_id: gift.id, by: 'operator' })] : []),
    event(c, caller, 'voided', now, { reason: reason ?? null }),
  ]);
  return cardView({ ...c, balance: 0, uses_left: 0, stamps: 0 });
}

/** How an expiry is extended: to the end of a day on the tenant's calendar, or by whole days. */
export type ExtendBy = { to_date: string; days?: undefined } | { days: number; to_date?: undefined };
const MAX_EXTEND_MS = 10 * 366 * 86_400_000;

/**
 * 延长有效期: an active or frozen card's expiry moves later — `to_date` (valid through that day, tenant
 * time zone) or `days` more. Value does not change, so there is no ledger entry; the card.extended
 * event says from when to when. A card without an expiry, a periodic card (its validity is its
 * periods), and a card already past its expiry are refused with their reason.
 */
export async function extendCard(ctx: Ctx, q: Sql, caller: Caller, id: string, by: ExtendBy) {
  const now = ctx.clock.now();
  const c = await findById(q, caller.tenantId, id, { forUpdate: true, channelIds: channelsOf(caller) });
  const until = c.valid_until ? new Date(c.valid_until) : null;
  if (c.state === 'expired' || (['active', 'frozen'].includes(c.state) && until && until <= now))
    throw new AppError(409, 'CARD_EXPIRED', 'this card has expired; an expired card cannot be extended');
  if (!['active', 'frozen'].includes(c.state))
    throw new AppError(409, 'CARD_NOT_EXTENDABLE', `the card is ${c.state}; only an active or frozen card can be extended`);
  if (c.kind === 'periodic') throw new AppError(409, 'CARD_NOT_EXTENDABLE', 'a periodic card ends with its last period; it cannot be extended');
  if (!until) throw new AppError(409, 'CARD_NO_EXPIRY', 'this card has no expiry to extend');
  const tz = (await getTenant(q, caller.tenantId)).time_zone;
  const to =
    by.days !== undefined
      ? new Date(until.getTime() + by.days * 86_400_000)
      : DateTime.fromISO(by.to_date, { zone: tz }).plus({ days: 1 }).startOf('day').toJSDate();
  const field = by.days !== undefined ? 'days' : 'to_date';
  if (to <= until)
    throw new AppError(422, 'EXPIRY_NOT_LATER', `${field}: the new expiry must be later than the card's (${until.toISOString()})`, {
      errors: [{ field, reason: 'not later than the current expiry' }],
      valid_until: until.toISOString(),
    });
  if (to.getTime() - now.getTime() > MAX_EXTEND_MS) throw invalid(field, 'at most 10 years from now');
  const r = await q.query<CardRow>(
    `UPDATE cards SET valid_until = $3, updated_at = $4 WHERE tenant_id = $1 AND id = $2 AND state IN ('active', 'frozen') AND valid_until = $5 RETURNING *`,
    [caller.tenantId, id, to, now, until],
  );
  if (!r.rows[0]) throw new AppError(409, 'CARD_CHANGED', 'the card changed while extending; try again');
  await appendEvents(q, [event(r.rows[0], caller, 'extended', now, { from: until.toISOString(), to: to.toISOString() })]);
  return cardView(r.rows[0]);
}

/**
 * 充值: stored-value and gift cards only, never past the template's max balance. A bonus tier of the
 * template's rules (充500送50) is credited in the same statement as its own transfer (top_up_bonus),
 * and the card must have room for both: a bonus is never silently dropped.
 */
export async function topUpCard(ctx: Ctx, q: Sql, caller: Caller, id: string, amount: number) {
  const now = ctx.clock.now();
  const cur = await findById(q, caller.tenantId, id);
  if (!['stored_value', 'gift'].includes(cur.kind))
    throw refusal('CARD_KIND_NOT_TOPPABLE', `a ${cur.kind} card holds no balance to top up`, { kind: cur.kind });
  const t = await getTemplate(q, caller.tenantId, cur.template_id);
  const max = t.value.max_balance ?? Number.MAX_SAFE_INTEGER;
  const bonus = topUpBonus(t.rules, amount);
  const credited = amount + bonus;
  const r = await q.query<CardRow>(
    `UPDATE cards SET balance = balance + $3, updated_at = $4 WHERE tenant_id = $1 AND id = $2 AND state = 'active' AND balance + $3 <= $5 AND (valid_until IS NULL OR valid_until > $4) RETURNING *`,
    [caller.tenantId, id, credited, now, max],
  );
  if (!r.rows[0]) {
    const c = await findById(q, caller.tenantId, id);
    checkUsable(c, now);
    throw refusal(
      'MAX_BALANCE_EXCEEDED',
      `the balance may not pass ${max}: ${Number(c.balance)} + ${credited}${bonus ? ` (${amount} paid + ${bonus} bonus)` : ''}`,
      { max_balance: max, balance: Number(c.balance), credited },
    );
  }
  await appendLedger(q, caller.tenantId, now, [
    { cardId: id, type: 'top_up', amount },
    { cardId: id, type: 'top_up_bonus', amount: bonus },
  ]);
  await appendEvents(q, [event(r.rows[0], caller, 'topped_up', now, { amount, bonus })]);
  return { ...cardView(r.rows[0]), top_up: { paid: amount, bonus, credited } };
}

/**
 * 绑定, first step, before the transaction: the code and its PIN go through the guessing guard
 * (which must not be waited on inside a transaction). Returns the card's id for bindCard.
 */
export async function screenBearer(ctx: Ctx, caller: Caller, input: { code: string; pin?: string }): Promise<string> {
  const screen = screenFor(ctx, caller);
  // a channel finds only its own channel's cards; another's counts as a guess, like an unknown code
  const c = await findByCode(ctx.db, ctx.keys, caller.tenantId, input.code, screen, {
    visible: (c) => seesChannel(caller, c.channel_id),
  });
  if (c.pin_hash)
    await judgePin(
      screen,
      pinMatches(ctx.keys, caller.tenantId, c.pin_hash, input.pin),
      () => new AppError(403, 'PIN_INVALID', 'pin: this card needs its correct PIN'),
    );
  return c.id;
}

/** 绑定: a member claims a bearer code (bought wholesale, printed, gifted); `card_id` comes from screenBearer. */
export async function bindCard(ctx: Ctx, q: Sql, caller: Caller, input: { card_id: string; member_id: string }) {
  const now = ctx.clock.now();
  const c = await findById(q, caller.tenantId, input.card_id, { forUpdate: true });
  if (!(await memberExists(q, caller.tenantId, input.member_id))) throw new AppError(404, 'MEMBER_NOT_FOUND', 'member not found');
  if (c.member_id === input.member_id) return { ...cardView(c), already_bound: true };
  if (c.member_id) throw new AppError(409, 'CARD_ALREADY_BOUND', 'this card is bound to another member');
  if (c.state === 'active' && c.bind_deadline && new Date(c.bind_deadline) <= now)
    throw refusal('CARD_BIND_EXPIRED', 'the time to bind this code has passed', { bind_deadline: new Date(c.bind_deadline).toISOString() });
  checkUsable(c, now);
  const t = await getTemplate(q, caller.tenantId, c.template_id);
  await countForMember(q, caller.tenantId, input.member_id, t);
  const tz = (await getTenant(q, caller.tenantId)).time_zone;
  const v = validityAt(t, now, tz, 'bind');
  const r = await q.query<CardRow>(
    `UPDATE cards SET member_id = $3, bound_at = $4, bind_deadline = NULL, valid_until = coalesce($5, valid_until), updated_at = $4
     WHERE tenant_id = $1 AND id = $2 AND member_id IS NULL AND state = 'active' RETURNING *`,
    [caller.tenantId, c.id, input.member_id, now, v.valid_until],
  );
  if (!r.rows[0]) throw new AppError(409, 'CARD_CHANGED', 'the card changed while binding; try again');
  await appendEvents(q, [event(r.rows[0], caller, 'bound', now, undefined, input.member_id)]);
  return { ...cardView(r.rows[0]), already_bound: false };
}

/** 转赠: a transferable card moves to another member, whole. */
export async function transferCard(ctx: Ctx, q: Sql, caller: Caller, id: string, toMemberId: string, fromMemberId?: string) {
  const now = ctx.clock.now();
  const c = await findById(q, caller.tenantId, id, { forUpdate: true });
  if (fromMemberId && c.member_id !== fromMemberId) throw new AppError(404, 'CARD_NOT_FOUND', 'card not found');
  const t = await getTemplate(q, caller.tenantId, c.template_id);
  if (!(t.kind === 'gift' || t.rules.transferable)) throw new AppError(409, 'CARD_NOT_TRANSFERABLE', 'this card cannot be transferred');
  if (!c.member_id) throw new AppError(409, 'CARD_NOT_BOUND', 'bind the card to a member before transferring it');
  checkUsable(c, now);
  if (!(await memberExists(q, caller.tenantId, toMemberId))) throw new AppError(404, 'MEMBER_NOT_FOUND', 'member not found');
  if (toMemberId === c.member_id) throw new AppError(422, 'TRANSFER_TO_SELF', 'to_member_id: the card already belongs to this member');
  return cardView(await handOver(ctx, q, caller, c, toMemberId, now));
}

/**
 * Moves a card from its member to another, whole (no value moves: the ledger writes nothing), under
 * a new code: the giver has seen the code (and PIN), so the old one is unknown from now on. One
 * conditional update: the card must still be the giver's and active — or, for an accepted gift
 * offer (`giftOfferId`), still frozen for that offer — else CARD_CHANGED and nothing moved.
 */
export async function handOver(ctx: Ctx, q: Sql, caller: Caller, c: CardRow, toMemberId: string, now: Date, giftOfferId?: string): Promise<CardRow> {
  const fresh = makeCard(ctx.keys, caller.tenantId, await codeFormatOf(q, caller.tenantId, c.batch_id), !!c.pin_hash, 0);
  const expects = giftOfferId ? `state = 'frozen' AND state_reason = '${GIFT_PENDING}' AND (valid_until IS NULL OR valid_until > $4)` : `state = 'active'`;
  const r = await q.query<CardRow>(
    `UPDATE cards SET member_id = $3, updated_at = $4, code_hash = $6, code_enc = $7, code_tail = $8, pin_hash = $9, state = 'active',
       state_reason = CASE WHEN state = 'frozen' THEN NULL ELSE state_reason END
     WHERE tenant_id = $1 AND id = $2 AND member_id = $5 AND ${expects} RETURNING *`,
    [caller.tenantId, c.id, toMemberId, now, c.member_id, fresh.code_hash, fresh.code_enc, fresh.code_tail, fresh.pin_hash],
  );
  if (!r.rows[0]) throw new AppError(409, 'CARD_CHANGED', 'the card changed while transferring; try again');
  const data = { from_member_id: c.member_id, to_member_id: toMemberId, code_reissued: true, ...(giftOfferId ? { gift_offer_id: giftOfferId } : {}) };
  await appendEvents(q, [event(r.rows[0], caller, 'transferred', now, data, toMemberId)]);
  return r.rows[0];
}
