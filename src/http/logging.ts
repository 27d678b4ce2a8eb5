import type { FastifyRequest } from 'fastify';

/**
 * What the request log may say. Query strings can carry personal data (a member search by phone:
 * `GET /v1/members?q=13800138001`) and cursors carry sort keys such as names, so only the values of
 * parameters that never do are kept; every other value is written as `[redacted]`. Credentials in
 * headers never reach the log, nor the token of a download link (`/d/<token>`).
 */
const SAFE_PARAMS = new Set(['limit', 'sort', 'state', 'status', 'group_by', 'kind', 'mode']);

export function redactUrl(url: string): string {
  // a delivery's download link is its own secret (/d/<token>): its token never reaches the log
  if (url.startsWith('/d/')) url = url.replace(/^\/d\/[^/?#]*/, '/d/[redacted]');
  const at = url.indexOf('?');
  if (at < 0) return url;
  const params = new URLSearchParams(url.slice(at + 1));
  const kept = [...params.keys()].map((k) => `${encodeURIComponent(k)}=${SAFE_PARAMS.has(k) ? encodeURIComponent(params.get(k) ?? '') : '[redacted]'}`);
  return `${url.slice(0, at)}?${kept.join('&')}`;
}

/** pino options for the server's logger (main.ts), also used by the tests that read the log. */
export function loggerOptions(level: string, stream?: NodeJS.WritableStream) {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    serializers: {
      req: (req: FastifyRequest) => ({ method: req.method, url: redactUrl(req.url), remoteAddress: req.ip }),
    },
  };
}
