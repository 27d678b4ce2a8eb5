import { createHash, randomBytes } from 'node:crypto';
import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import type { Caller } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { newId } from '../../ids.js';
import { getTemplate } from '../templates/service.js';
import { memberByPhone, memberExists } from '../members/service.js';
import { appendEvents } from './events.js';
import { checkUsable, type CardRow } from './model.js';
import { findById, judgePin, screenFor } from './lookup.js';
import { event, handOver } from './manage.js';
import { GIFT_PENDING, OFFER_COLS, type GiftOfferRow } from './gift-offers.js';

/**
 * 转赠 by a share link (docs/architecture.md, "Gifts"): the giver offers a transferable card; the card
 * stays theirs, frozen for the offer, until a friend accepts it from the link in their own wallet
 * (the card moves to the friend under a new code, as a transfer does), the giver cancels, or the
 * offer expires (the card is the giver's again). Every step is one conditional update of the offer
 * row, so two accepts of one offer race to one winner, and an accept and a cancel to one outcome.
 */
export const GIFT_OFFER_HOURS = 24;

/** The link's secret: 256 random bits. Only its SHA-256 is stored. */
const newSecret = () => `kqg_${randomBytes(32).toString('base64url')}`;
export const hashGiftSecret = (secret: string) => createHash('sha256').update(secret).digest();

const memberOf = (caller: Caller) => {
  if (caller.role !== 'member' || !caller.memberId) throw new AppError(403, 'FORBIDDEN', 'only a member gives and accepts gifts, from their wallet');
  return caller.memberId;
};
const notFound = () => new AppError(404, 'GIFT_OFFER_NOT_FOUND', 'this gift link is not valid; ask your friend to send it again');

/** Offer one of the caller's own transferable cards, to whoever opens the link or (toMemberId) to one member. */
export async function offerGift(ctx: Ctx, q: Sql, caller: Caller, cardId: string, toMemberId?: string) {
  const giver = memberOf(caller);
  const now = ctx.clock.now();
  const c = await findById(q, caller.tenantId, cardId, { forUpdate: true });
  if (c.member_id !== giver) throw new AppError(404, 'CARD_NOT_FOUND', 'card not found');
  const t = await getTemplate(q, caller.tenantId, c.template_id);
  if (!(t.kind === 'gift' || t.rules.transferable)) throw new AppError(409, 'CARD_NOT_TRANSFERABLE', 'this card cannot be transferred');
  checkUsable(c, now); // a card already offered answers CARD_GIFT_PENDING
  if (toMemberId === giver) throw new AppError(422, 'TRANSFER_TO_SELF', 'phone: this is your own phone number');
  if (toMemberId && !(await memberExists(q, caller.tenantId, toMemberId))) throw new AppError(404, 'MEMBER_NOT_FOUND', 'member not found');
  const frozen = await q.query<CardRow>(
    `UPDATE cards SET state = 'frozen', state_reason = $3, updated_at = $4 WHERE tenant_id = $1 AND id = $2 AND member_id = $5 AND state = 'active' RETURNING *`,
    [caller.tenantId, c.id, GIFT_PENDING, now, giver],
  );
  if (!frozen.rows[0]) throw new AppError(409, 'CARD_CHANGED', 'the card changed while offering it; try again');
  const secret = newSecret();
  const offer = (
    await q.query<GiftOfferRow>(
      `INSERT INTO card_gift_offers (tenant_id, id, card_id, from_member_id, to_member_id, token_hash, state, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7, $8) RETURNING ${OFFER_COLS}`,
      [caller.tenantId, newId('gft'), c.id, giver, toMemberId ?? null, hashGiftSecret(secret), now, new Date(now.getTime() + GIFT_OFFER_HOURS * 3_600_000)],
    )
  ).rows[0]!;
  await appendEvents(q, [
    event(frozen.rows[0], caller, 'gift_offered', now, { gift_offer_id: offer.id, to_member_id: offer.to_member_id, expires_at: offer.expires_at }),
  ]);
  return { offer, secret, card: frozen.rows[0] };
}

