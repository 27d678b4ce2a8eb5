import type { EntryDef } from './words.js';

/** 自动化规则 Automation rules: the rules the brand's staff make (trigger → conditions → limits → actions). */
export const AUTOMATION = {
  AUTOMATION_RULE_NOT_FOUND: { status: 404, zh: '没有找到这条自动化规则。', en: 'No such automation rule.' },
  AUTOMATION_BUDGET_BELOW_USED: {
    status: 409,
    zh: '预算不能少于这条规则已经发放的[ {cards:int} 张券、{fen:money}]。',
    en: 'The budget cannot be less than what the rule has already given[ ({cards:int} cards, {fen:money})].',
  },
} as const satisfies Record<string, EntryDef>;
