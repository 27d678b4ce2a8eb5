import type { Sql } from '../../db/index.js';
import { AppError, notFound } from '../../errors.js';
import { newId } from '../../ids.js';
import { resolveNames } from '../../platform/names.js';
import { checkConditions, type Group } from './conditions.js';
import { countConditions, membersMatching } from './service.js';

/** Segments 人群 as the brand's staff manage them: named conditions, each shown with how many members are in it now. */

export interface SegmentRow {
  id: string;
  name: string;
  description: string;
  conditions: Group;
  created_at: Date;
  updated_at: Date;
}
const COLS = 'id, name, description, conditions, created_at, updated_at';

export async function getSegment(q: Sql, tenantId: string, id: string): Promise<SegmentRow> {
  const r = await q.query<SegmentRow>(`SELECT ${COLS} FROM segments WHERE tenant_id = $1 AND id = $2 AND deleted_at IS NULL`, [tenantId, id]);
  if (!r.rows[0]) throw notFound('segment');
  return r.rows[0];
}

export async function listSegments(q: Sql, tenantId: string, page: { before: string | null; limit: number }): Promise<SegmentRow[]> {
  const r = await q.query<SegmentRow>(
    `SELECT ${COLS} FROM segments WHERE tenant_id = $1 AND deleted_at IS NULL AND ($2::text IS NULL OR id < $2) ORDER BY id DESC LIMIT $3`,
    [tenantId, page.before, page.limit],
  );
  return r.rows;
}

/** Each segment with its live count (one count statement a segment: a page is at most 200). */
export async function segmentViews(q: Sql, tenantId: string, rows: SegmentRow[]) {
  const out = [];
  for (const s of rows)
    out.push({
      id: s.id,
      name: s.name,
      description: s.description,
      conditions: s.conditions,
      members: await countConditions(q, tenantId, s.conditions),
      created_at: s.created_at.toISOString(),
      updated_at: s.updated_at.toISOString(),
    });
  return out;
}

const taken = (name: string) =>
  new AppError(409, 'SEGMENT_NAME_TAKEN', `name: a segment is already called "${name}"`, { name, errors: [{ field: 'name', reason: 'taken' }] });

async function nameFree(q: Sql, tenantId: string, name: string, except: string | null) {
  const r = await q.query("SELECT 1 FROM segments WHERE tenant_id = $1 AND name = $2 AND deleted_at IS NULL AND id <> coalesce($3, '')", [
    tenantId,
    name,
    except,
  ]);
  if (r.rows.length) throw taken(name);
}

const trimmed = (name: string) => {
  const n = name.trim();
  if (!n) throw new AppError(422, 'VALIDATION_FAILED', 'name: empty', { errors: [{ field: 'name', reason: 'required' }] });
  return n;
};

export async function createSegment(q: Sql, tenantId: string, input: { name: string; description?: string; conditions: unknown }, now: Date) {
  const name = trimmed(input.name);
  const conditions = await checkConditions(q, tenantId, input.conditions);
  await nameFree(q, tenantId, name, null);
  const r = await q.query<SegmentRow>(
    `INSERT INTO segments (tenant_id, id, name, description, conditions, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)
     ON CONFLICT (tenant_id, name) WHERE deleted_at IS NULL DO NOTHING RETURNING ${COLS}`,
    [tenantId, newId('seg'), name, input.description ?? '', JSON.stringify(conditions), now],
  );
  if (!r.rows[0]) throw taken(name);
  return r.rows[0];
}

export async function updateSegment(
  q: Sql,
  tenantId: string,
  id: string,
  patch: { name?: string; description?: string; conditions?: unknown },
  now: Date,
): Promise<SegmentRow> {
  const cur = await getSegment(q, tenantId, id);
  const name = patch.name === undefined ? cur.name : trimmed(patch.name);
  const conditions = patch.conditions === undefined ? cur.conditions : await checkConditions(q, tenantId, patch.conditions);
  if (name !== cur.name) await nameFree(q, tenantId, name, id);
  try {
    const r = await q.query<SegmentRow>(
      `UPDATE segments SET name = $3, description = $4, conditions = $5, updated_at = $6
        WHERE tenant_id = $1 AND id = $2 AND deleted_at IS NULL RETURNING ${COLS}`,
      [tenantId, id, name, patch.description ?? cur.description, JSON.stringify(conditions), now],
    );
    if (!r.rows[0]) throw notFound('segment');
    return r.rows[0];
  } catch (e) {
    if ((e as { code?: string }).code === '23505') throw taken(name);
    throw e;
  }
}

/** Deleted: gone from lists and reads; an audience naming it has nobody in it from now on (inSegment answers false). */
export async function deleteSegment(q: Sql, tenantId: string, id: string, now: Date) {
  const r = await q.query<{ id: string; name: string }>(
    'UPDATE segments SET deleted_at = $3 WHERE tenant_id = $1 AND id = $2 AND deleted_at IS NULL RETURNING id, name',
    [tenantId, id, now],
  );
  if (!r.rows[0]) throw notFound('segment');
  return { id: r.rows[0].id, name: r.rows[0].name, deleted: true };
}

/** Members by name, in the order given. */
export async function memberRefs(q: Sql, tenantId: string, ids: string[]) {
  const names = await resolveNames(q, tenantId, ids);
  return ids.map((id) => ({ member_id: id, name: names.get(id) ?? null }));
}

/** What conditions not yet saved would give: the count now and the first 20 members by name. */
export async function previewConditions(q: Sql, tenantId: string, conditions: unknown) {
  const c = await checkConditions(q, tenantId, conditions);
  const count = await countConditions(q, tenantId, c);
  const ids = count ? await membersMatching(q, tenantId, c, { limit: 20 }) : [];
  return { count, members: await memberRefs(q, tenantId, ids) };
}
