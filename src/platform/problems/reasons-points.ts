import type { Say } from './fields.js';

/** Reasons the orders and points checks give (src/modules/orders, src/modules/points), in words. */
export const POINT_REASONS: [RegExp, Say][] = [
  [/^at least 1$/, () => ['至少为 1', 'at least 1']],
  [/^more than paid and not yet refunded$/, () => ['超过了已付且未退的金额', 'more than paid and not yet refunded']],
  [/^a whole number other than 0$/, () => ['须为非零整数', 'a whole number other than 0']],
  [/^a whole number above 0$/, () => ['须为大于 0 的整数', 'a whole number above 0']],
  [/^more than the balance$/, () => ['超过了可用积分', 'more than the balance']],
  [/^next_cursor of the previous page$/, () => ['请使用上一页返回的 next_cursor', 'the next_cursor of the previous page']],
  [/^a date as YYYY-MM-DD$/, () => ['日期格式为 YYYY-MM-DD', 'a date as YYYY-MM-DD']],
  [/^a date as YYYY-MM-DD, not before from$/, () => ['日期格式为 YYYY-MM-DD，且不早于开始日期', 'a date as YYYY-MM-DD, not before the start']],
  [/^at most 366 days$/, () => ['最长 366 天', 'at most 366 days']],
  [/^an order rule says per how many fen it earns$/, () => ['消费规则要设置每消费多少分（金额）得积分', 'an order rule says per how much spent it earns']],
  [/^an activity rule names the event it rewards$/, () => ['行为规则要指定奖励哪种行为', 'an activity rule names the event it rewards']],
  [/^only order rules earn per fen$/, () => ['只有消费规则按金额计算', 'only order rules earn per amount spent']],
  [/^a cap says how many times or how much$/, () => ['上限要设置次数或数量', 'a cap says how many times or how much']],
  [/^a cap says per day, week or month$/, () => ['上限要设置按天、周或月', 'a cap says per day, week or month']],
  [/^a rule keeps its kind: make a new rule$/, () => ['规则类型不能修改，请新建一条规则', 'a rule keeps its kind: make a new rule']],
];
