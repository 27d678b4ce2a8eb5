import type { Sql } from '../../db/index.js';
import { nameResolvers, resolveNames } from '../../platform/names.js';
import { allowedActions, type Caller } from '../../http/access.js';
import { templateNames } from '../templates/names.js';

/** A card as people recognise it: its template's name and the last four characters of its code. */
export async function cardNames(q: Sql, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const r = await q.query<{ id: string; template_id: string; code_tail: string }>(
    'SELECT id, template_id, code_tail FROM cards WHERE tenant_id = $1 AND id = ANY($2::text[])',
    [tenantId, ids],
  );
  const tpl = await templateNames(q, tenantId, [...new Set(r.rows.map((c) => c.template_id))]);
  return new Map(r.rows.map((c) => [c.id, `${tpl.get(c.template_id) ?? ''} •••• ${c.code_tail}`.trim()]));
}

export const cardNameResolver = nameResolvers.with({ prefixes: ['card_'], names: cardNames });

/**
 * A page of cards with each card's member by name (one look-up for the page): lists show people, not
 * mem_ ids. Only for a caller who may read members (a clerk may not: `members.read`).
 */
export async function withMemberNames<T extends { member_id: string | null }>(
  q: Sql,
  caller: Caller,
  cards: T[],
): Promise<(T & { member_name: string | null })[]> {
  const mayRead = allowedActions(caller).includes('members.read');
  const names = await resolveNames(q, caller.tenantId, mayRead ? cards.map((c) => c.member_id) : []);
  return cards.map((c) => ({ ...c, member_name: c.member_id ? (names.get(c.member_id) ?? null) : null }));
}
