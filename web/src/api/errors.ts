/**
 * An answer of the API that is not a success: RFC 9457 problem+json. `code` says what went wrong
 * (the catalogue words it for the person: web/src/problems.tsx); `detail` is a sentence for
 * developers; `fields` are the problem's structured fields (weekdays, balance …) the words are filled from.
 */
export class ApiError extends Error {
  constructor(
    public status: number,
    public code: string,
    public detail: string,
    public errors: { field: string; reason: string; rule?: string; limit?: number; allowed?: string[]; expected?: string }[] = [],
    public fields: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}
