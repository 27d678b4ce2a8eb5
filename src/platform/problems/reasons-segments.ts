import type { Say } from './fields.js';

/** 人群与标签: the reasons a segment's conditions are refused with (segments/conditions.ts), in words for the condition builder. */
export const SEGMENT_REASONS: [RegExp, Say][] = [
  [
    /^a group: \{ all: \[\.\.\.\] \} or \{ any: \[\.\.\.\] \}$/,
    (f) => [`「${f}」应是一组条件：全部满足或任一满足`, `${f}: a group, { all: [...] } or { any: [...] }`],
  ],
  [/^groups nest two levels at most$/, (f) => [`「${f}」：条件组最多嵌套两层`, `${f}: groups nest two levels at most`]],
  [/^a condition or a group$/, (f) => [`「${f}」应是一个条件或一组条件`, `${f}: a condition or a group`]],
  [/^at most (\d+) lines$/, (f, m) => [`「${f}」一次最多导入 ${m[1]} 行，请拆分文件`, `${f}: at most ${m[1]} lines per import; split the file`]],
];
