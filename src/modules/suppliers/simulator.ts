import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signatureHeader, verifySignature } from '../webhooks/signature.js';
import { fuluSign } from './fulu.js';

/**
 * A local supplier 供应商模拟器 speaking both protocols: the generic one (`POST /orders`,
 * `/orders/query`, `/products`) and 福禄's gateway (`POST /fulu/api/getway`). Each product has a
 * scripted behaviour, so tests (and the demo) can make a supplier slow, down, vague or late.
 *
 * - `ok`: succeeds at once · `fail`: fails at once · `processing`: accepted, finished by `complete()`
 * - `unknown`: answers the order with a status nobody knows (the order exists and succeeds)
 * - `error500`: makes the order, then answers 500
 * - any mode with `delayMs`: the answer comes that late (the order is made when the request arrives)
 */
export type Mode = 'ok' | 'fail' | 'processing' | 'unknown' | 'error500';
export interface SimProduct {
  mode: Mode;
  delayMs?: number;
  stock?: number;
  priceFen?: number;
}
interface SimOrder {
  outNo: string;
  protocol: 'generic' | 'fulu';
  orderId: string;
  productId: string;
  quantity: number;
  account: string | null;
  state: 'processing' | 'succeeded' | 'failed';
  codes: { code: string; pin: string | null }[];
  callbackUrl: string | null;
}

export interface SupplierSimulator {
  url: string;
  port: number;
  appKey: string;
  secret: string;
  products: Map<string, SimProduct>;
  orders: Map<string, SimOrder>;
  /** every order request received, in order (re-sends included) */
  received: { outNo: string; productId: string }[];
  complete(outNo: string, state: 'succeeded' | 'failed'): void;
  /** the callback this order's protocol sends now, signed (or with `badSignature`, signed wrong) */
  callback(outNo: string, opts?: { badSignature?: boolean }): { body: string; headers: Record<string, string> };
  /** posts the callback to the order's callback_url */
  deliver(outNo: string): Promise<number>;
  close(): Promise<void>;
}

