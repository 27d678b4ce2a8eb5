import type { FieldError } from './words.js';

type Say = (f: string, m: RegExpMatchArray) => readonly [string, string];
export type { FieldError };

/** 积分商城: the reasons the mall's hand-written checks give (mall/items.ts, mall/exchange.ts), in words for the form. */
export const MALL_REASONS: [RegExp, Say][] = [
  [
    /^this item also costs (\d+) fen: name the brand's confirmed payment$/,
    (f, m) => [
      `这件商品另需支付 ${(+m[1]! / 100).toFixed(2)} 元，请填写品牌的「${f}」`,
      `this item also costs ${(+m[1]! / 100).toFixed(2)} in cash: give the brand's ${f}`,
    ],
  ],
  [/^this item costs points only: there is no payment to name$/, (f) => [`这件商品只需积分，不用填写「${f}」`, `this item costs points only: leave out ${f}`]],
  [/^an item costs points, cash or both: at least one above 0$/, () => ['积分和现金不能都为 0', 'an item costs points, cash or both: at least one above 0']],
  [/^the sale ends after it starts$/, () => ['结束兑换时间必须晚于开始时间', 'the sale must end after it starts']],
  [/^a tier is named twice$/, () => ['同一个会员等级选了两次', 'a tier is chosen twice']],
  [/^no such tier: /, (f) => [`「${f}」中有不存在的会员等级`, `${f}: a tier that does not exist`]],
  [/^a card item names the batch its cards are issued from$/, () => ['卡券商品请选择发放批次', 'a card item needs the batch its cards come from']],
  [/^a card item gives a card of its batch, not a pack$/, (f) => [`卡券商品不使用「${f}」，请去掉`, `a card item does not take ${f}; leave it out`]],
  [/^a pack item names the pack it grants$/, () => ['礼包商品请选择权益礼包', 'a pack item needs its pack']],
  [/^a pack item grants its pack, not a card of a batch$/, (f) => [`礼包商品不使用「${f}」，请去掉`, `a pack item does not take ${f}; leave it out`]],
  [/^no such (batch|pack)$/, (f) => [`「${f}」不存在`, `${f} does not exist`]],
  [/^below sold$/, (f) => [`「${f}」不能少于已兑换的数量`, `${f} cannot be less than what has been exchanged`]],
];
