import type { Sql } from '../../db/index.js';
import { emit } from '../../platform/events.js';
import { AppError, notFound } from '../../errors.js';
import { newId } from '../../ids.js';
import { ALPHABETS, minLength, type CodeFormat } from '../codes/codes.js';
import { keyset, type Sorts } from '../../http/pagination.js';
import { enqueue } from '../../platform/jobs.js';
import { getTemplate } from '../templates/service.js';
import { refusal } from '../../platform/problems/refusal.js';

export type BatchMode = 'pregenerated' | 'on_issue' | 'imported';
export interface BatchRow {
  id: string;
  template_id: string;
  name: string;
  mode: BatchMode;
  quantity: number | null;
  stock: number | null;
  issued: number;
  /** on-issue stock held for issues waiting for review 人工审核 (issued + held ≤ stock) */
  held: number;
  generated: number;
  code_format: CodeFormat;
  status: 'generating' | 'paused' | 'ready' | 'failed';
  error: string | null;
  created_at: Date;
  updated_at: Date;
}
const COLS = 'id, template_id, name, mode, quantity, stock, issued, held, generated, code_format, status, error, created_at, updated_at';

export const MAX_QUANTITY = 1_000_000;

function refuse(field: string, reason: string, code = 'BATCH_INVALID'): never {
  throw new AppError(422, code, `${field}: ${reason}`, { errors: [{ field, reason }] });
}

export function checkFormat(f: Partial<CodeFormat> | undefined): CodeFormat {
  const alphabet = f?.alphabet ?? 'crockford';
  const fmt: CodeFormat = { prefix: (f?.prefix ?? '').toUpperCase(), length: f?.length ?? minLength(alphabet), alphabet };
  const chars = ALPHABETS[alphabet];
  if ([...fmt.prefix].some((ch) => !chars.includes(ch))) refuse('code_format.prefix', `only characters of the ${alphabet} alphabet (${chars})`);
  if (fmt.length < minLength(alphabet)) refuse('code_format.length', `at least ${minLength(alphabet)} ${alphabet} characters, so a code carries 80 bits`);
  return fmt;
}

export interface BatchInput {
  template_id: string;
  name: string;
  mode: BatchMode;
  quantity?: number;
  stock?: number;
  code_format?: Partial<CodeFormat>;
}

export async function createBatch(q: Sql, tenantId: string, input: BatchInput, now: Date): Promise<BatchRow> {
  const t = await getTemplate(q, tenantId, input.template_id);
  if (t.status !== 'active') throw new AppError(409, 'TEMPLATE_ARCHIVED', 'template is archived; no new batches');
  if (t.kind === 'external' && input.mode !== 'imported') refuse('mode', 'external codes come from their supplier: use mode "imported"', 'BATCH_MODE_INVALID');
  if (input.mode === 'pregenerated') {
    if (!input.quantity) refuse('quantity', 'required for a pre-generated batch');
    if (input.stock !== undefined) refuse('stock', 'a pre-generated batch’s stock is its quantity');
  } else {
    if (input.quantity !== undefined)
      refuse('quantity', `only pre-generated batches have a quantity; ${input.mode} batches ${input.mode === 'on_issue' ? 'use stock' : 'grow by import'}`);
    if (input.mode === 'imported' && input.stock !== undefined) refuse('stock', 'an imported batch’s stock is the codes imported');
  }
  const fmt = input.mode === 'imported' ? { prefix: '', length: 0, alphabet: 'crockford' as const } : checkFormat(input.code_format);
  const id = newId('bat');
  const r = await q.query<BatchRow>(
    `INSERT INTO batches (tenant_id, id, template_id, name, mode, quantity, stock, code_format, status, created_at, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$10) RETURNING ${COLS}`,
    [
      tenantId,
      id,
      input.template_id,
      input.name,
      input.mode,
      input.quantity ?? null,
      input.mode === 'on_issue' ? (input.stock ?? null) : null,
      JSON.stringify(fmt),
      input.mode === 'pregenerated' ? 'generating' : 'ready',
      now,
    ],
  );
  if (input.mode === 'pregenerated')
    await enqueue(q, { type: 'batch.generate', tenantId, payload: { batchId: id }, singleton: `batch.generate:${tenantId}:${id}` });
  const b = r.rows[0];
  await emit(q, [
    {
      tenantId,
      type: 'batch.created',
      at: now,
      batchId: id,
      templateId: b.template_id,
      data: { name: b.name, mode: b.mode, quantity: b.quantity, stock: b.stock },
    },
  ]);
  return b;
}

export async function getBatch(q: Sql, tenantId: string, id: string, forUpdate = false): Promise<BatchRow> {
  const r = await q.query<BatchRow>(`SELECT ${COLS} FROM batches WHERE tenant_id = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`, [tenantId, id]);
  if (!r.rows[0]) throw notFound('batch');
  return r.rows[0];
}

