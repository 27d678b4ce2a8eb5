import { generateKeyPairSync, randomBytes, createPublicKey, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerMessage, encryptResource, parseAuthorization, requestMessage, rsaSign, rsaVerify } from './crypto.js';

/**
 * A local WeChat Pay APIv3 server 微信支付模拟器 for the tests: it checks every merchant request's
 * signature with the merchant public key (401 SIGN_ERROR otherwise), signs every answer with a
 * platform key it made (a WeChat Pay public key, serial PUB_KEY_ID_…), answers errors as WeChat does
 * (400 PARAM_ERROR, STATEMENT_CREATING while the stock is "being created", 429/500 when scripted), and
 * builds encrypted, signed notifications. Upload calls are idempotent by upload_request_no.
 */
export interface WechatSim {
  url: string;
  mchid: string;
  appid: string;
  serial: string;
  apiV3Key: string;
  merchantKeyPem: string;
  platformPublicPem: string;
  /** every request that reached a handler, signature checked */
  calls: { method: string; path: string; body: any }[];
  stocks: Map<string, { body: any; codes: Set<string>; claimed: Map<string, string>; used: Set<string>; sendNum?: number }>;
  uploads: Map<string, any>;
  uses: Map<string, any>;
  /** creatingFor: the first N uploads answer STATEMENT_CREATING · failUpload: chunk n answers an error `times` times ·
   *  lostAnswer: chunk n is taken, then the connection drops before the answer (once) · forgeAnswers: answers signed with another key */
  script: { creatingFor: number; failUpload: Map<number, { status: number; code: string; times: number }>; lostAnswer: Set<number>; forgeAnswers: boolean };
  notification: (
    eventType: string,
    plain: Record<string, unknown>,
    opts?: { badSignature?: boolean; id?: string; ts?: number },
  ) => { body: string; headers: Record<string, string> };
  close: () => Promise<void>;
}

