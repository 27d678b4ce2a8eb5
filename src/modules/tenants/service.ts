import type { Sql } from '../../db/index.js';
import { AppError, notFound } from '../../errors.js';
import { newId } from '../../ids.js';

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

export async function tenantExists(q: Sql, id: string): Promise<boolean> {
  return !!(await q.query('SELECT 1 FROM tenants WHERE id = $1', [id])).rowCount;
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
