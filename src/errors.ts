/**
 * Errors are values with a stable code, mapped to RFC 9457 problem+json in one place (http/errors.ts).
 * A code is part of the API: never rename one.
 */
export class AppError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string, extra: Record<string, unknown> = {}) =>
  new AppError(404, `${what.toUpperCase()}_NOT_FOUND`, `${what.replace(/_/g, ' ')} not found`, extra);

export const invalid = (field: string, reason: string, code = 'VALIDATION_FAILED') =>
  new AppError(422, code, `${field}: ${reason}`, { errors: [{ field, reason }] });

export const conflict = (code: string, message: string, extra: Record<string, unknown> = {}) => new AppError(409, code, message, extra);

export const forbidden = (message = 'this key may not do that') => new AppError(403, 'FORBIDDEN', message);

/** Keeps a pending answer under the request's idempotency key in the settling transaction; false when another request holds the key. */
export type StoreAnswer = (q: import('./db/index.js').Sql, status: number, body: Record<string, unknown>) => Promise<boolean>;

/**
 * Not an error for the caller: the action waits for a person (人工审核, the reviews module). It is
 * thrown so the action's own transaction rolls back; `settle` then writes the review and its hold in
 * a transaction of their own (with the idempotency key's answer, when there is a key: a retry
 * replays it), and the error handler answers HTTP 202 with `body`. `settle` returns false when
 * another request already holds the key (nothing was written: the caller replays that answer).
 */
export class PendingAnswer extends AppError {
  settled = false;
  constructor(
    public body: Record<string, unknown>,
    private readonly write: (store: StoreAnswer | null) => Promise<Record<string, unknown> | null>,
  ) {
    super(202, 'PENDING_REVIEW', 'this request waits for review; its answer comes later', {});
  }
  async settle(store: StoreAnswer | null): Promise<boolean> {
    if (this.settled) return true;
    const body = await this.write(store);
    if (!body) return false;
    this.body = body;
    this.settled = true;
    return true;
  }
}
