import type { EntryDef } from './words.js';

/** Deliveries 卡密交付: read by the operator handing codes to a recipient. */
export const DELIVERY = {
  DELIVERY_NOT_FOUND: { status: 404, zh: '没有找到这次交付。', en: 'No such delivery.' },
  DELIVERY_INVALID: {
    status: 422,
    zh: '交付设置有误[：{errors?:errors}]。',
    en: 'The delivery does not work as set[: {errors?:errors}].',
  },
  DELIVERY_CARDS_UNAVAILABLE: {
    status: 409,
    zh: '[有 {count?:int} 张]卡券不能交付：只能交付已发出、未绑定会员、状态正常且不在其他交付中的卡券。',
    en: '[{count?:int} of the ]cards cannot be delivered: only issued cards, active, bound to no member and in no other delivery can be.',
    note: 'cards: up to 50 of them, each with its reason (not_found, state_<state>, bound_to_member, in_delivery:<id>)',
  },
  DELIVERY_REVOKED: {
    status: 409,
    zh: '这次交付已撤销[（{revoked_at?:time}）]，不能再下载或撤销。',
    en: 'This delivery was revoked[ ({revoked_at?:time})]; it can no longer be downloaded or revoked.',
  },
  DELIVERY_DOWNLOADED: {
    status: 409,
    zh: '收件人已经通过链接下载了卡密[（{downloads?:int} 次）]，不能在撤销时一并作废。如确需作废，请在卡券列表中操作。',
    en: 'The recipient already downloaded the codes through the link[ ({downloads?:int} times)], so revoking cannot void them. Void them from the card list if you must.',
  },
  DELIVERY_NO_FILE: {
    status: 409,
    zh: '这次交付是不加密码的下载链接，没有可供下载的加密文件。',
    en: 'This is a link delivery without a password: there is no password-protected file to download.',
  },
} as const satisfies Record<string, EntryDef>;
