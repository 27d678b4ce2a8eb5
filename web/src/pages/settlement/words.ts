/**
 * The words of a statement 对账单 (docs/settlement.md): each line kind and total by its Chinese name with
 * what it means, so the operator and the partner read the same thing the file and the docs say.
 */
type Words = { zh: string; en: string; defZh: string; defEn: string };

export const KIND_ORDER = [
  'allocated',
  'sold',
  'activated',
  'redeemed',
  'void',
  'reversal',
  'order_paid',
  'fulfilled',
  'order_refund',
  'adjustment',
  'recharge',
  'deduction',
  'prepaid_refund',
  'prepaid_other',
  'commission',
] as const;

export const KINDS: Record<string, Words> = {
  allocated: {
    zh: '分配配额',
    en: 'Allocated',
    defZh: '期间分配或转给本渠道的额度、券码，减去收回的；只计数量，不计金额',
    defEn: 'Quota or codes granted to the channel in the period, less what was revoked; quantities only',
  },
  sold: { zh: '售出', en: 'Sold', defZh: '期间经本渠道发出的卡券，按价格等级的批发价计价', defEn: 'Cards issued through the channel, at its price level' },
  activated: { zh: '激活', en: 'Activated', defZh: '期间绑定到会员的不记名券码；只计数量', defEn: 'Bearer codes bound to a member; quantities only' },
  redeemed: { zh: '核销', en: 'Redeemed', defZh: '期间核销本渠道卡券的次数和核销面值', defEn: 'Redemptions of its cards and the value they took' },
  void: { zh: '退券', en: 'Voided', defZh: '期间作废的、同一期间售出的卡券，冲减售出金额', defEn: 'Cards voided in the period, sold in it: less sales' },
  reversal: { zh: '核销撤销', en: 'Reversed', defZh: '期间撤销的、同一期间的核销，冲减核销金额', defEn: 'Redemptions of the period reversed in it' },
  adjustment: {
    zh: '调整',
    en: 'Adjustment',
    defZh: '本期发生、但原始记录在以前期间的退券、撤销或退款：在本期冲减，已结算的对账单不变',
    defEn: 'A refund of an earlier period’s record: corrected here, closed statements stay as they were',
  },
  commission: {
    zh: '佣金/返利',
    en: 'Commission',
    defZh: '按价格等级的佣金比例计算，从应结金额中扣除',
    defEn: 'At the price level’s commission rate, taken off what is due',
  },
  order_paid: { zh: '订单付款', en: 'Orders paid', defZh: '期间付款的批发订单行（张数 × 单价）', defEn: 'Order lines paid in the period' },
  fulfilled: { zh: '履约发码', en: 'Fulfilled', defZh: '期间履约发出的券码', defEn: 'Units fulfilled (codes issued) in the period' },
  order_refund: { zh: '订单退款', en: 'Order refunds', defZh: '期间退款的、同一期间付款的订单', defEn: 'Orders refunded in the period, paid in it' },
  recharge: { zh: '充值', en: 'Recharges', defZh: '预存款充值', defEn: 'Prepaid recharges' },
  deduction: { zh: '扣款', en: 'Deductions', defZh: '预存款支付订单的扣款', defEn: 'Orders paid from the prepaid balance' },
  prepaid_refund: { zh: '退回', en: 'Refunds to prepaid', defZh: '订单退款退回预存款', defEn: 'Order refunds back to the prepaid balance' },
  prepaid_other: { zh: '其他', en: 'Other', defZh: '预存款的其他变动', defEn: 'Other prepaid movements' },
};

/** What an adjustment corrects, by the kind of line it stands for. */
export const ADJUSTS: Record<string, [string, string]> = {
  void: ['更正以前期间售出的退券', 'corrects an earlier period’s sale (voided)'],
  reversal: ['更正以前期间的核销（已撤销）', 'corrects an earlier period’s redemption (reversed)'],
  order_refund: ['更正以前期间付款的订单（已退款）', 'corrects an earlier period’s paid order (refunded)'],
};

/** The totals a statement shows on top, by party: [key, zh, en, fen?]. */
export const CHANNEL_TOTALS: [string, string, string, boolean][] = [
  ['sales_net', '净销售额', 'Net sales', true],
  ['redeemed_net', '净核销金额', 'Net redeemed', true],
  ['commission', '佣金/返利', 'Commission', true],
  ['due', '应结金额', 'Due', true],
];
export const CHANNEL_COUNTS: [string, string, string, boolean][] = [
  ['allocated', '分配', 'Allocated', false],
  ['sold', '售出', 'Sold', false],
  ['activated', '激活', 'Activated', false],
  ['redeemed', '核销', 'Redeemed', false],
  ['voided', '退券', 'Voided', false],
  ['adjustment_amount', '调整金额', 'Adjustments', true],
];
export const BUYER_TOTALS: [string, string, string, boolean][] = [
  ['paid_net', '净付款', 'Net paid', true],
  ['opening_balance', '期初预存款', 'Opening balance', true],
  ['closing_balance', '期末预存款', 'Closing balance', true],
  ['fulfilled_amount', '履约金额', 'Fulfilled', true],
];
export const BUYER_COUNTS: [string, string, string, boolean][] = [
  ['orders_paid', '付款订单', 'Orders paid', false],
  ['units_paid', '付款张数', 'Units paid', false],
  ['fulfilled_units', '履约张数', 'Units fulfilled', false],
  ['recharges', '充值', 'Recharges', true],
  ['deductions', '扣款', 'Deductions', true],
  ['adjustment_amount', '调整金额', 'Adjustments', true],
];

/** The statement's period in the tenant's days: [from, to) shown as from – the last day. */
export const STATE_WORDS: Record<string, [string, string]> = { draft: ['草稿', 'Draft'], closed: ['已结算', 'Closed'] };
