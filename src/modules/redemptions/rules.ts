import { AppError } from '../../errors.js';
import type { TemplateRow } from '../templates/schemas.js';
import type { Store } from '../stores/service.js';
import { localClock } from '../cards/periods.js';
import { checkUsable, type CardRow } from '../cards/model.js';
import { refusal } from '../../platform/problems/refusal.js';

export interface RedeemRequest {
  store_id?: string;
  order_amount?: number;
  amount?: number;
  uses?: number;
  stamps?: number;
  product_ids?: string[];
  location?: { lat: number; lng: number };
  approval_id?: string;
  pin?: string;
  /** a one-time code sent to the member's phone (二次验证 by SMS: verification/) */
  otp?: { challenge_id: string; code: string };
}

/** What one redemption takes from the card and the value it gives (for reports). */
export interface Take {
  amount: number; // balance debited (stored_value, gift)
  uses: number;
  stamps: number;
  value: number; // value given: discount, face value, or balance debited
}

/** The inputs a redemption may need besides the code (check answers `needs`). */
export const INPUTS = ['order_amount', 'amount', 'product_ids'] as const;
export type Input = (typeof INPUTS)[number];

/** What a redemption of a card of this template must be sent: a till asks for it before or with the check. */
export function inputsNeeded(t: Pick<TemplateRow, 'kind' | 'rules'>): Input[] {
  const needs: Input[] = [];
  if (t.rules.min_spend !== undefined || t.kind === 'discount') needs.push('order_amount');
  if (t.kind === 'stored_value' || t.kind === 'gift') needs.push('amount');
  if (t.rules.product_ids) needs.push('product_ids');
  return needs;
}

const fail = (status: number, code: string, message: string): never => {
  throw new AppError(status, code, message);
};

