import type { Sql } from '../../db/index.js';
import { AppError, invalid, notFound } from '../../errors.js';
import { newId } from '../../ids.js';
import { openTenantAccounts } from '../ledger/service.js';
import { ttlCache } from '../../platform/cache.js';

export interface Tenant {
  id: string;
  name: string;
  time_zone: string;
  currency: string;
  reverse_window_minutes: number;
  /** 即将过期: days before expiry a card counts as expiring soon (badge, filter, card.expiring), 1–90 */
  expiring_soon_days: number;
  /** 人工审核: hours an action sent to review holds what it would take before it expires (1–720, default 24) */
  review_hold_hours: number;
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
  if (!isTimeZone(tz)) throw invalid('time_zone', `unknown time zone "${tz}"`);
  const r = await q.query<Tenant>(
    `INSERT INTO tenants (id, name, time_zone, currency) VALUES ($1, $2, $3, $4)
     RETURNING id, name, time_zone, currency, reverse_window_minutes, expiring_soon_days, review_hold_hours`,
    [input.id ?? newId('ten'), input.name, tz, input.currency ?? 'CNY'],
  );
  await openTenantAccounts(q, r.rows[0].id); // the counter-accounts every card transfer's other side is (ledger)
  return r.rows[0];
}

export async function tenantExists(q: Sql, id: string): Promise<boolean> {
  return !!(await q.query('SELECT 1 FROM tenants WHERE id = $1', [id])).rowCount;
}

/** Tenant settings are read on hot paths (time zone, reverse window); cache them briefly. */
const tenantCache = ttlCache<Tenant>(5_000);
export async function getTenant(q: Sql, id: string): Promise<Tenant> {
  return tenantCache.get(id, async () => {
    const r = await q.query<Tenant>(
      'SELECT id, name, time_zone, currency, reverse_window_minutes, expiring_soon_days, review_hold_hours FROM tenants WHERE id = $1',
      [id],
    );
    if (!r.rows[0]) throw notFound('tenant');
    return r.rows[0];
  });
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

export async function updateTenant(
  q: Sql,
  id: string,
  patch: { name?: string; time_zone?: string; reverse_window_minutes?: number; expiring_soon_days?: number; review_hold_hours?: number },
): Promise<Tenant> {
  if (patch.time_zone && !isTimeZone(patch.time_zone)) throw invalid('time_zone', `unknown time zone "${patch.time_zone}"`);
  const r = await q.query<Tenant>(
    `UPDATE tenants SET name = coalesce($2, name), time_zone = coalesce($3, time_zone),
       reverse_window_minutes = coalesce($4, reverse_window_minutes), expiring_soon_days = coalesce($5, expiring_soon_days),
       review_hold_hours = coalesce($6, review_hold_hours)
     WHERE id = $1 RETURNING id, name, time_zone, currency, reverse_window_minutes, expiring_soon_days, review_hold_hours`,
    [id, patch.name ?? null, patch.time_zone ?? null, patch.reverse_window_minutes ?? null, patch.expiring_soon_days ?? null, patch.review_hold_hours ?? null],
  );
  tenantCache.delete(id);
  return r.rows[0];
}

/** The tenants whose cards get expiring-soon reminders (card.expiring): the enabled ones, with their day count and time zone. */
export async function tenantsWithExpiryReminders(q: Sql): Promise<{ id: string; expiring_soon_days: number; time_zone: string }[]> {
  return (
    await q.query<{ id: string; expiring_soon_days: number; time_zone: string }>(
      'SELECT id, expiring_soon_days, time_zone FROM tenants WHERE disabled_at IS NULL ORDER BY id',
    )
  ).rows;
}

export const tenantDisabledError = () =>
  new AppError(403, 'TENANT_DISABLED', 'this tenant is disabled by the platform; ask the platform operator to enable it');

/** A tenant as the platform's operators see it. */
export interface TenantAdminRow extends Tenant {
  created_at: Date;
  disabled_at: Date | null;
}
const ADMIN_COLS = 'id, name, time_zone, currency, reverse_window_minutes, expiring_soon_days, created_at, disabled_at';

export async function getTenantAdmin(q: Sql, id: string): Promise<TenantAdminRow> {
  const r = await q.query<TenantAdminRow>(`SELECT ${ADMIN_COLS} FROM tenants WHERE id = $1`, [id]);
  if (!r.rows[0]) throw notFound('tenant');
  return r.rows[0];
}

export async function listTenants(q: Sql): Promise<TenantAdminRow[]> {
  return (await q.query<TenantAdminRow>(`SELECT ${ADMIN_COLS} FROM tenants ORDER BY created_at, id`)).rows;
}

export async function setTenantDisabled(q: Sql, id: string, disabled: boolean, now: Date): Promise<TenantAdminRow> {
  const r = await q.query<TenantAdminRow>(
    `UPDATE tenants SET disabled_at = CASE WHEN $2 THEN coalesce(disabled_at, $3) END WHERE id = $1 RETURNING ${ADMIN_COLS}`,
    [id, disabled, now],
  );
  if (!r.rows[0]) throw notFound('tenant');
  disabledCache.delete(id);
  return r.rows[0];
}

/**
 * Whether a tenant is disabled, asked on every request: cached for 5 s, like API keys, so a
 * disable reaches every process within 5 s (at once in the process that made it).
 */
const disabledCache = ttlCache<boolean>(5_000);
export async function tenantDisabled(q: Sql, id: string): Promise<boolean> {
  return disabledCache.get(id, async () => {
    const r = await q.query<{ disabled: boolean }>('SELECT disabled_at IS NOT NULL AS disabled FROM tenants WHERE id = $1', [id]);
    return r.rows[0]?.disabled ?? true; // a tenant that is gone is as good as disabled
  });
}
