import type { Db, Sql } from '../../db/index.js';
import { AppError, invalid, notFound } from '../../errors.js';
import { newId } from '../../ids.js';
import type { Role } from '../../http/access.js';
import { assertStoresExist } from '../stores/service.js';
import { channelExists } from '../channels/service.js';
import { createTenant, tenantExists } from '../tenants/service.js';
import { hashApiKey, newApiKeySecret } from './auth.js';

/** API keys 接口密钥: per tenant, with a role (and stores or a channel); only the SHA-256 of the secret is kept. */
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
    throw invalid('store_ids', 'only clerk keys are bound to stores');
  }
  if (input.role === 'channel') {
    if (!input.channel_id)
      throw new AppError(422, 'VALIDATION_FAILED', 'channel_id: a channel key is bound to one channel', {
        errors: [{ field: 'channel_id', reason: 'required for role channel' }],
      });
    if (!(await channelExists(q, tenantId, input.channel_id))) throw notFound('channel');
  } else if (input.channel_id) {
    throw invalid('channel_id', 'only channel keys are bound to a channel');
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

/** The bootstrap path: a tenant and its owner key, known by value when KAQUAN_BOOTSTRAP_KEY is set. */
export async function ensureTenantWithOwner(db: Db, tenantId: string, name: string, ownerSecret: string) {
  return db.tx(async (q) => {
    const exists = await tenantExists(q, tenantId);
    if (!exists) await createTenant(q, { id: tenantId, name });
    const k = await q.query('SELECT 1 FROM api_keys WHERE key_hash = $1', [hashApiKey(ownerSecret)]);
    if (!k.rowCount) await createApiKey(q, tenantId, { name: 'owner (bootstrap)', role: 'owner', secret: ownerSecret });
    return { created: !exists };
  });
}
