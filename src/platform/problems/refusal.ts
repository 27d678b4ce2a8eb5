import { AppError } from '../../errors.js';
import { CATALOGUE, type Code, type ProblemParams } from './catalogue.js';

/**
 * A refusal with the structured fields its catalogue message reads (catalogue.ts): `detail` stays the
 * developer's sentence, the fields go into the problem beside it. Typed by the catalogue, so a field a
 * message needs cannot be left out; `also` adds fields no message reads (ids a later step resolves).
 * The status is the entry's (its first, for a code with several) unless `status` says otherwise.
 */
export function refusal<C extends Code>(code: C, detail: string, params: ProblemParams<C>, also: Record<string, unknown> = {}, status?: number): AppError {
  const s = CATALOGUE[code].status;
  return new AppError(status ?? (typeof s === 'number' ? s : s[0]!), code, detail, { ...also, ...(params as Record<string, unknown>) });
}
