import { AppError } from '../../errors.js';
import type { Kind, Rules, Validity, Value } from './schemas.js';

/**
 * The kind decides which value fields a template needs and which rules make sense. Every refusal
 * names the field and the reason with code TEMPLATE_INVALID, so an operator can fix the form.
 */
const VALUE_FIELDS: Record<Kind, { required: (keyof Value)[]; optional: (keyof Value)[] }> = {
  cash: { required: ['amount_off'], optional: [] },
  discount: { required: ['percent_off'], optional: ['max_off'] },
  exchange: { required: ['sku'], optional: ['product_name', 'face_value'] },
  count: { required: ['uses'], optional: ['face_value', 'card_value', 'product_name'] },
  periodic: { required: ['uses_per_period', 'period', 'periods'], optional: ['face_value', 'card_value', 'product_name'] },
  stored_value: { required: ['initial_balance'], optional: ['max_balance'] },
  gift: { required: ['initial_balance'], optional: ['max_balance'] },
  stamp: { required: ['goal', 'reward_template_id'], optional: ['product_name'] },
  external: { required: ['supplier', 'product_name'], optional: ['face_value'] },
};

/** Rules about where and when a redemption happens: meaningless for codes never redeemed here. */
const REDEMPTION_RULES: (keyof Rules)[] = [
  'weekdays',
  'hours',
  'store_ids',
  'store_tags',
  'geofence',
  'min_spend',
  'product_ids',
  'verification',
  'leakage',
  'dynamic_code',
  'otp_above',
];

function refuse(field: string, reason: string): never {
  throw new AppError(422, 'TEMPLATE_INVALID', `${field}: ${reason}`, { errors: [{ field, reason }] });
}

export function validateTemplate(kind: Kind, value: Value, validity: Validity, rules: Rules, now: Date): void {
  const spec = VALUE_FIELDS[kind];
  for (const f of spec.required) if (value[f] === undefined) refuse(`value.${f}`, `required for a ${kind} template`);
  for (const f of Object.keys(value) as (keyof Value)[]) {
    if (!spec.required.includes(f) && !spec.optional.includes(f)) refuse(`value.${f}`, `not used by a ${kind} template`);
  }
  if (value.face_value !== undefined && value.card_value !== undefined)
    refuse('value.card_value', 'give face_value (what one use is worth) or card_value (what all the uses are worth together), not both');
  if (kind === 'gift' && value.initial_balance === 0) refuse('value.initial_balance', 'a gift card carries a balance above 0');
  if (value.max_balance !== undefined && value.initial_balance !== undefined && value.max_balance < value.initial_balance)
    refuse('value.max_balance', 'is below initial_balance');

  if (kind === 'external') {
    for (const r of REDEMPTION_RULES) if (rules[r] !== undefined) refuse(`rules.${r}`, 'external codes are delivered, never redeemed here');
  }
  if (kind === 'cash' && rules.min_spend !== undefined && value.amount_off! > rules.min_spend)
    refuse('value.amount_off', `is more than rules.min_spend (${rules.min_spend}): the order could be paid below zero`);
  if (rules.verification?.threshold !== undefined && !['stored_value', 'gift', 'cash', 'discount'].includes(kind))
    refuse('rules.verification.threshold', `a threshold needs an amount; ${kind} redemptions carry none (leave it out to verify every redemption)`);
  if (kind === 'gift' && rules.transferable === false) refuse('rules.transferable', 'gift cards are transferable by definition');
  if (kind === 'stamp' && rules.per_member_limit === undefined) {
    // fine: a member may collect several stamp cards
  }
  checkTopUpBonus(kind, value, rules);
  for (const h of rules.hours ?? []) if (h.from === h.to) refuse('rules.hours', `from and to are both ${h.from}`);
  if (rules.store_ids && rules.store_tags) refuse('rules.store_tags', 'give store_ids or store_tags, not both');

  if (validity.type === 'fixed') {
    const end = new Date(validity.ends_at);
    if (validity.starts_at && new Date(validity.starts_at) >= end) refuse('validity.ends_at', 'is not after starts_at');
    if (end <= now) refuse('validity.ends_at', 'is already in the past');
  }
  if (validity.type === 'relative' && validity.from === 'bind' && kind === 'external') refuse('validity.from', 'external codes are not bound');
  if (kind === 'periodic' && validity.type === 'period_end') refuse('validity', 'a periodic card runs for its periods; use none, fixed or relative');
}

/** 充值赠送 tiers: only on cards that are topped up, each a real step, each reachable under the card's max balance. */
function checkTopUpBonus(kind: Kind, value: Value, rules: Rules) {
  const tiers = rules.top_up_bonus;
  if (!tiers) return;
  if (kind !== 'stored_value' && kind !== 'gift') refuse('rules.top_up_bonus', `a ${kind} card holds no balance to top up`);
  const seen = new Set<number>();
  tiers.forEach((tier, i) => {
    if (seen.has(tier.min_amount)) refuse(`rules.top_up_bonus[${i}].min_amount`, `${tier.min_amount} appears in two tiers`);
    seen.add(tier.min_amount);
    if (tier.bonus > tier.min_amount) refuse(`rules.top_up_bonus[${i}].bonus`, `is more than the top-up it rewards (${tier.min_amount})`);
    if (value.max_balance !== undefined && tier.min_amount + tier.bonus > value.max_balance)
      refuse(`rules.top_up_bonus[${i}].min_amount`, `with its bonus passes value.max_balance (${value.max_balance}): no card could ever take it`);
  });
}

/** The bonus a top-up of `amount` gets: the highest tier it reaches, or 0. */
export function topUpBonus(rules: Pick<Rules, 'top_up_bonus'>, amount: number): number {
  let best: { min_amount: number; bonus: number } | undefined;
  for (const t of rules.top_up_bonus ?? []) if (amount >= t.min_amount && (!best || t.min_amount > best.min_amount)) best = t;
  return best?.bonus ?? 0;
}
