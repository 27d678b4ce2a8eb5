import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestEnv, type TestEnv } from '../../testing/harness.js';
import { freePort } from '../../testing/ports.js';
import { seedDemoSupplier, startDemoSupplier } from './demo.js';
import type { SupplierSimulator } from './simulator.js';

/** The demo's supplier: the seeded supplier and the simulator `npm start` runs find each other, and an order goes through. */
let env: TestEnv;
let sim: SupplierSimulator | null;
const dataDir = mkdtempSync(join(tmpdir(), 'kaquan-demo-supplier-'));
before(async () => {
  process.env.KAQUAN_DEMO_SUPPLIER_PORT = String(await freePort());
  env = await startTestEnv({ config: { supplierAllowPrivate: true, dataDir } });
  sim = await startDemoSupplier(dataDir);
});
after(async () => {
  await sim?.close();
  await env.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('the demo supplier sells video memberships into stock and tops up phones', async () => {
  assert.ok(sim, 'the simulator started');
  await seedDemoSupplier(env.ctx, env.tenantId, env.ctx.clock.now());
  const t = await env.api('POST', '/v1/templates', {
    kind: 'external',
    name: 'VIP',
    value: { supplier: '演示', product_name: 'VIP 月卡' },
    validity: { type: 'relative', days: 30 },
  });
  const b = await env.api('POST', '/v1/batches', { template_id: t.body.id, name: 'b', mode: 'imported' });
  const o = await env.api('POST', '/v1/supplier-orders', { kind: 'card', sku: 'video-vip-month', quantity: 2, batch_id: b.body.id });
  const top = await env.api('POST', '/v1/supplier-orders', { kind: 'direct', sku: 'phone-credit-50', account: '13800000000' });
  assert.equal(o.status, 201, JSON.stringify(o.body));
  await env.jobs();
  assert.equal((await env.api('GET', `/v1/supplier-orders/${o.body.id}`)).body.codes_imported, 2);
  assert.equal((await env.api('GET', `/v1/supplier-orders/${top.body.id}`)).body.state, 'succeeded');
});
