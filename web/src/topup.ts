import type { Rules } from './api/types';
import { money } from './format';

type T = (zh: string, en: string) => string;
export type BonusTier = NonNullable<Rules['top_up_bonus']>[number];

/**
 * 充值赠送: the bonus a top-up of `amount` fen gets from a template's tiers — the highest tier it
 * reaches (the server's rule, src/modules/templates/validate.ts `topUpBonus`; its answer is what counts).
 */
export function bonusFor(rules: Pick<Rules, 'top_up_bonus'> | undefined, amount: number): number {
  let best: BonusTier | undefined;
  for (const tier of rules?.top_up_bonus ?? []) if (amount >= tier.min_amount && (!best || tier.min_amount > best.min_amount)) best = tier;
  return best?.bonus ?? 0;
}

/** "充 ¥500.00 送 ¥50.00" for each tier, lowest first. */
export function tiersInWords(t: T, rules: Pick<Rules, 'top_up_bonus'> | undefined, currency?: string): string[] {
  return [...(rules?.top_up_bonus ?? [])]
    .sort((a, b) => a.min_amount - b.min_amount)
    .map((x) =>
      t(`充 ${money(x.min_amount, currency)} 送 ${money(x.bonus, currency)}`, `Top up ${money(x.min_amount, currency)}, get ${money(x.bonus, currency)} extra`),
    );
}

/** "充 ¥500.00 送 ¥50.00，到账 ¥550.00" — what a top-up of `amount` will credit. */
export function topUpInWords(t: T, amount: number, bonus: number, currency?: string): string {
  return bonus
    ? t(
        `充 ${money(amount, currency)} 送 ${money(bonus, currency)}，到账 ${money(amount + bonus, currency)}`,
        `Pay ${money(amount, currency)}, get ${money(bonus, currency)} extra: ${money(amount + bonus, currency)} credited`,
      )
    : t(`充 ${money(amount, currency)}，到账 ${money(amount, currency)}`, `Pay ${money(amount, currency)}: ${money(amount, currency)} credited`);
}
