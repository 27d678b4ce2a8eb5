import { KaquanNetworkError } from './errors.js';

export interface RetryOptions {
  /** retries after the first try (default 3); 0 turns retrying off */
  retries?: number;
  /** the first wait, doubled each time with jitter (default 200 ms) */
  baseDelayMs?: number;
  /** the longest wait, also the most a Retry-After is honoured (default 10 s) */
  maxDelayMs?: number;
}

const RETRY_STATUS = new Set([429, 502, 503, 504]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Only what is safe to send twice is sent again: a read (GET, HEAD), or a write that carries an
 * Idempotency-Key (the server answers a repeat with the first answer, so a lost answer costs nothing).
 * Sent again on: no answer at all (network), 429 (after its Retry-After), 502/503/504, and 409
 * IDEMPOTENCY_IN_PROGRESS (the first try is still running on the server).
 */
export function retryingFetch(base: (req: Request) => Promise<Response>, o: RetryOptions = {}): (req: Request) => Promise<Response> {
  const retries = o.retries ?? 3;
  const baseDelay = o.baseDelayMs ?? 200;
  const maxDelay = o.maxDelayMs ?? 10_000;
  return async (req) => {
    const safe = req.method === 'GET' || req.method === 'HEAD' || req.headers.has('idempotency-key');
    const body = req.body ? await req.arrayBuffer() : undefined; // read once: every try sends the same bytes
    for (let attempt = 0; ; attempt++) {
      const last = !safe || attempt >= retries;
      const wait = Math.min(maxDelay, baseDelay * 2 ** attempt * (0.5 + Math.random()));
      let res: Response;
      try {
        res = await base(new Request(req.url, { method: req.method, headers: req.headers, body, signal: req.signal }));
      } catch (e) {
        if (last || req.signal?.aborted) throw new KaquanNetworkError(`${req.method} ${req.url}: no answer (${(e as Error).message})`, e);
        await sleep(wait);
        continue;
      }
      const again = last ? null : await retryAfter(res, wait, maxDelay);
      if (again === null) return res;
      await res.body?.cancel();
      await sleep(again);
    }
  };
}

/**
 * How long to wait before sending again, or null: answer as is. A 429 is waited out only when the
 * server says how long and that is within `maxDelay` (a look-up lock of minutes goes back to the
 * caller: trying again sooner would only count against the lock).
 */
async function retryAfter(res: Response, wait: number, maxDelay: number): Promise<number | null> {
  if (res.status === 429) {
    const after = Number(res.headers.get('retry-after'));
    return Number.isFinite(after) && after > 0 && after * 1000 <= maxDelay ? after * 1000 : null;
  }
  if (RETRY_STATUS.has(res.status)) return wait;
  if (res.status !== 409) return null;
  const body = await res
    .clone()
    .json()
    .catch(() => null);
  return body?.code === 'IDEMPOTENCY_IN_PROGRESS' ? wait : null;
}
