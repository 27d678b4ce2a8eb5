import type { Sql } from '../../db/index.js';

/** A card frozen for a pending gift offer carries this state_reason (docs/architecture.md, "Gifts"). */
export const GIFT_PENDING = 'gift_pending';

export type GiftOfferState = 'pending' | 'accepted' | 'cancelled' | 'expired';
export interface GiftOfferRow {
  tenant_id: string;
  id: string;
  card_id: string;
  from_member_id: string;
  to_member_id: string | null;
  state: GiftOfferState;
  accepted_by: string | null;
  created_at: Date;
  expires_at: Date;
  settled_at: Date | null;
}
export const OFFER_COLS = 'tenant_id, id, card_id, from_member_id, to_member_id, state, accepted_by, created_at, expires_at, settled_at';

/** The card's pending offer, settled as cancelled or expired (when the card is voided, or unfrozen by an operator); null when it had none. */
export async function settleOfferOfCard(q: Sql, tenantId: string, cardId: string, to: 'cancelled' | 'expired', at: Date): Promise<GiftOfferRow | null> {
  const r = await q.query<GiftOfferRow>(
    `UPDATE card_gift_offers SET state = $3, settled_at = $4 WHERE tenant_id = $1 AND card_id = $2 AND state = 'pending' RETURNING ${OFFER_COLS}`,
    [tenantId, cardId, to, at],
  );
  return r.rows[0] ?? null;
}

/** A member's pending offers: the ones they made, and the ones made to them by phone. */
export async function pendingOffersOf(q: Sql, tenantId: string, memberId: string): Promise<{ sent: GiftOfferRow[]; received: GiftOfferRow[] }> {
  const r = await q.query<GiftOfferRow>(
    `(SELECT ${OFFER_COLS} FROM card_gift_offers WHERE tenant_id = $1 AND from_member_id = $2 AND state = 'pending')
     UNION ALL (SELECT ${OFFER_COLS} FROM card_gift_offers WHERE tenant_id = $1 AND to_member_id = $2 AND state = 'pending')
     ORDER BY created_at DESC LIMIT 400`,
    [tenantId, memberId],
  );
  return { sent: r.rows.filter((o) => o.from_member_id === memberId), received: r.rows.filter((o) => o.to_member_id === memberId) };
}
