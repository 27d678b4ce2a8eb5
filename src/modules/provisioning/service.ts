import type { Db, Sql } from '../../db/index.js';
import { AppError } from '../../errors.js';
import { newId } from '../../ids.js';
import { createTenant, getTenantAdmin, setTenantDisabled, type TenantAdminRow } from '../tenants/service.js';
import { createApiKey } from '../identity/api-keys.js';
import { hashApiKey, newApiKeySecret } from '../identity/auth.js';
import { appendAudit } from '../audit/service.js';

/**
 * 平台开通 Provisioning: the platform's own operators create, list, disable and enable tenants with a
 * platform key (kqp_…), which belongs to no tenant and can do nothing inside one. Each change is
 * written to the tenant's own audit chain, by `platform:<key id>`.
 */
export const PLATFORM_PREFIX = 'kqp_';
export async function createPlatformKey(q: Sql, name: string): Promise<{ id: string; name: string; secret: string }> {
  const secret = newApiKeySecret(PLATFORM_PREFIX);
  const id = newId('pk');
  await q.query('INSERT INTO platform_keys (id, name, key_hash, prefix) VALUES ($1, $2, $3, $4)', [id, name, hashApiKey(secret), secret.slice(0, 8)]);
  return { id, name, secret };
}

export async function revokePlatformKey(q: Sql, id: string, now: Date): Promise<boolean> {
  return !!(await q.query('UPDATE platform_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [id, now])).rowCount;
}

/** The platform key a secret is, if it is one and not revoked (not cached: platform calls are rare). */
export async function resolvePlatformKey(q: Sql, secret: string): Promise<{ id: string } | null> {
  if (!secret.startsWith(PLATFORM_PREFIX)) return null;
  return (await q.query<{ id: string }>('SELECT id FROM platform_keys WHERE key_hash = $1 AND revoked_at IS NULL', [hashApiKey(secret)])).rows[0] ?? null;
}

export interface NewTenant {
  id?: string;
  name: string;
  time_zone?: string;
  currency?: string;
}

/** A tenant and its first owner key (shown once), in one transaction. */
export async function provisionTenant(db: Db, actor: string, input: NewTenant, now: Date) {
  const bad = (field: string, reason: string) => new AppError(422, 'VALIDATION_FAILED', `${field}: ${reason}`, { errors: [{ field, reason }] });
  if (!input.name.trim() || input.name.length > 200) throw bad('name', '1 to 200 characters');
  if (input.id !== undefined && !/^[a-z0-9][a-z0-9_-]{1,62}$/.test(input.id)) throw bad('id', 'lower-case letters, digits, - and _ (2 to 63)');
  if (input.currency !== undefined && !/^[A-Z]{3}$/.test(input.currency)) throw bad('currency', 'an ISO 4217 code such as CNY');
  return db.tx(async (q) => {
    // the primary key decides, so two creations of one id at once get one tenant and one 409
    const tenant = await createTenant(q, input).catch((e) =>
      Promise.reject(e?.code === '23505' ? new AppError(409, 'TENANT_EXISTS', `id: a tenant "${input.id}" already exists`, { tenant_id: input.id }) : e),
    );
    const key = await createApiKey(q, tenant.id, { name: 'owner (provisioned)', role: 'owner' });
    await appendAudit(q, {
      tenantId: tenant.id,
      actor,
      action: 'tenant.create',
      targetType: 'tenant',
      targetId: tenant.id,
      data: { name: tenant.name },
      at: now,
    });
    return { tenant: await getTenantAdmin(q, tenant.id), owner_key: { id: key.id, secret: key.secret } };
  });
}

export async function setDisabled(db: Db, actor: string, id: string, disabled: boolean, now: Date): Promise<TenantAdminRow> {
  return db.tx(async (q) => {
    const t = await setTenantDisabled(q, id, disabled, now);
    await appendAudit(q, { tenantId: id, actor, action: disabled ? 'tenant.disable' : 'tenant.enable', targetType: 'tenant', targetId: id, at: now });
    return t;
  });
}
