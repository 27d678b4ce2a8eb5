import type { Sql } from '../../db/index.js';
import type { Keyring } from '../../secrets.js';
import { AppError, notFound } from '../../errors.js';
import { newId } from '../../ids.js';
import { isInternalName, isPublicAddress, literalAddress } from '../webhooks/public-address.js';

/** Suppliers 供应商 and their SKU mappings: the brand's staff set them up; secrets never leave sealed. */
export type Protocol = 'generic' | 'fulu';
export interface SupplierRow {
  id: string;
  name: string;
  protocol: Protocol;
  base_url: string;
  app_key: string;
  secret_enc: Buffer;
  status: 'active' | 'disabled';
  timeout_ms: number;
  failure_threshold: number;
  open_ms: number;
  consecutive_failures: number;
  circuit_open_until: Date | null;
  successes: number;
  failures: number;
  last_success_at: Date | null;
  last_failure_at: Date | null;
  last_error: string | null;
  created_at: Date;
  updated_at: Date;
}
export interface SupplierInput {
  name: string;
  protocol: Protocol;
  base_url: string;
  app_key: string;
  secret: string;
  timeout_ms?: number;
  failure_threshold?: number;
  open_ms?: number;
}
export type SupplierPatch = Partial<Omit<SupplierInput, 'protocol'>> & { status?: 'active' | 'disabled' };

const COLS = `id, name, protocol, base_url, app_key, secret_enc, status, timeout_ms, failure_threshold, open_ms, consecutive_failures,
  circuit_open_until, successes, failures, last_success_at, last_failure_at, last_error, created_at, updated_at`;

export const invalid = (field: string, reason: string) => new AppError(422, 'SUPPLIER_INVALID', `${field}: ${reason}`, { errors: [{ field, reason }] });

/** The same early check as a webhook URL: http(s), no credentials, and a public host unless private targets are allowed. */
export function checkBaseUrl(url: string, allowPrivate: boolean): string {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    throw invalid('base_url', 'not a valid URL');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw invalid('base_url', 'only http and https URLs are allowed');
  if (u.username || u.password) throw invalid('base_url', 'credentials in the URL are not allowed');
  const literal = literalAddress(u.hostname);
  if (!allowPrivate && (literal ? !isPublicAddress(literal) : isInternalName(u.hostname)))
    throw invalid('base_url', 'suppliers are reached only at public addresses; this host is private, loopback, link-local or reserved');
  return url.trim();
}

/** What a reader sees: never the secret; health as the circuit's state. */
export function supplierView(s: SupplierRow, now: Date, publicUrl: string) {
  const { secret_enc: _s, consecutive_failures, circuit_open_until, successes, failures, last_success_at, last_failure_at, last_error, ...rest } = s;
  return {
    ...rest,
    callback_url: `${publicUrl.replace(/\/+$/, '')}/callbacks/suppliers/${s.id}`,
    health: {
      circuit: circuit_open_until && circuit_open_until > now ? ('open' as const) : ('closed' as const),
      circuit_open_until,
      consecutive_failures,
      successes,
      failures,
      last_success_at,
      last_failure_at,
      last_error,
    },
  };
}

export async function createSupplier(q: Sql, keys: Keyring, tenantId: string, input: SupplierInput, now: Date, allowPrivate: boolean) {
  const url = checkBaseUrl(input.base_url, allowPrivate);
  const r = await q.query<SupplierRow>(
    `INSERT INTO suppliers (tenant_id, id, name, protocol, base_url, app_key, secret_enc, timeout_ms, failure_threshold, open_ms, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, COALESCE($8, 10000), COALESCE($9, 3), COALESCE($10, 60000), $11, $11) RETURNING ${COLS}`,
    [
      tenantId,
      newId('sup'),
      input.name.trim(),
      input.protocol,
      url,
      input.app_key,
      keys.encrypt(input.secret),
      input.timeout_ms ?? null,
      input.failure_threshold ?? null,
      input.open_ms ?? null,
      now,
    ],
  );
  return r.rows[0];
}

export async function updateSupplier(q: Sql, keys: Keyring, tenantId: string, id: string, p: SupplierPatch, now: Date, allowPrivate: boolean) {
  await getSupplier(q, tenantId, id, true);
  const r = await q.query<SupplierRow>(
    `UPDATE suppliers SET name = COALESCE($3, name), base_url = COALESCE($4, base_url), app_key = COALESCE($5, app_key),
       secret_enc = COALESCE($6, secret_enc), timeout_ms = COALESCE($7, timeout_ms), failure_threshold = COALESCE($8, failure_threshold),
       open_ms = COALESCE($9, open_ms), status = COALESCE($10, status), updated_at = $11
     WHERE tenant_id = $1 AND id = $2 RETURNING ${COLS}`,
    [
      tenantId,
      id,
      p.name?.trim() ?? null,
      p.base_url === undefined ? null : checkBaseUrl(p.base_url, allowPrivate),
      p.app_key ?? null,
      p.secret === undefined ? null : keys.encrypt(p.secret),
      p.timeout_ms ?? null,
      p.failure_threshold ?? null,
      p.open_ms ?? null,
      p.status ?? null,
      now,
    ],
  );
  return r.rows[0];
}

