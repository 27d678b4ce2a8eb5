import type { BuyerRecords, ChannelRecords, Row } from './figures.js';

/**
 * A statement's lines and totals from its records (figures.ts), its price snapshot and its commission
 * rate — pure, so a draft, a close and the reconciliation invariant compute them the same way
 * (docs/settlement.md says what each line means).
 */
export type LineKind =
  | 'allocated'
  | 'sold'
  | 'activated'
  | 'redeemed'
  | 'void'
  | 'reversal'
  | 'adjustment'
  | 'commission'
  | 'order_paid'
  | 'fulfilled'
  | 'order_refund'
  | 'recharge'
  | 'deduction'
  | 'prepaid_refund'
  | 'prepaid_other';
export interface Line {
  kind: LineKind;
  template_id: string | null;
  quantity: number;
  /** the price level's wholesale price per unit (fen); null where the line is not valued per unit, or the template has no price */
  unit_price: number | null;
  amount: number;
  /** the template has no price at the party's level: the line is valued 0 and the statement flagged */
  no_price: boolean;
  /** an adjustment: what kind of line of an earlier period it corrects */
  adjusts: 'void' | 'reversal' | 'order_refund' | null;
}
export type Prices = Record<string, number | null>;
export type Basis = 'sales' | 'redeemed';

const line = (kind: LineKind, template_id: string | null, quantity: number, amount: number, unit_price: number | null = null, no_price = false): Line => ({
  kind,
  template_id,
  quantity,
  unit_price,
  amount,
  no_price,
  adjusts: null,
});
const sum = (ls: Line[], f: (l: Line) => number) => ls.reduce((s, l) => s + f(l), 0);

/** Rounds amount × bp / 10000 to the fen, halves away from zero, in integers (no float error at any size). */
export function commissionOf(basisAmount: number, bp: number): number {
  const b = BigInt(basisAmount);
  const neg = b < 0n;
  const v = ((neg ? -b : b) * BigInt(bp) + 5000n) / 10000n;
  return Number(neg ? -v : v);
}

/** The templates a channel's records name, for the price snapshot. */
export const templatesOf = (r: ChannelRecords, batchTemplate: Map<string, string>) =>
  new Set(
    [
      ...r.allocated.map((x) => batchTemplate.get(x.batch_id!) ?? null),
      ...[r.sold, r.activated, r.redeemed, r.voided, r.reversed].flat().map((x) => x.template_id),
    ].filter((x): x is string => !!x),
  );

export function channelStatement(r: ChannelRecords, batchTemplate: Map<string, string>, prices: Prices, rateBp: number, basis: Basis) {
  const valued = (kind: LineKind, x: Row, sign = 1) => {
    const p = x.template_id ? (prices[x.template_id] ?? null) : null;
    return line(kind, x.template_id, sign * x.quantity, p === null ? 0 : sign * x.quantity * p, p, p === null);
  };
  const allocated = new Map<string, number>();
  for (const a of r.allocated) {
    const t = batchTemplate.get(a.batch_id!) ?? '';
    allocated.set(t, (allocated.get(t) ?? 0) + a.quantity);
  }
  const lines: Line[] = [
    ...[...allocated].filter(([, n]) => n !== 0).map(([t, n]) => line('allocated', t || null, n, 0)),
    ...r.sold.map((x) => valued('sold', x)),
    ...r.activated.map((x) => line('activated', x.template_id, x.quantity, 0)),
    ...r.redeemed.map((x) => line('redeemed', x.template_id, x.quantity, x.amount)),
    ...r.voided.filter((x) => !x.early).map((x) => valued('void', x, -1)),
    ...r.reversed.filter((x) => !x.early).map((x) => line('reversal', x.template_id, -x.quantity, -x.amount)),
    ...r.voided.filter((x) => x.early).map((x) => ({ ...valued('adjustment', x, -1), adjusts: 'void' as const })),
    ...r.reversed.filter((x) => x.early).map((x) => ({ ...line('adjustment', x.template_id, -x.quantity, -x.amount), adjusts: 'reversal' as const })),
  ];
  const of = (k: LineKind, adj?: Line['adjusts']) => lines.filter((l) => l.kind === k || (adj && l.adjusts === adj));
  const salesNet = sum(of('sold'), (l) => l.amount) + sum(of('void', 'void'), (l) => l.amount);
  const redeemedNet = sum(of('redeemed'), (l) => l.amount) + sum(of('reversal', 'reversal'), (l) => l.amount);
  const commissionBasis = basis === 'sales' ? salesNet : redeemedNet;
  const commission = commissionOf(commissionBasis, rateBp);
  if (commission !== 0 || rateBp > 0) lines.push(line('commission', null, 0, -commission));
  const totals = {
    allocated: sum(of('allocated'), (l) => l.quantity),
    sold: sum(of('sold'), (l) => l.quantity),
    sold_amount: sum(of('sold'), (l) => l.amount),
    activated: sum(of('activated'), (l) => l.quantity),
    redeemed: sum(of('redeemed'), (l) => l.quantity),
    redeemed_value: sum(of('redeemed'), (l) => l.amount),
    voided: -sum(of('void'), (l) => l.quantity),
    refund_amount: sum(of('void'), (l) => l.amount) + sum(of('reversal'), (l) => l.amount),
    adjustment_amount: sum(of('adjustment'), (l) => l.amount),
    sales_net: salesNet,
    redeemed_net: redeemedNet,
    commission_basis: commissionBasis,
    commission,
    due: salesNet - commission,
  };
  return { lines, totals, flagged: lines.some((l) => l.no_price) };
}