/** What the batch list sorts by (a tenant's batches number in the thousands at most: no index needed). */
export const BATCH_SORTS = {
  created_at: null,
  name: { sql: 'name', type: 'text' },
  issued: { sql: 'issued', type: 'int8' },
  generated: { sql: 'generated', type: 'int8' },
} satisfies Sorts;

export async function listBatches(
  q: Sql,
  tenantId: string,
  opts: { limit: number; cursor?: string; template_id?: string; status?: string; mode?: string; q?: string; sort?: string },
) {
  const page = keyset(BATCH_SORTS, opts.sort, opts.cursor);
  const params: unknown[] = [tenantId, opts.template_id ?? null, opts.status ?? null, opts.q ?? null, opts.mode ?? null];
  const r = await q.query<BatchRow>(
    `SELECT ${COLS}${page.select} FROM batches WHERE tenant_id = $1 AND ($2::text IS NULL OR template_id = $2)
       AND ($3::text IS NULL OR status = $3) AND ($4::text IS NULL OR name ILIKE '%' || $4 || '%') AND ($5::text IS NULL OR mode = $5) AND ${page.after(params)}
     ORDER BY ${page.orderBy} LIMIT ${page.limit(params, opts.limit)}`,
    params,
  );
  return page.page(r.rows, opts.limit);
}

/** A template's batches (a template has a handful): the card list finds a template's cards as its batches' cards (cards_batch). */
export async function batchIdsOfTemplate(q: Sql, tenantId: string, templateId: string): Promise<string[]> {
  return (await q.query<{ id: string }>('SELECT id FROM batches WHERE tenant_id = $1 AND template_id = $2', [tenantId, templateId])).rows.map((b) => b.id);
}

export async function pauseBatch(q: Sql, tenantId: string, id: string, now: Date): Promise<BatchRow> {
  const r = await q.query<BatchRow>(
    `UPDATE batches SET status = 'paused', updated_at = $3 WHERE tenant_id = $1 AND id = $2 AND status = 'generating' RETURNING ${COLS}`,
    [tenantId, id, now],
  );
  if (r.rows[0]) return r.rows[0];
  const b = await getBatch(q, tenantId, id);
  throw refusal('BATCH_NOT_GENERATING', `batch is ${b.status}; only a generating batch can be paused`, { batch_status: b.status });
}

export async function resumeBatch(q: Sql, tenantId: string, id: string, now: Date): Promise<BatchRow> {
  const r = await q.query<BatchRow>(
    `UPDATE batches SET status = 'generating', updated_at = $3 WHERE tenant_id = $1 AND id = $2 AND status IN ('paused','failed') AND mode = 'pregenerated' RETURNING ${COLS}`,
    [tenantId, id, now],
  );
  if (!r.rows[0]) {
    const b = await getBatch(q, tenantId, id);
    throw refusal('BATCH_NOT_PAUSED', `batch is ${b.status}; only a paused batch can be resumed`, { batch_status: b.status });
  }
  await enqueue(q, { type: 'batch.generate', tenantId, payload: { batchId: id }, singleton: `batch.generate:${tenantId}:${id}` });
  return r.rows[0];
}

/**
 * Stock 库存 for batches that make a code at each issue: one conditional update, so concurrent
 * issues can never take more than the stock. Pool batches count issues here too, for reports.
 */
export async function takeStock(q: Sql, tenantId: string, batchId: string, now: Date): Promise<boolean> {
  const r = await q.query(
    `UPDATE batches SET issued = issued + 1, updated_at = $3 WHERE tenant_id = $1 AND id = $2 AND (stock IS NULL OR issued + held < stock)`,
    [tenantId, batchId, now],
  );
  return r.rowCount > 0;
}

/** 人工审核: one unit of an on-issue batch's stock kept for an issue waiting for review (false: none left). */
export async function holdStock(q: Sql, tenantId: string, batchId: string, now: Date): Promise<boolean> {
  const r = await q.query(`UPDATE batches SET held = held + 1, updated_at = $3 WHERE tenant_id = $1 AND id = $2 AND (stock IS NULL OR issued + held < stock)`, [
    tenantId,
    batchId,
    now,
  ]);
  return r.rowCount > 0;
}

/** The held unit goes back (the review was rejected or expired), or is about to be issued (approved: the batch row stays locked until then). */
export async function releaseStock(q: Sql, tenantId: string, batchId: string, now: Date): Promise<void> {
  await q.query('UPDATE batches SET held = held - 1, updated_at = $3 WHERE tenant_id = $1 AND id = $2 AND held > 0', [tenantId, batchId, now]);
}

export async function countIssued(q: Sql, tenantId: string, batchId: string, n: number, now: Date): Promise<void> {
  if (n) await q.query('UPDATE batches SET issued = issued + $3, updated_at = $4 WHERE tenant_id = $1 AND id = $2', [tenantId, batchId, n, now]);
}

/**
 * The on-issue batch (no stock limit) a template's cards are given from by the platform itself, made on
 * first need: a stamp card's reward, or (named '权益礼包 benefit packs') the cards of a benefit pack.
 */
