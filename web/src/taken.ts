import type { Kind } from './api/types';
import { money } from './format';

type T = (zh: string, en: string) => string;

/** What one redemption took or gave, as its card kind counts it (the fields every redemption carries). */
export interface Taken {
  kind: Kind | null | undefined;
  amount: number; // the value it recorded, fen (for a count card: its uses' worth)
  uses: number;
  stamps: number;
}

export const USES_KINDS: Kind[] = ['count', 'periodic'];
export const BALANCE_KINDS: Kind[] = ['stored_value', 'gift'];

/**
 * 本次核销 in words, as a clerk or operator reads it: a count or periodic card's uses as uses ("2 次",
 * never its worth in ¥), a stamp as stamps ("+1 点"), a balance card's money taken ("扣减 ¥50.00"), a
 * coupon's discount ("优惠 ¥10.00"). Money of a count card is its worth for the reports: `worth` adds it.
 */
export function takenInWords(t: T, r: Taken, currency: string, opts: { worth?: boolean } = {}): string {
  const k = r.kind;
  if (k && USES_KINDS.includes(k)) {
    const uses = t(`${r.uses} 次`, `${r.uses} use${r.uses === 1 ? '' : 's'}`);
    return opts.worth && r.amount ? t(`${uses}（计 ${money(r.amount, currency)}）`, `${uses} (worth ${money(r.amount, currency)})`) : uses;
  }
  if (k === 'stamp' || (!k && r.stamps)) return t(`+${r.stamps} 点`, `+${r.stamps} stamp${r.stamps === 1 ? '' : 's'}`);
  if (k && BALANCE_KINDS.includes(k)) return t(`扣减 ${money(r.amount, currency)}`, `${money(r.amount, currency)} taken`);
  if (k === 'exchange')
    return r.amount ? t(`兑换 1 件（${money(r.amount, currency)}）`, `1 item exchanged (${money(r.amount, currency)})`) : t('兑换 1 件', '1 item exchanged');
  return t(`优惠 ${money(r.amount, currency)}`, `${money(r.amount, currency)} off`);
}

/** What reversing it gives back, for the reverse dialog: uses, stamps or money, or the coupon usable again. */
export function givesBackInWords(t: T, r: Taken, currency: string): string {
  const k = r.kind;
  if (k && USES_KINDS.includes(k)) return t(`卡券将恢复 ${r.uses} 次`, `The card gets back ${r.uses} use${r.uses === 1 ? '' : 's'}`);
  if (k === 'stamp') return t(`集点卡将减回 ${r.stamps} 点`, `The stamp card loses ${r.stamps} stamp${r.stamps === 1 ? '' : 's'} again`);
  if (k && BALANCE_KINDS.includes(k)) return t(`卡券将退回 ${money(r.amount, currency)}`, `The card gets back ${money(r.amount, currency)}`);
  return t('这张券将恢复为可用', 'The coupon becomes usable again');
}

/** A stamp card's progress after a stamp: "+1 → 3/10"; at the goal the stamps were spent on the reward. */
export function stampProgress(stampsNow: number, added: number, goal: number, rewarded: boolean): string {
  return `+${added} → ${rewarded ? goal : stampsNow}/${goal}`;
}
