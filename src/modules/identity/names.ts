import type { Sql } from '../../db/index.js';
import { nameResolvers } from '../../platform/names.js';

/**
 * Who acted: an operator (by id, as events carry it, or as `operator:<username>`, as audit entries
 * do) by display name, else username; an API key by the name it was given.
 */
async function operatorNames(q: Sql, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  const byUser = ids.filter((i) => i.startsWith('operator:')).map((i) => i.slice('operator:'.length));
  const r = await q.query<{ id: string; username: string; display_name: string | null }>(
    'SELECT id, username, display_name FROM operators WHERE tenant_id = $1 AND (id = ANY($2::text[]) OR username = ANY($3::text[]))',
    [tenantId, ids, byUser],
  );
  const out = new Map<string, string>();
  for (const o of r.rows) {
    const name = o.display_name || o.username;
    out.set(o.id, name).set(`operator:${o.username}`, name);
  }
  return out;
}

async function keyNames(q: Sql, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  const r = await q.query<{ id: string; name: string }>('SELECT id, name FROM api_keys WHERE tenant_id = $1 AND id = ANY($2::text[])', [tenantId, ids]);
  return new Map(r.rows.map((k) => [k.id, k.name]));
}

export const operatorNameResolver = nameResolvers.with({ prefixes: ['opr_', 'operator:'], names: operatorNames });
export const keyNameResolver = nameResolvers.with({ prefixes: ['key_'], names: keyNames });
