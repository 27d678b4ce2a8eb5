import type { EntryDef } from './words.js';

/** WeChat Pay merchant coupons 微信支付商家券: read by the brand's owner who sets them up and mirrors batches. */
export const WECHATPAY = {
  WECHATPAY_INVALID: {
    status: 422,
    zh: '微信支付设置或镜像请求有误[：{errors?:errors}]。',
    en: 'The WeChat Pay settings or mirror request are not usable[: {errors?:errors}].',
    note: 'an API v3 key that is not 32 characters, a private key or platform certificate that does not parse or has expired, a private base URL, an on-issue batch',
  },
  WECHATPAY_NOT_CONFIGURED: { status: 404, zh: '还没有设置微信支付商户信息。', en: 'WeChat Pay is not set up for this brand.' },
  WECHATPAY_KIND_UNSUPPORTED: {
    status: 422,
    zh: '这种卡券不能镜像为微信支付商家券（只支持代金券、折扣券和兑换券）。',
    en: 'This kind of card cannot be a WeChat Pay merchant coupon (only cash, discount and exchange cards).',
  },
  WECHATPAY_ALREADY_MIRRORED: { status: 409, zh: '这个批次已经镜像到微信支付。', en: 'This batch is already mirrored to WeChat Pay.' },
  WECHATPAY_STOCK_NOT_FOUND: { status: 404, zh: '这个批次没有镜像到微信支付。', en: 'This batch is not mirrored to WeChat Pay.' },
  WECHATPAY_RECONCILIATION_NOT_FOUND: { status: 404, zh: '没有找到这份对账报告。', en: 'No such reconciliation report.' },
  WECHATPAY_SIGNATURE_INVALID: {
    status: 401,
    zh: '通知签名不正确或已过期，已忽略。',
    en: 'The notification is not signed by the WeChat Pay platform key, or is stale; ignored.',
    note: 'nothing changes; WeChat retries a genuine notification',
  },
  WECHATPAY_NOTIFICATION_INVALID: {
    status: 400,
    zh: '通知内容无法解密或缺少字段。',
    en: 'The notification cannot be decrypted or lacks fields.',
  },
} as const satisfies Record<string, EntryDef>;
