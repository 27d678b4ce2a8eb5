import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSupplierSimulator, type SupplierSimulator } from '../modules/suppliers/simulator.js';
import { SKIP, startCluster, type Cluster, type Reply } from './cluster.js';

/**
 * Suppliers across processes: three servers all running jobs on one PostgreSQL, orders whose
 * supplier answers only after our timeout (so every attempt is `unknown`, then `pending`), one
 * server SIGKILLed mid-flight and restarted, then each success reported by fifteen callbacks at once
 * spread over the three servers. No order reaches a second supplier, no outbound number is ordered
 * twice as a new order, and every order's codes land in its batch exactly once.
 */
describe('supplier orders under restarts and duplicate callbacks', { skip: SKIP }, () => {
  let c: Cluster;
  let sim: SupplierSimulator;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const ok = (r: Reply, what: string) => {
    assert.ok(r.status < 300, `${what}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const until = async (what: string, cond: () => Promise<boolean>, ms = 60_000) => {
    const end = Date.now() + ms;
    while (!(await cond())) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await sleep(200);
    }
  };

  before(async () => {
    sim = await startSupplierSimulator({ products: { 'slow-1': { mode: 'processing', delayMs: 1500 }, 'backup-1': { mode: 'ok' } } });
    c = await startCluster(3, { env: { KAQUAN_JOB_LEASE_MS: '2000', KAQUAN_SUPPLIER_ALLOW_PRIVATE: 'on' } });
  });
  after(async () => {
    await c?.stop();
    await sim?.close();
  });

  test('three processes, a restart, fifteen callbacks per order: one supplier, one import each', async () => {
    // a high threshold: the timeouts here must not open the primary's circuit (that would rightly send new orders to the backup)
    const sup = (name: string, timeout_ms: number) =>
      c.call('POST', '/v1/suppliers', {
        name,
        protocol: 'generic',
        base_url: sim.url,
        app_key: sim.appKey,
        secret: sim.secret,
        timeout_ms,
        failure_threshold: 100,
      });
    const primary = ok(await sup('主', 500), 'primary');
    const backup = ok(await sup('备', 2000), 'backup');
    ok(await c.call('PUT', `/v1/suppliers/${primary.id}/skus/vip`, { kind: 'card', product_id: 'slow-1', priority: 1, cost_fen: 100 }), 'map');
    ok(await c.call('PUT', `/v1/suppliers/${backup.id}/skus/vip`, { kind: 'card', product_id: 'backup-1', priority: 2, cost_fen: 120 }), 'map');
    const t = ok(
      await c.call('POST', '/v1/templates', {
        kind: 'external',
        name: 'VIP',
        value: { supplier: 'S', product_name: 'VIP' },
        validity: { type: 'relative', days: 30 },
      }),
      'template',
    );
    const batch = ok(await c.call('POST', '/v1/batches', { template_id: t.id, name: 'b', mode: 'imported' }), 'batch');
    const N = 6;
    const orders = await Promise.all(
      Array.from({ length: N }, async (_, i) =>
        ok(await c.call('POST', '/v1/supplier-orders', { kind: 'card', sku: 'vip', quantity: 2, batch_id: batch.id }, { server: i % 3 }), 'order'),
      ),
    );
    // mid-flight: some orders are out at the supplier, waiting on it; the process holding them dies
    await until('the first order out', async () => sim.received.length > 0);
    await c.kill(0);
    await c.start(0);
    const read = async (id: string) => ok(await c.call('GET', `/v1/supplier-orders/${id}`), 'read');
    await until('every order out at the primary', async () => {
      const rs = await Promise.all(orders.map((o) => read(o.id)));
      return rs.every((r) => r.attempts.length === 1 && r.attempts[0].sent_at && sim.orders.has(r.attempts[0].outbound_no));
    });
    const outs = (await Promise.all(orders.map((o) => read(o.id)))).map((r) => r.attempts[0].outbound_no as string);
    for (const n of outs) sim.complete(n, 'succeeded');
    const statuses = await Promise.all(
      outs.flatMap((n) =>
        Array.from({ length: 15 }, async (_, k) => {
          const { body, headers } = sim.callback(n);
          const r = await fetch(`http://127.0.0.1:${c.ports[k % 3]}/callbacks/suppliers/${primary.id}`, { method: 'POST', body, headers });
          const text = await r.text();
          return r.status === 200 ? 200 : `${r.status} ${text} (server ${k % 3})`;
        }),
      ),
    );
    assert.ok(
      statuses.every((s) => s === 200),
      `callbacks answered ${[...new Set(statuses)]}`,
    );
    await until('every order succeeded', async () => (await Promise.all(orders.map((o) => read(o.id)))).every((r) => r.state === 'succeeded'));
    // give any straggling job a moment to do something wrong
    await sleep(3000);
    const finals = await Promise.all(orders.map((o) => read(o.id)));
    for (const r of finals) {
      assert.equal(r.attempts.length, 1, `one attempt: ${JSON.stringify(r.attempts)}`);
      assert.equal(r.codes_imported, 2);
    }
    assert.equal(sim.received.filter((x) => x.productId === 'backup-1').length, 0, 'the backup supplier was never ordered');
    assert.equal(new Set(outs).size, N);
    assert.equal([...sim.orders.values()].filter((o) => o.productId === 'slow-1').length, N, 'one order per outbound number at the supplier');
    const b = ok(await c.call('GET', `/v1/batches/${batch.id}`), 'batch');
    assert.equal(b.generated, 2 * N, 'each order’s codes in the batch exactly once');
  });
});
