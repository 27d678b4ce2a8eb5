import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, type TestEnv } from '../../testing/harness.js';
import { newId } from '../../ids.js';
import { signatureHeader } from '../webhooks/signature.js';
import { outboundNo } from './drive.js';
import { startSupplierSimulator, type SupplierSimulator } from './simulator.js';
import { freshSku, supplierSteps } from './test-helpers.js';

/**
 * A process that stopped half-way (the attempt written and marked sent, its answer never recorded)
 * is resumed by asking, never by ordering elsewhere; a success after a confirmed failure is kept as
 * a flag, never applied.
 */
let env: TestEnv;
let sim: SupplierSimulator;
let s: ReturnType<typeof supplierSteps>;
let primary: any, backup: any;
before(async () => {
  env = await startTestEnv({ config: { supplierAllowPrivate: true } });
  sim = await startSupplierSimulator();
  s = supplierSteps(env, sim);
  primary = await s.supplier('主供应商');
  backup = await s.supplier('备用供应商');
});
after(async () => {
  await sim.close();
  await env.close();
});

/** An order whose first attempt a process wrote and marked sent, then died (the job row is still there). */
async function interrupted(sku: string) {
  sim.products.set(`p-${sku}`, { mode: 'ok' });
  sim.products.set(`b-${sku}`, { mode: 'ok' });
  await s.map(primary.id, sku, `p-${sku}`, 1, 'direct');
  await s.map(backup.id, sku, `b-${sku}`, 2, 'direct');
  const o = await s.order({ kind: 'direct', sku, account: '13600000000' });
  const m = await env.ctx.db.query(`SELECT id FROM supplier_skus WHERE tenant_id = $1 AND sku = $2 AND supplier_id = $3`, [env.tenantId, sku, primary.id]);
  const outNo = outboundNo(o.id, 1);
  await env.ctx.db.query(
    `INSERT INTO supplier_orders (tenant_id, id, request_id, attempt, supplier_id, supplier_sku_id, product_id, outbound_no, cost_fen, sent_at, created_at)
     VALUES ($1, $2, $3, 1, $4, $5, $6, $7, 900, $8, $8)`,
    [env.tenantId, newId('spo'), o.id, primary.id, m.rows[0].id, `p-${sku}`, outNo, env.ctx.clock.now()],
  );
  return { o, outNo };
}

test('died before the order went out: the supplier has none, so the same number is sent again — no other supplier', async () => {
  const sku = freshSku('restart-before');
  const { o, outNo } = await interrupted(sku);
  await env.jobs();
  const r = await s.read(o.id);
  assert.equal(r.state, 'succeeded');
  assert.equal(r.attempts.length, 1);
  assert.equal(r.attempts[0].outbound_no, outNo);
  assert.equal(s.orderedAt(`p-${sku}`).length, 1);
  assert.equal(s.orderedAt(`b-${sku}`).length, 0);
});

test('died after the order went out: asked, found succeeded, never ordered again anywhere', async () => {
  const sku = freshSku('restart-after');
  const { o, outNo } = await interrupted(sku);
  // the order reached the supplier before the process died
  const body = JSON.stringify({ out_order_no: outNo, kind: 'direct', product_id: `p-${sku}`, quantity: 1, account: '13600000000', callback_url: null });
  const sent = await fetch(`${sim.url}/orders`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'kaquan-merchant': sim.appKey, 'kaquan-signature': signatureHeader(sim.secret, body, new Date()) },
  });
  assert.equal(sent.status, 200);
  await env.jobs();
  const r = await s.read(o.id);
  assert.equal(r.state, 'succeeded');
  assert.equal(r.attempts.length, 1);
  assert.equal(s.orderedAt(`p-${sku}`).length, 1, 'asked, not ordered a second time');
  assert.equal(s.orderedAt(`b-${sku}`).length, 0);
});

test('a success reported after the supplier confirmed failure is flagged, never applied', async () => {
  const sku = freshSku('late-after-fail');
  sim.products.set(`p-${sku}`, { mode: 'fail' });
  sim.products.set(`b-${sku}`, { mode: 'ok' });
  await s.map(primary.id, sku, `p-${sku}`, 1);
  await s.map(backup.id, sku, `b-${sku}`, 2);
  const batch = await s.batch();
  const o = await s.order({ kind: 'card', sku, quantity: 2, batch_id: batch });
  await env.jobs();
  const first = (await s.read(o.id)).attempts[0];
  assert.equal(first.state, 'failed');
  sim.complete(first.outbound_no, 'succeeded'); // the supplier changes its mind
  const cb = sim.callback(first.outbound_no);
  const res = await env.app.inject({ method: 'POST', url: `/callbacks/suppliers/${primary.id}`, payload: cb.body, headers: cb.headers });
  assert.equal(res.statusCode, 200);
  const r = await s.read(o.id);
  assert.equal(r.attempts[0].state, 'failed');
  assert.equal(r.attempts[0].late_success, true);
  assert.equal(r.codes_imported, 2, 'only the backup’s codes');
  assert.equal(await s.batchCount(batch), 2);
});

test('the same request_no twice is one order, ordered once', async () => {
  const sku = freshSku('idem');
  sim.products.set(`p-${sku}`, { mode: 'ok' });
  await s.map(primary.id, sku, `p-${sku}`, 1, 'direct');
  const body = { kind: 'direct', sku, account: '13500000000', request_no: `topup-${sku}` };
  const [a, b] = await Promise.all([env.api('POST', '/v1/supplier-orders', body), env.api('POST', '/v1/supplier-orders', body)]);
  assert.equal(a.status, 201);
  assert.equal(b.status, 201);
  assert.equal(a.body.id, b.body.id);
  await env.jobs();
  assert.equal(s.orderedAt(`p-${sku}`).length, 1);
});

test('an open circuit lets a trial order through after open_ms; its success closes the circuit', async () => {
  const flaky = await s.supplier('半开供应商', { failure_threshold: 1, open_ms: 5_000 });
  const sku = freshSku('half-open');
  sim.products.set(`f-${sku}`, { mode: 'fail' });
  sim.products.set(`b-${sku}`, { mode: 'ok' });
  await s.map(flaky.id, sku, `f-${sku}`, 1, 'direct');
  await s.map(backup.id, sku, `b-${sku}`, 2, 'direct');
  await s.order({ kind: 'direct', sku, account: '1' });
  await env.jobs();
  assert.equal((await s.ok('GET', `/v1/suppliers/${flaky.id}`)).health.circuit, 'open');
  await s.order({ kind: 'direct', sku, account: '2' });
  await env.jobs();
  assert.equal(s.orderedAt(`f-${sku}`).length, 1, 'skipped while open');
  env.ctx.clock.advance(6_000);
  sim.products.set(`f-${sku}`, { mode: 'ok' });
  const trial = await s.order({ kind: 'direct', sku, account: '3' });
  await env.jobs();
  const r = await s.read(trial.id);
  assert.deepEqual(
    r.attempts.map((a: any) => [a.supplier_id, a.state]),
    [[flaky.id, 'succeeded']],
  );
  const h = (await s.ok('GET', `/v1/suppliers/${flaky.id}`)).health;
  assert.equal(h.circuit, 'closed');
  assert.equal(h.consecutive_failures, 0);
});
