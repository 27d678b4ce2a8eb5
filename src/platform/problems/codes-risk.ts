import type { EntryDef } from './words.js';

/** 风控: read by whoever an action was refused to (a member in the wallet, a clerk, a brand's server), and by the operator setting rules and lists. */
export const RISK = {
  RISK_REFUSED: {
    status: 403,
    zh: '该操作被风控规则拒绝[：{rule?:text}]。如有疑问，请联系商家。',
    en: 'This action was refused by a risk rule[: {rule?:text}]. Contact the brand if you think this is wrong.',
    note: 'a black list entry, a limit reached, a behaviour signal; or a rule sending to review or a second verification when none is set up',
  },
  RISK_UNAVAILABLE: {
    status: 503,
    zh: '风控计数暂时不可用，按规则[「{rule?:text}」]的设置暂停此操作，请稍后再试。',
    en: 'The risk counters are unreachable and[ the rule "{rule?:text}"] fails closed; try again shortly.',
  },
  RISK_RULE_NOT_FOUND: { status: 404, zh: '没有找到这条风控规则。', en: 'No such risk rule.' },
  RISK_LIST_ENTRY_NOT_FOUND: { status: 404, zh: '没有找到这条名单记录。', en: 'No such list entry.' },
} as const satisfies Record<string, EntryDef>;
