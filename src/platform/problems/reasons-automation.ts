import type { Say } from './fields.js';

/** 自动化规则: the reasons the rules' hand-written checks give (automation/check.ts), in words for the rule builder. */
export const AUTOMATION_REASONS: [RegExp, Say][] = [
  [/^no such trigger$/, (f) => [`「${f}」不是可用的触发事件`, `${f}: no such trigger`]],
  [/^no such field for this trigger$/, (f) => [`「${f}」：这个触发事件没有这个字段`, `${f}: the trigger has no such field`]],
  [/^a segment takes in or not_in$/, (f) => [`「${f}」：人群条件只能是“属于”或“不属于”`, `${f}: a segment takes in or not in`]],
  [/^a segment id$/, (f) => [`「${f}」请选择一个人群`, `${f}: choose a segment`]],
  [/^a list of values$/, (f) => [`「${f}」请填写至少一个值`, `${f}: at least one value`]],
  [/^one value, not a list$/, (f) => [`「${f}」只能填写一个值`, `${f}: one value, not a list`]],
  [/^a whole number$/, (f) => [`「${f}」请填写整数`, `${f}: a whole number`]],
  [/^text takes eq, ne, in or not_in$/, (f) => [`「${f}」：文字只能比较等于、不等于、属于或不属于`, `${f}: text takes equal, not equal, in or not in`]],
  [/^required for this trigger$/, (f) => [`这个触发事件需要填写「${f}」`, `${f} is required for this trigger`]],
  [/^not for this trigger$/, (f) => [`这个触发事件没有「${f}」，请去掉`, `${f} is not for this trigger; leave it out`]],
  [/^at least one action$/, () => ['请至少选择一个动作（发放奖励、打标签或通知）', 'choose at least one action (rewards, a tag or a webhook)']],
  [/^a budget needs rewards$/, (f) => [`「${f}」：只有发放奖励的规则才有预算`, `${f}: only a rule that gives rewards has a budget`]],
  [/^a schedule needs a segment$/, (f) => [`「${f}」：定时规则请选择一个目标人群（属于某人群）`, `${f}: a schedule rule needs a segment (segment_id in)`]],
  [/^at least 1$/, (f) => [`「${f}」至少为 1`, `${f}: at least 1`]],
  [/^below zero$/, (f) => [`「${f}」不能小于 0`, `${f} cannot be below zero`]],
];
