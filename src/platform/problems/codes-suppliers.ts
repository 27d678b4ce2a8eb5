import type { EntryDef } from './words.js';

/** Suppliers 供应商: read by the brand's staff who set them up and buy from them. */
export const SUPPLIERS = {
  SUPPLIER_NOT_FOUND: { status: 404, zh: '没有找到这个供应商。', en: 'No such supplier.' },
  SUPPLIER_INVALID: {
    status: 422,
    zh: '供应商设置有误[：{errors?:errors}]。',
    en: 'The supplier does not work as set[: {errors?:errors}].',
    note: 'a base URL that is not http(s), carries credentials, or points at a private address',
  },
  SUPPLIER_ORDER_NOT_FOUND: { status: 404, zh: '没有找到这笔供应商订单。', en: 'No such supplier order.' },
  SUPPLIER_ORDER_INVALID: {
    status: 422,
    zh: '供应商订单填写有误[：{errors?:errors}]。',
    en: 'The supplier order is not complete[: {errors?:errors}].',
    note: 'a code purchase needs an imported batch of an external template; a top-up needs an account',
  },
  SUPPLIER_NONE_FOR_SKU: {
    status: 422,
    zh: '没有可用的供应商提供这个商品[（{sku}）]。请先为它设置供应商商品映射。',
    en: 'No active supplier provides this SKU[ ({sku})]. Map it to a supplier first.',
  },
  SUPPLIER_SIGNATURE_INVALID: {
    status: 401,
    zh: '回调签名不正确，已忽略。',
    en: 'The callback is not signed with this supplier’s secret; ignored.',
    note: 'a supplier callback whose signature does not verify: nothing changes',
  },
} as const satisfies Record<string, EntryDef>;
