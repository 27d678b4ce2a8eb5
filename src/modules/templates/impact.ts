import type { Sql } from '../../db/index.js';
import { getTemplate, templateUsage } from './service.js';
import type { Rules, TemplateRow, Validity, Value } from './schemas.js';

/**
 * What a change to a template would do to the cards already out, before it is saved (updateTemplate's
 * rules, said in advance): name, description and the redemption rules apply to every card issued
 * from the template from the moment it is saved (a card reads its template's current version when
 * it is redeemed); the per-member limit, bind-within hours and archiving apply to cards issued from
 * then on; value and validity are fixed once a batch exists (409 TEMPLATE_IN_USE) and otherwise
 * apply to the cards issued after the change.
 */
export type Effect = 'issued_cards' | 'new_cards' | 'refused';
export interface Change {
  /** name, description, value, validity, status, or rules.<key> */
  field: string;
  effect: Effect;
}

const NEW_CARDS_ONLY = new Set(['per_member_limit', 'bind_within_hours']);
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function describeChange(
  cur: TemplateRow,
  patch: { name?: string; description?: string | null; value?: Value; validity?: Validity; rules?: Rules; status?: 'active' | 'archived' },
  batches: number,
): Change[] {
  const out: Change[] = [];
  if (patch.name !== undefined && patch.name !== cur.name) out.push({ field: 'name', effect: 'issued_cards' });
  if (patch.description !== undefined && (patch.description ?? null) !== (cur.description ?? null)) out.push({ field: 'description', effect: 'issued_cards' });
  for (const f of ['value', 'validity'] as const)
    if (patch[f] !== undefined && !same(patch[f], cur[f])) out.push({ field: f, effect: batches ? 'refused' : 'new_cards' });
  if (patch.rules !== undefined) {
    const keys = new Set([...Object.keys(cur.rules), ...Object.keys(patch.rules)]) as Set<keyof Rules>;
    for (const k of [...keys].sort())
      if (!same(cur.rules[k], patch.rules[k])) out.push({ field: `rules.${k}`, effect: NEW_CARDS_ONLY.has(k) ? 'new_cards' : 'issued_cards' });
  }
  if (patch.status !== undefined && patch.status !== cur.status) out.push({ field: 'status', effect: 'new_cards' });
  return out;
}

export async function changeImpact(q: Sql, tenantId: string, id: string, patch: Parameters<typeof describeChange>[1]) {
  const cur = await getTemplate(q, tenantId, id);
  const usage = await templateUsage(q, tenantId, id);
  return { ...usage, changes: describeChange(cur, patch, usage.batches) };
}
