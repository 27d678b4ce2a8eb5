import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, type TestEnv } from '../../testing/harness.js';
import { freePort } from '../../testing/ports.js';
import { startSupplierSimulator, type SupplierSimulator } from './simulator.js';
import { freshSku, supplierSteps } from './test-helpers.js';

/**
 * Suppliers 供应商 through the generic protocol, against a local simulator with scripted faults:
 * codes bought into stock exactly once, failover only on a confirmed failure (a timeout, a 5xx or an
 * unknown status is queried, never re-ordered elsewhere), late successes, duplicate and forged
 * callbacks, the circuit breaker, top-ups, sync.
 */
let env: TestEnv;
let sim: SupplierSimulator;
let s: ReturnType<typeof supplierSteps>;
let primary: any, backup: any;
before(async () => {
  env = await startTestEnv({ config: { supplierAllowPrivate: true } });
  sim = await startSupplierSimulator();
  s = supplierSteps(env, sim);
  primary = await s.supplier('主供应商', { timeout_ms: 300 });
  backup = await s.supplier('备用供应商');
});
after(async () => {
  await sim.close();
  await env.close();
});

/** primary sells product `p-<sku>`, backup `b-<sku>`; the primary behaves as scripted */
async function twoSuppliers(sku: string, mode: Parameters<SupplierSimulator['products']['set']>[1], kind: 'card' | 'direct' = 'card') {
  sim.products.set(`p-${sku}`, mode);
  sim.products.set(`b-${sku}`, { mode: 'ok' });
  await s.map(primary.id, sku, `p-${sku}`, 1, kind);
  await s.map(backup.id, sku, `b-${sku}`, 2, kind);
}

test('codes bought into an imported batch: imported once, sealed at rest, the first supplier by priority', async () => {
  const sku = freshSku('vip');
  await twoSuppliers(sku, { mode: 'ok' });
  const batch = await s.batch();
  const o = await s.order({ kind: 'card', sku, quantity: 5, batch_id: batch });
  assert.equal(o.state, 'working');
  await env.jobs();
  const r = await s.read(o.id);
  assert.equal(r.state, 'succeeded', JSON.stringify(r));
  assert.equal(r.codes_imported, 5);
  assert.equal(r.attempts.length, 1);
  assert.equal(r.attempts[0].supplier_id, primary.id);
  assert.equal(await s.batchCount(batch), 5);
  assert.equal(s.orderedAt(`b-${sku}`).length, 0, 'the backup was never asked');
  const code = sim.orders.get(r.attempts[0].outbound_no)!.codes[0].code;
  const raw = await env.ctx.db.query(`SELECT encode(codes_enc, 'escape') AS t FROM supplier_orders WHERE id = $1`, [r.attempts[0].id]);
  assert.ok(!String(raw.rows[0].t).includes(code), 'codes are sealed at rest');
  // a supplier cannot feed the same code twice into stock: the import refuses duplicates
  assert.equal((await env.api('GET', `/v1/supplier-orders/${o.id}`)).body.codes_received, 5);
});

test('a confirmed failure fails over to the next supplier under a new outbound number', async () => {
  const sku = freshSku('fail');
  await twoSuppliers(sku, { mode: 'fail' });
  const batch = await s.batch();
  const o = await s.order({ kind: 'card', sku, quantity: 2, batch_id: batch });
  await env.jobs();
  const r = await s.read(o.id);
  assert.equal(r.state, 'succeeded');
  assert.deepEqual(
    r.attempts.map((a: any) => [a.supplier_id, a.state]),
    [
      [primary.id, 'failed'],
      [backup.id, 'succeeded'],
    ],
  );
  assert.notEqual(r.attempts[0].outbound_no, r.attempts[1].outbound_no);
  assert.match(r.attempts[0].error, /out of stock/);
  assert.equal(await s.batchCount(batch), 2);
});

test('a supplier that is down (nothing listening) never got the order: fail over', async () => {
  const sku = freshSku('down');
  const port = await freePort();
  const down = await s.supplier('停机供应商', { base_url: `http://127.0.0.1:${port}` });
  await s.map(down.id, sku, 'x', 1, 'direct');
  sim.products.set(`b-${sku}`, { mode: 'ok' });
  await s.map(backup.id, sku, `b-${sku}`, 2, 'direct');
  const o = await s.order({ kind: 'direct', sku, account: '13800138000' });
  await env.jobs();
  const r = await s.read(o.id);
  assert.equal(r.state, 'succeeded');
  assert.equal(r.attempts[0].state, 'failed');
  assert.match(r.attempts[0].error, /could not connect/);
  assert.equal(sim.orders.get(r.attempts[1].outbound_no)!.account, '13800138000');
});