const REASONS: Record<string, [LineKind, 'credited' | 'debited']> = {
  recharge: ['recharge', 'credited'],
  wholesale_payment: ['deduction', 'debited'],
  wholesale_refund: ['prepaid_refund', 'credited'],
};

export function buyerStatement(r: BuyerRecords) {
  const lines: Line[] = [
    ...r.paid.map((x) => line('order_paid', x.template_id, x.quantity, x.amount)),
    ...r.fulfilled.map((x) => line('fulfilled', x.template_id, x.quantity, x.amount)),
    ...r.refunded.filter((x) => !x.early).map((x) => line('order_refund', x.template_id, -x.quantity, -x.amount)),
    ...r.refunded.filter((x) => x.early).map((x) => ({ ...line('adjustment', x.template_id, -x.quantity, -x.amount), adjusts: 'order_refund' as const })),
  ];
  let other = 0;
  const flows: Record<string, number> = { recharge: 0, deduction: 0, prepaid_refund: 0 };
  for (const f of r.flows) {
    const k = REASONS[f.reason];
    if (!k) other += f.credited - f.debited;
    else if (k[1] === 'credited') (flows[k[0]] += f.credited), (other -= f.debited);
    else (flows[k[0]] -= f.debited), (other += f.credited);
  }
  for (const [k, v] of Object.entries(flows)) if (v !== 0) lines.push(line(k as LineKind, null, 0, v));
  if (other !== 0) lines.push(line('prepaid_other', null, 0, other));
  const of = (k: LineKind) => lines.filter((l) => l.kind === k);
  const paid = sum(of('order_paid'), (l) => l.amount);
  const refunds = sum(of('order_refund'), (l) => l.amount);
  const adjustments = sum(of('adjustment'), (l) => l.amount);
  const totals = {
    orders_paid: r.orders,
    units_paid: sum(of('order_paid'), (l) => l.quantity),
    paid_amount: paid,
    fulfilled_units: sum(of('fulfilled'), (l) => l.quantity),
    fulfilled_amount: sum(of('fulfilled'), (l) => l.amount),
    refund_amount: refunds,
    adjustment_amount: adjustments,
    paid_net: paid + refunds + adjustments,
    opening_balance: r.opening,
    recharges: flows.recharge!,
    deductions: -flows.deduction!,
    prepaid_refunds: flows.prepaid_refund!,
    prepaid_other: other,
    closing_balance: r.opening + flows.recharge! + flows.deduction! + flows.prepaid_refund! + other,
  };
  return { lines, totals, flagged: false };
}
