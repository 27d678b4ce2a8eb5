import { DateTime } from 'luxon';
import { AppError } from '../../errors.js';

/** The longest period a statement covers. */
export const MAX_DAYS = 400;

const bad = (field: string, reason: string, detail: string) =>
  new AppError(422, 'STATEMENT_PERIOD_INVALID', `${field}: ${detail}`, { errors: [{ field, reason }] });

/** A bound of a period: a local day (`2026-05-01`: its midnight in the tenant's time zone) or an instant (ISO 8601 with an offset). */
function instant(v: string, tz: string, field: string): Date {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(v) ? DateTime.fromISO(v, { zone: tz }) : DateTime.fromISO(v, { setZone: true });
  if (!d.isValid || (!/^\d{4}-\d{2}-\d{2}$/.test(v) && !/(Z|[+-]\d{2}:?\d{2})$/i.test(v)))
    throw bad(field, 'not a date', 'a local day YYYY-MM-DD or an ISO 8601 instant with an offset');
  return d.toJSDate();
}

/** [from, to) of a statement in the tenant's time zone; reversed, empty or too long periods are refused naming the field. */
export function periodOf(input: { from: string; to: string }, tz: string): { from: Date; to: Date } {
  const from = instant(input.from, tz, 'from');
  const to = instant(input.to, tz, 'to');
  if (from >= to) throw bad('from', 'not before to', 'must be before to');
  if (to.getTime() - from.getTime() > MAX_DAYS * 86_400_000) throw bad('to', 'period too long', `a statement covers at most ${MAX_DAYS} days`);
  return { from, to };
}
