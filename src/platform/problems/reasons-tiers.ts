/** The hand-written reasons of 会员等级 (tiers/policy.ts, service.ts, benefits.ts), worded for the person at the form (fields.ts). */
export const TIER_REASONS: [RegExp, (f: string, m: RegExpMatchArray) => readonly [string, string]][] = [
  [/^no such (tier|pack)$/, (f) => [`「${f}」：没有找到`, `${f}: not found`]],
  [/^1 to 28$/, (f) => [`「${f}」须为 1 到 28`, `${f}: 1 to 28`]],
  [/^a date YYYY-MM-DD$/, (f) => [`「${f}」须为日期（YYYY-MM-DD）`, `${f}: a date (YYYY-MM-DD)`]],
  [/^must be today or later$/, (f) => [`「${f}」不能早于今天`, `${f} must be today or later`]],
  [/^a whole number of growth, 0 or more$/, (f) => [`「${f}」须为不小于 0 的整数`, `${f}: a whole number, 0 or more`]],
  [
    /^must be more than the tier before it \((\d+)\)$/,
    (f, m) => [`「${f}」必须高于上一等级（${m[1]}）`, `${f} must be more than the tier before it (${m[1]})`],
  ],
  [/^another tier has this name$/, (f) => [`「${f}」与其他等级重名`, `${f}: another tier has this name`]],
];
