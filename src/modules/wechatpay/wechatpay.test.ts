import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';
import { startWechatSim, type WechatSim } from './simulator.js';

/**
 * WeChat Pay merchant coupons 微信支付商家券 against a local APIv3 server that checks the merchant's
 * signatures and signs its own answers: a batch mirrored as a stock, codes uploaded in chunks of 200
 * (the stock-still-creating answer waited out, a failure midway resumed without re-sending what WeChat
 * acknowledged), claim and use notifications (duplicate, forged, for a code Kaquan already redeemed),
 * Kaquan's redemptions told to WeChat, and a reconciliation report that finds a planted difference.
 */
let env: TestEnv;
let sim: WechatSim;
before(async () => {
  env = await startTestEnv({ config: { supplierAllowPrivate: true } });
  sim = await startWechatSim(() => env.ctx.clock.now());
  const r = await env.api('PUT', '/v1/wechatpay/settings', settings());
  assert.equal(r.status, 200, JSON.stringify(r.body));
});
after(async () => {
  await sim.close();
  await env.close();
});

const settings = (over: Record<string, unknown> = {}) => ({
  mchid: sim.mchid,
  appid: sim.appid,
  serial_no: sim.serial,
  api_v3_key: sim.apiV3Key,
  private_key: sim.merchantKeyPem,
  platform_certificates: [sim.platformPublicPem],
  base_url: sim.url,
  ...over,
});

async function mirroredBatch(quantity: number, kind = 'cash', value: Record<string, unknown> = { amount_off: 1000 }) {
  const fx = await fixtures(env);
  const t = await fx.template(kind, value);
  const b = await fx.batch(t.id, { mode: 'pregenerated', quantity });
  await env.jobs(); // the codes are generated
  return b.id as string;
}

/** runs the jobs, moving the clock past each backoff, until the mirror settles */
async function settle(batchId: string) {
  for (let i = 0; i < 20; i++) {
    await env.jobs();
    const s = (await env.api('GET', `/v1/batches/${batchId}/wechat-stock`)).body;
    if (s.state === 'ready' || s.state === 'failed') return s;
    env.ctx.clock.advance(60_000);
  }
  throw new Error('the mirror never settled');
}

const uploadsOf = (stockId: string) => sim.calls.filter((c) => c.path === `/v3/marketing/busifavor/stocks/${stockId}/couponcodes`);
const codesOf = (stockId: string) => [...sim.stocks.get(stockId)!.codes];
const notify = async (n: { body: string; headers: Record<string, string> }) => {
  const r = await env.app.inject({ method: 'POST', url: `/callbacks/wechatpay/${env.tenantId}`, payload: n.body, headers: n.headers });
  return { status: r.statusCode, body: r.json() };
};
const cardOf = async (code: string) => (await env.api('POST', '/v1/redemptions/check', { code })).body;
const wx = async (cardId: string) => (await env.ctx.db.query(`SELECT state, used_by, flag, openid_enc FROM wechat_codes WHERE card_id = $1`, [cardId])).rows[0];

