import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppError } from '../../errors.js';
import { aliyunProvider } from './sms/aliyun.js';
import { tencentProvider } from './sms/tencent.js';

/**
 * Each SMS adapter against a local server playing the provider: the server recomputes the request's
 * signature from the shared secret as the provider documents it (written here independently of the
 * adapter), answers success, or an error the adapter must turn into a clear problem.
 */
async function serve(handle: (req: IncomingMessage, body: string, res: ServerResponse) => void) {
  const s = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => handle(req, body, res));
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(s.address() as AddressInfo).port}/`, close: () => new Promise((r) => s.close(r)) };
}
const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

// Alibaba Cloud RPC signature v1 (help.aliyun.com "Signature mechanism"), as the server checks it
const enc = (s: string) =>
  encodeURIComponent(s)
    .replace(/\+/g, '%20')
    .replace(/\*/g, '%2A')
    .replace(/%7E/g, '~')
    .replace(/[!'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
function aliyunExpected(params: URLSearchParams, secret: string): string {
  const pairs = [...params.entries()].filter(([k]) => k !== 'Signature').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const canonical = pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
  return createHmac('sha1', `${secret}&`)
    .update(`POST&${enc('/')}&${enc(canonical)}`)
    .digest('base64');
}

test('aliyun SendSms: the signature checks out on the server, OK is success, an error Code is a clear problem', async () => {
  const seen: URLSearchParams[] = [];
  const srv = await serve((_req, body, res) => {
    const p = new URLSearchParams(body);
    seen.push(p);
    if (p.get('Signature') !== aliyunExpected(p, 'secret/with+odd*chars~'))
      return json(res, 400, { Code: 'SignatureDoesNotMatch', Message: 'Specified signature is not matched with our calculation.' });
    if (p.get('PhoneNumbers') === '13900000000') return json(res, 200, { Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发分钟级流控Permits:1' });
    json(res, 200, { Code: 'OK', Message: 'OK', BizId: '1', RequestId: 'r' });
  });
  const cfg = { access_key_id: 'LTAI5t', access_key_secret: 'secret/with+odd*chars~', sign_name: '卡券 测试', template_code: 'SMS_1', endpoint: srv.url };
  try {
    await aliyunProvider(cfg).send('13812345678', { code: '012345', minutes: 5 });
    const p = seen[0]!;
    assert.equal(p.get('Action'), 'SendSms');
    assert.equal(p.get('SignatureMethod'), 'HMAC-SHA1');
    assert.equal(p.get('SignatureVersion'), '1.0');
    assert.equal(p.get('TemplateParam'), '{"code":"012345"}');
    assert.match(p.get('Timestamp')!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    await assert.rejects(aliyunProvider(cfg).send('13900000000', { code: '1', minutes: 5 }), (e: AppError) => {
      assert.equal(e.code, 'SMS_SEND_FAILED');
      assert.equal(e.status, 502);
      assert.equal((e.extra as any).provider_code, 'isv.BUSINESS_LIMIT_CONTROL');
      return true;
    });
    await assert.rejects(aliyunProvider({ ...cfg, access_key_secret: 'wrong' }).send('13812345678', { code: '1', minutes: 5 }), (e: AppError) => {
      assert.equal((e.extra as any).provider_code, 'SignatureDoesNotMatch');
      return true;
    });
    await assert.rejects(aliyunProvider({ ...cfg, sign_name: undefined }).send('1', { code: '1', minutes: 5 }), /SMS|sign_name/);
  } finally {
    await srv.close();
  }
});

// Tencent Cloud signature v3 (cloud.tencent.com "签名方法 v3"), as the server checks it
function tc3Expected(req: IncomingMessage, body: string, secretKey: string): string {
  const ts = Number(req.headers['x-tc-timestamp']);
  const date = new Date(ts * 1000).toISOString().slice(0, 10);
  const h = (s: string) => createHash('sha256').update(s).digest('hex');
  const canonical = `POST\n/\n\ncontent-type:${req.headers['content-type']}\nhost:${req.headers.host}\n\ncontent-type;host\n${h(body)}`;
  const sts = `TC3-HMAC-SHA256\n${ts}\n${date}/sms/tc3_request\n${h(canonical)}`;
  const kDate = createHmac('sha256', `TC3${secretKey}`).update(date).digest();
  const kService = createHmac('sha256', kDate).update('sms').digest();
  const kSigning = createHmac('sha256', kService).update('tc3_request').digest();
  return createHmac('sha256', kSigning).update(sts).digest('hex');
}

test('tencent SendSms: TC3-HMAC-SHA256 checks out on the server, Ok is success, an Error or a refused number is a clear problem', async () => {
  const seen: any[] = [];
  const srv = await serve((req, body, res) => {
    const auth = String(req.headers.authorization);
    const sig = /Signature=([0-9a-f]{64})$/.exec(auth)?.[1];
    if (!auth.startsWith('TC3-HMAC-SHA256 Credential=AKID1/') || sig !== tc3Expected(req, body, 'tc-secret'))
      return json(res, 200, {
        Response: { Error: { Code: 'AuthFailure.SignatureFailure', Message: 'The provided credentials could not be validated.' }, RequestId: 'r' },
      });
    const b = JSON.parse(body);
    seen.push({ b, action: req.headers['x-tc-action'], version: req.headers['x-tc-version'] });
    const code = b.PhoneNumberSet[0] === '+8613900000000' ? 'FailedOperation.PhoneNumberInBlacklist' : 'Ok';
    json(res, 200, { Response: { SendStatusSet: [{ Code: code, Message: code === 'Ok' ? 'send success' : 'phone in blacklist' }], RequestId: 'r' } });
  });
  const cfg = { access_key_id: 'AKID1', access_key_secret: 'tc-secret', sign_name: '卡券', template_code: '123', sdk_app_id: '1400000000', endpoint: srv.url };
  try {
    await tencentProvider(cfg).send('13812345678', { code: '654321', minutes: 5 });
    assert.equal(seen[0].action, 'SendSms');
    assert.equal(seen[0].version, '2021-01-11');
    assert.deepEqual(seen[0].b.TemplateParamSet, ['654321', '5']);
    assert.deepEqual(seen[0].b.PhoneNumberSet, ['+8613812345678']);
    await assert.rejects(tencentProvider(cfg).send('13900000000', { code: '1', minutes: 5 }), (e: AppError) => {
      assert.equal(e.code, 'SMS_SEND_FAILED');
      assert.equal((e.extra as any).provider_code, 'FailedOperation.PhoneNumberInBlacklist');
      return true;
    });
    await assert.rejects(tencentProvider({ ...cfg, access_key_secret: 'nope' }).send('13812345678', { code: '1', minutes: 5 }), (e: AppError) => {
      assert.equal((e.extra as any).provider_code, 'AuthFailure.SignatureFailure');
      return true;
    });
  } finally {
    await srv.close();
  }
});
