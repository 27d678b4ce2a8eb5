import type { CardRow } from '../cards/model.js';
import type { TemplateRow } from '../templates/schemas.js';

/** What a pass shows of a card, whichever wallet: the same words on Apple's and Google's. */
export type PassStyle = 'coupon' | 'storeCard' | 'generic';

const yuan = (fen: number) => `¥${(fen / 100).toFixed(fen % 100 ? 2 : 0)}`;

export const STATE_WORDS: Record<string, string> = {
  used: '已使用 Used',
  voided: '已作废 Voided',
  expired: '已过期 Expired',
  frozen: '已冻结 Frozen',
  unissued: '未发放 Not issued',
};

/** A pass that can no longer be used is shown as voided in the wallet (greyed, its code gone). */
export const isDead = (c: CardRow) => c.state === 'used' || c.state === 'voided' || c.state === 'expired';

export function styleOf(kind: TemplateRow['kind']): PassStyle {
  if (kind === 'cash' || kind === 'discount' || kind === 'exchange') return 'coupon';
  if (kind === 'stored_value' || kind === 'gift') return 'storeCard';
  return 'generic';
}

/** The headline: what the card is worth now, in words a member reads at a glance. */
export function headline(c: CardRow, t: TemplateRow): { label: string; value: string } {
  const v = t.value;
  switch (t.kind) {
    case 'cash':
      return { label: '立减 Off', value: yuan(v.amount_off ?? 0) };
    case 'discount': {
      const zhe = (100 - (v.percent_off ?? 0)) / 10;
      return { label: '折扣 Discount', value: `${Number(zhe.toFixed(2))}折` };
    }
    case 'exchange':
      return { label: '兑换 Exchange for', value: v.product_name ?? v.sku ?? t.name };
    case 'stored_value':
    case 'gift':
      return { label: '余额 Balance', value: yuan(Number(c.balance)) };
    case 'count':
    case 'periodic':
      return { label: t.kind === 'count' ? '剩余次数 Uses left' : '本期剩余 Left this period', value: `${c.uses_left}` };
    case 'stamp':
      return { label: '集点 Stamps', value: `${c.stamps} / ${v.goal ?? 0}` };
    default:
      return { label: '卡券 Card', value: t.name };
  }
}

export const validUntil = (c: CardRow) => (c.valid_until ? new Date(c.valid_until) : null);
