import type { Sql } from '../../db/index.js';
import { AppError, invalid } from '../../errors.js';
import { newId } from '../../ids.js';
import { refusal } from '../../platform/problems/refusal.js';
import { checkDefinition, PACK_COLS, type PackDefinition, type PackRow } from './model.js';

/**
 * Making packs: a draft is edited freely; publishing makes it live and fixes what it gives and its
 * odds; a change after that is a new version (a new draft linked to this one), and publishing that
 * retires this one. Every function runs in the caller's transaction.
 */
export const packNotFound = (field = 'id') => new AppError(404, 'PACK_NOT_FOUND', `${field}: pack not found`, { errors: [{ field, reason: 'not found' }] });

export async function getPackRow(q: Sql, tenantId: string, id: string, opts: { forUpdate?: boolean; field?: string } = {}): Promise<PackRow> {
  const r = await q.query<PackRow>(`SELECT ${PACK_COLS} FROM packs WHERE tenant_id = $1 AND id = $2${opts.forUpdate ? ' FOR UPDATE' : ''}`, [tenantId, id]);
  if (!r.rows[0]) throw packNotFound(opts.field);
  return r.rows[0];
}

/** The items and prizes of a definition, written under a pack that has none yet. */
async function writeContents(q: Sql, tenantId: string, packId: string, d: PackDefinition): Promise<void> {
  let seq = 0;
  const items: [string | null, string, number][] = (d.items ?? []).map((i) => [null, i.template_id, i.quantity]);
  for (const [n, p] of (d.prizes ?? []).entries()) {
    const prizeId = newId('ppz');
    await q.query('INSERT INTO pack_prizes (tenant_id, id, pack_id, seq, name, odds_bp, stock, top) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
      tenantId,
      prizeId,
      packId,
      n,
      p.name.trim(),
      p.odds_bp,
      p.stock,
      !!p.top,
    ]);
    for (const i of p.items) items.push([prizeId, i.template_id, i.quantity]);
  }
  for (const [prizeId, templateId, quantity] of items)
    await q.query('INSERT INTO pack_items (tenant_id, pack_id, prize_id, seq, template_id, quantity) VALUES ($1, $2, $3, $4, $5, $6)', [
      tenantId,
      packId,
      prizeId,
      seq++,
      templateId,
      quantity,
    ]);
}

export async function createPack(q: Sql, tenantId: string, d: PackDefinition, at: Date, previous?: PackRow): Promise<string> {
  await checkDefinition(q, tenantId, d);
  const id = newId('pck');
  await q.query(
    `INSERT INTO packs (tenant_id, id, name, description, kind, status, version, previous_id, guarantee_after, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, 'draft', $6, $7, $8, $9, $9)`,
    [tenantId, id, d.name.trim(), d.description ?? null, d.kind, previous ? previous.version + 1 : 1, previous?.id ?? null, d.guarantee_after ?? null, at],
  );
  await writeContents(q, tenantId, id, d);
  return id;
}

/** The definition a pack was made with (to edit a draft, or to start a new version from). */
export async function definitionOf(q: Sql, tenantId: string, p: PackRow): Promise<PackDefinition> {
  const items = (
    await q.query<{ prize_id: string | null; template_id: string; quantity: number }>(
      'SELECT prize_id, template_id, quantity FROM pack_items WHERE tenant_id = $1 AND pack_id = $2 ORDER BY seq',
      [tenantId, p.id],
    )
  ).rows;
  const prizes = (
    await q.query<{ id: string; name: string; odds_bp: number; stock: number | null; top: boolean }>(
      'SELECT id, name, odds_bp, stock, top FROM pack_prizes WHERE tenant_id = $1 AND pack_id = $2 ORDER BY seq',
      [tenantId, p.id],
    )
  ).rows;
  const itemsOf = (prizeId: string | null) => items.filter((i) => i.prize_id === prizeId).map((i) => ({ template_id: i.template_id, quantity: i.quantity }));
  return {
    name: p.name,
    description: p.description,
    kind: p.kind,
    guarantee_after: p.guarantee_after,
    ...(p.kind === 'fixed'
      ? { items: itemsOf(null) }
      : { prizes: prizes.map((z) => ({ name: z.name, odds_bp: z.odds_bp, stock: z.stock, top: z.top, items: itemsOf(z.id) })) }),
  };
}

const CONTENTS = ['kind', 'items', 'prizes', 'guarantee_after'] as const;

