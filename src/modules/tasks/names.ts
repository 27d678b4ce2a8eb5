import type { Sql } from '../../db/index.js';
import { templateNames } from '../templates/names.js';
import { packNames } from '../packs/service.js';
import type { Reward } from '../rewards/schemas.js';

/** Beside each reward, the name of what it gives (a template's or a pack's; null for points). */
export async function rewardsNames(q: Sql, tenantId: string, lists: Reward[][]): Promise<(r: Reward[]) => (string | null)[]> {
  const all = lists.flat();
  const tpl = await templateNames(q, tenantId, [...new Set(all.flatMap((r) => (r.type === 'card' ? [r.template_id] : [])))]);
  const packIds = [...new Set(all.flatMap((r) => (r.type === 'pack' ? [r.pack_id] : [])))];
  const packs = packIds.length ? await packNames(q, tenantId, packIds) : new Map<string, string>();
  return (rs) => rs.map((r) => (r.type === 'card' ? (tpl.get(r.template_id) ?? null) : r.type === 'pack' ? (packs.get(r.pack_id) ?? null) : null));
}