export async function getSupplier(q: Sql, tenantId: string, id: string, forUpdate = false): Promise<SupplierRow> {
  const r = await q.query<SupplierRow>(`SELECT ${COLS} FROM suppliers WHERE tenant_id = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`, [tenantId, id]);
  if (!r.rows[0]) throw notFound('supplier');
  return r.rows[0];
}

/** A callback names its supplier by id alone (no tenant in the URL). */
export async function supplierById(q: Sql, id: string): Promise<(SupplierRow & { tenant_id: string }) | null> {
  const r = await q.query<SupplierRow & { tenant_id: string }>(`SELECT tenant_id, ${COLS} FROM suppliers WHERE id = $1`, [id]);
  return r.rows[0] ?? null;
}

export async function listSuppliers(q: Sql, tenantId: string): Promise<SupplierRow[]> {
  return (await q.query<SupplierRow>(`SELECT ${COLS} FROM suppliers WHERE tenant_id = $1 ORDER BY created_at, id`, [tenantId])).rows;
}

// ---- SKU mappings 商品映射 ----

export interface SkuRow {
  id: string;
  supplier_id: string;
  sku: string;
  kind: 'card' | 'direct';
  product_id: string;
  priority: number;
  cost_fen: number;
  status: 'active' | 'disabled';
  synced_stock: number | null;
  synced_price_fen: number | null;
  synced_at: Date | null;
  created_at: Date;
}
const SKU_COLS =
  'id, supplier_id, sku, kind, product_id, priority, cost_fen::int8 AS cost_fen, status, synced_stock, synced_price_fen::int8 AS synced_price_fen, synced_at, created_at';
const skuOut = (r: any): SkuRow => ({ ...r, cost_fen: Number(r.cost_fen), synced_price_fen: r.synced_price_fen === null ? null : Number(r.synced_price_fen) });

export interface SkuInput {
  sku: string;
  kind: 'card' | 'direct';
  product_id: string;
  priority?: number;
  cost_fen: number;
  status?: 'active' | 'disabled';
}

/** Maps our SKU to this supplier's product (one row per SKU and supplier; setting it again changes it). */
export async function putSku(q: Sql, tenantId: string, supplierId: string, s: SkuInput, now: Date): Promise<SkuRow> {
  await getSupplier(q, tenantId, supplierId);
  const r = await q.query(
    `INSERT INTO supplier_skus (tenant_id, id, supplier_id, sku, kind, product_id, priority, cost_fen, status, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (tenant_id, sku, supplier_id) DO UPDATE SET kind = EXCLUDED.kind, product_id = EXCLUDED.product_id,
       priority = EXCLUDED.priority, cost_fen = EXCLUDED.cost_fen, status = EXCLUDED.status
     RETURNING ${SKU_COLS}`,
    [tenantId, newId('sps'), supplierId, s.sku.trim(), s.kind, s.product_id.trim(), s.priority ?? 1, s.cost_fen, s.status ?? 'active', now],
  );
  return skuOut(r.rows[0]);
}

export async function listSkus(q: Sql, tenantId: string, filter: { supplierId?: string; sku?: string } = {}): Promise<SkuRow[]> {
  const r = await q.query(
    `SELECT ${SKU_COLS} FROM supplier_skus WHERE tenant_id = $1 AND ($2::text IS NULL OR supplier_id = $2) AND ($3::text IS NULL OR sku = $3)
     ORDER BY sku, priority, created_at`,
    [tenantId, filter.supplierId ?? null, filter.sku ?? null],
  );
  return r.rows.map(skuOut);
}

/** The suppliers that may fill a SKU, best first: active mappings of active suppliers, by priority. */
export async function candidates(q: Sql, tenantId: string, sku: string, kind: 'card' | 'direct') {
  const r = await q.query(
    `SELECT m.id AS sku_id, m.supplier_id, m.product_id, m.cost_fen::int8 AS cost_fen, m.priority
     FROM supplier_skus m JOIN suppliers s ON s.tenant_id = m.tenant_id AND s.id = m.supplier_id
     WHERE m.tenant_id = $1 AND m.sku = $2 AND m.kind = $3 AND m.status = 'active' AND s.status = 'active'
     ORDER BY m.priority, m.created_at, m.id`,
    [tenantId, sku, kind],
  );
  return r.rows.map((x: any) => ({ ...x, cost_fen: Number(x.cost_fen) })) as {
    sku_id: string;
    supplier_id: string;
    product_id: string;
    cost_fen: number;
    priority: number;
  }[];
}

export async function recordSync(q: Sql, tenantId: string, supplierId: string, productId: string, stock: number | null, priceFen: number | null, now: Date) {
  await q.query(
    `UPDATE supplier_skus SET synced_stock = $4, synced_price_fen = $5, synced_at = $6 WHERE tenant_id = $1 AND supplier_id = $2 AND product_id = $3`,
    [tenantId, supplierId, productId, stock, priceFen, now],
  );
}
