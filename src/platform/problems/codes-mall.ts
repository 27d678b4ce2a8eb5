import type { EntryDef } from './words.js';

/** 积分商城 The points mall: items (the brand's staff) and exchanges (members through the wallet, the brand through the API). */
export const MALL = {
  MALL_ITEM_NOT_FOUND: { status: 404, zh: '没有找到这件商品。', en: 'No such mall item.' },
  MALL_EXCHANGE_NOT_FOUND: { status: 404, zh: '没有找到这笔兑换。', en: 'No such exchange.' },
  MALL_ITEM_NOT_PUBLISHED: {
    status: 409,
    zh: '这件商品还没有上架，暂时不能兑换。',
    en: 'This item is not on the shelf; it cannot be exchanged now.',
    note: 'a draft or archived (下架) item',
  },
  MALL_SALE_NOT_STARTED: {
    status: 409,
    zh: '这件商品还没开始兑换[，{sale_from:time} 开始]。',
    en: 'This item is not on sale yet[; it opens at {sale_from:time}].',
  },
  MALL_SALE_ENDED: {
    status: 409,
    zh: '这件商品的兑换已经结束[（{sale_until:time} 截止）]。',
    en: 'This item is no longer on sale[ (it closed at {sale_until:time})].',
  },
  MALL_SOLD_OUT: { status: 409, zh: '这件商品已经兑完了。', en: 'This item is sold out.' },
  MALL_MEMBER_LIMIT: {
    status: 409,
    zh: '这件商品每人最多兑换[ {limit:int} ]件，已经兑换到上限了。',
    en: 'Each member may exchange this item at most[ {limit:int}] times; this member has reached that.',
  },
  MALL_TIER_REQUIRED: {
    status: 409,
    zh: '这件商品仅限[{tiers:list}]会员兑换[，当前等级是{tier?:text}]。',
    en: 'Only members of[ {tiers:list}] may exchange this item[; this member is {tier?:text}].',
  },
  MALL_CASH_PAYMENT_REQUIRED: {
    status: 409,
    zh: '这件商品除积分外还需支付[ {cash:money}]，请在品牌的小程序或门店付款兑换。',
    en: 'This item also costs[ {cash:money}] in cash: exchange it where the brand takes payment (its app or a store).',
    note: 'the wallet exchanges points-only items; an item with a cash part is exchanged by the brand’s API with its payment reference',
  },
  MALL_PAYMENT_REF_USED: {
    status: 409,
    zh: '这个付款单号[（{payment_ref:text}）]已经用于另一笔兑换。',
    en: 'This payment reference[ ({payment_ref:text})] already paid for another exchange.',
  },
  MALL_STOCK_BELOW_SOLD: {
    status: 409,
    zh: '库存不能少于已兑换的[ {sold:int} ]件。',
    en: 'Stock cannot be less than what has been exchanged[ ({sold:int})].',
  },
  MALL_EXCHANGE_REFUNDED: { status: 409, zh: '这笔兑换已经退过了。', en: 'This exchange has already been refunded.' },
  MALL_CARD_USED: {
    status: 409,
    zh: '兑换出的卡券已经使用[（{state:state}）]，这笔兑换不能再退。',
    en: 'A card from this exchange has been used[ ({state:state})]; the exchange can no longer be refunded.',
    note: 'a card used up, expired or voided, or one with part of its uses or balance taken',
  },
} as const satisfies Record<string, EntryDef>;
