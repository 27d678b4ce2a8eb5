import type { Sql } from '../../db/index.js';
import { nameResolvers } from '../../platform/names.js';
import { storeNames } from '../stores/names.js';
import type { Kind, Rules } from './schemas.js';

/** The name and kind of each of these templates, for lists that show a row's card by name. */
export async function templateNamesOf(q: Sql, tenantId: string, ids: string[]): Promise<Map<string, { name: string; kind: Kind }>> {
  if (!ids.length) return new Map();
  const r = await q.query<{ id: string; name: string; kind: Kind }>('SELECT id, name, kind FROM templates WHERE tenant_id = $1 AND id = ANY($2::text[])', [
    tenantId,
    [...new Set(ids)],
  ]);
  return new Map(r.rows.map((t) => [t.id, { name: t.name, kind: t.kind }]));
}

export async function templateNames(q: Sql, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  return new Map([...(await templateNamesOf(q, tenantId, ids))].map(([id, t]) => [id, t.name]));
}

export const templateNameResolver = nameResolvers.with({ prefixes: ['tpl_'], names: templateNames });

/**
 * A template's rules as people read them: `store_names` beside `store_ids`, in the same order, so a
 * wallet or a clerk (who may list no stores, or only their own) reads "限指定门店：南京西路店", not ids.
 * A store since deleted keeps its id in that place.
 */
export async function namedRules<T extends { rules: Rules }>(
  q: Sql,
  tenantId: string,
  templates: T[],
): Promise<(T & { rules: Rules & { store_names?: string[] } })[]> {
  const ids = [...new Set(templates.flatMap((t) => t.rules.store_ids ?? []))];
  if (!ids.length) return templates;
  const names = await storeNames(q, tenantId, ids);
  return templates.map((t) => (t.rules.store_ids ? { ...t, rules: { ...t.rules, store_names: t.rules.store_ids.map((id) => names.get(id) ?? id) } } : t));
}
