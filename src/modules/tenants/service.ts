import type { Db, Sql } from '../../db/index.js';
import { AppError, notFound } from '../../errors.js';
import { newId } from '../../ids.js';
import { hashApiKey, newApiKeySecret } from '../identity/auth.js';
import type { Role } from '../../http/access.js';
import { assertStoresExist } from '../stores/service.js';

export interface Tenant {
  id: string;
  name: string;
  time_zone: string;
  currency: string;
  reverse_window_minutes: number;
}

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export async function createTenant(q: Sql, input: { id?: string; name: string; time_zone?: string; currency?: string }): Promise<Tenant> {
  const tz = input.time_zone ?? 'Asia/Shanghai';
  if (!isTimeZone(tz)) throw new AppError(422, 'VALIDATION_FAILED', `time_zone: unknown time zone "${tz}"`);
  const r = await q.query<Tenant>(
    `INSERT INTO tenants (id, name, time_zone, currency) VALUES ($1, $2, $3, $4)
     RETURNING id, name, time_zone, currency, reverse_window_minutes`,
    [input.id ?? newId('ten'), input.name, tz, input.currency ?? 'CNY'],
  );
  return r.rows[0];
}

/** Tenant settings are read on hot paths (time zone, reverse window); cache them briefly. */
const tenantCache = new Map<string, { at: number; t: Tenant }>();
export async function getTenant(q: Sql, id: string): Promise<Tenant> {
  const hit = tenantCache.get(id);
  if (hit && Date.now() - hit.at < 5_000) return hit.t;
  const r = await q.query<Tenant>('SELECT id, name, time_zone, currency, reverse_window_minutes FROM tenants WHERE id = $1', [id]);
  if (!r.rows[0]) throw notFound('tenant');
  tenantCache.set(id, { at: Date.now(), t: r.rows[0] });
  return r.rows[0];
}

/** The tenant a sign-in form names: by id, else by its exact name, case-insensitive (names need not be unique). */
export async function findTenantIds(q: Sql, idOrName: string): Promise<string[]> {
  const r = await q.query<{ id: string }>(
    `SELECT id FROM tenants WHERE id = $1
     UNION ALL SELECT id FROM tenants WHERE lower(name) = lower($1) AND NOT EXISTS (SELECT 1 FROM tenants WHERE id = $1)`,
    [idOrName],
  );
  return r.rows.map((t) => t.id);
}

export async function updateTenant(q: Sql, id: string, patch: { name?: string; time_zone?: string; reverse_window_minutes?: number }): Promise<Tenant> {
  if (patch.time_zone && !isTimeZone(patch.time_zone)) throw new AppError(422, 'VALIDATION_FAILED', `time_zone: unknown time zone "${patch.time_zone}"`);
  const r = await q.query<Tenant>(
    `UPDATE tenants SET name = coalesce($2, name), time_zone = coalesce($3, time_zone),
       reverse_window_minutes = coalesce($4, reverse_window_minutes)
     WHERE id = $1 RETURNING id, name, time_zone, currency, reverse_window_minutes`,
    [id, patch.name ?? null, patch.time_zone ?? null, patch.reverse_window_minutes ?? null],
  );
  tenantCache.delete(id);
  return r.rows[0];
}

export interface ApiKeyView {
  id: string;
  name: string;
  role: Role;
  key_prefix: string;
  store_ids: string[];
  channel_id: string | null;
  revoked_at: Date | null;
  created_at: Date;
}
const KEY_COLS = 'id, name, role, key_prefix, store_ids, channel_id, revoked_at, created_at';

export async function createApiKey(
  q: Sql,
  tenantId: string,
  input: { name: string; role: Role; store_ids?: string[]; channel_id?: string | null; secret?: string },
): Promise<ApiKeyView & { secret: string }> {
  const storeIds = input.store_ids ?? [];
  if (input.role === 'clerk') {
    if (!storeIds.length)
      throw new AppError(422, 'VALIDATION_FAILED', 'store_ids: a clerk key is bound to at least one store', {
        errors: [{ field: 'store_ids', reason: 'required for role clerk' }],
      });
    await assertStoresExist(q, tenantId, storeIds);
  } else if (storeIds.length) {
    throw new AppError(422, 'VALIDATION_FAILED', 'store_ids: only clerk keys are bound to stores');
  }
  if (input.role === 'channel') {
    if (!input.channel_id)
      throw new AppError(422, 'VALIDATION_FAILED', 'channel_id: a channel key is bound to one channel', {
        errors: [{ field: 'channel_id', reason: 'required for role channel' }],
      });
    const c = await q.query('SELECT 1 FROM channels WHERE tenant_id = $1 AND id = $2', [tenantId, input.channel_id]);
    if (!c.rowCount) throw notFound('channel');
  } else if (input.channel_id) {
    throw new AppError(422, 'VALIDATION_FAILED', 'channel_id: only channel keys are bound to a channel');
  }
  const secret = input.secret ?? newApiKeySecret();
  const r = await q.query<ApiKeyView>(
    `INSERT INTO api_keys (tenant_id, id, name, role, key_hash, key_prefix, store_ids, channel_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${KEY_COLS}`,
    [tenantId, newId('key'), input.name, input.role, hashApiKey(secret), secret.slice(0, 7), storeIds, input.channel_id ?? null],
  );
  return { ...r.rows[0], secret };
}

export async function listApiKeys(q: Sql, tenantId: string): Promise<ApiKeyView[]> {
  return (await q.query<ApiKeyView>(`SELECT ${KEY_COLS} FROM api_keys WHERE tenant_id = $1 ORDER BY created_at`, [tenantId])).rows;
}

export async function revokeApiKey(q: Sql, tenantId: string, id: string, at: Date): Promise<ApiKeyView> {
  const r = await q.query<ApiKeyView>(`UPDATE api_keys SET revoked_at = coalesce(revoked_at, $3) WHERE tenant_id = $1 AND id = $2 RETURNING ${KEY_COLS}`, [
    tenantId,
    id,
    at,
  ]);
  if (!r.rows[0]) throw notFound('api_key');
  return r.rows[0];
}

export async function createChannel(q: Sql, tenantId: string, input: { name: string }) {
  const r = await q.query('INSERT INTO channels (tenant_id, id, name) VALUES ($1, $2, $3) RETURNING id, name, created_at', [
    tenantId,
    newId('chn'),
    input.name,
  ]);
  return r.rows[0] as { id: string; name: string; created_at: Date };
}

export async function listChannels(q: Sql, tenantId: string) {
  return (await q.query('SELECT id, name, created_at FROM channels WHERE tenant_id = $1 ORDER BY created_at', [tenantId])).rows;
}

export async function channelExists(q: Sql, tenantId: string, id: string): Promise<boolean> {
  return !!(await q.query('SELECT 1 FROM channels WHERE tenant_id = $1 AND id = $2', [tenantId, id])).rowCount;
}

/** The bootstrap path: a tenant and its owner key, known by value when KAQUAN_BOOTSTRAP_KEY is set. */
export async function ensureTenantWithOwner(db: Db, tenantId: string, name: string, ownerSecret: string) {
  return db.tx(async (q) => {
    const exists = await q.query('SELECT 1 FROM tenants WHERE id = $1', [tenantId]);
    if (!exists.rowCount) await createTenant(q, { id: tenantId, name });
    const k = await q.query('SELECT 1 FROM api_keys WHERE key_hash = $1', [hashApiKey(ownerSecret)]);
    if (!k.rowCount) await createApiKey(q, tenantId, { name: 'owner (bootstrap)', role: 'owner', secret: ownerSecret });
    return { created: !exists.rowCount };
  });
}
