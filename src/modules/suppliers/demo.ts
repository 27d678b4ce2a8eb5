import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Ctx } from '../../platform/context.js';
import { createSupplier, putSku } from './service.js';
import { startSupplierSimulator, type SupplierSimulator } from './simulator.js';

/**
 * The demo tenant's supplier 演示供应商: a local simulator (simulator.ts) started by `npm start` in
 * demo mode only, on KAQUAN_DEMO_SUPPLIER_PORT (default 18090), with a secret made once per install
 * and kept beside the data (DATA_DIR/demo-supplier-secret). The demo seed points a supplier at it.
 */
export const demoSupplierPort = () => Number(process.env.KAQUAN_DEMO_SUPPLIER_PORT || 18090);

let ephemeral: string | undefined;
export function demoSupplierSecret(dataDir: string): string {
  if (!dataDir) {
    ephemeral ??= randomBytes(24).toString('base64url'); // no data dir (tests): this process only
    return ephemeral;
  }
  const file = join(dataDir, 'demo-supplier-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(24).toString('base64url');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

const PRODUCTS = {
  'demo-vip-month': { mode: 'ok' as const, stock: 500, priceFen: 1980 },
  'demo-phone-50': { mode: 'ok' as const, stock: 9999, priceFen: 4950 },
};

/** Seeds the demo tenant's supplier and two SKU mappings (a 卡密 SKU and a 直充 SKU). */
export async function seedDemoSupplier(ctx: Ctx, tenantId: string, now: Date): Promise<void> {
  await ctx.db.tx(async (q) => {
    const s = await createSupplier(
      q,
      ctx.keys,
      tenantId,
      {
        name: '演示供应商（本地模拟器）',
        protocol: 'generic',
        base_url: `http://127.0.0.1:${demoSupplierPort()}`,
        app_key: 'demo-merchant',
        secret: demoSupplierSecret(ctx.config.dataDir),
      },
      now,
      true,
    );
    await putSku(q, tenantId, s.id, { sku: 'video-vip-month', kind: 'card', product_id: 'demo-vip-month', priority: 1, cost_fen: 1980 }, now);
    await putSku(q, tenantId, s.id, { sku: 'phone-credit-50', kind: 'direct', product_id: 'demo-phone-50', priority: 1, cost_fen: 4950 }, now);
  });
}

/** Starts the demo's simulator; a port already taken is a warning, not a failed start. */
export async function startDemoSupplier(dataDir: string): Promise<SupplierSimulator | null> {
  try {
    return await startSupplierSimulator({ port: demoSupplierPort(), appKey: 'demo-merchant', secret: demoSupplierSecret(dataDir), products: PRODUCTS });
  } catch (e) {
    console.warn(`demo supplier simulator not started (port ${demoSupplierPort()}): ${(e as Error).message}`);
    return null;
  }
}
