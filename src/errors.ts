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
