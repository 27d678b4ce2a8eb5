import type { Sql } from '../../db/index.js';
import { AppError, invalid, notFound } from '../../errors.js';
import { newId } from '../../ids.js';
import { keyset, type Sorts } from '../../http/pagination.js';
import { isTimeZone } from '../tenants/service.js';
import { refusal } from '../../platform/problems/refusal.js';

export interface Store {
  id: string;
  name: string;
  code: string | null;
  time_zone: string | null;
  lat: number | null;
  lng: number | null;
  tags: string[];
  /** 省 and 市 (names or codes, as the channels' regions give them): where the store is, for 窜货 detection */
  province: string | null;
  city: string | null;
  created_at: Date;
}
const COLS = 'id, name, code, time_zone, lat, lng, tags, province, city, created_at';

export interface StoreInput {
  name?: string;
  code?: string | null;
  time_zone?: string | null;
  lat?: number | null;
  lng?: number | null;
  tags?: string[];
  province?: string | null;
  city?: string | null;
}

function check(input: StoreInput) {
  if (input.time_zone && !isTimeZone(input.time_zone)) throw invalid('time_zone', `unknown time zone "${input.time_zone}"`);
  if ((input.lat == null) !== (input.lng == null)) throw invalid('lat, lng', 'give both or neither');
}

export async function createStore(q: Sql, tenantId: string, input: StoreInput & { name: string }): Promise<Store> {
  check(input);
  const r = await q.query<Store>(
    `INSERT INTO stores (tenant_id, id, name, code, time_zone, lat, lng, tags, province, city) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)
     ON CONFLICT DO NOTHING RETURNING ${COLS}`,
    [
      tenantId,
      newId('sto'),
      input.name,
      input.code ?? null,
      input.time_zone ?? null,
      input.lat ?? null,
      input.lng ?? null,
      input.tags ?? [],
      input.province?.trim() || null,
      input.city?.trim() || null,
    ],
  );
  if (!r.rows[0]) throw refusal('STORE_CODE_TAKEN', `code: another store already has code "${input.code}"`, { store_code: input.code ?? '' });
  return r.rows[0];
}

export async function updateStore(q: Sql, tenantId: string, id: string, input: StoreInput): Promise<Store> {
  const cur = await getStore(q, tenantId, id);
  const next = { ...cur, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as Store;
  check(next);
  const r = await q
    .query<Store>(
      `UPDATE stores SET name=$3, code=$4, time_zone=$5, lat=$6, lng=$7, tags=$8, province=$9, city=$10 WHERE tenant_id=$1 AND id=$2 RETURNING ${COLS}`,
      [tenantId, id, next.name, next.code, next.time_zone, next.lat, next.lng, next.tags, next.province?.trim() || null, next.city?.trim() || null],
    )
    .catch((e) => {
      if (e.code === '23505') throw refusal('STORE_CODE_TAKEN', `code: another store already has code "${next.code}"`, { store_code: next.code ?? '' });
      throw e;
    });
  return r.rows[0];
}

export async function getStore(q: Sql, tenantId: string, id: string): Promise<Store> {
  const r = await q.query<Store>(`SELECT ${COLS} FROM stores WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
  if (!r.rows[0]) throw notFound('store');
  return r.rows[0];
}

/** What the store list sorts by (GET /v1/stores?sort=…). */
export const STORE_SORTS = { created_at: null, name: { sql: 'name', type: 'text' } } satisfies Sorts;

export async function listStores(q: Sql, tenantId: string, opts: { limit: number; cursor?: string; q?: string; tag?: string; sort?: string }) {
  const page = keyset(STORE_SORTS, opts.sort, opts.cursor);
  const params: unknown[] = [tenantId, opts.q ?? null, opts.tag ?? null];
  const r = await q.query<Store>(
    `SELECT ${COLS}${page.select} FROM stores WHERE tenant_id = $1
       AND ($2::text IS NULL OR name ILIKE '%' || $2 || '%' OR code = $2) AND ($3::text IS NULL OR $3 = ANY(tags)) AND ${page.after(params)}
     ORDER BY ${page.orderBy} LIMIT ${page.limit(params, opts.limit)}`,
    params,
  );
  return page.page(r.rows, opts.limit);
}

export async function assertStoresExist(q: Sql, tenantId: string, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const r = await q.query<{ id: string }>('SELECT id FROM stores WHERE tenant_id = $1 AND id = ANY($2)', [tenantId, ids]);
  const found = new Set(r.rows.map((x) => x.id));
  const missing = ids.filter((i) => !found.has(i));
  if (missing.length) throw new AppError(404, 'STORE_NOT_FOUND', `store not found: ${missing.join(', ')}`);
}