for (const [name, mode] of [
  ['slow (an answer after our timeout)', { mode: 'ok', delayMs: 900 }],
  ['unknown status', { mode: 'unknown' }],
  ['HTTP 500', { mode: 'error500' }],
] as const) {
  test(`${name}: queried, never re-ordered elsewhere; the first supplier's success is the one`, async () => {
    const sku = freshSku('vague');
    await twoSuppliers(sku, mode);
    const batch = await s.batch();
    const o = await s.order({ kind: 'card', sku, quantity: 3, batch_id: batch });
    await env.jobs();
    let r = await s.read(o.id);
    assert.equal(r.state, 'working');
    assert.equal(r.attempts.length, 1);
    assert.equal(r.attempts[0].state, 'unknown');
    assert.equal(s.orderedAt(`b-${sku}`).length, 0, 'no second supplier while the first may succeed');
    await new Promise((ok) => setTimeout(ok, 'delayMs' in mode ? mode.delayMs : 0));
    await env.jobs();
    r = await s.read(o.id);
    assert.equal(r.state, 'succeeded', JSON.stringify(r));
    assert.equal(r.attempts.length, 1);
    assert.equal(s.orderedAt(`p-${sku}`).length, 1, 'asked, not ordered again');
    assert.equal(s.orderedAt(`b-${sku}`).length, 0);
    assert.equal(await s.batchCount(batch), 3);
  });
}

test('a late success by callback, sent five times at once: the codes go into stock once; a forged callback changes nothing', async () => {
  const sku = freshSku('late');
  await twoSuppliers(sku, { mode: 'processing', delayMs: 600 });
  const batch = await s.batch();
  const o = await s.order({ kind: 'card', sku, quantity: 4, batch_id: batch });
  await env.jobs(); // times out: unknown
  await new Promise((ok) => setTimeout(ok, 700));
  await env.jobs(); // asks: processing
  let r = await s.read(o.id);
  assert.equal(r.attempts[0].state, 'pending');
  const outNo = r.attempts[0].outbound_no;
  sim.complete(outNo, 'succeeded');

  const forged = sim.callback(outNo, { badSignature: true });
  const bad = await env.app.inject({ method: 'POST', url: `/callbacks/suppliers/${primary.id}`, payload: forged.body, headers: forged.headers });
  assert.equal(bad.statusCode, 401);
  assert.equal(bad.json().code, 'SUPPLIER_SIGNATURE_INVALID');
  assert.equal((await s.read(o.id)).attempts[0].state, 'pending', 'nothing changed');

  const cb = sim.callback(outNo);
  const replies = await Promise.all(
    Array.from({ length: 5 }, () => env.app.inject({ method: 'POST', url: `/callbacks/suppliers/${primary.id}`, payload: cb.body, headers: cb.headers })),
  );
  assert.deepEqual(
    replies.map((x) => x.statusCode),
    [200, 200, 200, 200, 200],
  );
  r = await s.read(o.id);
  assert.equal(r.state, 'succeeded');
  assert.equal(r.codes_imported, 4);
  assert.equal(await s.batchCount(batch), 4, 'once, whatever the duplicates');
  await env.jobs();
  assert.equal(s.orderedAt(`b-${sku}`).length, 0, 'the backup was never ordered');
  const events = await env.ctx.db.query(
    `SELECT count(*)::int AS n FROM events WHERE event_type = 'supplier.order_succeeded' AND data->>'supplier_order_id' = $1`,
    [o.id],
  );
  assert.equal(events.rows[0].n, 1);
});

test('a callback saying failed moves the order on to the next supplier', async () => {
  const sku = freshSku('cbfail');
  await twoSuppliers(sku, { mode: 'processing' }, 'direct');
  const o = await s.order({ kind: 'direct', sku, account: 'member-42' });
  await env.jobs();
  const outNo = (await s.read(o.id)).attempts[0].outbound_no;
  sim.complete(outNo, 'failed');
  const cb = sim.callback(outNo);
  const res = await env.app.inject({ method: 'POST', url: `/callbacks/suppliers/${primary.id}`, payload: cb.body, headers: cb.headers });
  assert.equal(res.statusCode, 200);
  await env.jobs();
  const r = await s.read(o.id);
  assert.equal(r.state, 'succeeded');
  assert.deepEqual(
    r.attempts.map((a: any) => a.state),
    ['failed', 'succeeded'],
  );
});

