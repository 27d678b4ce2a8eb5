import type { ProblemCode } from './codes.js';

/** One field of a 422: which field, why, and the schema rule that failed. */
export interface FieldProblem {
  field: string;
  reason: string;
  rule?: string;
  limit?: number;
  allowed?: string[];
  expected?: string;
}

/**
 * An answer that is not a success: the API's RFC 9457 problem+json as an exception. Switch on
 * `code` (typed: every code the server can answer with, `codes.ts`); `message_zh` / `message_en`
 * are the catalogue's words for the person at the till; `detail` is for developers; `fields` holds
 * the problem's structured values (a balance, the time a lock ends …); quote `requestId` to support.
 */
export class KaquanError extends Error {
  readonly status: number;
  readonly code: ProblemCode | (string & {});
  readonly detail: string;
  readonly errors: FieldProblem[];
  readonly requestId: string | undefined;
  readonly fields: Record<string, unknown>;
  constructor(status: number, body: Record<string, unknown>) {
    const code = typeof body.code === 'string' ? body.code : `HTTP_${status}`;
    const detail = typeof body.detail === 'string' ? body.detail : '';
    super(`${code}: ${detail}`);
    this.name = 'KaquanError';
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.errors = Array.isArray(body.errors) ? (body.errors as FieldProblem[]) : [];
    this.requestId = typeof body.request_id === 'string' ? body.request_id : undefined;
    const { type: _t, title: _ti, status: _s, code: _c, detail: _d, errors: _e, request_id: _r, ...fields } = body;
    this.fields = fields;
  }

  /** The request was refused for a reason that may pass if asked again later (a throttle, a lock, work in progress). */
  get retryable(): boolean {
    return this.status === 429 || this.status === 503 || this.code === 'IDEMPOTENCY_IN_PROGRESS';
  }
}

/** A request that never got an answer from the server (network down, timeout), after the retries. */
export class KaquanNetworkError extends Error {
  constructor(
    message: string,
    readonly cause: unknown,
  ) {
    super(message);
    this.name = 'KaquanNetworkError';
  }
}
