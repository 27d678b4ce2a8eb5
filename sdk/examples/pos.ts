import { createKaquan, KaquanError, type Kaquan } from '../src/index.js';

// A till 收银台 with a clerk key of its store: look the code up, check, redeem, and undo on a return.
export const till = (baseUrl: string, clerkKey: string): Kaquan => createKaquan({ baseUrl, apiKey: clerkKey });

export async function redeemAtTill(kq: Kaquan, code: string, storeId: string, orderAmount: number, ticketNo: string) {
  const { data: card } = await kq.POST('/v1/cards/lookup', { body: { code } });
  const { data: check } = await kq.POST('/v1/redemptions/check', { body: { code, store_id: storeId, order_amount: orderAmount } });
  if (!check.redeemable) return { redeemed: false as const, card, why: check.code };
  try {
    // the ticket number makes a retry after a lost answer (or a restart of the till) the same redemption
    const { data } = await kq.POST('/v1/redemptions', { body: { code, store_id: storeId, order_amount: orderAmount, request_no: ticketNo } });
    // a risk rule may hold it for an operator (202 人工审核): poll GET /v1/reviews/{review_id}
    if ('review_id' in data) return { redeemed: false as const, card, why: 'PENDING_REVIEW', review: data.review_id };
    return { redeemed: true as const, card: data.card, redemption: data, discount: data.amount };
  } catch (e) {
    if (e instanceof KaquanError && e.code === 'CARD_ALREADY_REDEEMED') return { redeemed: false as const, card, why: e.code };
    throw e;
  }
}

export const undoAtTill = (kq: Kaquan, redemptionId: string) =>
  kq.POST('/v1/redemptions/{id}/reverse', { params: { path: { id: redemptionId } }, body: { reason: '顾客退货 customer return' } });