function distanceM(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const R = 6_371_000;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

/**
 * Every redemption rule, in the order a clerk would want to hear about them. Pure: the same
 * function answers "can this be redeemed here, now?" (check) and guards the redemption itself.
 */
export function evaluate(c: CardRow, t: TemplateRow, store: Store | null, req: RedeemRequest, now: Date, tz: string): Take {
  if (t.kind === 'external') fail(409, 'CARD_NOT_REDEEMABLE', 'third-party codes are delivered to the member and used with the supplier, not redeemed here');
  checkUsable(c, now);
  const r = t.rules;
  if (r.bind_within_hours && !c.member_id) fail(409, 'CARD_NOT_BOUND', 'this card must be bound to a member before it is used');
  if (t.kind === 'periodic' && c.period_ends_at && new Date(c.period_ends_at) <= now) {
    // refilled by the caller before evaluation; reaching here means the last period has ended
    throw refusal('CARD_EXPIRED', 'the last period of this card has ended', { valid_until: new Date(c.period_ends_at).toISOString() });
  }
  const local = r.weekdays || r.hours ? localClock(now, tz) : { weekday: 0, minutes: 0 }; // the calendar only when a rule reads it
  if (r.weekdays && !r.weekdays.includes(local.weekday))
    throw refusal('RULE_WEEKDAY_NOT_ALLOWED', `not redeemable on this weekday (allowed: ${r.weekdays.join(', ')}; 1 = Monday)`, {
      weekdays: r.weekdays,
      today: local.weekday,
    });
  if (r.hours) {
    const ok = r.hours.some(({ from, to }) => {
      const f = +from.slice(0, 2) * 60 + +from.slice(3);
      const e = +to.slice(0, 2) * 60 + +to.slice(3);
      return f < e ? local.minutes >= f && local.minutes < e : local.minutes >= f || local.minutes < e;
    });
    if (!ok)
      throw refusal('RULE_OUTSIDE_HOURS', `not redeemable at this hour (allowed: ${r.hours.map((h) => `${h.from}-${h.to}`).join(', ')})`, { hours: r.hours });
  }
  if ((r.store_ids || r.store_tags) && !store) fail(422, 'STORE_REQUIRED', 'store_id: this card is redeemable only at certain stores; name the store');
  // the names of the allowed stores are added where the database is at hand (explain.ts)
  if ((r.store_ids && !r.store_ids.includes(store!.id)) || (r.store_tags && !store!.tags.some((tag) => r.store_tags!.includes(tag))))
    throw refusal(
      'RULE_STORE_NOT_ALLOWED',
      'this card is not redeemable at this store',
      { store_name: store!.name },
      { allowed_store_ids: r.store_ids, allowed_store_tags: r.store_tags },
    );
  if (r.geofence) {
    const at = req.location ?? (store?.lat != null ? { lat: store.lat, lng: store.lng! } : null);
    if (!at) fail(422, 'RULE_LOCATION_REQUIRED', 'location: this card is redeemable only within an area; send location or use a store with coordinates');
    if (distanceM(at!, r.geofence) > r.geofence.radius_m)
      throw refusal('RULE_OUTSIDE_GEOFENCE', `not redeemable here: more than ${r.geofence.radius_m} m from the allowed area`, {
        radius_m: r.geofence.radius_m,
      });
  }
  if (r.min_spend !== undefined) {
    if (req.order_amount === undefined) throw refusal('ORDER_AMOUNT_REQUIRED', 'order_amount: this card has a minimum spend', { min_spend: r.min_spend });
    if (req.order_amount < r.min_spend)
      throw refusal('RULE_MIN_SPEND_NOT_MET', `order_amount ${req.order_amount} is below the minimum spend ${r.min_spend}`, {
        order_amount: req.order_amount,
        min_spend: r.min_spend,
        short_by: r.min_spend - req.order_amount,
      });
  }
  if (r.product_ids) {
    if (!req.product_ids?.length) fail(422, 'PRODUCTS_REQUIRED', 'product_ids: this card applies to certain products; send the order’s products');
    if (!req.product_ids!.some((p) => r.product_ids!.includes(p)))
      fail(422, 'RULE_PRODUCT_NOT_IN_SCOPE', 'none of the order’s products is in this card’s scope');
  }
  const take = takeFor(c, t, req);
  if (needsVerification(t, take) && !req.approval_id)
    throw refusal('VERIFICATION_REQUIRED', 'this redemption needs a second verification: ask an operator for an approval (approval_id)', {
      threshold: t.rules.verification!.threshold,
    });
  return take;
}

/** 二次验证 by SMS above an amount (rules.otp_above): an operator approval satisfies it too, spent like rules.verification's. */
export const otpDue = (t: TemplateRow, take: Take) => t.rules.otp_above !== undefined && take.value > t.rules.otp_above;

/** 高额二次验证: every redemption, or those of at least the threshold. */
export function needsVerification(t: TemplateRow, take: Take): boolean {
  const v = t.rules.verification;
  return !!v && (v.threshold === undefined || take.value >= v.threshold);
}

/**
 * What `uses` uses of a count or periodic card are worth (for reports and the receipt). With
 * face_value (每次价值) it is that per use. With card_value (整卡价值) the card's N uses (uses, or
 * uses_per_period × periods) share it: the uses numbered k+1…k+n, k being the uses the card has
 * already spent or lost, are worth ⌊V·(k+n)/N⌋ − ⌊V·k/N⌋, so the shares of all N uses add up to V
 * exactly, whatever the rounding (¥100 over 3 uses: 33.33, 33.33, 33.34). A reversed redemption
 * gives its uses back, and the next one takes the same share again.
 */
export function usesValue(c: Pick<CardRow, 'uses_left' | 'period_no'>, t: Pick<TemplateRow, 'kind' | 'value'>, uses: number): number {
  const v = t.value;
  if (v.card_value === undefined) return (v.face_value ?? 0) * uses;
  const per = t.kind === 'periodic' ? v.uses_per_period! : v.uses!;
  const all = t.kind === 'periodic' ? per * v.periods! : per;
  // spent or lost before this redemption: earlier periods whole, and this period's (or card's) uses taken
  const before = Math.min(all, Math.max(0, (t.kind === 'periodic' ? ((c.period_no ?? 1) - 1) * per : 0) + per - c.uses_left));
  const share = (k: number) => (BigInt(v.card_value!) * BigInt(Math.min(all, k))) / BigInt(all); // exact: V·k passes 2^53
  return Number(share(before + uses) - share(before));
}

function takeFor(c: CardRow, t: TemplateRow, req: RedeemRequest): Take {
  const v = t.value;
  const uses = req.uses ?? 1;
  switch (t.kind) {
    case 'cash': {
      const value = req.order_amount !== undefined ? Math.min(v.amount_off!, req.order_amount) : v.amount_off!;
      return { amount: 0, uses: 1, stamps: 0, value };
    }
    case 'discount': {
      if (req.order_amount === undefined) fail(422, 'ORDER_AMOUNT_REQUIRED', 'order_amount: a discount is a share of the order');
      // percent_off has at most 2 decimals: integer arithmetic in hundredths of a percent
      let off = Math.floor((req.order_amount! * Math.round(v.percent_off! * 100)) / 10_000);
      if (v.max_off !== undefined) off = Math.min(off, v.max_off);
      return { amount: 0, uses: 1, stamps: 0, value: off };
    }
    case 'exchange':
      return { amount: 0, uses: 1, stamps: 0, value: v.face_value ?? 0 };
    case 'count':
    case 'periodic':
      if (uses > c.uses_left && c.uses_left === 0 && t.kind === 'periodic') {
        const more = c.period_ends_at && (c.period_no ?? 0) < (v.periods ?? 0); // another period follows this one
        throw refusal('PERIOD_USES_EXHAUSTED', `${uses} uses asked, ${c.uses_left} left this period`, {
          next_refill_at: more ? new Date(c.period_ends_at!).toISOString() : undefined,
        });
      }
      if (uses > c.uses_left)
        throw refusal('INSUFFICIENT_USES', `${uses} uses asked, ${c.uses_left} left${t.kind === 'periodic' ? ' this period' : ''}`, {
          uses,
          uses_left: c.uses_left,
        });
      return { amount: 0, uses, stamps: 0, value: usesValue(c, t, uses) };
    case 'stored_value':
    case 'gift':
      if (req.amount === undefined) fail(422, 'AMOUNT_REQUIRED', 'amount: how much to take from the balance');
      if (req.amount! > Number(c.balance))
        throw refusal('INSUFFICIENT_BALANCE', `${req.amount} asked, balance is ${c.balance}`, { amount: req.amount!, balance: Number(c.balance) });
      return { amount: req.amount!, uses: 0, stamps: 0, value: req.amount! };
    case 'stamp':
      return { amount: 0, uses: 0, stamps: req.stamps ?? 1, value: 0 };
    default:
      return fail(409, 'CARD_NOT_REDEEMABLE', 'this card cannot be redeemed');
  }
}
