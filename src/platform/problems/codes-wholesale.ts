import type { EntryDef } from './words.js';

/** Price lists and wholesale orders 价格体系与批发订单: read by the brand's staff. */
export const WHOLESALE = {
  BUYER_NOT_FOUND: { status: 404, zh: '没有找到这个企业客户。', en: 'No such buyer.' },
  ORDER_NOT_FOUND: { status: 404, zh: '没有找到这张批发订单。', en: 'No such wholesale order.' },
  PRICE_NOT_FOUND: {
    status: 422,
    zh: '价格等级[“{price_level:text}”]还没有这个卡券模板的批发价，请先在价格表里设置。',
    en: 'Price level[ “{price_level:text}”] has no wholesale price for this template yet: set one in the price list first.',
  },
  PRICE_INVALID: {
    status: 422,
    zh: '价格设置有误[：{errors?:errors}]。',
    en: 'The price does not work as set[: {errors?:errors}].',
    note: 'a floor price above the wholesale price',
  },
  PRICE_BELOW_FLOOR: {
    status: 422,
    zh: '单价[{price:money}]低于限价[{floor:money}]，不能这样卖。',
    en: 'The unit price[ {price:money}] is below the floor price[ {floor:money}]: it cannot be sold so.',
  },
  POOL_SHORT: {
    status: 409,
    zh: '券码库存不够[：要{quantity:int}张，只剩{available:int}张]。请先生成或导入更多券码。',
    en: 'Not enough codes in stock[: {quantity:int} wanted, {available:int} left]. Generate or import more codes first.',
  },
  SKU_INVALID: {
    status: 422,
    zh: '订单行要指定一个卡券模板或一个预生成/导入的批次[：{errors?:errors}]。',
    en: 'An order line names one template or one pre-generated or imported batch[: {errors?:errors}].',
  },
  ORDER_STATE: {
    status: 409,
    zh: '这张订单[目前是“{state:order_state}”状态，]不能这样操作。',
    en: 'The order cannot do that[ while it is {state:order_state}].',
    note: 'a transition out of order: the answer carries the current state',
  },
  PREPAID_INSUFFICIENT: {
    status: 409,
    zh: '预存款余额不足[：余额{balance:money}，需要{amount:money}]。请先充值或线下付款。',
    en: 'The prepaid balance is too low[: {balance:money} left, {amount:money} needed]. Recharge first or pay offline.',
  },
  PAYMENT_AMOUNT_MISMATCH: {
    status: 422,
    zh: '付款金额[{amount:money}]与订单金额[{total:money}]不一致。',
    en: 'The amount paid[ {amount:money}] is not the order’s total[ {total:money}].',
  },
} as const satisfies Record<string, EntryDef>;