/** The offer a link's secret opens (any state), or null. */
export async function offerBySecret(q: Sql, tenantId: string, secret: string): Promise<GiftOfferRow | null> {
  const r = await q.query<GiftOfferRow>(`SELECT ${OFFER_COLS} FROM card_gift_offers WHERE tenant_id = $1 AND token_hash = $2`, [
    tenantId,
    hashGiftSecret(secret),
  ]);
  return r.rows[0] ?? null;
}

/** Why an offer cannot be accepted (or cancelled) now, from the offer as it is. */
function settled(o: GiftOfferRow, now: Date): AppError {
  if (o.state === 'accepted') return new AppError(409, 'GIFT_OFFER_ACCEPTED', 'this gift has already been accepted');
  if (o.state === 'cancelled') return new AppError(409, 'GIFT_OFFER_CANCELLED', 'your friend took this gift back');
  if (o.state === 'expired' || new Date(o.expires_at) <= now)
    return new AppError(409, 'GIFT_OFFER_EXPIRED', `this gift was not accepted within ${GIFT_OFFER_HOURS} hours and went back to your friend`);
  return new AppError(409, 'GIFT_OFFER_CHANGED', 'this gift changed while accepting it; try again');
}

/**
 * 领取: the caller accepts an offer, by the link's secret or (an offer made to them by phone) by its id.
 * One conditional update claims the offer; the card then moves with the transfer's own hand-over, in
 * the same transaction (if the card can no longer move — voided, expired — nothing is claimed).
 */
export async function acceptGift(ctx: Ctx, q: Sql, caller: Caller, by: { secret?: string; offerId?: string }) {
  const me = memberOf(caller);
  const now = ctx.clock.now();
  if (!by.secret && !by.offerId)
    throw new AppError(422, 'VALIDATION_FAILED', 'token: the gift link’s token, or offer_id', { errors: [{ field: 'token', reason: 'required' }] });
  const which = by.secret ? 'token_hash = $2' : 'id = $2 AND to_member_id = $3';
  const key = by.secret ? hashGiftSecret(by.secret) : by.offerId;
  const claimed = await q.query<GiftOfferRow>(
    `UPDATE card_gift_offers SET state = 'accepted', accepted_by = $3, settled_at = $4
     WHERE tenant_id = $1 AND ${which} AND state = 'pending' AND expires_at > $4 AND from_member_id <> $3 AND (to_member_id IS NULL OR to_member_id = $3)
     RETURNING ${OFFER_COLS}`,
    [caller.tenantId, key, me, now],
  );
  const offer = claimed.rows[0];
  if (!offer) {
    const o = (
      await q.query<GiftOfferRow>(
        `SELECT ${OFFER_COLS} FROM card_gift_offers WHERE tenant_id = $1 AND ${by.secret ? 'token_hash = $2' : 'id = $2 AND to_member_id = $3'}`,
        by.secret ? [caller.tenantId, key] : [caller.tenantId, key, me],
      )
    ).rows[0];
    if (!o) throw notFound();
    if (o.from_member_id === me) throw new AppError(409, 'GIFT_OFFER_OWN', 'this is your own gift: send the link to a friend');
    if (o.to_member_id && o.to_member_id !== me) throw new AppError(403, 'GIFT_OFFER_NOT_FOR_YOU', 'this gift was sent to another member');
    if (o.state === 'accepted' && o.accepted_by === me) return { offer: o, card: await findById(q, caller.tenantId, o.card_id), already_accepted: true };
    throw settled(o, now);
  }
  const c = await findById(q, caller.tenantId, offer.card_id, { forUpdate: true });
  const card = await handOver(ctx, q, caller, c, me, now, offer.id).catch((e) => {
    if (e instanceof AppError && e.code === 'CARD_CHANGED')
      throw new AppError(409, 'GIFT_OFFER_UNAVAILABLE', 'this card can no longer be given (it expired or was voided)');
    throw e;
  });
  await appendEvents(q, [event(card, caller, 'gift_accepted', now, { gift_offer_id: offer.id, from_member_id: offer.from_member_id }, me)]);
  return { offer, card, already_accepted: false };
}