test('settings: read back masked; a short API v3 key, a key that does not parse, a private base URL are refused', async () => {
  const r = await env.api('GET', '/v1/wechatpay/settings');
  assert.equal(r.status, 200);
  assert.equal(r.body.api_v3_key, '********');
  assert.equal(r.body.private_key, '********');
  assert.ok(!JSON.stringify(r.body).includes(sim.apiV3Key));
  const raw = await env.ctx.db.query(`SELECT encode(api_v3_key_enc, 'escape') AS k FROM wechatpay_settings WHERE tenant_id = $1`, [env.tenantId]);
  assert.ok(!String(raw.rows[0].k).includes(sim.apiV3Key), 'sealed at rest');
  const audit = await env.ctx.db.query(`SELECT data::text AS d FROM audit_entries WHERE tenant_id = $1 AND action = 'wechatpay.settings'`, [env.tenantId]);
  assert.ok(audit.rows.length >= 1, 'audited');
  for (const a of audit.rows) {
    assert.ok(!a.d.includes(sim.apiV3Key), 'the audit log does not keep the API v3 key');
    assert.ok(!a.d.includes('BEGIN PRIVATE KEY'), 'nor the private key');
  }
  const short = await env.api('PUT', '/v1/wechatpay/settings', settings({ api_v3_key: 'x'.repeat(31) }));
  assert.equal(short.status, 400, JSON.stringify(short.body)); // a schema refusal, naming the field
  assert.equal(short.body.errors[0].field, 'body.api_v3_key');
  const badKey = await env.api('PUT', '/v1/wechatpay/settings', settings({ private_key: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----' }));
  assert.equal(badKey.status, 422);
  assert.equal(badKey.body.code, 'WECHATPAY_INVALID');
  const badCert = await env.api('PUT', '/v1/wechatpay/settings', settings({ platform_certificates: ['not a certificate'] }));
  assert.equal(badCert.status, 422);
  const other = await startTestEnv(); // private targets not allowed
  const priv = await other.api('PUT', '/v1/wechatpay/settings', settings());
  assert.equal(priv.status, 422);
  assert.match(JSON.stringify(priv.body), /base_url/);
  await other.close();
  // nothing changed by the refusals
  assert.equal((await env.api('GET', '/v1/wechatpay/settings')).body.base_url, sim.url);
});

test('450 codes: the stock is created, "still creating" is waited out, and the codes go up in 3 chunks of ≤200', async () => {
  sim.script.creatingFor = 2;
  const batchId = await mirroredBatch(450);
  const started = await env.api('POST', `/v1/batches/${batchId}/wechat-stock`, {});
  assert.equal(started.status, 202, JSON.stringify(started.body));
  const s = await settle(batchId);
  sim.script.creatingFor = 0;
  assert.equal(s.state, 'ready', JSON.stringify(s));
  assert.equal(s.uploaded, 450);
  const stock = sim.stocks.get(s.stock_id)!;
  assert.equal(stock.body.coupon_code_mode, 'MERCHANT_UPLOAD');
  assert.equal(stock.body.stock_type, 'NORMAL');
  assert.equal(stock.body.coupon_use_rule.fixed_normal_coupon.discount_amount, 1000);
  assert.equal(stock.body.stock_send_rule.max_coupons, 450);
  const ups = uploadsOf(s.stock_id);
  assert.equal(ups.length, 5, 'two "still creating" answers, then three chunks');
  const accepted = ups.slice(2);
  assert.deepEqual(
    accepted.map((u) => u.body.coupon_code_list.length),
    [200, 200, 50],
  );
  assert.equal(new Set(accepted.map((u) => u.body.upload_request_no)).size, 3);
  assert.equal(codesOf(s.stock_id).length, 450);
  // the codes WeChat holds are this batch's, issued as bearer codes (out of the pool)
  const c = await cardOf(codesOf(s.stock_id)[0]);
  assert.equal(c.card.batch_id, batchId);
  assert.equal(c.card.state, 'active');
  const again = await env.api('POST', `/v1/batches/${batchId}/wechat-stock`, {});
  assert.equal(again.status, 409);
});

test('an upload refused midway fails the mirror; starting it again resumes at the first unacknowledged chunk', async () => {
  const batchId = await mirroredBatch(450);
  sim.script.failUpload.set(2, { status: 400, code: 'PARAM_ERROR', times: 1 });
  sim.script.failUpload.set(3, { status: 500, code: 'SYSTEM_ERROR', times: 2 });
  await env.api('POST', `/v1/batches/${batchId}/wechat-stock`, {});
  const failed = await settle(batchId);
  assert.equal(failed.state, 'failed');
  assert.equal(failed.uploaded, 200);
  assert.match(failed.last_error, /PARAM_ERROR/);
  const resumed = await env.api('POST', `/v1/batches/${batchId}/wechat-stock`, {});
  assert.equal(resumed.status, 202, JSON.stringify(resumed.body));
  const s = await settle(batchId);
  assert.equal(s.state, 'ready', JSON.stringify(s));
  assert.equal(s.uploaded, 450);
  const sent = uploadsOf(s.stock_id).map((u) => u.body.upload_request_no as string);
  const count = (n: number) => sent.filter((x) => x.endsWith(`-${n}`)).length;
  assert.equal(count(1), 1, 'the acknowledged chunk was not sent again');
  assert.equal(count(2), 2, 'refused once, then sent again as is');
  assert.equal(count(3), 3, '500 twice (waited out), then accepted');
  assert.equal(codesOf(s.stock_id).length, 450);
});

test('WeChat took a chunk but its answer was lost: the same upload_request_no again, no code twice; a forged answer is not a success', async () => {
  const batchId = await mirroredBatch(250);
  sim.script.lostAnswer.add(1);
  sim.script.forgeAnswers = true;
  await env.api('POST', `/v1/batches/${batchId}/wechat-stock`, {});
  await env.jobs();
  const forged = (await env.api('GET', `/v1/batches/${batchId}/wechat-stock`)).body;
  assert.equal(forged.stock_id, null, 'a create answered with a forged signature is not taken as created');
  assert.match(forged.last_error, /SIGN_INVALID/);
  sim.script.forgeAnswers = false;
  const s = await settle(batchId);
  assert.equal(s.state, 'ready', JSON.stringify(s));
  assert.equal(s.uploaded, 250);
  const sent = uploadsOf(s.stock_id).map((u) => u.body.upload_request_no as string);
  assert.equal(sent.filter((x) => x.endsWith('-1')).length, 2, 'the chunk whose answer was lost went again, under the same number');
  assert.equal(sent.filter((x) => x.endsWith('-2')).length, 1);
  assert.equal(codesOf(s.stock_id).length, 250);
});

test('claim and use notifications: claimed, redeemed once (a duplicate changes nothing), a forged or stale one is 401', async () => {
  const batchId = await mirroredBatch(5);
  await env.api('POST', `/v1/batches/${batchId}/wechat-stock`, {});
  const s = await settle(batchId);
  const [a, b] = codesOf(s.stock_id);
  const cardA = (await cardOf(a)).card;
  const claim = await notify(
    sim.notification('COUPON.SEND', { event_type: 'EVENT_TYPE_BUSIFAVOR_SEND', coupon_code: a, stock_id: s.stock_id, openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' }),
  );
  assert.deepEqual(claim, { status: 200, body: { code: 'SUCCESS', message: '成功' } });
  const w = await wx(cardA.id);
  assert.equal(w.state, 'claimed');
  assert.ok(!Buffer.from(w.openid_enc).toString('latin1').includes('oUpF8uMuAJO'), 'the openid is sealed');
  const use = sim.notification('COUPON.USE', { coupon_code: a, stock_id: s.stock_id, openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' });
  assert.equal((await notify(use)).status, 200);
  assert.equal((await cardOf(a)).card.state, 'used');
  assert.equal((await notify(use)).status, 200, 'a duplicate is answered success');
  const reds = await env.api('GET', `/v1/redemptions?card_id=${cardA.id}`);
  assert.equal(reds.body.data.length, 1, 'redeemed once');
  await env.jobs();
  assert.equal(sim.uses.size, 0, 'a use that came from WeChat is not sent back');
  // forged: signed with another key → 401, card untouched
  const forged = await notify(sim.notification('COUPON.USE', { coupon_code: b, stock_id: s.stock_id }, { badSignature: true }));
  assert.equal(forged.status, 401);
  assert.equal(forged.body.code, 'WECHATPAY_SIGNATURE_INVALID');
  const stale = await notify(
    sim.notification('COUPON.USE', { coupon_code: b, stock_id: s.stock_id }, { ts: Math.floor(env.ctx.clock.now().getTime() / 1000) - 3600 }),
  );
  assert.equal(stale.status, 401);
  assert.equal((await cardOf(b)).card.state, 'active');
});

test('Kaquan redeems a mirrored code: WeChat is told (use_request_no = redemption id); WeChat’s later use is recorded and flagged', async () => {
  const batchId = await mirroredBatch(3);
  await env.api('POST', `/v1/batches/${batchId}/wechat-stock`, {});
  const s = await settle(batchId);
  const [c] = codesOf(s.stock_id);
  const red = await env.api('POST', '/v1/redemptions', { code: c });
  assert.equal(red.status, 201, JSON.stringify(red.body));
  await env.jobs();
  const told = sim.uses.get(red.body.id);
  assert.ok(told, 'WeChat got the use');
  assert.ok(sim.stocks.get(s.stock_id)!.used.has(c));
  const late = await notify(sim.notification('COUPON.USE', { coupon_code: c, stock_id: s.stock_id }));
  assert.equal(late.status, 200, 'answered success so WeChat stops retrying');
  const card = (await cardOf(c)).card;
  const w = await wx(card.id);
  assert.equal(w.used_by, 'kaquan');
  assert.match(w.flag, /after Kaquan redeemed/);
  assert.equal((await env.api('GET', `/v1/redemptions?card_id=${card.id}`)).body.data.length, 1);
});

test('at the same moment: the same use notification twice and a Kaquan redemption of the same code — one redemption', async () => {
  const batchId = await mirroredBatch(2);
  await env.api('POST', `/v1/batches/${batchId}/wechat-stock`, {});
  const s = await settle(batchId);
  const [c] = codesOf(s.stock_id);
  const use = sim.notification('COUPON.USE', { coupon_code: c, stock_id: s.stock_id });
  const [n1, n2, till] = await Promise.all([notify(use), notify(use), env.api('POST', '/v1/redemptions', { code: c })]);
  assert.equal(n1.status, 200);
  assert.equal(n2.status, 200);
  assert.ok([201, 409].includes(till.status), JSON.stringify(till.body));
  const card = (await cardOf(c)).card;
  assert.equal(card.state, 'used');
  assert.equal((await env.api('GET', `/v1/redemptions?card_id=${card.id}`)).body.data.length, 1, 'one redemption, whoever came first');
  const seen = await env.ctx.db.query(`SELECT count(*)::int AS n FROM wechat_notifications WHERE card_id = $1`, [card.id]);
  assert.equal(seen.rows[0].n, 1, 'the notification is kept once');
});

test('reconciliation finds a use WeChat never notified and a claim count that differs', async () => {
  const batchId = await mirroredBatch(4);
  await env.api('POST', `/v1/batches/${batchId}/wechat-stock`, {});
  const s = await settle(batchId);
  const [d, e] = codesOf(s.stock_id);
  await notify(sim.notification('COUPON.SEND', { coupon_code: d, stock_id: s.stock_id, openid: 'o-d' }));
  await notify(sim.notification('COUPON.SEND', { coupon_code: e, stock_id: s.stock_id, openid: 'o-e' }));
  const stock = sim.stocks.get(s.stock_id)!;
  stock.claimed.set(d, 'o-d');
  stock.claimed.set(e, 'o-e');
  stock.used.add(d); // used at WeChat; the notification was lost
  stock.sendNum = 3; // WeChat counts one more claim than Kaquan heard of
  const r = await env.api('POST', '/v1/wechat-reconciliations', { batch_id: batchId });
  assert.equal(r.status, 202, JSON.stringify(r.body));
  await env.jobs();
  const list = (await env.api('GET', '/v1/wechat-reconciliations')).body.data;
  const rep = list.find((x: any) => x.batch_id === batchId);
  assert.ok(rep);
  assert.equal(rep.checked, 2);
  const kinds = rep.differences.map((x: any) => x.kind).sort();
  assert.deepEqual(kinds, ['claim_count', 'used_in_wechat_not_redeemed']);
  const dCard = (await cardOf(d)).card;
  assert.equal(rep.differences.find((x: any) => x.kind === 'used_in_wechat_not_redeemed').card_id, dCard.id);
  const count = rep.differences.find((x: any) => x.kind === 'claim_count');
  assert.deepEqual([count.wechat_count, count.kaquan_count], [3, 2], 'the console words the counts, not the English detail');
  const one = await env.api('GET', `/v1/wechat-reconciliations/${rep.id}`);
  assert.equal(one.status, 200);
  assert.equal(one.body.differences.length, 2);
});

test('a kind without a WeChat shape is refused with 422 and nothing is created', async () => {
  const batchId = await mirroredBatch(2, 'count', { uses: 5, face_value: 100 });
  const r = await env.api('POST', `/v1/batches/${batchId}/wechat-stock`, {});
  assert.equal(r.status, 422);
  assert.equal(r.body.code, 'WECHATPAY_KIND_UNSUPPORTED');
  assert.equal((await env.api('GET', `/v1/batches/${batchId}/wechat-stock`)).status, 404);
});
