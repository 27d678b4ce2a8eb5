import { AppError } from '../../errors.js';
import type { TemplateRow } from '../templates/schemas.js';
import type { Store } from '../stores/service.js';
import { localClock } from '../cards/periods.js';
import { checkUsable, type CardRow } from '../cards/model.js';

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
}

/** What one redemption takes from the card and the value it gives (for reports). */
export interface Take {
  amount: number; // balance debited (stored_value, gift)
  uses: number;
  stamps: number;
  value: number; // value given: discount, face value, or balance debited
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
    fail(409, 'CARD_EXPIRED', 'the last period of this card has ended');
  }
  const local = r.weekdays || r.hours ? localClock(now, tz) : { weekday: 0, minutes: 0 }; // the calendar only when a rule reads it
  if (r.weekdays && !r.weekdays.includes(local.weekday))
    fail(422, 'RULE_WEEKDAY_NOT_ALLOWED', `not redeemable on this weekday (allowed: ${r.weekdays.join(', ')}; 1 = Monday)`);
  if (r.hours) {
    const ok = r.hours.some(({ from, to }) => {
      const f = +from.slice(0, 2) * 60 + +from.slice(3);
      const e = +to.slice(0, 2) * 60 + +to.slice(3);
      return f < e ? local.minutes >= f && local.minutes < e : local.minutes >= f || local.minutes < e;
    });
    if (!ok) fail(422, 'RULE_OUTSIDE_HOURS', `not redeemable at this hour (allowed: ${r.hours.map((h) => `${h.from}-${h.to}`).join(', ')})`);
  }
  if ((r.store_ids || r.store_tags) && !store) fail(422, 'STORE_REQUIRED', 'store_id: this card is redeemable only at certain stores; name the store');
  if (r.store_ids && !r.store_ids.includes(store!.id)) fail(422, 'RULE_STORE_NOT_ALLOWED', 'this card is not redeemable at this store');
  if (r.store_tags && !store!.tags.some((tag) => r.store_tags!.includes(tag))) fail(422, 'RULE_STORE_NOT_ALLOWED', 'this card is not redeemable at this store');
  if (r.geofence) {
    const at = req.location ?? (store?.lat != null ? { lat: store.lat, lng: store.lng! } : null);
    if (!at) fail(422, 'RULE_LOCATION_REQUIRED', 'location: this card is redeemable only within an area; send location or use a store with coordinates');
    if (distanceM(at!, r.geofence) > r.geofence.radius_m)
      fail(422, 'RULE_OUTSIDE_GEOFENCE', `not redeemable here: more than ${r.geofence.radius_m} m from the allowed area`);
  }
  if (r.min_spend !== undefined) {
    if (req.order_amount === undefined) fail(422, 'ORDER_AMOUNT_REQUIRED', 'order_amount: this card has a minimum spend');
    if (req.order_amount! < r.min_spend) fail(422, 'RULE_MIN_SPEND_NOT_MET', `order_amount ${req.order_amount} is below the minimum spend ${r.min_spend}`);
  }
  if (r.product_ids) {
    if (!req.product_ids?.length) fail(422, 'PRODUCTS_REQUIRED', 'product_ids: this card applies to certain products; send the order’s products');
    if (!req.product_ids!.some((p) => r.product_ids!.includes(p)))
      fail(422, 'RULE_PRODUCT_NOT_IN_SCOPE', 'none of the order’s products is in this card’s scope');
  }
  const take = takeFor(c, t, req);
  if (needsVerification(t, take) && !req.approval_id)
    fail(403, 'VERIFICATION_REQUIRED', 'this redemption needs a second verification: ask an operator for an approval (approval_id)');
  return take;
}

/** 高额二次验证: every redemption, or those of at least the threshold. */
export function needsVerification(t: TemplateRow, take: Take): boolean {
  const v = t.rules.verification;
  return !!v && (v.threshold === undefined || take.value >= v.threshold);
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
      if (uses > c.uses_left)
        fail(
          409,
          c.uses_left === 0 && t.kind === 'periodic' ? 'PERIOD_USES_EXHAUSTED' : 'INSUFFICIENT_USES',
          `${uses} uses asked, ${c.uses_left} left${t.kind === 'periodic' ? ' this period' : ''}`,
        );
      return { amount: 0, uses, stamps: 0, value: (v.face_value ?? 0) * uses };
    case 'stored_value':
    case 'gift':
      if (req.amount === undefined) fail(422, 'AMOUNT_REQUIRED', 'amount: how much to take from the balance');
      if (req.amount! > Number(c.balance)) fail(409, 'INSUFFICIENT_BALANCE', `${req.amount} asked, balance is ${c.balance}`);
      return { amount: req.amount!, uses: 0, stamps: 0, value: req.amount! };
    case 'stamp':
      return { amount: 0, uses: 0, stamps: req.stamps ?? 1, value: 0 };
    default:
      return fail(409, 'CARD_NOT_REDEEMABLE', 'this card cannot be redeemed');
  }
}