/** 取消转赠: the giver takes a pending offer back; the card is theirs and usable again. */
export async function cancelGift(ctx: Ctx, q: Sql, caller: Caller, offerId: string) {
  const me = memberOf(caller);
  const now = ctx.clock.now();
  const r = await q.query<GiftOfferRow>(
    `UPDATE card_gift_offers SET state = 'cancelled', settled_at = $4 WHERE tenant_id = $1 AND id = $2 AND from_member_id = $3 AND state = 'pending'
     RETURNING ${OFFER_COLS}`,
    [caller.tenantId, offerId, me, now],
  );
  const offer = r.rows[0];
  if (!offer) {
    const o = (
      await q.query<GiftOfferRow>(`SELECT ${OFFER_COLS} FROM card_gift_offers WHERE tenant_id = $1 AND id = $2 AND from_member_id = $3`, [
        caller.tenantId,
        offerId,
        me,
      ])
    ).rows[0];
    if (!o) throw new AppError(404, 'GIFT_OFFER_NOT_FOUND', 'gift offer not found');
    if (o.state === 'accepted') throw new AppError(409, 'GIFT_OFFER_ACCEPTED', 'your friend has already accepted this gift');
    return { offer: o, card: await findById(q, caller.tenantId, o.card_id) }; // already cancelled or expired: the card is back
  }
  const card = await giveBack(q, caller.tenantId, offer, now);
  await appendEvents(q, [event(card, caller, 'gift_cancelled', now, { gift_offer_id: offer.id, by: 'member' })]);
  return { offer, card };
}

/** The giver's card, unfrozen if it is still frozen for this offer (a card voided or expired meanwhile stays as it is). */
async function giveBack(q: Sql, tenantId: string, o: GiftOfferRow, at: Date): Promise<CardRow> {
  const r = await q.query<CardRow>(
    `UPDATE cards SET state = 'active', state_reason = NULL, updated_at = $4
     WHERE tenant_id = $1 AND id = $2 AND member_id = $3 AND state = 'frozen' AND state_reason = '${GIFT_PENDING}' RETURNING *`,
    [tenantId, o.card_id, o.from_member_id, at],
  );
  return r.rows[0] ?? (await findById(q, tenantId, o.card_id));
}

/** The cards.gift_expire sweep: offers past their time expire and their cards are the givers' again. SKIP LOCKED: processes share the work. */
export async function expireGiftOffers(ctx: Ctx, limit = 500): Promise<number> {
  let total = 0;
  for (;;) {
    const now = ctx.clock.now();
    const n = await ctx.db.tx(async (q) => {
      const due = (
        await q.query<GiftOfferRow>(
          `UPDATE card_gift_offers o SET state = 'expired', settled_at = $1
           FROM (SELECT tenant_id, id FROM card_gift_offers WHERE state = 'pending' AND expires_at <= $1 ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED) d
           WHERE o.tenant_id = d.tenant_id AND o.id = d.id RETURNING ${OFFER_COLS.replace(/(\w+)/g, 'o.$1')}`,
          [now, limit],
        )
      ).rows;
      for (const o of due) {
        const card = await giveBack(q, o.tenant_id, o, now);
        const system: Caller = { tenantId: o.tenant_id, keyId: 'system:gift_expire', role: 'system', storeIds: [], channelId: null };
        await appendEvents(q, [{ ...event(card, system, 'gift_expired', now, { gift_offer_id: o.id }, o.from_member_id), keyId: null }]);
      }
      return due.length;
    });
    total += n;
    if (n < limit) return total;
  }
}

/**
 * 按手机号转赠: the member a phone number belongs to, before the transaction. A number that is no
 * member's counts as a guess with the code-guessing guard (risk/guard.ts), so a wallet cannot be used
 * to find out which numbers are members; a hit is told only to a caller within budget.
 */
export async function recipientByPhone(ctx: Ctx, caller: Caller, phone: string): Promise<string> {
  const m = await memberByPhone(ctx.db, ctx.keys, caller.tenantId, phone);
  await judgePin(
    screenFor(ctx, caller),
    !!m,
    () =>
      new AppError(404, 'MEMBER_NOT_FOUND', 'phone: no member has this phone number; send your friend the gift link instead', {
        errors: [{ field: 'phone', reason: 'no member' }],
      }),
  );
  return m!.id;
}
