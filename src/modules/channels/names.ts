import type { Sql } from '../../db/index.js';
import { nameResolvers } from '../../platform/names.js';

async function channelNames(q: Sql, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  const r = await q.query<{ id: string; name: string }>('SELECT id, name FROM channels WHERE tenant_id = $1 AND id = ANY($2::text[])', [tenantId, ids]);
  return new Map(r.rows.map((c) => [c.id, c.name]));
}

export const channelNameResolver = nameResolvers.with({ prefixes: ['chn_'], names: channelNames });
