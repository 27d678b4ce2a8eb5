import type { Caller } from '../http/access.js';
import type { Ctx } from './context.js';
import { extensionPoint } from './extensions.js';

/**
 * Guarded actions 受控动作: the seams the risk engine (risk/), the review queue (reviews/) and second
 * verification (verification/) meet through, so that the module that owns an action (cards issue a
 * card, the wallet binds one, identity signs in) asks "may this happen?" without importing any of
 * them. docs/risk.md says who plugs what in.
 *
 * The owner builds a `GuardedAction` and runs the action inside `guarded(ctx, a, run)`: every guard
 * is asked first (a guard may throw: refused, a challenge, sent to review); what the guards took
 * (counters) is given back when `run` then fails, so a refused issue does not use up a member's
 * daily limit. The redemption keeps its own point (redemptions/extensions.ts: it has the card loaded)
 * and the risk engine plugs into both.
 */
export type GuardedActionName = 'claim' | 'issue' | 'bind' | 'redeem' | 'transfer' | 'lookup' | 'sign_in';

/** Everything a rule or a list may name. Absent or null: not known for this action. */
export interface Subjects {
  member_id?: string | null;
  /** the member's phone as members/ stores it for look-up (HMAC), never the number */
  phone_hash?: string | null;
  /** the client's device id as sent (wallet header `X-Kaquan-Device`, or `client.device_id` in a body the brand's server forwards) */
  device_id?: string | null;
  ip?: string | null;
  store_id?: string | null;
  /** the API key or operator session that called */
  key_id?: string | null;
  channel_id?: string | null;
  card_id?: string | null;
  template_id?: string | null;
  batch_id?: string | null;
}

export interface GuardedAction {
  tenantId: string;
  action: GuardedActionName;
  caller: Caller;
  at: Date;
  subjects: Subjects;
  /** the value at stake, fen (a redemption's amount, an issued card's face value), when there is one */
  amount?: number;
  /** a second-verification proof the caller sent with this request */
  proof?: { challenge_id: string; code: string };
  /** how the owner would carry the action out later, if a guard sends it to review: the kind a ReviewHandler answers to, and its input */
  replay?: { kind: string; input: unknown };
}

/** What a guard took for an action that went ahead, and how to give it back. */
export interface GuardPass {
  /** `error`: why the action failed (a guard counting failures — unknown codes, wrong PINs — counts it here) */
  undo(error?: unknown): Promise<void>;
}

export interface ActionGuard {
  name: string;
  check(ctx: Ctx, a: GuardedAction): Promise<GuardPass | undefined | void>;
}

export const actionGuards = extensionPoint<ActionGuard>('action.guards');

/** Ask every guard, then run the action; a failed action gives back what the guards took. */
export async function guarded<T>(ctx: Ctx, a: GuardedAction, run: () => Promise<T>): Promise<T> {
  const passes: GuardPass[] = [];
  // an undo that fails leaves a counter one too high until its window ends: never more admitted than the limit
  const undo = (e?: unknown) => Promise.allSettled(passes.map((p) => p.undo(e)));
  try {
    for (const g of actionGuards.list()) {
      const p = await g.check(ctx, a);
      if (p) passes.push(p);
    }
  } catch (e) {
    await undo();
    throw e;
  }
  try {
    return await run();
  } catch (e) {
    await undo(e);
    throw e;
  }
}

/**
 * Second verification 二次验证 (verification/ plugs in one): passes when `a.proof` is a valid,
 * unused one-time code for this action's member and card; otherwise sends a new code to the member's
 * phone and throws 428 `OTP_REQUIRED` with `challenge_id` (and where it was sent, masked).
 */
export interface SecondFactor {
  require(ctx: Ctx, a: GuardedAction, reason: { zh: string; en: string }): Promise<void>;
}
export const secondFactors = extensionPoint<SecondFactor>('risk.second-factor');

/**
 * The review desk 人工审核 (reviews/ plugs in one): holds what the action would take (through the
 * owner's ReviewHandler), records the review, and throws the pending answer (HTTP 202, `review_id`).
 */
export interface ReviewDesk {
  send(ctx: Ctx, a: GuardedAction, decision: { id: string | null; rules: { id: string; name: string }[] }): Promise<never>;
}
export const reviewDesks = extensionPoint<ReviewDesk>('risk.review-desk');

/**
 * How the owner of an action holds it while it waits, carries it out on approval, and lets it go on
 * rejection or timeout. `kind` matches `GuardedAction.replay.kind`.
 */
export interface ReviewHandler {
  kind: string;
  hold(ctx: Ctx, input: unknown, reviewId: string): Promise<void>;
  approve(ctx: Ctx, input: unknown, reviewId: string): Promise<unknown>;
  release(ctx: Ctx, input: unknown, reviewId: string): Promise<void>;
}
export const reviewHandlers = extensionPoint<ReviewHandler>('review.handlers');
