import assert from 'node:assert/strict';
import type { TestEnv } from '../../testing/harness.js';
import { fixtures } from '../../testing/harness.js';
import type { SupplierSimulator } from './simulator.js';

/** Shared steps of the supplier tests: suppliers pointed at a simulator, mappings, an imported batch. */
export function supplierSteps(env: TestEnv, sim: SupplierSimulator) {
  const ok = async (method: string, url: string, body?: unknown, want = 200) => {
    const r = await env.api(method, url, body);
    assert.equal(r.status, want, `${method} ${url}: ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const fxP = fixtures(env);
  return {
    ok,
    supplier: (name: string, extra: Record<string, unknown> = {}) =>
      ok('POST', '/v1/suppliers', { name, protocol: 'generic', base_url: sim.url, app_key: sim.appKey, secret: sim.secret, timeout_ms: 2000, ...extra }, 201),
    fuluSupplier: (name: string, extra: Record<string, unknown> = {}) =>
      ok(
        'POST',
        '/v1/suppliers',
        { name, protocol: 'fulu', base_url: `${sim.url}/fulu/api/getway`, app_key: sim.appKey, secret: sim.secret, timeout_ms: 2000, ...extra },
        201,
      ),
    map: (supplierId: string, sku: string, productId: string, priority: number, kind: 'card' | 'direct' = 'card') =>
      ok('PUT', `/v1/suppliers/${supplierId}/skus/${sku}`, { kind, product_id: productId, priority, cost_fen: 900 }),
    batch: async () => {
      const fx = await fxP;
      const t = await fx.template('external', { supplier: '视频会员', product_name: 'VIP 月卡' });
      return (await fx.batch(t.id, { mode: 'imported' })).id as string;
    },
    order: (body: Record<string, unknown>) => ok('POST', '/v1/supplier-orders', body, 201),
    read: (id: string) => ok('GET', `/v1/supplier-orders/${id}`),
    batchCount: async (id: string) => (await ok('GET', `/v1/batches/${id}`)).generated as number,
    /** what the supplier got orders for, by product */
    orderedAt: (productId: string) => sim.received.filter((r) => r.productId === productId),
  };
}

let n = 0;
/** a SKU name no other test uses */
export const freshSku = (what: string) => `${what}-${++n}`;