test('the circuit opens after consecutive failures: new orders skip the supplier until it closes', async () => {
  const flaky = await s.supplier('不稳定供应商', { failure_threshold: 2, open_ms: 60_000 });
  const sku = freshSku('circuit');
  sim.products.set(`f-${sku}`, { mode: 'fail' });
  sim.products.set(`b-${sku}`, { mode: 'ok' });
  await s.map(flaky.id, sku, `f-${sku}`, 1, 'direct');
  await s.map(backup.id, sku, `b-${sku}`, 2, 'direct');
  for (let i = 0; i < 2; i++) await s.order({ kind: 'direct', sku, account: `1390000000${i}` });
  await env.jobs();
  assert.equal(s.orderedAt(`f-${sku}`).length, 2);
  const h = (await s.ok('GET', `/v1/suppliers/${flaky.id}`)).health;
  assert.equal(h.circuit, 'open');
  assert.equal(h.consecutive_failures, 2);
  const o = await s.order({ kind: 'direct', sku, account: '13900000009' });
  await env.jobs();
  const r = await s.read(o.id);
  assert.equal(r.state, 'succeeded');
  assert.deepEqual(
    r.attempts.map((a: any) => a.supplier_id),
    [backup.id],
  );
  assert.equal(s.orderedAt(`f-${sku}`).length, 2, 'not asked while open');
});

test('every supplier failing fails the order, with the reasons', async () => {
  const sku = freshSku('allfail');
  sim.products.set(`p-${sku}`, { mode: 'fail' });
  sim.products.set(`b-${sku}`, { mode: 'fail' });
  await s.map(primary.id, sku, `p-${sku}`, 1, 'direct');
  await s.map(backup.id, sku, `b-${sku}`, 2, 'direct');
  const o = await s.order({ kind: 'direct', sku, account: '13700000000' });
  await env.jobs();
  const r = await s.read(o.id);
  assert.equal(r.state, 'failed');
  assert.match(r.reason, /every supplier failed/);
  assert.equal(r.attempts.length, 2);
  // health: a success resets the primary for the tests after this one
  await env.ctx.db.query(`UPDATE suppliers SET consecutive_failures = 0, circuit_open_until = NULL`);
});

test('stock and price sync runs as a job and lands on the mappings', async () => {
  const sku = freshSku('sync');
  sim.products.set(`p-${sku}`, { mode: 'ok', stock: 7, priceFen: 1234 });
  await s.map(primary.id, sku, `p-${sku}`, 1);
  const q = await env.api('POST', `/v1/suppliers/${primary.id}/sync`);
  assert.equal(q.status, 202);
  await env.jobs();
  const m = (await s.ok('GET', `/v1/supplier-skus?sku=${sku}`)).data[0];
  assert.equal(m.synced_stock, 7);
  assert.equal(m.synced_price_fen, 1234);
  assert.ok(m.synced_at);
});

test('refusals: no supplier for the SKU, a batch that is not an imported external one, a private address, a missing account', async () => {
  const none = await env.api('POST', '/v1/supplier-orders', { kind: 'direct', sku: 'nobody-sells-this', account: '1' });
  assert.equal(none.status, 422);
  assert.equal(none.body.code, 'SUPPLIER_NONE_FOR_SKU');
  const t = await env.api('POST', '/v1/templates', { kind: 'cash', name: 'c', value: { amount: 100 }, validity: { type: 'relative', days: 3 } });
  const b = await env.api('POST', '/v1/batches', { template_id: t.body.id, name: 'b', mode: 'on_issue' });
  const sku = freshSku('refuse');
  await s.map(primary.id, sku, 'x', 1);
  const wrong = await env.api('POST', '/v1/supplier-orders', { kind: 'card', sku, quantity: 1, batch_id: b.body.id });
  assert.equal(wrong.status, 422);
  assert.equal(wrong.body.code, 'SUPPLIER_ORDER_INVALID');
  assert.equal(wrong.body.errors[0].field, 'batch_id');
  const noAccount = await env.api('POST', '/v1/supplier-orders', { kind: 'direct', sku });
  assert.equal(noAccount.status, 422);
  env.ctx.config.supplierAllowPrivate = false;
  try {
    const priv = await env.api('POST', '/v1/suppliers', { name: 'x', protocol: 'generic', base_url: 'http://10.0.0.8/', app_key: 'k', secret: 's' });
    assert.equal(priv.status, 422);
    assert.equal(priv.body.code, 'SUPPLIER_INVALID');
  } finally {
    env.ctx.config.supplierAllowPrivate = true;
  }
  const list = await s.ok('GET', '/v1/suppliers');
  assert.ok(
    list.data.every((x: any) => !('secret' in x) && !('secret_enc' in x)),
    'secrets never read back',
  );
  const unknown = await env.app.inject({
    method: 'POST',
    url: '/callbacks/suppliers/sup_nope',
    payload: '{}',
    headers: { 'content-type': 'application/json' },
  });
  assert.equal(unknown.statusCode, 404);
});
