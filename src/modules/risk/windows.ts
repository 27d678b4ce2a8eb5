import type { RuleRow } from './rules.js';

/**
 * Windows 统计窗口. A calendar window is exact: the tenant's day (week from Monday, month) in its
 * time zone, one bucket, every action in it counted. A sliding window is counted in SLOTS sub-buckets
 * of a tenth of the window each: an action counts from its sub-bucket until that sub-bucket leaves
 * the window, so it is counted for between 0.9× and 1× of the window (a 1-hour limit of N admits at
 * most N in any 54 minutes, and never more than 2N in any hour).
 */
export const SLOTS = 10;
const MIN = 60_000;
const DAY = 86_400_000;
const UNIT_MS = { minute: MIN, hour: 60 * MIN, day: DAY, week: 7 * DAY, month: 30 * DAY } as const;

export interface Bucket {
  /** slots in the ring */
  k: number;
  /** the slot this bucket takes, 1-based */
  idx: number;
  /** the bucket's number */
  b: number;
  /** how long the counter means something after a write */
  ttlMs: number;
  /** where the window counted now begins */
  since: Date;
}

const formats = new Map<string, Intl.DateTimeFormat>();
/** ms to add to UTC for the wall clock of `tz` at `at`, and the wall clock's year and month. */
function wall(at: Date, tz: string) {
  let f = formats.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(tz, f);
  }
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  const local = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!);
  return { offset: local - Math.floor(at.getTime() / 1000) * 1000, year: +p.year!, month: +p.month! - 1 };
}

export function bucketOf(r: Pick<RuleRow, 'window_size' | 'window_unit' | 'window_mode'>, at: Date, tz: string): Bucket {
  const now = at.getTime();
  if (r.window_mode === 'sliding') {
    const sub = Math.max(1_000, Math.floor((r.window_size * UNIT_MS[r.window_unit]) / SLOTS));
    const b = Math.floor(now / sub);
    return { k: SLOTS, idx: (b % SLOTS) + 1, b, ttlMs: sub * (SLOTS + 1), since: new Date((b - SLOTS + 1) * sub) };
  }
  const { offset, year, month } = wall(at, tz);
  const local = now + offset;
  const n = r.window_size;
  let b: number;
  let start: number; // the bucket's start, local ms
  if (r.window_unit === 'month') {
    b = Math.floor((year * 12 + month) / n);
    start = Date.UTC(Math.floor((b * n) / 12), (b * n) % 12, 1);
  } else if (r.window_unit === 'week') {
    b = Math.floor((Math.floor(local / DAY) + 3) / 7 / n); // 1970-01-01 was a Thursday: weeks start on Monday
    start = (b * n * 7 - 3) * DAY;
  } else {
    const len = n * UNIT_MS[r.window_unit];
    b = Math.floor(local / len);
    start = b * len;
  }
  const ttlMs = (r.window_unit === 'month' ? 31 * DAY * n : n * UNIT_MS[r.window_unit]) + DAY;
  return { k: 1, idx: 1, b, ttlMs, since: new Date(start - offset) };
}
