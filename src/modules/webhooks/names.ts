import type { Sql } from '../../db/index.js';
import { nameResolvers } from '../../platform/names.js';

/** An endpoint is known by its address. */
async function endpointNames(q: Sql, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  const r = await q.query<{ id: string; url: string }>('SELECT id, url FROM webhook_endpoints WHERE tenant_id = $1 AND id = ANY($2::text[])', [tenantId, ids]);
  return new Map(r.rows.map((e) => [e.id, e.url]));
}

export const endpointNameResolver = nameResolvers.with({ prefixes: ['whe_'], names: endpointNames });
