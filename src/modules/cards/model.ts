import type { TemplateRow, Kind, Value } from '../templates/schemas.js';
import { periodEnd } from './periods.js';
import { AppError } from '../../errors.js';
import { GIFT_PENDING } from './gift-offers.js';
import { refusal } from '../../platform/problems/refusal.js';

export type CardState = 'unissued' | 'active' | 'frozen' | 'used' | 'expired' | 'voided';

export interface CardRow {
  tenant_id: string;
  id: string;
  batch_id: string;
  template_id: string;
  kind: Kind;
  code_hash: Uint8Array;
  code_enc: Uint8Array;
  code_tail: string;
  pin_hash: Uint8Array | null;
  state: CardState;
  member_id: string | null;
  channel_id: string | null;
  /** the channel allocation it was issued or handed out under (allocations module) */
  allocation_id?: string | null;
  balance: number;
  uses_left: number;
  stamps: number;
  period_no: number | null;
  period_ends_at: Date | null;
  valid_from: Date | null;
  valid_until: Date | null;
  bind_deadline: Date | null;
  issued_at: Date | null;
  bound_at: Date | null;
  state_reason: string | null;
  created_at: Date;
  updated_at: Date;
}

/** What the API shows of a card: never its code (only the last 4), never a hash. */
export function cardView(c: CardRow) {
  return {
    id: c.id,
    batch_id: c.batch_id,
    template_id: c.template_id,
    kind: c.kind,
    code_tail: c.code_tail,
    state: c.state,
    state_reason: c.state_reason,
    member_id: c.member_id,
    channel_id: c.channel_id,
    allocation_id: c.allocation_id ?? null,
    balance: Number(c.balance),
    uses_left: c.uses_left,
    stamps: c.stamps,
    period_no: c.period_no,
    period_ends_at: c.period_ends_at,
    valid_from: c.valid_from,
    valid_until: c.valid_until,
    bind_deadline: c.bind_deadline,
    issued_at: c.issued_at,
    bound_at: c.bound_at,
    created_at: c.created_at,
    updated_at: c.updated_at,
  };
}
export type CardView = ReturnType<typeof cardView>;

/** Single-use kinds and count cards are used up when their uses reach zero. */
export const DEPLETES: Kind[] = ['cash', 'discount', 'exchange', 'count'];

/** What a card holds the moment it is issued: the amounts of its "issue" ledger entry. */
export function initialHoldings(kind: Kind, v: Value, at: Date, tz: string) {
  switch (kind) {
    case 'cash':
    case 'discount':
    case 'exchange':
      return { balance: 0, uses: 1 };
    case 'count':
      return { balance: 0, uses: v.uses! };
    case 'periodic':
      return { balance: 0, uses: v.uses_per_period!, period_no: 1, period_ends_at: periodEnd(at, v.period!, tz) };
    case 'stored_value':
    case 'gift':
      return { balance: v.initial_balance!, uses: 0 };
    case 'stamp':
    case 'external':
      return { balance: 0, uses: 0 };
  }
}

/**
 * The validity window a card gets when issued (or bound, for "N days after binding").
 * A periodic card also ends with its last period.
 */
export function validityAt(t: Pick<TemplateRow, 'kind' | 'value' | 'validity'>, at: Date, tz: string, event: 'issue' | 'bind') {
  const v = t.validity;
  let from: Date | null = null;
  let until: Date | null = null;
  if (v.type === 'fixed') {
    from = v.starts_at ? new Date(v.starts_at) : null;
    until = new Date(v.ends_at);
  } else if (v.type === 'relative') {
    const starts = (v.from ?? 'issue') === event;
    if (starts) until = new Date(at.getTime() + v.days * 86_400_000);
  } else if (v.type === 'period_end') {
    until = periodEnd(at, v.unit, tz);
  }
  if (t.kind === 'periodic' && event === 'issue') {
    const last = periodEnd(at, t.value.period!, tz, t.value.periods!);
    if (!until || last < until) until = last;
  }
  return { valid_from: from, valid_until: until };
}

const refuse = (status: number, code: string, message: string): never => {
  throw new AppError(status, code, message);
};

/** Card state and validity: the checks every verb that uses a card makes. */
/** 人工审核: a card held for a review (frozen, or an unissued code reserved) carries `review:<review id>` as its state_reason; only the review lifts it. */
export const reviewHold = (reviewId: string) => `review:${reviewId}`;
export const isReviewHold = (reason: string | null | undefined) => !!reason?.startsWith('review:');

export function checkUsable(c: CardRow, now: Date): void {
  if (c.state === 'used') refuse(409, 'CARD_ALREADY_REDEEMED', 'this card has already been used up');
  if (c.state === 'frozen' && c.state_reason === GIFT_PENDING)
    refuse(409, 'CARD_GIFT_PENDING', 'this card is being given to a friend; it can be used again if the gift is cancelled or not accepted in time');
  if (c.state === 'frozen' && isReviewHold(c.state_reason))
    refuse(409, 'CARD_UNDER_REVIEW', 'this card is held while a request on it waits for review 人工审核; it can be used again once that is decided');
  if (c.state === 'frozen') refuse(409, 'CARD_FROZEN', 'this card is frozen');
  if (c.state === 'voided') refuse(409, 'CARD_VOIDED', 'this card was voided');
  if (c.state === 'unissued') refuse(409, 'CARD_NOT_ISSUED', 'this code has not been issued yet');
  if (c.state === 'expired' || (c.valid_until && new Date(c.valid_until) <= now)) {
    const iso = (d: Date | null) => (d ? new Date(d).toISOString() : undefined);
    if (c.state_reason === 'bind_deadline') throw refusal('CARD_BIND_EXPIRED', 'this card has expired', { bind_deadline: iso(c.bind_deadline) });
    throw refusal('CARD_EXPIRED', 'this card has expired', { valid_until: iso(c.valid_until) });
  }
  if (c.valid_from && new Date(c.valid_from) > now) {
    const from = new Date(c.valid_from).toISOString();
    throw refusal('CARD_NOT_YET_VALID', `this card is valid from ${from}`, { valid_from: from });
  }
}
