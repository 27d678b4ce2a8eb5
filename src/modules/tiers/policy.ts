import { DateTime } from 'luxon';

/**
 * The tier rules as pure functions (no database, no clock): unit-tested alone in policy.test.ts.
 * docs/membership.md "Tiers" says why each is so.
 */
export interface Tier {
  id: string;
  name: string;
  rank: number;
  threshold: number;
}
export type Policy = 'never' | 'period' | 'refund';
export interface Settings {
  policy: Policy;
  period_months: 1 | 3 | 6 | 12;
  grace_days: number;
}
export const DEFAULT_SETTINGS: Settings = { policy: 'never', period_months: 12, grace_days: 0 };

/** The highest tier whose threshold the growth reaches (ladder in rank order); null below every threshold. */
export function tierForGrowth(ladder: Tier[], growth: number): Tier | null {
  let found: Tier | null = null;
  for (const t of ladder) if (growth >= t.threshold) found = t;
  return found;
}

/** The member's tier before anything happened to them: the tier of threshold 0, if the ladder has one. */
export const baseTier = (ladder: Tier[]) => ladder.find((t) => t.threshold === 0) ?? null;

/** −1 for no tier, so any tier is above none. */
export const rankOf = (ladder: Tier[], id: string | null | undefined) => (id ? (ladder.find((t) => t.id === id)?.rank ?? -1) : -1);

/** The higher of two tiers by rank (what a member holds: the tier earned, or the operator's floor while it lasts). */
export function higher(ladder: Tier[], a: string | null, b: string | null): string | null {
  return rankOf(ladder, b) > rankOf(ladder, a) ? b : a;
}

/**
 * The qualifying period 考核周期 containing `at`: N calendar months counted from 1 January in the
 * tenant's zone (N = 1, 3, 6 or 12), from local midnight to local midnight.
 */
export function qualifyingPeriod(at: Date, tz: string, months: number): { start: Date; end: Date } {
  const d = DateTime.fromJSDate(at, { zone: tz });
  const startMonth = Math.floor((d.month - 1) / months) * months + 1;
  const start = d.startOf('year').set({ month: startMonth });
  return { start: start.toJSDate(), end: start.plus({ months }).toJSDate() };
}

/** The period before the one ending at `end`: [end − N months, end) in the tenant's zone. */
export function periodEndingAt(end: Date, tz: string, months: number): { start: Date; end: Date } {
  return { start: DateTime.fromJSDate(end, { zone: tz }).minus({ months }).toJSDate(), end };
}

/** The next period's end after `end`. */
export const nextPeriodEnd = (end: Date, tz: string, months: number) => DateTime.fromJSDate(end, { zone: tz }).plus({ months }).toJSDate();

/**
 * When a downgrade decided at `decidedAt` takes effect: `days` calendar days later in the tenant's
 * zone (the same local time of day; a period end is at local midnight, so its grace ends at local
 * midnight too). 0 days: at once.
 */
export const graceEnd = (decidedAt: Date, tz: string, days: number) => DateTime.fromJSDate(decidedAt, { zone: tz }).plus({ days }).toJSDate();

/** A manual tier's end date `YYYY-MM-DD` holds through that local day: it ends at the next local midnight. */
export function floorEnd(date: string, tz: string): Date | null {
  const d = DateTime.fromISO(date, { zone: tz });
  return d.isValid ? d.startOf('day').plus({ days: 1 }).toJSDate() : null;
}

/**
 * The latest monthly occurrence of a benefit at or before `now`: local midnight of day `day` of
 * this month, or of last month when this month's has not come yet. Its period is that month, `YYYY-MM`.
 */
export function benefitPeriod(now: Date, tz: string, day: number): { period: string; dueAt: Date } {
  const d = DateTime.fromJSDate(now, { zone: tz });
  let due = d.startOf('month').set({ day });
  if (due > d) due = due.minus({ months: 1 }).startOf('month').set({ day });
  return { period: due.toFormat('yyyy-MM'), dueAt: due.toJSDate() };
}

/** The ladder's problems, each naming its field (`tiers[2].threshold`): thresholds strictly increasing, names unique. */
export function ladderProblems(tiers: { name: string; threshold: number }[]): { field: string; reason: string }[] {
  const out: { field: string; reason: string }[] = [];
  const names = new Set<string>();
  tiers.forEach((t, i) => {
    if (!Number.isSafeInteger(t.threshold) || t.threshold < 0) out.push({ field: `tiers[${i}].threshold`, reason: 'a whole number of growth, 0 or more' });
    else if (i > 0 && t.threshold <= tiers[i - 1]!.threshold)
      out.push({ field: `tiers[${i}].threshold`, reason: `must be more than the tier before it (${tiers[i - 1]!.threshold})` });
    const name = t.name.trim();
    if (!name) out.push({ field: `tiers[${i}].name`, reason: 'required' });
    else if (names.has(name)) out.push({ field: `tiers[${i}].name`, reason: 'another tier has this name' });
    names.add(name);
  });
  return out;
}
