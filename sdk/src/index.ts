import createClient, { type Client, type FetchResponse, type MaybeOptionalInit, type Middleware } from 'openapi-fetch';
import type { HttpMethod, PathsWithMethod, RequiredKeysOf } from 'openapi-typescript-helpers';
import type { paths } from './schema.js';
import { KaquanError } from './errors.js';
import { retryingFetch, type RetryOptions } from './retry.js';

export { KaquanError, KaquanNetworkError, type FieldProblem } from './errors.js';
export { PROBLEM_CODES, type ProblemCode } from './codes.js';
export type { paths, components } from './schema.js';
export type { RetryOptions } from './retry.js';

export interface KaquanOptions {
  /** where the server is, e.g. https://kaquan.example.com (the paths carry /v1) */
  baseUrl: string;
  /** an API key (kq_…) or an operator session token (kqs_…) */
  apiKey: string;
  /** retries of what is safe to send again (reads, keyed writes); false: none */
  retry?: RetryOptions | false;
  /** send an Idempotency-Key with every write that has none (default true), so a retry never does it twice */
  idempotencyKeys?: boolean;
  /** another fetch (tests, proxies); default the global one */
  fetch?: (req: Request) => Promise<Response>;
  headers?: Record<string, string>;
}

type InitParam<Init> = RequiredKeysOf<Init> extends never ? [(Init & { [key: string]: unknown })?] : [Init & { [key: string]: unknown }];
/** One HTTP method over every path that has it; the answer's `data` is the success type (a failure throws). */
type Call<M extends HttpMethod> = <P extends PathsWithMethod<paths, M>, I extends MaybeOptionalInit<paths[P], M>>(
  url: P,
  ...init: InitParam<I>
) => Promise<{ data: NonNullable<FetchResponse<Extract<paths[P][M], Record<string | number, any>>, I, 'application/json'>['data']>; response: Response }>;

/** Every route of the API, typed from its OpenAPI document: `const { data } = await kq.POST('/v1/redemptions', { body })`. */
export interface Kaquan {
  GET: Call<'get'>;
  POST: Call<'post'>;
  PUT: Call<'put'>;
  PATCH: Call<'patch'>;
  DELETE: Call<'delete'>;
  /** the underlying openapi-fetch client (its middleware, other methods) */
  raw: Client<paths, 'application/json'>;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A client for the Kaquan API. Each call answers `{ data }` on success and throws a `KaquanError`
 * (problem+json: `code`, `detail`, `errors`, `requestId`) otherwise, so `const { data } = await …`
 * is always the success type. Writes get an Idempotency-Key unless you pass one (pass your own —
 * an order number — to make a retry across restarts safe too).
 */
export function createKaquan(o: KaquanOptions): Kaquan {
  const base = o.fetch ?? ((req: Request) => globalThis.fetch(req));
  const client = createClient<paths>({
    baseUrl: o.baseUrl.replace(/\/+$/, ''),
    fetch: o.retry === false ? base : retryingFetch(base, o.retry),
    headers: { authorization: `Bearer ${o.apiKey}`, 'user-agent': 'kaquan-sdk/0.1', ...o.headers },
  });
  const keys: Middleware = {
    async onRequest({ request }) {
      if (o.idempotencyKeys === false || !WRITES.has(request.method) || request.headers.has('idempotency-key')) return request;
      // a body's own request_no is the caller's key (the server takes a header first, so none is added)
      const body = request.body ? await request.clone().text() : '';
      if (!/"request_no"\s*:\s*"/.test(body)) request.headers.set('idempotency-key', `sdk-${crypto.randomUUID()}`);
      return request;
    },
  };
  const problems: Middleware = {
    async onResponse({ response }) {
      if (response.ok) return response;
      const body = await response
        .clone()
        .json()
        .catch(() => ({ detail: `HTTP ${response.status}` }));
      throw new KaquanError(response.status, body && typeof body === 'object' ? body : {});
    },
  };
  client.use(keys, problems);
  // the casts only narrow `data`: the problems middleware throws on every answer that is not a success
  return {
    GET: client.GET as never,
    POST: client.POST as never,
    PUT: client.PUT as never,
    PATCH: client.PATCH as never,
    DELETE: client.DELETE as never,
    raw: client,
  };
}
