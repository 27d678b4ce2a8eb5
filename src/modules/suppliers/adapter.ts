import { request } from 'undici';
import { guardedAgent, NotPublicAddress } from '../webhooks/send.js';

/**
 * One interface in front of every supplier 供应商 (docs/suppliers.md): place an order, query it,
 * read a callback, and read stock and price. An adapter only translates; what an answer means for
 * failover is decided once, in drive.ts, from these outcomes.
 */
export interface Code {
  code: string;
  pin?: string | null;
}

/**
 * What a supplier said about one outbound order.
 * - `succeeded` / `failed`: confirmed. Only `failed` lets the next supplier be ordered.
 * - `processing`: accepted, not finished: ask again later (or wait for the callback).
 * - `not_found` (query only): the supplier has no order under this number: it never arrived.
 * - `unreachable`: the request never reached the supplier (connection refused, no such host,
 *   refused address): nothing can have been ordered by it.
 * - `unknown`: anything else (a timeout, a 5xx, a status we do not know, a body we cannot read):
 *   the order may exist. It is queried, never re-ordered elsewhere.
 */
export type Outcome =
  | { state: 'succeeded'; supplierOrderId?: string | null; codes?: Code[] }
  | { state: 'failed'; reason: string; supplierOrderId?: string | null }
  | { state: 'processing'; supplierOrderId?: string | null }
  | { state: 'not_found' }
  | { state: 'unreachable'; reason: string }
  | { state: 'unknown'; reason: string };

export interface OrderInput {
  outboundNo: string;
  kind: 'card' | 'direct';
  productId: string;
  quantity: number;
  account?: string | null;
  callbackUrl: string;
  /** true when an earlier send of this very number may have arrived (a re-send after `not_found`) */
  resend: boolean;
}

export interface Product {
  productId: string;
  stock: number | null;
  priceFen: number | null;
}

export interface SupplierConn {
  id: string;
  baseUrl: string;
  appKey: string;
  secret: string;
  timeoutMs: number;
  allowPrivate: boolean;
}

export interface Adapter {
  place(s: SupplierConn, o: OrderInput, now: Date): Promise<Outcome>;
  query(s: SupplierConn, outboundNo: string, now: Date): Promise<Outcome>;
  /** a callback's outbound number and outcome, or null when its signature does not verify */
  callback(s: SupplierConn, raw: string, headers: Record<string, string | string[] | undefined>, now: Date): { outboundNo: string; outcome: Outcome } | null;
  products(s: SupplierConn, productIds: string[], now: Date): Promise<Product[]>;
}

export type Posted = { ok: true; status: number; body: unknown } | { ok: false; outcome: Outcome };

const agents = new Map<boolean, ReturnType<typeof guardedAgent>>();
const agentFor = (allowPrivate: boolean) => {
  if (!agents.has(allowPrivate)) agents.set(allowPrivate, guardedAgent({ allowPrivate }));
  return agents.get(allowPrivate)!;
};

/**
 * One POST of JSON to a supplier through the same guarded connector as webhooks (public addresses
 * only unless allowed, the address checked is the address connected to; redirects never followed).
 * A failure before the request could reach the supplier is `unreachable`; one after is `unknown`.
 */
export async function postJson(s: SupplierConn, url: string, body: string, headers: Record<string, string> = {}): Promise<Posted> {
  const signal = AbortSignal.timeout(s.timeoutMs);
  try {
    const res = await request(url, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...headers },
      signal,
      dispatcher: agentFor(s.allowPrivate),
    });
    const text = await res.body.text();
    if (res.statusCode >= 500) return { ok: false, outcome: { state: 'unknown', reason: `HTTP ${res.statusCode}` } };
    try {
      return { ok: true, status: res.statusCode, body: JSON.parse(text) };
    } catch {
      return { ok: false, outcome: { state: 'unknown', reason: `HTTP ${res.statusCode}: the answer is not JSON` } };
    }
  } catch (e) {
    if (e instanceof NotPublicAddress) return { ok: false, outcome: { state: 'unreachable', reason: 'refused: not a public address' } };
    const code = String((e as { code?: unknown })?.code ?? '');
    if (signal.aborted) return { ok: false, outcome: { state: 'unknown', reason: `timeout: no answer within ${s.timeoutMs} ms` } };
    if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT'].includes(code))
      return { ok: false, outcome: { state: 'unreachable', reason: `could not connect (${code})` } };
    return { ok: false, outcome: { state: 'unknown', reason: `connection lost (${code || 'error'})` } };
  }
}

export const header = (h: Record<string, string | string[] | undefined>, name: string): string => {
  const v = h[name.toLowerCase()];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
};
