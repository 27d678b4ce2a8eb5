import type { Ctx } from '../../platform/context.js';
import type { JobDef } from '../../platform/module.js';
import { connOf, adapters } from './drive.js';
import { circuitOpen } from './health.js';
import { getSupplier, listSkus, recordSync } from './service.js';

/**
 * Stock and price sync 库存价格同步: a durable recurring job (`suppliers.sync`, every 10 minutes, one
 * row) asks every active supplier whose circuit is closed for its mapped products' stock and price;
 * `POST /v1/suppliers/{id}/sync` enqueues a run for one supplier now. What it learns is kept on the
 * mapping (synced_stock, synced_price_fen, synced_at), read by people choosing priorities; a failed
 * sync is noted in last_error but leaves the circuit alone (health is about orders).
 */
export const SYNC = 'suppliers.sync';

export async function syncSupplier(ctx: Ctx, tenantId: string, supplierId: string): Promise<number> {
  const s = await getSupplier(ctx.db, tenantId, supplierId);
  const skus = await listSkus(ctx.db, tenantId, { supplierId });
  const ids = [...new Set(skus.map((m) => m.product_id))];
  if (!ids.length) return 0;
  const now = ctx.clock.now();
  try {
    const products = await adapters[s.protocol].products(connOf(ctx, s), ids, now);
    for (const p of products) await recordSync(ctx.db, tenantId, supplierId, p.productId, p.stock, p.priceFen, now);
    return products.length;
  } catch (e) {
    // health and the circuit are about orders: a failed sync is only noted
    await ctx.db.query(`UPDATE suppliers SET last_error = $3 WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      supplierId,
      `sync: ${(e as Error).message}`.slice(0, 500),
    ]);
    return 0;
  }
}

export async function syncAll(ctx: Ctx): Promise<void> {
  const now = ctx.clock.now();
  const r = await ctx.db.query<{ tenant_id: string; id: string; circuit_open_until: Date | null }>(
    `SELECT tenant_id, id, circuit_open_until FROM suppliers WHERE status = 'active' ORDER BY tenant_id, id`,
  );
  for (const s of r.rows) if (!circuitOpen(s, now)) await syncSupplier(ctx, s.tenant_id, s.id);
}

export const syncJobDefs: JobDef[] = [
  { type: SYNC, every: 10 * 60_000, run: (ctx) => syncAll(ctx) },
  { type: 'suppliers.sync_one', maxAttempts: 3, run: async (ctx, job) => void (await syncSupplier(ctx, job.tenant_id!, job.payload.supplier_id)) },
];
