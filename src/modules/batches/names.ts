import type { Sql } from '../../db/index.js';
import { nameResolvers } from '../../platform/names.js';

async function batchNames(q: Sql, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  const r = await q.query<{ id: string; name: string }>('SELECT id, name FROM batches WHERE tenant_id = $1 AND id = ANY($2::text[])', [tenantId, ids]);
  return new Map(r.rows.map((b) => [b.id, b.name]));
}

export const batchNameResolver = nameResolvers.with({ prefixes: ['bat_'], names: batchNames });