export async function startWechatSim(now: () => Date = () => new Date()): Promise<WechatSim> {
  const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const platform = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const forger = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const merchantPub: KeyObject = createPublicKey(merchant.privateKey);
  const PLATFORM_SERIAL = 'PUB_KEY_ID_0114232134912410000000000000000';
  const sim: WechatSim = {
    url: '',
    mchid: '1900000001',
    appid: 'wxd678efh567hg6787',
    serial: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
    apiV3Key: randomBytes(16).toString('hex'),
    merchantKeyPem: merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    platformPublicPem: platform.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    calls: [],
    stocks: new Map(),
    uploads: new Map(),
    uses: new Map(),
    script: { creatingFor: 0, failUpload: new Map(), lostAnswer: new Set(), forgeAnswers: false },
    notification(eventType, plain, opts = {}) {
      const resource = encryptResource(sim.apiV3Key, JSON.stringify(plain), 'coupon', randomBytes(6).toString('hex'));
      const body = JSON.stringify({
        id: opts.id ?? crypto.randomUUID(),
        create_time: new Date().toISOString(),
        event_type: eventType,
        resource_type: 'encrypt-resource',
        summary: '商家券通知',
        resource,
      });
      const ts = String(opts.ts ?? Math.floor(now().getTime() / 1000));
      const n = randomBytes(16).toString('hex');
      const signer = opts.badSignature ? forger.privateKey : platform.privateKey;
      return {
        body,
        headers: {
          'content-type': 'application/json',
          'wechatpay-timestamp': ts,
          'wechatpay-nonce': n,
          'wechatpay-serial': PLATFORM_SERIAL,
          'wechatpay-signature': rsaSign(signer, answerMessage(ts, n, body)),
        },
      };
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
  let uploadCalls = 0;
  const server: Server = createServer(async (req, res) => {
    const raw = await read(req);
    const send = (status: number, obj: unknown) => {
      const body = JSON.stringify(obj);
      const ts = String(Math.floor(now().getTime() / 1000));
      const n = randomBytes(16).toString('hex');
      res.writeHead(status, {
        'content-type': 'application/json',
        'wechatpay-timestamp': ts,
        'wechatpay-nonce': n,
        'wechatpay-serial': PLATFORM_SERIAL,
        'wechatpay-signature': rsaSign(sim.script.forgeAnswers ? forger.privateKey : platform.privateKey, answerMessage(ts, n, body)),
        'request-id': randomBytes(8).toString('hex'),
      });
      res.end(body);
    };
    const a = parseAuthorization(req.headers.authorization);
    const path = req.url ?? '/';
    if (
      !a ||
      a.mchid !== sim.mchid ||
      a.serial_no !== sim.serial ||
      !rsaVerify(merchantPub, requestMessage(req.method!, path, a.timestamp, a.nonce_str, raw), a.signature)
    )
      return send(401, { code: 'SIGN_ERROR', message: '签名错误' });
    const body = raw ? JSON.parse(raw) : {};
    sim.calls.push({ method: req.method!, path, body });
    const at = (re: RegExp) => re.exec(path);
    let m: RegExpExecArray | null;
    if (req.method === 'POST' && path === '/v3/marketing/busifavor/stocks') {
      if (body.coupon_code_mode !== 'MERCHANT_UPLOAD' || !body.stock_name || !body.belong_merchant)
        return send(400, { code: 'PARAM_ERROR', message: '参数错误' });
      const existing = [...sim.stocks].find(([, s]) => s.body.out_request_no === body.out_request_no);
      const id = existing?.[0] ?? String(1_000_000_000 + sim.stocks.size);
      if (!existing) sim.stocks.set(id, { body, codes: new Set(), claimed: new Map(), used: new Set() });
      return send(200, { stock_id: id, create_time: new Date().toISOString() });
    }
    m = at(/^\/v3\/marketing\/busifavor\/stocks\/(\w+)\/couponcodes$/);
    if (req.method === 'POST' && m) {
      const s = sim.stocks.get(m[1]);
      if (!s) return send(404, { code: 'RESOURCE_NOT_EXISTS', message: '批次不存在' });
      if (!Array.isArray(body.coupon_code_list) || body.coupon_code_list.length < 1 || body.coupon_code_list.length > 200 || !body.upload_request_no)
        return send(400, { code: 'PARAM_ERROR', message: 'coupon_code_list 条目个数限制为【1,200】' });
      uploadCalls++;
      if (uploadCalls <= sim.script.creatingFor) return send(400, { code: 'STATEMENT_CREATING', message: '批次创建处理中,请稍晚进行上传code操作' });
      const chunkNo = Number(String(body.upload_request_no).split('-').pop());
      const f = sim.script.failUpload.get(chunkNo);
      if (f && f.times > 0) {
        f.times--;
        return send(f.status, { code: f.code, message: f.status === 429 ? '频率限制' : '系统错误' });
      }
      const prior = sim.uploads.get(body.upload_request_no);
      if (prior) return send(200, prior);
      const fresh = body.coupon_code_list.filter((c: string) => !s.codes.has(c));
      for (const c of fresh) s.codes.add(c);
      const answer = {
        stock_id: m[1],
        total_count: body.coupon_code_list.length,
        success_count: fresh.length,
        success_codes: fresh,
        success_time: new Date().toISOString(),
        fail_count: 0,
      };
      sim.uploads.set(body.upload_request_no, answer);
      if (sim.script.lostAnswer.delete(chunkNo)) return void res.destroy();
      return send(200, answer);
    }
    if (req.method === 'POST' && path === '/v3/marketing/busifavor/coupons/use') {
      const s = sim.stocks.get(body.stock_id);
      if (!s?.codes.has(body.coupon_code)) return send(404, { code: 'RESOURCE_NOT_EXISTS', message: '券不存在' });
      if (sim.uses.has(body.use_request_no)) return send(200, sim.uses.get(body.use_request_no));
      if (s.used.has(body.coupon_code)) return send(400, { code: 'INVALID_REQUEST', message: '券已核销' });
      s.used.add(body.coupon_code);
      const answer = { stock_id: body.stock_id, openid: s.claimed.get(body.coupon_code) ?? '', wechatpay_use_time: body.use_time };
      sim.uses.set(body.use_request_no, answer);
      return send(200, answer);
    }
    m = at(/^\/v3\/marketing\/busifavor\/stocks\/(\w+)$/);
    if (req.method === 'GET' && m) {
      const s = sim.stocks.get(m[1]);
      if (!s) return send(404, { code: 'RESOURCE_NOT_EXISTS', message: '批次不存在' });
      return send(200, { stock_id: m[1], stock_state: 'RUNNING', send_count_information: { total_send_num: s.sendNum ?? s.claimed.size } });
    }
    m = at(/^\/v3\/marketing\/busifavor\/users\/([^/]+)\/coupons\/([^/]+)\/appids\/([^/]+)$/);
    if (req.method === 'GET' && m) {
      const who = decodeURIComponent(m[1]);
      const code = decodeURIComponent(m[2]);
      const s = [...sim.stocks.values()].find((x) => x.claimed.get(code) === who);
      if (!s) return send(404, { code: 'RESOURCE_NOT_EXISTS', message: '券不存在' });
      return send(200, { coupon_code: code, coupon_state: s.used.has(code) ? 'USED' : 'SENDED' });
    }
    return send(404, { code: 'NOT_FOUND', message: path });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  sim.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return sim;
}

function read(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let s = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (s += c));
    req.on('end', () => resolve(s));
    req.on('error', reject);
  });
}
