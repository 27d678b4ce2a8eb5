import { DateTime } from 'luxon';

export type PeriodUnit = 'week' | 'month' | 'quarter' | 'year';

/**
 * Periods follow the tenant's calendar: a monthly card refills at local midnight on the 1st,
 * a weekly one on Monday, a quarterly one on Jan/Apr/Jul/Oct 1st. The first period is the one
 * the card was issued in.
 */
export function periodEnd(at: Date, unit: PeriodUnit, tz: string, periodsAhead = 1): Date {
  return DateTime.fromJSDate(at, { zone: tz })
    .startOf(unit)
    .plus({ [`${unit}s`]: periodsAhead })
    .toJSDate();
}

/** Local weekday (1 = Monday) and minutes since local midnight. */
export function localClock(at: Date, tz: string): { weekday: number; minutes: number; date: string } {
  const d = DateTime.fromJSDate(at, { zone: tz });
  return { weekday: d.weekday, minutes: d.hour * 60 + d.minute, date: d.toISODate()! };
}

export function localDay(at: Date, tz: string): string {
  return DateTime.fromJSDate(at, { zone: tz }).toISODate()!;
}