export async function ensureRewardBatch(q: Sql, tenantId: string, templateId: string, now: Date, name = 'stamp rewards 集点奖励'): Promise<string> {
  const found = await q.query<{ id: string }>(`SELECT id FROM batches WHERE tenant_id = $1 AND template_id = $2 AND mode = 'on_issue' AND name = $3 LIMIT 1`, [
    tenantId,
    templateId,
    name,
  ]);
  if (found.rows[0]) return found.rows[0].id;
  const id = newId('bat');
  await q.query(
    `INSERT INTO batches (tenant_id, id, template_id, name, mode, code_format, status, created_at, updated_at)
     VALUES ($1, $2, $3, $4, 'on_issue', $5, 'ready', $6, $6)`,
    [tenantId, id, templateId, name, JSON.stringify(checkFormat(undefined)), now],
  );
  return id;
}

/** A generation job that has used up its attempts leaves the batch failed, with the reason. */
export async function markBatchFailed(q: Sql, tenantId: string, id: string, error: string, now: Date): Promise<void> {
  const r = await q.query<{ template_id: string }>(`UPDATE batches SET status = 'failed', error = $3 WHERE tenant_id = $1 AND id = $2 RETURNING template_id`, [
    tenantId,
    id,
    error.slice(0, 2000),
  ]);
  if (r.rows[0]) await emit(q, [{ tenantId, type: 'batch.failed', at: now, batchId: id, templateId: r.rows[0].template_id }]);
}

/** The batch row locked for its generator (FOR UPDATE): undefined when it is gone. */
export async function lockBatch(q: Sql, tenantId: string, id: string): Promise<BatchRow | undefined> {
  return (await q.query<BatchRow>(`SELECT ${COLS} FROM batches WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [tenantId, id])).rows[0];
}

/** n more codes are in the batch's pool (generated or imported), in the transaction that put them there. */
export async function addGenerated(q: Sql, tenantId: string, id: string, n: number, now: Date): Promise<void> {
  await q.query('UPDATE batches SET generated = generated + $3, updated_at = $4 WHERE tenant_id = $1 AND id = $2', [tenantId, id, n, now]);
}

export async function markBatchReady(q: Sql, tenantId: string, id: string, now: Date): Promise<void> {
  const r = await q.query<{ template_id: string; generated: number }>(
    `UPDATE batches SET status = 'ready', updated_at = $3 WHERE tenant_id = $1 AND id = $2 RETURNING template_id, generated`,
    [tenantId, id, now],
  );
  if (r.rows[0])
    await emit(q, [
      { tenantId, type: 'batch.ready', at: now, batchId: id, templateId: r.rows[0].template_id, data: { generated: Number(r.rows[0].generated) } },
    ]);
}

export interface ImportRecord {
  accepted: number;
  refusals: { line: number; reason: string; detail: string }[];
}

/** Keeps an import's outcome (counts and refused lines, never a code) beside its batch; returns its id. */
export async function recordImport(q: Sql, tenantId: string, batchId: string, r: ImportRecord, now: Date): Promise<string> {
  const id = newId('imp');
  await q.query('INSERT INTO batch_imports (tenant_id, id, batch_id, accepted, refused, refusals, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7)', [
    tenantId,
    id,
    batchId,
    r.accepted,
    r.refusals.length,
    JSON.stringify(r.refusals),
    now,
  ]);
  return id;
}

/** Names of these batches, for reports that show names rather than ids. */
export async function batchNames(q: Sql, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const r = await q.query<{ id: string; name: string }>('SELECT id, name FROM batches WHERE tenant_id = $1 AND id = ANY($2)', [tenantId, ids]);
  return new Map(r.rows.map((x) => [x.id, x.name]));
}

/** Each batch's name and template, for lists that show a batch by name beside its card's name. */
export async function batchLabels(q: Sql, tenantId: string, ids: string[]): Promise<Map<string, { name: string; template_id: string }>> {
  if (!ids.length) return new Map();
  const r = await q.query<{ id: string; name: string; template_id: string }>(
    'SELECT id, name, template_id FROM batches WHERE tenant_id = $1 AND id = ANY($2)',
    [tenantId, ids],
  );
  return new Map(r.rows.map((x) => [x.id, { name: x.name, template_id: x.template_id }]));
}

/**
 * Codes in stock now 库存: made or imported into a pool and not yet issued or exported, from the
 * batches' own counters (generated − issued; one row per batch, never a count over the cards).
 */
export async function poolStock(q: Sql, tenantId: string, f: { template_id?: string; batch_id?: string }): Promise<number> {
  const r = await q.query<{ n: number }>(
    `SELECT coalesce(sum(greatest(generated - issued, 0)), 0)::int8 AS n FROM batches
     WHERE tenant_id = $1 AND mode <> 'on_issue' AND ($2::text IS NULL OR template_id = $2) AND ($3::text IS NULL OR id = $3)`,
    [tenantId, f.template_id ?? null, f.batch_id ?? null],
  );
  return Number(r.rows[0].n);
}
