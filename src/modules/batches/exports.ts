import type { Sql } from '../../db/index.js';
import { AppError } from '../../errors.js';
import { newId } from '../../ids.js';

/** How long after an export its file can be fetched again (re-rendered from the same cards). */
export const REFETCH_HOURS = 24;

export type ExportKind = 'new' | 'reissue';
export interface ExportRow {
  id: string;
  batch_id: string;
  kind: ExportKind;
  actor: string;
  actor_name: string;
  channel_id: string | null;
  requested: number | null;
  codes: number;
  seq_from: number | null;
  seq_to: number | null;
  last_at: Date;
  refetch_until: Date;
  refetches: number;
  last_refetch_at: Date | null;
  created_at: Date;
}
const COLS =
  'id, batch_id, kind, actor, actor_name, channel_id, requested, codes, seq_from, seq_to, last_at, refetch_until, refetches, last_refetch_at, created_at';

/** 导出记录: an export starts (in the transaction of its first chunk); its count grows with each chunk. */
export async function recordExport(
  q: Sql,
  tenantId: string,
  e: { batchId: string; kind: ExportKind; actor: string; actorName: string; channelId: string | null; requested: number | null },
  now: Date,
): Promise<ExportRow> {
  const r = await q.query<ExportRow>(
    `INSERT INTO batch_exports (tenant_id, id, batch_id, kind, actor, actor_name, channel_id, requested, last_at, refetch_until, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $9) RETURNING ${COLS}`,
    [tenantId, newId('exp'), e.batchId, e.kind, e.actor, e.actorName, e.channelId, e.requested, now, new Date(now.getTime() + REFETCH_HOURS * 3_600_000)],
  );
  return r.rows[0];
}

/** A chunk of n codes (generation order seqFrom..seqTo) written, in the chunk's own transaction. */
export async function countExported(q: Sql, tenantId: string, id: string, n: number, seqFrom: number, seqTo: number, now: Date): Promise<void> {
  await q.query(
    `UPDATE batch_exports SET codes = codes + $3, seq_from = least(seq_from, $4), seq_to = greatest(seq_to, $5), last_at = $6
     WHERE tenant_id = $1 AND id = $2`,
    [tenantId, id, n, seqFrom, seqTo, now],
  );
}

/** A batch's exports, newest first (a batch is exported a handful of times, not thousands). */
export async function listExports(q: Sql, tenantId: string, batchId: string, limit = 100): Promise<ExportRow[]> {
  return (
    await q.query<ExportRow>(`SELECT ${COLS} FROM batch_exports WHERE tenant_id = $1 AND batch_id = $2 ORDER BY created_at DESC, id DESC LIMIT $3`, [
      tenantId,
      batchId,
      limit,
    ])
  ).rows;
}

/** One export of a batch (404 EXPORT_NOT_FOUND when there is none). */
export async function getExport(q: Sql, tenantId: string, batchId: string, id: string): Promise<ExportRow> {
  const e = (await q.query<ExportRow>(`SELECT ${COLS} FROM batch_exports WHERE tenant_id = $1 AND batch_id = $2 AND id = $3`, [tenantId, batchId, id])).rows[0];
  if (!e) throw new AppError(404, 'EXPORT_NOT_FOUND', 'export not found');
  return e;
}

/** An export of this batch that may be fetched again now (counted as fetched), or why not. */
export async function takeRefetch(q: Sql, tenantId: string, batchId: string, id: string, now: Date): Promise<ExportRow> {
  const r = await q.query<ExportRow>(
    `UPDATE batch_exports SET refetches = refetches + 1, last_refetch_at = $4
     WHERE tenant_id = $1 AND batch_id = $2 AND id = $3 AND refetch_until > $4 AND codes > 0 RETURNING ${COLS}`,
    [tenantId, batchId, id, now],
  );
  if (r.rows[0]) return r.rows[0];
  const e = (await q.query<ExportRow>(`SELECT ${COLS} FROM batch_exports WHERE tenant_id = $1 AND batch_id = $2 AND id = $3`, [tenantId, batchId, id])).rows[0];
  if (!e) throw new AppError(404, 'EXPORT_NOT_FOUND', 'export not found');
  if (!e.codes) throw new AppError(409, 'EXPORT_EMPTY', 'this export wrote no codes; there is nothing to download again');
  throw new AppError(
    410,
    'EXPORT_EXPIRED',
    `an export's file can be downloaded again for ${REFETCH_HOURS} hours after the export; this one's window ended at ${e.refetch_until.toISOString()}`,
    { refetch_until: e.refetch_until.toISOString() },
  );
}
