import type { Sql } from '../db/index.js';
import { extensionPoint } from './extensions.js';

/**
 * Names 名称 for the ids people would otherwise read (sto_…, mem_…, opr_…): each module that owns a
 * kind of record names its own, from its own tables, by plugging a resolver in here
 * (`extend: [nameResolvers.with({ prefixes: ['sto_'], names })]`). A read model that shows a person ids
 * it does not own (the audit log, a card's trace, the card list) asks `resolveNames` once for all of
 * them: one query per kind of record, never one per row, and no module reads another's tables.
 *
 * A name is what a person recognises (a store's name, a member's name, an operator's display name,
 * a card's template name and code tail), in no language of its own. An id nobody names stays unnamed:
 * the screens show it as a copyable id.
 */
export interface NameResolver {
  /** the id prefixes it names, e.g. `sto_`; an actor string such as `operator:<username>` is one too */
  prefixes: string[];
  names(q: Sql, tenantId: string, ids: string[]): Promise<Map<string, string>>;
}

export const nameResolvers = extensionPoint<NameResolver>('names');

/** The names of these ids (nulls, repeats and ids nobody names are left out). */
export async function resolveNames(q: Sql, tenantId: string, ids: Iterable<string | null | undefined>): Promise<Map<string, string>> {
  const wanted = new Map<NameResolver, Set<string>>();
  for (const id of ids) {
    if (!id) continue;
    const r = nameResolvers.list().find((x) => x.prefixes.some((p) => id.startsWith(p)));
    if (r) wanted.set(r, (wanted.get(r) ?? new Set()).add(id));
  }
  const out = new Map<string, string>();
  for (const [r, set] of wanted) for (const [id, name] of await r.names(q, tenantId, [...set])) out.set(id, name);
  return out;
}

/**
 * Who acted, as the id the name resolvers know: events carry the key id (`key_…`, `opr_…` for an
 * operator's session, `wallet:mem_…` for a member's wallet); audit entries carry `key:<key id>`,
 * `operator:<username>` or `member:<member id>`.
 */
export function actorRef(actor: string | null | undefined): string | null {
  if (!actor) return null;
  const m = /^(?:key|member|wallet):(.+)$/.exec(actor);
  return m ? m[1]! : actor;
}

/** Ids inside a record's data (an audit entry's request summary): every string that looks like one of ours. */
export function idsIn(v: unknown, out: Set<string> = new Set(), depth = 0): Set<string> {
  if (typeof v === 'string') {
    if (/^[a-z]{2,5}_[0-9a-z]{26}$/.test(v)) out.add(v);
  } else if (v && typeof v === 'object' && depth < 6) {
    for (const x of Array.isArray(v) ? v : Object.values(v)) idsIn(x, out, depth + 1);
  }
  return out;
}

/** `{ id: name }` for an answer's `names`: what the screens look ids up in. */
export const namesObject = (m: Map<string, string>): Record<string, string> => Object.fromEntries(m);
