import type { Sql } from '../../db/index.js';
import { nameResolvers } from '../../platform/names.js';

/** A member as people know them: their name, else their CRM number, else their phone's last four digits. */
export async function memberNames(q: Sql, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const r = await q.query<{ id: string; name: string | null; external_id: string | null; phone_last4: string | null }>(
    'SELECT id, name, external_id, phone_last4 FROM members WHERE tenant_id = $1 AND id = ANY($2::text[])',
    [tenantId, ids],
  );
  const out = new Map<string, string>();
  for (const m of r.rows) {
    const name = m.name || m.external_id || (m.phone_last4 ? `•••• ${m.phone_last4}` : null);
    if (name) out.set(m.id, name);
  }
  return out;
}

/**
 * The names of these members, and nothing else of them: what a redemption list shows of its members
 * (a clerk reads who redeemed at its store, never the member's profile).
 */
export async function memberNamesOf(q: Sql, tenantId: string, ids: string[]): Promise<Map<string, string | null>> {
  if (!ids.length) return new Map();
  const r = await q.query<{ id: string; name: string | null }>('SELECT id, name FROM members WHERE tenant_id = $1 AND id = ANY($2::text[])', [
    tenantId,
    [...new Set(ids)],
  ]);
  return new Map(r.rows.map((m) => [m.id, m.name]));
}

export const memberNameResolver = nameResolvers.with({ prefixes: ['mem_'], names: memberNames });
