import type { EntryDef } from './words.js';

/** Why a redemption (or its check) is refused, and the reversal rules: read by the clerk at the till. */
export const REDEEM = {
  RULE_WEEKDAY_NOT_ALLOWED: {
    status: 422,
    zh: '今天不能用这张券[（今天{today?:weekday}）][，仅限{weekdays:weekdays}使用]。请让顾客到时再来，或出示其他券。',
    en: 'This card cannot be used today[ ({today?:weekday})][: only on {weekdays:weekdays}]. Ask the customer to come back then, or for another card.',
    note: 'weekdays: 1 = Monday … 7 = Sunday; today in the tenant’s time zone',
  },
  RULE_OUTSIDE_HOURS: {
    status: 422,
    zh: '现在不在这张券的可用时段[，仅限 {hours:hours} 使用]。请在可用时段再来，或让顾客出示其他券。',
    en: 'This card cannot be used at this hour[: only {hours:hours}]. Come back within those hours, or ask for another card.',
    note: 'hours: [{from, to}] in the tenant’s time zone',
  },
  RULE_STORE_NOT_ALLOWED: {
    status: 422,
    zh: '这张券不能在本店[（{store_name:text}）]使用[，仅限{allowed_stores?:stores}]。请让顾客到可用门店使用，或出示其他券。',
    en: 'This card cannot be used at this store[ ({store_name:text})][; only at {allowed_stores?:stores}]. Ask for another card, or use it at those stores.',
    note: 'allowed_stores: the names of the stores the card is good at (by the rule’s store_ids or store_tags)',
    also: ['allowed_store_ids?', 'allowed_store_tags?'],
  },
  STORE_REQUIRED: {
    status: 422,
    zh: '请先选择门店：这张券只能在指定门店使用，或你的账号服务多家门店。',
    en: 'Choose the store first: this card is good only at certain stores, or your account serves several.',
  },
  RULE_LOCATION_REQUIRED: {
    status: 422,
    zh: '这张券只能在指定区域内使用。请在设置了位置的门店核销，或开启定位后重试。',
    en: 'This card is good only within an area. Redeem at a store with a location, or share the location and retry.',
  },
  RULE_OUTSIDE_GEOFENCE: {
    status: 422,
    zh: '这里不在这张券的可用范围内[（须在指定地点 {radius_m:int} 米以内）]。请让顾客出示其他券。',
    en: 'This place is outside the card’s area[ (within {radius_m:int} m of it)]. Ask for another card.',
  },
  ORDER_AMOUNT_REQUIRED: {
    status: 422,
    zh: '请先输入订单金额[（本券满 {min_spend?:money} 可用）]，再核销。',
    en: 'Enter the order amount first[ (this card needs a spend of {min_spend?:money})].',
  },
  RULE_MIN_SPEND_NOT_MET: {
    status: 422,
    zh: '订单金额未达到最低消费[：本单 {order_amount:money}，需满 {min_spend:money}][，还差 {short_by:money}]。请让顾客凑单，或出示其他券。',
    en: 'The order is below the minimum spend[: {order_amount:money} of {min_spend:money}][, {short_by:money} short]. Ask the customer to add to the order, or for another card.',
  },
  PRODUCTS_REQUIRED: {
    status: 422,
    zh: '这张券只适用于指定商品，请先选出订单里的商品。',
    en: 'This card applies to certain products: choose the order’s products first.',
  },
  RULE_PRODUCT_NOT_IN_SCOPE: {
    status: 422,
    zh: '订单里没有这张券适用的商品。请让顾客出示其他券。',
    en: 'None of the order’s products is covered by this card. Ask for another card.',
  },
  AMOUNT_REQUIRED: { status: 422, zh: '请输入本次要扣的金额。', en: 'Enter the amount to take.' },
  INSUFFICIENT_BALANCE: {
    status: 409,
    zh: '余额不足[：本次要扣 {amount:money}，卡内只有 {balance:money}]。请少扣一些，其余让顾客用其他方式支付。',
    en: 'Not enough balance[: {amount:money} asked, the card holds {balance:money}]. Take less, and let the customer pay the rest another way.',
  },
  INSUFFICIENT_USES: {
    status: 409,
    zh: '剩余次数不够[：本次要用 {uses:int} 次，只剩 {uses_left:int} 次]。请减少核销次数。',
    en: 'Not enough uses left[: {uses:int} asked, {uses_left:int} left]. Take fewer uses.',
  },
  PERIOD_USES_EXHAUSTED: {
    status: 409,
    zh: '本期次数已经用完[，{next_refill_at?:time} 起补充]。请下期再来，或出示其他券。',
    en: 'This period’s uses are spent[; more from {next_refill_at?:time}]. Come back next period, or use another card.',
  },
  VERIFICATION_REQUIRED: {
    status: 403,
    zh: '这笔核销需要运营二次验证[（{threshold?:money} 及以上）]。请联系运营获取审批码，填入后再核销。',
    en: 'This redemption needs a second verification[ ({threshold?:money} or more)]. Ask an operator for an approval id and enter it.',
    note: 'an operator approves with POST /v1/cards/{id}/approvals; send its id as approval_id',
  },
  VERIFICATION_INVALID: {
    status: 403,
    zh: '审批码无效：可能输错了、已用过、已过期、属于其他卡券，或本次金额超过了审批上限。请向运营重新获取。',
    en: 'The approval id does not work: mistyped, used, expired, for another card, or below this amount. Ask the operator for a new one.',
  },
  REDEMPTION_NOT_FOUND: { status: 404, zh: '没有找到这笔核销记录。', en: 'No such redemption.' },
  REDEMPTION_ALREADY_REVERSED: { status: 409, zh: '这笔核销已经撤销过了。', en: 'This redemption was already reversed.' },
  REVERSAL_WINDOW_CLOSED: {
    status: 409,
    zh: '已过撤销时限[（核销后 {minutes:int} 分钟内可撤销）]，不能再撤销。如需处理，请联系运营。',
    en: 'Too late to reverse[: redemptions can be reversed within {minutes:int} minutes]. Ask an operator if it needs fixing.',
  },
  REVERSAL_PERIOD_CLOSED: {
    status: 409,
    zh: '这笔核销属于已经结束的周期，不能再撤销。',
    en: 'This redemption belongs to a period that has ended; it can no longer be reversed.',
  },
  REVERSAL_REWARD_ISSUED: {
    status: 409,
    zh: '这些集点已经换成了奖励券，不能撤销。如需处理，请运营作废那张奖励券。',
    en: 'These stamps already earned a reward card; void that reward card instead.',
  },
  CARD_NOT_REVERSIBLE: {
    status: 409,
    zh: '这张券[目前{state:state}，]不能再撤销它的核销。',
    en: 'This card’s redemptions can no longer be reversed[; it is {state:state}].',
  },
} as const satisfies Record<string, EntryDef>;
