import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { AppError, PendingAnswer } from '../errors.js';

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String({ description: 'stable machine-readable code, e.g. CARD_ALREADY_REDEEMED' }),
    detail: Type.Optional(Type.String()),
    request_id: Type.Optional(
      Type.String({ description: 'this request’s id, as in the X-Request-Id header and the server’s log: quote it when asking for help' }),
    ),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          field: Type.String(),
          reason: Type.String(),
          rule: Type.Optional(Type.String({ description: 'the schema rule that failed: required, unknown, enum, maxLength, minimum, type, format …' })),
          limit: Type.Optional(Type.Number({ description: 'the bound of a length, size or range rule' })),
          allowed: Type.Optional(Type.Array(Type.String(), { description: 'the values an enum allows' })),
          expected: Type.Optional(Type.String({ description: 'the type or format expected' })),
        }),
      ),
    ),
  },
  { $id: 'Problem', additionalProperties: true },
);

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problem(status: number, code: string, detail: string, extra: Record<string, unknown> = {}) {
  return {
    type: `https://kaquan.dev/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    detail,
    ...extra,
  };
}

/** Which schema rule failed, with its bound, in fields a screen can word in its own language (the reason is English). */
function ruleOf(keyword: string, p: any): { rule: string; limit?: number; allowed?: string[]; expected?: string } {
  const rule = keyword === 'additionalProperties' ? 'unknown' : keyword;
  if (typeof p?.limit === 'number') return { rule, limit: p.limit };
  if (Array.isArray(p?.allowedValues)) return { rule, allowed: p.allowedValues.map(String) };
  if (keyword === 'type' && p?.type) return { rule, expected: String(p.type) };
  if (keyword === 'format' && p?.format) return { rule, expected: String(p.format) };
  return { rule };
}

const problemCodes = new WeakMap<FastifyRequest, string>();
/** The code of the problem this request was answered with (metrics count outcomes by it). */
export const problemCodeOf = (req: FastifyRequest): string | undefined => problemCodes.get(req);

/** The one error handler: 4xx say what was wrong; 5xx say nothing but are logged. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    let body: ReturnType<typeof problem>;
    if (err instanceof PendingAnswer) {
      // an answer, not a problem: 202, the review to poll (mutate() has settled it; a route without mutate() settles it here, keyless)
      const send = () => reply.status(202).type('application/json').send(err.body);
      if (err.settled) return send();
      return err.settle(null).then(send, (e) => {
        req.log.error({ err: e }, 'a review could not be recorded');
        return reply
          .status(500)
          .type('application/problem+json')
          .send(problem(500, 'INTERNAL', 'something went wrong on our side; it has been logged'));
      });
    }
    if (err instanceof AppError) {
      body = problem(err.status, err.code, err.message, err.extra);
      if (err.status === 429 && typeof err.extra.retry_after === 'number') reply.header('retry-after', String(err.extra.retry_after));
    } else if ((err as FastifyError).validation) {
      const fe = err as FastifyError;
      const errors = fe.validation!.map((v) => {
        const p = v.params as any;
        const path = [fe.validationContext, ...(v.instancePath || '').split('/').filter(Boolean), p?.missingProperty ?? p?.additionalProperty].filter(Boolean);
        const allowed = v.keyword === 'enum' ? p?.allowedValues : undefined;
        const reason =
          v.keyword === 'additionalProperties'
            ? 'unknown field (check its spelling)'
            : Array.isArray(allowed)
              ? `must be one of ${allowed.join(', ')}`
              : (v.message ?? 'invalid');
        return { field: path.join('.'), reason, ...ruleOf(v.keyword, p) };
      });
      // a field the API does not know is refused as unprocessable: a typo must never be dropped silently
      const status = fe.validation!.some((v) => v.keyword === 'additionalProperties') ? 422 : 400;
      body = problem(status, 'VALIDATION_FAILED', errors.map((e) => `${e.field}: ${e.reason}`).join('; '), { errors });
    } else if ((err as FastifyError).statusCode && (err as FastifyError).statusCode! < 500) {
      const fe = err as FastifyError;
      const code =
        fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
          ? 'MALFORMED_JSON'
          : (fe.code ?? 'BAD_REQUEST').replace(/^FST_ERR_/, '');
      body = problem(fe.statusCode!, code, fe.message);
    } else if (/^22[0-9A-Z]{3}$/.test(String((err as { code?: unknown }).code ?? ''))) {
      // a value the database could not take (out of range, malformed): bad input that slipped past
      // the schemas. Still the caller's 4xx, never a 500; logged so the schema gets the bound.
      req.log.warn({ err }, 'database refused a value');
      body = problem(400, 'VALIDATION_FAILED', 'a value is out of range or malformed');
    } else {
      req.log.error({ err }, 'unhandled error');
      body = problem(500, 'INTERNAL', 'something went wrong on our side; it has been logged');
    }
    problemCodes.set(req, body.code);
    reply
      .status(body.status)
      .type('application/problem+json')
      .send({ ...body, request_id: req.id });
  });
  app.setNotFoundHandler((req, reply) => {
    problemCodes.set(req, 'ROUTE_NOT_FOUND');
    reply
      .status(404)
      .type('application/problem+json')
      .send(problem(404, 'ROUTE_NOT_FOUND', `no route ${req.method} ${req.url.split('?')[0]}`, { request_id: req.id }));
  });
}
