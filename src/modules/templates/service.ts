import type { Sql } from '../../db/index.js';
import { AppError, notFound } from '../../errors.js';
import { newId } from '../../ids.js';
import { keyset, type Sorts } from '../../http/pagination.js';
import { assertStoresExist } from '../stores/service.js';
import { STAMP_REWARD_KINDS, type Kind, type TemplateInput, type TemplateRow, type Value, type Validity, type Rules } from './schemas.js';
import { validateTemplate } from './validate.js';

const COLS = 'id, kind, name, description, status, value, validity, rules, version, created_at, updated_at';

async function checkReferences(q: Sql, tenantId: string, kind: Kind, value: Value, rules: Rules, selfId?: string) {
  if (rules.store_ids) await assertStoresExist(q, tenantId, rules.store_ids);
  if (kind === 'stamp') {
    const r = await q.query<{ kind: Kind }>('SELECT kind FROM templates WHERE tenant_id = $1 AND id = $2', [tenantId, value.reward_template_id]);
    if (!r.rows[0] || value.reward_template_id === selfId)
      throw new AppError(422, 'TEMPLATE_INVALID', 'value.reward_template_id: no such template', {
        errors: [{ field: 'value.reward_template_id', reason: 'not found' }],
      });
    const kind = r.rows[0].kind;
    if (!STAMP_REWARD_KINDS.includes(kind))
      throw new AppError(
        422,
        'TEMPLATE_INVALID',
        `value.reward_template_id: a stamp card rewards a ${STAMP_REWARD_KINDS.join(', ')} template, not a ${kind} one (money, stamps or supplier codes are no reward a stamp card can mint)`,
        { errors: [{ field: 'value.reward_template_id', reason: `a ${kind} template cannot be a stamp reward` }] },
      );
  }
}

export async function createTemplate(q: Sql, tenantId: string, input: TemplateInput, now: Date): Promise<TemplateRow> {
  const rules = input.rules ?? {};
  validateTemplate(input.kind, input.value, input.validity, rules, now);
  await checkReferences(q, tenantId, input.kind, input.value, rules);
  const r = await q.query<TemplateRow>(
    `INSERT INTO templates (tenant_id, id, kind, name, description, value, validity, rules, created_at, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$9) RETURNING ${COLS}`,
    [
      tenantId,
      newId('tpl'),
      input.kind,
      input.name,
      input.description ?? null,
      JSON.stringify(input.value),
      JSON.stringify(input.validity),
      JSON.stringify(rules),
      now,
    ],
  );
  return r.rows[0];
}

/**
 * Name, description, rules and status may change at any time (rules apply to cards already out).
 * What a card holds (value) and how long it lives (validity) are fixed once a batch exists.
 */
export async function updateTemplate(
  q: Sql,
  tenantId: string,
  id: string,
  patch: { name?: string; description?: string | null; value?: Value; validity?: Validity; rules?: Rules; status?: 'active' | 'archived' },
  now: Date,
): Promise<TemplateRow> {
  const cur = await getTemplate(q, tenantId, id, { forUpdate: true });
  if (patch.value || patch.validity) {
    const used = await q.query('SELECT 1 FROM batches WHERE tenant_id = $1 AND template_id = $2 LIMIT 1', [tenantId, id]);
    if (used.rowCount) throw new AppError(409, 'TEMPLATE_IN_USE', 'value and validity are fixed once a batch of this template exists; create a new template');
  }
  // only these keys may change; kind, id and version never do, whatever a caller passes in
  const allowed = { name: patch.name, description: patch.description, value: patch.value, validity: patch.validity, rules: patch.rules, status: patch.status };
  const next = { ...cur, ...Object.fromEntries(Object.entries(allowed).filter(([, v]) => v !== undefined)) } as TemplateRow;
  validateTemplate(next.kind, next.value, next.validity, next.rules, patch.validity ? now : new Date(0));
  await checkReferences(q, tenantId, next.kind, next.value, next.rules, id);
  const r = await q.query<TemplateRow>(
    `UPDATE templates SET name=$3, description=$4, value=$5, validity=$6, rules=$7, status=$8, version = version + 1, updated_at = $9
     WHERE tenant_id = $1 AND id = $2 RETURNING ${COLS}`,
    [tenantId, id, next.name, next.description, JSON.stringify(next.value), JSON.stringify(next.validity), JSON.stringify(next.rules), next.status, now],
  );
  return r.rows[0];
}

/** How far a template is out in the world: its batches and the cards they issued (the batches' own counters). */
export async function templateUsage(q: Sql, tenantId: string, id: string): Promise<{ batches: number; cards_issued: number }> {
  const r = await q.query<{ batches: number; issued: number }>(
    'SELECT count(*)::int AS batches, coalesce(sum(issued), 0)::int8 AS issued FROM batches WHERE tenant_id = $1 AND template_id = $2',
    [tenantId, id],
  );
  return { batches: Number(r.rows[0]?.batches ?? 0), cards_issued: Number(r.rows[0]?.issued ?? 0) };
}

export async function getTemplate(q: Sql, tenantId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<TemplateRow> {
  const r = await q.query<TemplateRow>(`SELECT ${COLS} FROM templates WHERE tenant_id = $1 AND id = $2${opts.forUpdate ? ' FOR UPDATE' : ''}`, [tenantId, id]);
  if (!r.rows[0]) throw notFound('template');
  return r.rows[0];
}

/** What the template list sorts by (a tenant has hundreds of templates, not millions: no index needed). */
export const TEMPLATE_SORTS = { created_at: null, name: { sql: 'name', type: 'text' }, updated_at: { sql: 'updated_at', type: 'timestamptz' } } satisfies Sorts;

export async function listTemplates(
  q: Sql,
  tenantId: string,
  opts: { limit: number; cursor?: string; kind?: string; status?: string; q?: string; sort?: string },
) {
  const page = keyset(TEMPLATE_SORTS, opts.sort, opts.cursor);
  const params: unknown[] = [tenantId, opts.kind ?? null, opts.status ?? null, opts.q ?? null];
  const r = await q.query<TemplateRow>(
    `SELECT ${COLS}${page.select} FROM templates WHERE tenant_id = $1 AND ($2::text IS NULL OR kind = $2)
       AND ($3::text IS NULL OR status = $3) AND ($4::text IS NULL OR name ILIKE '%' || $4 || '%') AND ${page.after(params)}
     ORDER BY ${page.orderBy} LIMIT ${page.limit(params, opts.limit)}`,
    params,
  );
  return page.page(r.rows, opts.limit);
}
