import type { Ctx } from '../../platform/context.js';
import type { Caller } from '../../http/access.js';
import { reviewHandlers } from '../../platform/guards.js';
import { holdCard, releaseCard } from '../cards/review.js';
import type { RedeemInput } from './load.js';
import { redeem } from './redeem.js';

/** What the review desk hands a handler: the request as it will be replayed (the card by id: no code, no PIN) and who asked. */
interface Replayed {
  caller: Caller;
  request: RedeemInput & { card_id: string };
}

/**
 * 核销 waiting for review 人工审核: the card is held (nobody else redeems, transfers or voids it);
 * approval lifts the hold and redeems it as it was asked, in one transaction, past the guards that
 * sent it to review (once: the approval is that decision); rejection or expiry lifts the hold.
 */
export const redeemReviewHandler = reviewHandlers.with({
  kind: 'redeem',
  async hold(ctx: Ctx, input: unknown, reviewId: string) {
    const x = input as Replayed;
    await holdCard(ctx, ctx.db, x.caller, x.request.card_id, reviewId);
  },
  async approve(ctx: Ctx, input: unknown, reviewId: string) {
    const x = input as Replayed;
    await releaseCard(ctx, ctx.db, x.caller, x.request.card_id, reviewId, 'approved');
    return redeem(ctx, ctx.db, x.caller, x.request, { guarded: true, reviewed: reviewId });
  },
  async release(ctx: Ctx, input: unknown, reviewId: string) {
    const x = input as Replayed;
    await releaseCard(ctx, ctx.db, x.caller, x.request.card_id, reviewId, 'released');
  },
});
