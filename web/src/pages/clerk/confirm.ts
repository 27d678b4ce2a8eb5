import { ApiError, type Client } from '../../api';
import type { RedeemBody, RedemptionWithCard } from '../../api/types';

/**
 * One confirm 确认核销, made sure of: the body and its Idempotency-Key are fixed when the clerk presses
 * confirm, and every retry of that confirm sends exactly them. When the answer is lost — the network
 * dropped, a proxy answered 502/503/504, the server process died (500), or the first attempt is still
 * running (409 IDEMPOTENCY_IN_PROGRESS) — the till cannot know whether the card was redeemed, so it
 * asks again with the same key: the server either does it now or answers what it already did. It
 * never makes a second attempt under a new key, so one confirm is at most one redemption.
 */
export interface Pending {
  key: string;
  body: RedeemBody;
}

/** An answer that does not say what happened: ask again with the same key. */
export function answerLost(e: unknown): boolean {
  if (!(e instanceof ApiError)) return true; // a fetch that threw before any answer
  return e.status === 0 || e.status === 500 || e.status === 502 || e.status === 503 || e.status === 504 || e.code === 'IDEMPOTENCY_IN_PROGRESS';
}

/** Waits between the attempts of one confirm (ms): quick at first, then patient; about 20 s in all. */
export const RETRY_DELAYS = [600, 1200, 2500, 4000, 6000, 6000];

/** Thrown when every retry lost its answer too: the till says it is still unsure and offers to ask again (same key). */
export class StillUnsure extends Error {}

/**
 * Sends the confirm, and again on a lost answer, until the server says what happened: the redemption
 * (made now or earlier under this key), or a refusal (thrown as the ApiError it is). `onLost(n)` is told
 * before the n-th retry, so the page can say "网络中断，正在确认是否已核销…".
 */
/** 202: a risk rule sent the redemption to review 人工审核; nothing is done yet (poll the review). */
export type PendingReview = { status: 'pending_review'; review_id: string; message: { zh: string; en: string }; hold_until: string };
export const isPendingReview = (r: RedemptionWithCard | PendingReview): r is PendingReview => r.status === 'pending_review';

export async function redeemSurely(api: Client, p: Pending, onLost: (attempt: number) => void, sleep = wait): Promise<RedemptionWithCard | PendingReview> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await api.redeem(p.body, p.key);
    } catch (e) {
      if (!answerLost(e)) throw e;
      if (attempt >= RETRY_DELAYS.length) throw new StillUnsure();
      onLost(attempt + 1);
      await sleep(RETRY_DELAYS[attempt]!);
    }
  }
}

const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
