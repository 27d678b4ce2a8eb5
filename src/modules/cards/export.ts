import { Readable } from 'node:stream';
import { DateTime } from 'luxon';
import type { Ctx } from '../../platform/context.js';
import type { Sql } from '../../db/index.js';
import type { Caller } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { issueBearer } from './issue.js';
import { revealCode } from './lookup.js';
import { exportedCards, issuedCardsOfBatch } from './read.js';
import type { CardRow } from './model.js';
import { appendAudit } from '../audit/service.js';
import { getBatch, type BatchRow } from '../batches/service.js';
import { countExported, recordExport, takeRefetch, type ExportRow } from '../batches/exports.js';
import { getTenant } from '../tenants/service.js';

const CHUNK = 1000;
const HEADER = 'code,pin,card_id,state,valid_until\n';
type Seq = CardRow & { seq: number };

/** One line of the file; expiry in the tenant's time zone, with its offset (2026-12-31T23:59:59+08:00). */
const csvLine = (c: CardRow, keys: Ctx['keys'], tz: string) => {
  const { code, pin } = revealCode(keys, c);
  const until = c.valid_until ? DateTime.fromJSDate(new Date(c.valid_until), { zone: tz }).toISO({ suppressMilliseconds: true }) : '';
  return `${code},${pin ?? ''},${c.id},${c.state},${until}\n`;
};
const seqs = (rows: CardRow[]) => rows.map((c) => Number((c as Seq).seq));

export interface ExportOpts {
  limit?: number;
  channel_id?: string;
  reissue?: boolean;
  actor: string;
  actorName: string;
}
export interface ExportFile {
  export: ExportRow;
  batch: BatchRow;
  stream: Readable;
}

/**
 * 导出券码, streamed chunk by chunk (memory stays flat for a million codes), recorded in the batch's
 * export history and audited. By default it takes codes out of the pool: they are issued as bearer
 * codes (to be printed, sold wholesale, handed to a channel), so they are never also issued to a
 * member; each chunk commits its codes with the export's count. With `reissue: true` it lists the
 * batch's codes already out again, changing nothing. An export that would write no code is refused
 * (409 NOTHING_TO_EXPORT) before any file starts, rather than answering a file with only its header.
 */
export async function exportCodes(ctx: Ctx, caller: Caller, batchId: string, opts: ExportOpts): Promise<ExportFile> {
  const tenantId = caller.tenantId;
  const batch = await getBatch(ctx.db, tenantId, batchId);
  const tz = (await getTenant(ctx.db, tenantId)).time_zone;
  let left = opts.limit ?? Number.MAX_SAFE_INTEGER;
  let afterSeq = -1;
  /** The next chunk of codes, in the transaction that counts them on the export. */
  const take = async (q: Sql, exp: ExportRow) => {
    const n = Math.min(CHUNK, left);
    const rows = opts.reissue
      ? await issuedCardsOfBatch(q, tenantId, batch.id, afterSeq, n)
      : await issueBearer(ctx, q, caller, batch.id, n, opts.channel_id ?? null, exp.id);
    if (rows.length) {
      const s = seqs(rows);
      afterSeq = Math.max(...s);
      await countExported(q, tenantId, exp.id, rows.length, Math.min(...s), afterSeq, ctx.clock.now());
    }
    left -= rows.length;
    return rows;
  };
  // the record, the audit entry and the first chunk commit together; no code to write, none of them
  const started = await ctx.db.tx(async (q) => {
    const now = ctx.clock.now();
    const e = await recordExport(
      q,
      tenantId,
      {
        batchId: batch.id,
        kind: opts.reissue ? 'reissue' : 'new',
        actor: opts.actor,
        actorName: opts.actorName,
        channelId: opts.reissue ? null : (opts.channel_id ?? null),
        requested: opts.limit ?? null,
      },
      now,
    );
    const rows = await take(q, e);
    if (!rows.length)
      throw opts.reissue
        ? new AppError(409, 'NOTHING_TO_EXPORT', 'no code of this batch has been exported or issued yet; there is nothing to export again')
        : new AppError(
            409,
            'NOTHING_TO_EXPORT',
            'no code is left to export: every code of this batch has been exported or issued; an earlier export can be downloaded again from the batch’s export history',
          );
    await appendAudit(q, {
      tenantId,
      actor: opts.actor,
      action: 'batch.export',
      targetType: 'batch',
      targetId: batchId,
      data: { export_id: e.id, limit: opts.limit ?? null, channel_id: opts.channel_id ?? null, reissue: !!opts.reissue },
      at: now,
    });
    return { exp: e, first: rows };
  });
  const exp = started.exp;
  let first = started.first;
  async function* lines() {
    yield HEADER;
    while (first.length) {
      yield first.map((c) => csvLine(c, ctx.keys, tz)).join('');
      first = left > 0 ? await ctx.db.tx((q) => take(q, exp)) : [];
    }
  }
  return { export: exp, batch, stream: Readable.from(lines()) };
}

/**
 * 重新下载: an export's file again, within its window, re-rendered from the same card rows (the codes
 * it took out of stock, or for a re-export the codes that were out then) — the codes are never kept
 * in clear anywhere. Counted on the export and audited.
 */
export async function refetchExport(ctx: Ctx, caller: Caller, batchId: string, exportId: string, actor: string): Promise<ExportFile> {
  const tenantId = caller.tenantId;
  const batch = await getBatch(ctx.db, tenantId, batchId);
  const tz = (await getTenant(ctx.db, tenantId)).time_zone;
  const exp = await ctx.db.tx(async (q) => {
    const now = ctx.clock.now();
    const e = await takeRefetch(q, tenantId, batchId, exportId, now);
    await appendAudit(q, {
      tenantId,
      actor,
      action: 'batch.export_refetch',
      targetType: 'batch',
      targetId: batchId,
      data: { export_id: e.id, codes: e.codes, exported_at: e.created_at },
      at: now,
    });
    return e;
  });
  let afterSeq = -1;
  async function* lines() {
    yield HEADER;
    for (;;) {
      const rows = await exportedCards(ctx.db, tenantId, exp, afterSeq, CHUNK);
      if (!rows.length) return;
      afterSeq = Math.max(...seqs(rows));
      yield rows.map((c) => csvLine(c, ctx.keys, tz)).join('');
    }
  }
  return { export: exp, batch, stream: Readable.from(lines()) };
}
