/** The hand-written reasons of 风控 (risk/rules.ts, lists.ts, decisions.ts), worded for the person at the form (fields.ts). */
export const RISK_REASONS: [RegExp, (f: string, m: RegExpMatchArray) => readonly [string, string]][] = [
  [/^required for a limit rule$/, (f) => [`频控规则必须填写「${f}」`, `a limit rule needs ${f}`]],
  [/^required for a signal rule$/, (f) => [`行为信号规则必须填写「${f}」`, `a signal rule needs ${f}`]],
  [/^a signal rule names its signal, not a subject$/, (f) => [`行为信号规则不填写「${f}」，请选择信号`, `a signal rule takes a signal, not ${f}`]],
  [/^only a signal rule has a signal$/, (f) => [`只有行为信号规则才有「${f}」`, `only a signal rule has ${f}`]],
  [/^only a limit rule counts failures$/, (f) => [`只有频控规则可以设置「${f}」为只计失败`, `only a limit rule counts failures (${f})`]],
  [/^must be in the future$/, (f) => [`「${f}」必须晚于现在`, `${f} must be in the future`]],
  [/^before from$/, (f) => [`「${f}」不能早于开始时间`, `${f} must not be before the start`]],
];
