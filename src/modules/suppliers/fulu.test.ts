import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { startTestEnv, type TestEnv } from '../../testing/harness.js';
import { fuluRequest, fuluSign, fuluTimestamp } from './fulu.js';
import { startSupplierSimulator, type SupplierSimulator } from './simulator.js';
import { freshSku, supplierSteps } from './test-helpers.js';

/**
 * The 福禄开放平台 adapter against the simulator speaking its gateway protocol: the md5 signature over
 * the sorted characters of the JSON, card orders whose cards come by fulu.order.info.get, top-ups
 * by fulu.order.direct.add, the gateway's refusal as a confirmed failure, callbacks signed the same way.
 */
let env: TestEnv;
let sim: SupplierSimulator;
let s: ReturnType<typeof supplierSteps>;
let fl: any, backup: any;
before(async () => {
  env = await startTestEnv({ config: { supplierAllowPrivate: true } });
  sim = await startSupplierSimulator();
  s = supplierSteps(env, sim);
  fl = await s.fuluSupplier('福禄', { timeout_ms: 300 });
  backup = await s.supplier('备用供应商');
});
after(async () => {
  await sim.close();
  await env.close();
});

test('the signature: md5 of the JSON’s characters sorted, then the secret; independent of key order', () => {
  const a = { app_key: 'k', method: 'fulu.order.info.get', biz_content: '{"customer_order_no":"1"}', timestamp: '2026-01-01 08:00:00' };
  const b = { timestamp: a.timestamp, biz_content: a.biz_content, method: a.method, app_key: a.app_key };
  const sorted = JSON.stringify(a).split('').sort().join('');
  assert.equal(fuluSign(a, 'secret'), createHash('md5').update(`${sorted}secret`).digest('hex'));
  assert.equal(fuluSign(a, 'secret'), fuluSign(b, 'secret'));
  assert.equal(fuluSign({ ...a, sign: 'whatever' }, 'secret'), fuluSign(a, 'secret'), 'sign itself is left out');
  assert.notEqual(fuluSign(a, 'secret'), fuluSign(a, 'other'));
  assert.equal(fuluTimestamp(new Date('2026-01-01T00:00:00Z')), '2026-01-01 08:00:00', 'China Standard Time');
  const req = fuluRequest({ appKey: 'k', secret: 's' }, 'fulu.order.card.add', { product_id: 1 }, new Date('2026-01-01T00:00:00Z'));
  assert.deepEqual(Object.keys(req), ['app_key', 'method', 'timestamp', 'version', 'format', 'charset', 'sign_type', 'app_auth_token', 'biz_content', 'sign']);
  assert.equal(req.version, '2.0');
  assert.equal(req.biz_content, '{"product_id":1}');
});

test('cards bought through 福禄: fulu.order.card.add, then the cards from fulu.order.info.get, into the batch', async () => {
  const sku = freshSku('fulu-card');
  sim.products.set('10000001', { mode: 'ok' });
  await s.map(fl.id, sku, '10000001', 1);
  const batch = await s.batch();
  const o = await s.order({ kind: 'card', sku, quantity: 3, batch_id: batch });
  await env.jobs();
  const r = await s.read(o.id);
  assert.equal(r.state, 'succeeded', JSON.stringify(r));
  assert.equal(r.codes_imported, 3);
  assert.equal(await s.batchCount(batch), 3);
  assert.equal(sim.orders.get(r.attempts[0].outbound_no)!.protocol, 'fulu');
});

test('a 福禄 top-up confirmed by its callback; a callback with a wrong sign is 401 and changes nothing; duplicates answer "success"', async () => {
  const sku = freshSku('fulu-direct');
  sim.products.set('20000002', { mode: 'processing' });
  await s.map(fl.id, sku, '20000002', 1, 'direct');
  const o = await s.order({ kind: 'direct', sku, account: '13812345678' });
  await env.jobs();
  const outNo = (await s.read(o.id)).attempts[0].outbound_no;
  assert.equal(sim.orders.get(outNo)!.account, '13812345678');
  sim.complete(outNo, 'succeeded');
  const forged = sim.callback(outNo, { badSignature: true });
  const bad = await env.app.inject({ method: 'POST', url: `/callbacks/suppliers/${fl.id}`, payload: forged.body, headers: forged.headers });
  assert.equal(bad.statusCode, 401);
  assert.equal((await s.read(o.id)).state, 'working');
  const cb = sim.callback(outNo);
  const replies = await Promise.all(
    [1, 2, 3].map(() => env.app.inject({ method: 'POST', url: `/callbacks/suppliers/${fl.id}`, payload: cb.body, headers: cb.headers })),
  );
  for (const x of replies) {
    assert.equal(x.statusCode, 200);
    assert.equal(x.body, 'success');
  }
  const r = await s.read(o.id);
  assert.equal(r.state, 'succeeded');
  assert.equal(r.attempts.length, 1);
});

test('the gateway refusing an order (code ≠ 0) is a confirmed failure: fail over; an unknown order_state is queried instead', async () => {
  const sku = freshSku('fulu-refused');
  sim.products.set('30000003', { mode: 'fail' });
  sim.products.set(`b-${sku}`, { mode: 'ok' });
  await s.map(fl.id, sku, '30000003', 1, 'direct');
  await s.map(backup.id, sku, `b-${sku}`, 2, 'direct');
  const o = await s.order({ kind: 'direct', sku, account: 'acct-1' });
  await env.jobs();
  const r = await s.read(o.id);
  assert.deepEqual(
    r.attempts.map((a: any) => a.state),
    ['failed', 'succeeded'],
  );
  assert.match(r.attempts[0].error, /3001/);

  const sku2 = freshSku('fulu-vague');
  sim.products.set('40000004', { mode: 'unknown' });
  sim.products.set(`b-${sku2}`, { mode: 'ok' });
  await s.map(fl.id, sku2, '40000004', 1, 'direct');
  await s.map(backup.id, sku2, `b-${sku2}`, 2, 'direct');
  const o2 = await s.order({ kind: 'direct', sku: sku2, account: 'acct-2' });
  await env.jobs();
  let r2 = await s.read(o2.id);
  assert.equal(r2.attempts[0].state, 'unknown');
  assert.equal(s.orderedAt(`b-${sku2}`).length, 0);
  await env.jobs();
  r2 = await s.read(o2.id);
  assert.equal(r2.state, 'succeeded');
  assert.equal(r2.attempts.length, 1);
});

test('stock and price from fulu.goods.info.get', async () => {
  const sku = freshSku('fulu-sync');
  sim.products.set('50000005', { mode: 'ok', stock: 0, priceFen: 2790 });
  await s.map(fl.id, sku, '50000005', 1);
  await s.ok('POST', `/v1/suppliers/${fl.id}/sync`, undefined, 202);
  await env.jobs();
  const m = (await s.ok('GET', `/v1/supplier-skus?sku=${sku}`)).data[0];
  assert.equal(m.synced_price_fen, 2790);
  assert.equal(m.synced_stock, 0, '断货');
});
