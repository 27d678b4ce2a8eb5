import type { Sql } from '../../db/index.js';
import { nameResolvers } from '../../platform/names.js';

/** Stores by their names (for rules read by wallets and clerks, traces, the audit log). */
export async function storeNames(q: Sql, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const r = await q.query<{ id: string; name: string }>('SELECT id, name FROM stores WHERE tenant_id = $1 AND id = ANY($2::text[])', [tenantId, ids]);
  return new Map(r.rows.map((s) => [s.id, s.name]));
}

export const storeNameResolver = nameResolvers.with({ prefixes: ['sto_'], names: storeNames });

/** The names of the stores a rule allows (by id, or by tag), by name, at most `limit`: for a refusal that names them. */
export async function allowedStoreNames(q: Sql, tenantId: string, ids: string[] | undefined, tags: string[] | undefined, limit = 100): Promise<string[]> {
  if (!ids?.length && !tags?.length) return [];
  const r = await q.query<{ name: string }>(
    `SELECT name FROM stores WHERE tenant_id = $1 AND (id = ANY($2::text[]) OR tags && $3::text[]) ORDER BY name, id LIMIT $4`,
    [tenantId, ids ?? [], tags ?? [], limit],
  );
  return r.rows.map((x) => x.name);
}