const newCode = () => randomBytes(12).toString('hex').toUpperCase();
const read = (req: IncomingMessage) =>
  new Promise<string>((ok, bad) => {
    let s = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (s += c));
    req.on('end', () => ok(s));
    req.on('error', bad);
  });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startSupplierSimulator(
  opts: { port?: number; host?: string; appKey?: string; secret?: string; products?: Record<string, SimProduct> } = {},
): Promise<SupplierSimulator> {
  const appKey = opts.appKey ?? 'sim-merchant';
  const secret = opts.secret ?? 'sim-secret-0123456789';
  const products = new Map<string, SimProduct>(Object.entries(opts.products ?? {}));
  const orders = new Map<string, SimOrder>();
  const received: SupplierSimulator['received'] = [];

  const make = (protocol: SimOrder['protocol'], outNo: string, productId: string, quantity: number, account: string | null, callbackUrl: string | null) => {
    const p = products.get(productId) ?? { mode: 'ok' };
    received.push({ outNo, productId });
    const o: SimOrder = {
      outNo,
      protocol,
      orderId: `SIM${Date.now()}${randomBytes(3).toString('hex')}`,
      productId,
      quantity,
      account,
      state: 'processing',
      codes: [],
      callbackUrl,
    };
    if (p.mode === 'ok' || p.mode === 'unknown' || p.mode === 'error500') finish(o, 'succeeded');
    if (p.mode === 'fail') finish(o, 'failed');
    orders.set(outNo, o);
    return { o, p };
  };
  const finish = (o: SimOrder, state: 'succeeded' | 'failed') => {
    o.state = state;
    if (state === 'succeeded' && !account(o)) o.codes = Array.from({ length: o.quantity }, () => ({ code: newCode(), pin: null }));
  };
  const account = (o: SimOrder) => o.account !== null;
  const genericBody = (o: SimOrder) => ({
    out_order_no: o.outNo,
    order_id: o.orderId,
    status: o.state,
    ...(o.state === 'succeeded' && o.codes.length ? { codes: o.codes } : {}),
    ...(o.state === 'failed' ? { reason: 'out of stock 缺货' } : {}),
  });
  const fuluResult = (o: SimOrder) => ({
    order_id: o.orderId,
    customer_order_no: o.outNo,
    product_id: Number(o.productId),
    buy_num: o.quantity,
    charge_account: o.account ?? '',
    order_state: o.state === 'succeeded' ? 'success' : o.state,
    cards: o.state === 'succeeded' ? o.codes.map((c) => ({ card_number: c.code, card_pwd: c.pin ?? '', card_deadline: '2099-12-31 23:59:59' })) : [],
  });
  const fuluAnswer = (code: number, message: string, result: unknown) => {
    const b: Record<string, unknown> = { code, message, result: result === null ? '' : JSON.stringify(result) };
    b.sign = fuluSign(b, secret);
    return b;
  };

  async function generic(path: string, raw: string, req: IncomingMessage): Promise<[number, unknown]> {
    if (req.headers['kaquan-merchant'] !== appKey || !verifySignature(secret, String(req.headers['kaquan-signature'] ?? ''), raw))
      return [401, { error: 'bad signature' }];
    const b = JSON.parse(raw);
    if (path === '/orders') {
      const existing = orders.get(b.out_order_no);
      if (existing) {
        received.push({ outNo: existing.outNo, productId: existing.productId });
        return [200, genericBody(existing)]; // the same number is the same order
      }
      const { o, p } = make('generic', b.out_order_no, String(b.product_id), b.quantity, b.account ?? null, b.callback_url ?? null);
      if (p.delayMs) await sleep(p.delayMs);
      if (p.mode === 'error500') return [500, { error: 'internal' }];
      if (p.mode === 'unknown') return [200, { out_order_no: o.outNo, status: 'queued-maybe' }];
      return [200, o.state === 'processing' ? { out_order_no: o.outNo, order_id: o.orderId, status: 'accepted' } : genericBody(o)];
    }
    if (path === '/orders/query') {
      const o = orders.get(b.out_order_no);
      return [200, o ? genericBody(o) : { out_order_no: b.out_order_no, status: 'not_found' }];
    }
    if (path === '/products') {
      return [
        200,
        {
          products: (b.product_ids as string[]).map((id) => ({
            product_id: id,
            stock: products.get(id)?.stock ?? 100,
            price_fen: products.get(id)?.priceFen ?? 1000,
          })),
        },
      ];
    }
    return [404, { error: 'no such path' }];
  }

  async function fuluGateway(raw: string): Promise<[number, unknown]> {
    const b = JSON.parse(raw);
    if (b.app_key !== appKey || b.sign !== fuluSign(b, secret)) return [200, fuluAnswer(1002, '签名错误', null)];
    const biz = JSON.parse(b.biz_content);
    if (b.method === 'fulu.order.card.add' || b.method === 'fulu.order.direct.add') {
      if (orders.has(biz.customer_order_no)) return [200, fuluAnswer(3004, '外部订单号重复', null)];
      const p0 = products.get(String(biz.product_id));
      if (p0?.mode === 'fail') {
        received.push({ outNo: biz.customer_order_no, productId: String(biz.product_id) });
        return [200, fuluAnswer(3001, '商品库存不足', null)];
      }
      const direct = b.method === 'fulu.order.direct.add';
      const { o, p } = make('fulu', biz.customer_order_no, String(biz.product_id), biz.buy_num, direct ? String(biz.charge_account) : null, null);
      if (p.delayMs) await sleep(p.delayMs);
      if (p.mode === 'error500') return [500, 'internal'];
      const res = fuluResult(o);
      if (p.mode === 'unknown') res.order_state = '??';
      else if (o.state === 'succeeded' && !direct) res.cards = []; // cards come through fulu.order.info.get
      return [200, fuluAnswer(0, '接口调用成功', res)];
    }
    if (b.method === 'fulu.order.info.get') {
      const o = orders.get(biz.customer_order_no);
      return [200, o ? fuluAnswer(0, '接口调用成功', fuluResult(o)) : fuluAnswer(0, '接口调用成功', null)];
    }
    if (b.method === 'fulu.goods.info.get') {
      const p = products.get(String(biz.product_id));
      return [
        200,
        fuluAnswer(0, '接口调用成功', {
          product_id: biz.product_id,
          purchase_price: ((p?.priceFen ?? 1000) / 100).toFixed(4),
          stock_status: p?.stock === 0 ? '断货' : '充足',
        }),
      ];
    }
    return [200, fuluAnswer(1001, '方法不存在', null)];
  }

  const server: Server = createServer(async (req, res) => {
    try {
      const raw = await read(req);
      const path = (req.url ?? '/').split('?')[0];
      const [status, body] = path === '/fulu/api/getway' ? await fuluGateway(raw) : await generic(path, raw, req);
      res.writeHead(status, { 'content-type': 'application/json' }).end(typeof body === 'string' ? body : JSON.stringify(body));
    } catch {
      if (!res.headersSent) res.writeHead(400).end('{}');
    }
  });
  await new Promise<void>((ok) => server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;

  const sim: SupplierSimulator = {
    url: `http://127.0.0.1:${port}`,
    port,
    appKey,
    secret,
    products,
    orders,
    received,
    complete(outNo, state) {
      const o = orders.get(outNo);
      if (!o) throw new Error(`no order ${outNo}`);
      finish(o, state);
    },
    callback(outNo, cb = {}): { body: string; headers: Record<string, string> } {
      const o = orders.get(outNo);
      if (!o) throw new Error(`no order ${outNo}`);
      const key = cb.badSignature ? `${secret}x` : secret;
      if (o.protocol === 'generic') {
        const body = JSON.stringify(genericBody(o));
        return { body, headers: { 'content-type': 'application/json', 'kaquan-signature': signatureHeader(key, body, new Date()) } };
      }
      const n: Record<string, unknown> = {
        order_id: o.orderId,
        charge_finish_time: '2026-01-01 12:00:00',
        customer_order_no: o.outNo,
        order_status: o.state === 'succeeded' ? 'success' : o.state,
        recharge_description: o.state === 'failed' ? '充值失败' : '充值成功',
        product_id: o.productId,
        price: '10.0000',
        buy_num: String(o.quantity),
        operator_serial_number: `OP${o.orderId}`,
      };
      n.sign = fuluSign(n, key);
      return { body: JSON.stringify(n), headers: { 'content-type': 'application/json' } };
    },
    async deliver(outNo) {
      const o = orders.get(outNo);
      if (!o?.callbackUrl) return 0;
      const { body, headers } = sim.callback(outNo);
      const r = await fetch(o.callbackUrl, { method: 'POST', body, headers });
      return r.status;
    },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
  return sim;
}
