import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../errors.js';
import { getMember } from '../members/service.js';
import { getTemplate } from '../templates/service.js';
import { findById } from '../cards/lookup.js';
import { cardView } from '../cards/model.js';
import { acceptGift, cancelGift, offerBySecret, offerGift } from '../cards/gift.js';
import { pendingOffersOf, type GiftOfferRow } from '../cards/gift-offers.js';
import { at, summary, walletCaller } from './service.js';

/**
 * 转赠 in the wallet: a member offers a card by a share link (or to a phone number), sees it as
 * 转赠中 and may take it back; a friend opens the link in their own wallet and accepts it. The
 * cards module does the work (cards/gift.ts); this module scopes it to the member and shows it.
 */

/** The share link: the secret rides in the fragment, never sent to a server in a request line or Referer. */
export const giftUrl = (ctx: Ctx, secret: string) => `${ctx.config.publicUrl.replace(/\/$/, '')}/wallet/gift#g=${secret}`;

/** An offer as `viewer` sees it: the card it gives (what it holds, not its code), who gives it, to whom. */
async function offerView(q: Sql, tenantId: string, o: GiftOfferRow, viewer: string) {
  const c = await findById(q, tenantId, o.card_id);
  const t = await getTemplate(q, tenantId, c.template_id);
  const from = await getMember(q, tenantId, o.from_member_id).catch(() => null);
  const to = o.to_member_id ? await getMember(q, tenantId, o.to_member_id).catch(() => null) : null;
  return {
    id: o.id,
    state: o.state,
    card_id: viewer === o.from_member_id ? o.card_id : null,
    card: {
      name: t.name,
      kind: t.kind,
      description: t.description,
      value: t.value,
      balance: Number(c.balance),
      uses_left: c.uses_left,
      stamps: c.stamps,
      valid_until: c.valid_until,
    },
    from_name: from?.name ?? null,
    to_phone_last4: to?.phone_last4 ?? null,
    created_at: o.created_at,
    expires_at: o.expires_at,
    settled_at: o.settled_at,
  };
}

export async function walletOfferGift(ctx: Ctx, q: Sql, tenantId: string, memberId: string, cardId: string, toMemberId?: string) {
  const { offer, secret } = await offerGift(ctx, q, walletCaller(tenantId, memberId), cardId, toMemberId);
  return { ...(await offerView(q, tenantId, offer, memberId)), url: giftUrl(ctx, secret), secret };
}

/** My pending offers: the ones I made (转赠中) and the ones made to me by phone (待领取). */
export async function walletGiftOffers(q: Sql, tenantId: string, memberId: string) {
  const { sent, received } = await pendingOffersOf(q, tenantId, memberId);
  return {
    sent: await Promise.all(sent.map((o) => offerView(q, tenantId, o, memberId))),
    received: await Promise.all(received.map((o) => offerView(q, tenantId, o, memberId))),
  };
}

/** What a gift link offers, to a member holding its secret (whoever they are: the link is the credential). */
export async function walletPreviewGift(ctx: Ctx, q: Sql, tenantId: string, memberId: string, secret: string) {
  const o = await offerBySecret(q, tenantId, secret);
  if (!o) throw new AppError(404, 'GIFT_OFFER_NOT_FOUND', 'this gift link is not valid; ask your friend to send it again');
  const yours = o.from_member_id === memberId;
  const open = o.state === 'pending' && new Date(o.expires_at) > ctx.clock.now();
  return { ...(await offerView(q, tenantId, o, memberId)), yours, for_you: open && !yours && (!o.to_member_id || o.to_member_id === memberId) };
}

export async function walletAcceptGift(ctx: Ctx, q: Sql, tenantId: string, memberId: string, by: { secret?: string; offerId?: string }) {
  const r = await acceptGift(ctx, q, walletCaller(tenantId, memberId), by);
  const t = await getTemplate(q, tenantId, r.card.template_id);
  return {
    id: r.offer.id,
    offer: await offerView(q, tenantId, r.offer, memberId),
    card: summary(cardView(r.card), t, await at(ctx, q, tenantId)),
    already_accepted: r.already_accepted,
  };
}

export async function walletCancelGift(ctx: Ctx, q: Sql, tenantId: string, memberId: string, offerId: string) {
  const r = await cancelGift(ctx, q, walletCaller(tenantId, memberId), offerId);
  return offerView(q, tenantId, r.offer, memberId);
}
