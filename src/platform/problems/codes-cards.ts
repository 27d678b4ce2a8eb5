import type { EntryDef } from './words.js';

/** A card's code, state and life (look-up, issue, bind, gift, freeze, top up), members and imports. */
export const CARDS = {
  CARD_NOT_FOUND: {
    status: 404,
    zh: '没有找到这张券。请核对券码后重新输入，或让顾客出示其他券。',
    en: 'No card has this code. Check the code and type it again, or ask for another card.',
    note: 'also a card of another tenant, channel or member: never told apart from one that does not exist',
  },
  CODE_MISTYPED: {
    status: 422,
    zh: '券码好像输错了一位（校验位对不上），请逐位核对后重新输入。',
    en: 'The code looks mistyped (its check character does not match): check it character by character and type it again.',
    also: ['errors'],
  },
  PIN_INVALID: {
    status: 403,
    zh: '卡密不正确或没有填写。请核对卡背面的密码后重新输入。',
    en: 'The PIN is wrong or missing. Check the PIN on the card and type it again.',
    note: 'counts as a failed guess, like an unknown code',
  },
  CARD_ALREADY_REDEEMED: {
    status: 409,
    zh: '这张券已经用完了，不能再核销。请让顾客出示其他券。',
    en: 'This card is already used up. Ask for another card.',
  },
  CARD_FROZEN: {
    status: 409,
    zh: '这张券已被冻结，暂时不能使用。请联系商家客服解冻。',
    en: 'This card is frozen and cannot be used for now. Contact the brand’s service to unfreeze it.',
  },
  CARD_VOIDED: { status: 409, zh: '这张券已作废，不能使用。', en: 'This card was voided; it cannot be used.' },
  CARD_NOT_ISSUED: { status: 409, zh: '这个券码还没有发放，不能使用。', en: 'This code has not been issued yet; it cannot be used.' },
  CARD_EXPIRED: {
    status: 409,
    zh: '这张券已过期[（有效期至 {valid_until?:time}）]，不能使用。请让顾客出示其他券。',
    en: 'This card has expired[ (it was valid until {valid_until?:time})]. Ask for another card.',
  },
  CARD_NOT_YET_VALID: {
    status: 409,
    zh: '这张券还没到可用时间[，{valid_from:time} 起可用]。请到时再来。',
    en: 'This card is not valid yet[; it can be used from {valid_from:time}]. Come back then.',
  },
  CARD_BIND_EXPIRED: {
    status: 409,
    zh: '这个券码已过绑定期限[（须在 {bind_deadline?:time} 前绑定）]，不能再绑定或使用。',
    en: 'The time to bind this code has passed[ (it had to be bound by {bind_deadline?:time})]; it can no longer be bound or used.',
  },
  CARD_NOT_BOUND: {
    status: 409,
    zh: '这张券要先绑定到会员才能使用。请让顾客在会员钱包里绑定后再来。',
    en: 'This card must be bound to a member first. Ask the customer to add it to their wallet.',
  },
  CARD_ALREADY_BOUND: { status: 409, zh: '这张券已经绑定到了其他会员。', en: 'This card belongs to another member already.' },
  CARD_NOT_REDEEMABLE: {
    status: 409,
    zh: '这是第三方卡密，请到供应商的平台兑换，不在门店核销。',
    en: 'This is a third-party code: it is used on the supplier’s platform, not redeemed at a store.',
  },
  CARD_NOT_TRANSFERABLE: { status: 409, zh: '这张券不能转赠。', en: 'This card cannot be given to someone else.' },
  TRANSFER_TO_SELF: { status: 422, zh: '这张券已经在这位会员名下，不用转赠。', en: 'The card already belongs to this member.' },
  CARD_CHANGED: {
    status: 409,
    zh: '这张券刚刚有了变化，请重新查询后再试。',
    en: 'The card changed a moment ago: look it up again and retry.',
    note: 'the card changed between read and write; retry',
  },
  CARD_ALREADY_FROZEN: { status: 409, zh: '这张券已经是冻结状态。', en: 'This card is frozen already.' },
  CARD_NOT_ACTIVE: {
    status: 409,
    zh: '这张券[目前{state:state}，]不能冻结；只有可用的券才能冻结。',
    en: 'Only an active card can be frozen[; this one is {state:state}].',
  },
  CARD_NOT_FROZEN: {
    status: 409,
    zh: '这张券[目前{state:state}，]没有被冻结，不用解冻。',
    en: 'This card is not frozen[; it is {state:state}].',
  },
  CARD_NOT_VOIDABLE: {
    status: 409,
    zh: '这张券[目前{state:state}，]已经不能作废。',
    en: 'This card can no longer be voided[; it is {state:state}].',
  },
  CARD_KIND_NOT_TOPPABLE: {
    status: 409,
    zh: '[{kind:kind}]没有余额，不能充值；只有储值卡和礼品卡可以充值。',
    en: '[A {kind:kind} ]holds no balance to top up: only stored-value and gift cards do.',
  },
  MAX_BALANCE_EXCEEDED: {
    status: 409,
    zh: '充值后余额会超过上限[ {max_balance:money}]：[当前余额 {balance?:money}，][本次入账 {credited?:money}（含赠送），]请少充一些。',
    en: 'The balance would pass its limit[ of {max_balance:money}]:[ it holds {balance?:money},][ this top-up credits {credited?:money} (bonus included);] top up less.',
    note: 'the paid amount and its bonus (`rules.top_up_bonus`) must both fit under `value.max_balance`',
  },
  CARD_NOT_EXTENDABLE: {
    status: 409,
    zh: '这张券不能延期：只有可用或已冻结的券可以延期，周期卡随最后一期结束，也不能延期。',
    en: 'This card cannot be extended: only an active or frozen card can, and a periodic card ends with its last period.',
  },
  CARD_NO_EXPIRY: { status: 409, zh: '这张券长期有效，没有可以延长的有效期。', en: 'This card has no expiry to extend.' },
  EXPIRY_NOT_LATER: {
    status: 422,
    zh: '新的有效期必须晚于现在的有效期[（{valid_until?:time}）]。',
    en: 'The new expiry must be later than the current one[ ({valid_until?:time})].',
    also: ['errors'],
  },
  BULK_TOO_MANY: {
    status: 422,
    zh: '符合条件的卡券太多[（一次最多 {cap:int} 张）]，请缩小搜索范围后再批量操作。',
    en: 'Too many cards match[ (at most {cap:int} at once)]: narrow the search.',
    also: ['errors'],
  },
  BULK_COUNT_CHANGED: {
    status: 409,
    zh: '符合条件的卡券数量变了[（现在是 {count:int} 张）]，请重新确认。没有任何卡券被改动。',
    en: 'The number of matching cards changed[ (it is {count:int} now)]: confirm again. Nothing was changed.',
    note: '`count` is the new count; the bulk action did nothing',
  },
  BULK_OPERATION_NOT_FOUND: { status: 404, zh: '没有找到这次批量操作。', en: 'No such bulk operation.' },
  CARD_GIFT_PENDING: {
    status: 409,
    zh: '这张券正在转赠中，暂时不能使用、充值或再次转赠。取消转赠，或好友 24 小时内未领取退回后，可以再用。',
    en: 'This card is being given to a friend: it cannot be used, topped up or given again until the gift is cancelled or comes back unaccepted after 24 hours.',
  },
  GIFT_OFFER_NOT_FOUND: { status: 404, zh: '转赠链接无效，请让好友重新发送。', en: 'This gift link is not valid; ask your friend to send it again.' },
  GIFT_OFFER_NOT_FOR_YOU: { status: 403, zh: '这份转赠是送给其他会员的。', en: 'This gift was sent to another member.' },
  GIFT_OFFER_OWN: { status: 409, zh: '这是你自己发出的转赠，请把链接发给好友领取。', en: 'This is your own gift: send the link to a friend.' },
  GIFT_OFFER_ACCEPTED: { status: 409, zh: '这份转赠已经被领取了。', en: 'This gift has already been accepted.' },
  GIFT_OFFER_CANCELLED: { status: 409, zh: '好友已经取消了这次转赠。', en: 'Your friend took this gift back.' },
  GIFT_OFFER_EXPIRED: {
    status: 409,
    zh: '这份转赠超过 24 小时没有领取，卡券已退回给好友。',
    en: 'This gift was not accepted within 24 hours and went back to your friend.',
  },
  GIFT_OFFER_CHANGED: { status: 409, zh: '这份转赠刚刚有了变化，请重试。', en: 'This gift changed a moment ago; try again.' },
  GIFT_OFFER_UNAVAILABLE: { status: 409, zh: '这张卡已经失效（过期或作废），无法领取。', en: 'This card can no longer be given (it expired or was voided).' },
  MEMBER_LIMIT_REACHED: {
    status: 409,
    zh: '这位会员持有这种券已达上限[（每人限 {limit:int} 张）]，不能再发。',
    en: 'This member already holds the most cards of this kind allowed[ ({limit:int} each)].',
  },
  STOCK_EXHAUSTED: {
    status: 409,
    zh: '这个批次已经没有可发的券了（或还在生成中）。请稍后再试，或换一个批次。',
    en: 'This batch has no card left to issue (or is still generating). Try again later, or use another batch.',
  },
  MEMBER_NOT_FOUND: {
    status: 404,
    zh: '没有找到这位会员，请核对会员编号。',
    en: 'No such member: check the member number.',
  },
  MEMBER_EXTERNAL_ID_TAKEN: {
    status: 409,
    zh: '会员编号[「{external_id:text}」]已经有会员在用了。',
    en: 'The member number[ "{external_id:text}"] is taken by another member.',
  },
  CSV_MALFORMED: {
    status: 422,
    zh: '导入文件不是有效的 CSV。请检查后重新导入（每行：券码,卡密；卡密可不填）。',
    en: 'The import file is not valid CSV. Check it and import again (one "code,pin" a line; the PIN may be left out).',
  },
  IMPORT_TOO_LARGE: {
    status: 413,
    zh: '文件太大[：每次最多导入 {max_lines:int} 行]。请拆分后分批导入。',
    en: 'The file is too large[: at most {max_lines:int} lines per import]. Split it and import the parts.',
  },
} as const satisfies Record<string, EntryDef>;
