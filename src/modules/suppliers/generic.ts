import { signatureHeader, verifySignature } from '../webhooks/signature.js';
import { header, postJson, type Adapter, type Code, type Outcome, type SupplierConn } from './adapter.js';

/**
 * The generic supplier protocol 通用供应商协议 (docs/suppliers.md): JSON over HTTPS, every request
 * and callback signed `Kaquan-Signature: t=<unix s>,v1=<hex HMAC-SHA256(secret, t + "." + body)>`
 * (the webhook scheme), the merchant named in `Kaquan-Merchant`.
 */
const path = (s: SupplierConn, p: string) => `${s.baseUrl.replace(/\/+$/, '')}${p}`;

async function call(s: SupplierConn, p: string, payload: unknown, now: Date) {
  const body = JSON.stringify(payload);
  return postJson(s, path(s, p), body, { 'kaquan-merchant': s.appKey, 'kaquan-signature': signatureHeader(s.secret, body, now) });
}

function codesOf(v: unknown): Code[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v
    .filter((c) => c && typeof c === 'object' && typeof (c as any).code === 'string')
    .map((c: any) => ({ code: c.code, pin: typeof c.pin === 'string' ? c.pin : null }));
}

/** A status word of the protocol → an outcome; a word we do not know is `unknown`, never a failure. */
export function genericOutcome(b: any): Outcome {
  const id = typeof b?.order_id === 'string' ? b.order_id : null;
  switch (b?.status) {
    case 'succeeded':
      return { state: 'succeeded', supplierOrderId: id, codes: codesOf(b.codes) };
    case 'failed':
      return { state: 'failed', reason: String(b.reason ?? 'failed').slice(0, 500), supplierOrderId: id };
    case 'accepted':
    case 'processing':
      return { state: 'processing', supplierOrderId: id };
    case 'not_found':
      return { state: 'not_found' };
    default:
      return { state: 'unknown', reason: `unknown status ${JSON.stringify(b?.status ?? null).slice(0, 60)}` };
  }
}

export const generic: Adapter = {
  async place(s, o, now) {
    const r = await call(
      s,
      '/orders',
      { out_order_no: o.outboundNo, kind: o.kind, product_id: o.productId, quantity: o.quantity, account: o.account ?? null, callback_url: o.callbackUrl },
      now,
    );
    if (!r.ok) return r.outcome;
    const out = genericOutcome(r.body);
    // an answer to an order is never "not found"; a re-send that is refused may be refused for the first send's sake
    if (out.state === 'not_found') return { state: 'unknown', reason: 'not_found in answer to an order' };
    return out;
  },
  async query(s, outboundNo, now) {
    const r = await call(s, '/orders/query', { out_order_no: outboundNo }, now);
    return r.ok ? genericOutcome(r.body) : r.outcome;
  },
  callback(s, raw, headers, now) {
    if (!verifySignature(s.secret, header(headers, 'kaquan-signature'), raw, { now })) return null;
    let b: any;
    try {
      b = JSON.parse(raw);
    } catch {
      return null;
    }
    if (typeof b?.out_order_no !== 'string') return null;
    return { outboundNo: b.out_order_no, outcome: genericOutcome(b) };
  },
  async products(s, productIds, now) {
    const r = await call(s, '/products', { product_ids: productIds }, now);
    if (!r.ok) throw new Error(r.outcome.state === 'unknown' || r.outcome.state === 'unreachable' ? r.outcome.reason : 'no answer');
    const list = (r.body as any)?.products;
    if (!Array.isArray(list)) throw new Error('products: the answer has no products list');
    return list
      .filter((p: any) => typeof p?.product_id === 'string')
      .map((p: any) => ({
        productId: p.product_id,
        stock: Number.isInteger(p.stock) ? p.stock : null,
        priceFen: Number.isInteger(p.price_fen) ? p.price_fen : null,
      }));
  },
};