/** A draft takes any change; a live or retired pack only a new name or description (its contents and odds are fixed). */
export async function updatePack(q: Sql, tenantId: string, id: string, patch: Partial<PackDefinition>, at: Date): Promise<void> {
  const p = await getPackRow(q, tenantId, id, { forUpdate: true });
  const touches = CONTENTS.filter((k) => patch[k] !== undefined);
  if (p.status !== 'draft' && touches.length)
    throw refusal(
      'PACK_LOCKED',
      `${touches[0]}: a ${p.status} pack's contents and odds are fixed; make a new version`,
      { state: p.status },
      {
        errors: [{ field: touches[0], reason: 'fixed once published' }],
      },
    );
  if (!touches.length) {
    if (patch.name !== undefined && !patch.name.trim()) throw invalid('name', 'must not be blank');
    await q.query(
      'UPDATE packs SET name = coalesce($3, name), description = CASE WHEN $5 THEN $4 ELSE description END, updated_at = $6 WHERE tenant_id = $1 AND id = $2',
      [tenantId, id, patch.name?.trim() ?? null, patch.description ?? null, patch.description !== undefined, at],
    );
    return;
  }
  const cur = await definitionOf(q, tenantId, p);
  const next: PackDefinition = { ...cur, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
  // a kind change drops the other kind's contents unless given anew
  if (patch.kind === 'fixed' && patch.prizes === undefined) delete next.prizes;
  if (patch.kind === 'random' && patch.items === undefined) delete next.items;
  if (next.kind === 'fixed' && patch.guarantee_after === undefined) next.guarantee_after = null;
  await checkDefinition(q, tenantId, next);
  await q.query('DELETE FROM pack_items WHERE tenant_id = $1 AND pack_id = $2', [tenantId, id]);
  await q.query('DELETE FROM pack_prizes WHERE tenant_id = $1 AND pack_id = $2', [tenantId, id]);
  await q.query('UPDATE packs SET name = $3, description = $4, kind = $5, guarantee_after = $6, updated_at = $7 WHERE tenant_id = $1 AND id = $2', [
    tenantId,
    id,
    next.name.trim(),
    next.description ?? null,
    next.kind,
    next.guarantee_after ?? null,
    at,
  ]);
  await writeContents(q, tenantId, id, next);
}

/** Publish 发布: the draft goes live (its contents and odds fixed); the version it replaces is retired. */
export async function publishPack(q: Sql, tenantId: string, id: string, at: Date): Promise<void> {
  const p = await getPackRow(q, tenantId, id, { forUpdate: true });
  if (p.status !== 'draft') throw refusal('PACK_LOCKED', `this pack is already ${p.status}`, { state: p.status });
  // the templates may have been archived since the draft was written
  await checkDefinition(q, tenantId, await definitionOf(q, tenantId, p));
  if (p.kind === 'random') {
    const r = await q.query('SELECT 1 FROM pack_prizes WHERE tenant_id = $1 AND pack_id = $2 AND (stock IS NULL OR stock > 0) LIMIT 1', [tenantId, id]);
    if (!r.rowCount)
      throw refusal('PACK_SOLD_OUT', 'every prize has stock 0: nothing could ever be drawn', {}, { errors: [{ field: 'prizes', reason: 'no stock' }] });
  }
  await q.query(`UPDATE packs SET status = 'live', published_at = $3, updated_at = $3 WHERE tenant_id = $1 AND id = $2`, [tenantId, id, at]);
  if (p.previous_id)
    await q.query(
      `UPDATE packs SET status = 'retired', retired_at = coalesce(retired_at, $3), replaced_by = coalesce(replaced_by, $4), updated_at = $3
       WHERE tenant_id = $1 AND id = $2`,
      [tenantId, p.previous_id, at, id],
    );
}

/** Retire 停用: a live pack is granted no more (its grants and draws stay readable). */
export async function retirePack(q: Sql, tenantId: string, id: string, at: Date): Promise<void> {
  const p = await getPackRow(q, tenantId, id, { forUpdate: true });
  if (p.status !== 'live') throw refusal('PACK_NOT_LIVE', `this pack is ${p.status}`, { state: p.status });
  await q.query(`UPDATE packs SET status = 'retired', retired_at = $3, updated_at = $3 WHERE tenant_id = $1 AND id = $2`, [tenantId, id, at]);
}

/** New version 新版本: a draft copying this pack's definition, with the changes given; publishing it retires this one. */
export async function newVersion(q: Sql, tenantId: string, id: string, patch: Partial<PackDefinition>, at: Date): Promise<string> {
  const p = await getPackRow(q, tenantId, id, { forUpdate: true });
  if (p.status === 'draft') throw refusal('PACK_NOT_LIVE', 'a draft is edited, not versioned', { state: p.status });
  const cur = await definitionOf(q, tenantId, p);
  const next: PackDefinition = { ...cur, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
  if (patch.kind === 'fixed' && patch.prizes === undefined) delete next.prizes;
  if (patch.kind === 'random' && patch.items === undefined) delete next.items;
  if (next.kind === 'fixed' && patch.guarantee_after === undefined) next.guarantee_after = null;
  return createPack(q, tenantId, next, at, p);
}
