import { DEPLETES, type CardRow } from '../cards/model.js';
import type { TemplateRow } from '../templates/schemas.js';
import type { Store } from '../stores/service.js';
import { evaluate, needsVerification, otpDue, type RedeemRequest, type Take } from './rules.js';

/**
 * Decide 判定: what a redemption takes, and which write can do it. Pure — the card as read, its
 * template and store, the request and the time in; no database — so every rule and every reason
 * to step off the one-statement path is unit-tested alone (decide.test.ts). A refusal throws the
 * AppError the caller gets.
 *
 * The fast path is one statement; the transactional path is needed when the redemption must do
 * more than the statement can: a periodic card whose period ended (refilled first), an operator
 * approval to use up, or a stamp that reaches the goal (the reward card is issued with it).
 */
export type Decision =
  | { path: 'refill' } // the period is over: refill, read again, decide again
  | { path: 'fast' | 'transactional'; take: Take; goal: number | null; depletes: boolean; why?: 'approval' | 'goal' };

export const refillDue = (c: CardRow, now: Date) => c.kind === 'periodic' && c.state === 'active' && !!c.period_ends_at && new Date(c.period_ends_at) <= now;

export function decide(c: CardRow, t: TemplateRow, store: Store | null, req: RedeemRequest, now: Date, tz: string): Decision {
  if (refillDue(c, now)) return { path: 'refill' };
  const take = evaluate(c, t, store, req, now, tz);
  const goal = c.kind === 'stamp' ? t.value.goal! : null;
  const depletes = DEPLETES.includes(c.kind);
  if (req.approval_id && (needsVerification(t, take) || otpDue(t, take))) return { path: 'transactional', take, goal, depletes, why: 'approval' };
  if (goal !== null && c.stamps + take.stamps >= goal) return { path: 'transactional', take, goal, depletes, why: 'goal' };
  return { path: 'fast', take, goal, depletes };
}
