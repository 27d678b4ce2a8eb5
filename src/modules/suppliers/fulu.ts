import { createHash, timingSafeEqual } from 'node:crypto';
import { postJson, type Adapter, type Code, type Outcome, type SupplierConn } from './adapter.js';

/**
 * 福禄开放平台 (open.fulu.com): one gateway URL, `POST` of a JSON object with the common parameters
 * (app_key, method, timestamp, version 2.0, format json, charset utf-8, sign_type md5,
 * app_auth_token, biz_content as a JSON string) and `sign`. Answers are `{ code, message, result, sign }`
 * with `result` a JSON string; code 0 is success. Where each piece comes from: docs/suppliers.md.
 */

/**
 * The platform's md5 signature: serialise the parameters (every one but `sign`) as JSON, take its
 * characters, sort them, join them, append the app secret, md5, lower-case hex. Sorting the
 * characters makes the signature independent of key order and whitespace-free serialisation.
 */
export function fuluSign(params: Record<string, unknown>, secret: string): string {
  const { sign: _drop, ...rest } = params;
  const chars = JSON.stringify(rest).split('');
  chars.sort(); // UTF-16 code-unit order, as the SDKs' char-array sort
  return createHash('md5')
    .update(chars.join('') + secret, 'utf8')
    .digest('hex');
}

/** `yyyy-MM-dd HH:mm:ss` in China Standard Time (UTC+8), the gateway's timestamp format. */
export function fuluTimestamp(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

export function fuluRequest(s: { appKey: string; secret: string }, method: string, biz: Record<string, unknown>, now: Date) {
  const params: Record<string, unknown> = {
    app_key: s.appKey,
    method,
    timestamp: fuluTimestamp(now),
    version: '2.0',
    format: 'json',
    charset: 'utf-8',
    sign_type: 'md5',
    app_auth_token: '',
    biz_content: JSON.stringify(biz),
  };
  params.sign = fuluSign(params, s.secret);
  return params;
}

async function call(s: SupplierConn, method: string, biz: Record<string, unknown>, now: Date) {
  return postJson(s, s.baseUrl, JSON.stringify(fuluRequest(s, method, biz, now)));
}

const idOf = (r: any) => (r?.order_id != null ? String(r.order_id) : null);

/** An order_state (or a callback's order_status) → an outcome. */
export function fuluState(r: any, word: unknown): Outcome {
  switch (word) {
    case 'success':
      return { state: 'succeeded', supplierOrderId: idOf(r), codes: cardsOf(r?.cards) };
    case 'failed':
      return { state: 'failed', reason: String(r?.recharge_description ?? 'failed').slice(0, 500), supplierOrderId: idOf(r) };
    case 'processing':
    case 'untreated':
      return { state: 'processing', supplierOrderId: idOf(r) };
    default:
      return { state: 'unknown', reason: `unknown order_state ${JSON.stringify(word ?? null).slice(0, 60)}` };
  }
}

function cardsOf(v: unknown): Code[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.map((c: any) => ({ code: String(c?.card_number ?? ''), pin: c?.card_pwd ? String(c.card_pwd) : null }));
}

function resultOf(body: any): any {
  try {
    return typeof body?.result === 'string' ? JSON.parse(body.result) : (body?.result ?? null);
  } catch {
    return null;
  }
}

export const fulu: Adapter = {
  async place(s, o, now) {
    const biz =
      o.kind === 'card'
        ? { product_id: Number(o.productId), buy_num: o.quantity, customer_order_no: o.outboundNo }
        : { product_id: Number(o.productId), customer_order_no: o.outboundNo, charge_account: o.account, buy_num: o.quantity };
    const r = await call(s, o.kind === 'card' ? 'fulu.order.card.add' : 'fulu.order.direct.add', biz, now);
    if (!r.ok) return r.outcome;
    const b = r.body as any;
    if (b?.code !== 0) {
      // the gateway refused the order and made none; a re-send may be refused because the first send's order exists
      const why = `code ${b?.code}: ${String(b?.message ?? '').slice(0, 200)}`;
      return o.resend ? { state: 'unknown', reason: why } : { state: 'failed', reason: why };
    }
    const res = resultOf(b);
    // a card order's success without cards: the driver fetches them with fulu.order.info.get at once
    return fuluState(res, res?.order_state);
  },
  async query(s, outboundNo, now) {
    const r = await call(s, 'fulu.order.info.get', { customer_order_no: outboundNo }, now);
    if (!r.ok) return r.outcome;
    const b = r.body as any;
    if (b?.code !== 0) return { state: 'unknown', reason: `code ${b?.code}: ${String(b?.message ?? '').slice(0, 200)}` };
    const res = resultOf(b);
    if (!res) return { state: 'not_found' };
    return fuluState(res, res.order_state);
  },
  callback(s, raw) {
    let b: any;
    try {
      b = JSON.parse(raw);
    } catch {
      return null;
    }
    if (!b || typeof b !== 'object' || typeof b.sign !== 'string' || typeof b.customer_order_no !== 'string') return null;
    const want = Buffer.from(fuluSign(b, s.secret), 'hex');
    const got = Buffer.from(b.sign, 'hex');
    if (got.length !== want.length || !timingSafeEqual(got, want)) return null;
    return { outboundNo: b.customer_order_no, outcome: fuluState(b, b.order_status) };
  },
  async products(s, productIds, now) {
    const out = [];
    for (const id of productIds) {
      const r = await call(s, 'fulu.goods.info.get', { product_id: Number(id) }, now);
      if (!r.ok) throw new Error(r.outcome.state === 'unknown' || r.outcome.state === 'unreachable' ? r.outcome.reason : 'no answer');
      const b = r.body as any;
      if (b?.code !== 0) continue;
      const p = resultOf(b);
      const price = Number(p?.purchase_price);
      out.push({
        productId: String(p?.product_id ?? id),
        stock: p?.stock_status === '断货' ? 0 : null,
        priceFen: Number.isFinite(price) ? Math.round(price * 100) : null,
      });
    }
    return out;
  },
};
