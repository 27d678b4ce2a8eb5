import type { Ctx } from '../../platform/context.js';
import type { Caller } from '../../http/access.js';
import { issueBearer } from '../cards/issue.js';
import { cardsByIds } from '../cards/read.js';
import { revealCode } from '../cards/lookup.js';
import { getBatch } from '../batches/service.js';
import { getTemplate } from '../templates/service.js';
import { call, WechatError } from './client.js';
import { connOf } from './settings.js';
import { CHUNK, setStock, stockBody, stockRow, type StockRow } from './stock.js';

/**
 * The mirror's driver, the durable job `wechatpay.upload` (one per mirrored batch, resumed by whoever
 * claims it after a crash):
 * 1. create the stock (out_request_no = our stock row id, so a retried create is the same stock);
 * 2. take the next ≤200 codes out of the pool as bearer cards and record them as a chunk with its
 *    upload_request_no, in one transaction — a chunk is taken once and only ever re-sent as is;
 * 3. send the oldest unacknowledged chunk; on WeChat's acknowledgement mark it acked. A crash between
 *    send and ack re-sends the same upload_request_no, which WeChat treats as the same upload.
 * "Stock still being created" (STATEMENT_CREATING), 429, 5xx and no answer wait with backoff; any other
 * refusal stops the mirror as failed with WeChat's code; starting it again resumes at the first
 * unacknowledged chunk. Codes are revealed only here, to be sent, and never logged.
 */
export const UPLOAD = 'wechatpay.upload';
const backoff = (now: Date, tries: number) => new Date(now.getTime() + Math.min(2 ** Math.min(tries, 10) * 1000, 300_000));

const system = (tenantId: string): Caller => ({ tenantId, keyId: 'system:wechatpay', role: 'system', storeIds: [], channelId: null });

export async function driveUpload(ctx: Ctx, tenantId: string, rowId: string, lease: () => Promise<void>): Promise<{ again: Date } | undefined> {
  const allow = !!ctx.config.supplierAllowPrivate;
  const conn = await connOf(ctx.db, ctx.keys, tenantId, allow);
  for (;;) {
    await lease();
    const s = await stockRow(ctx.db, tenantId, rowId);
    if (s.state === 'failed' || s.state === 'ready') return;
    const now = ctx.clock.now();
    try {
      if (!s.stock_id) {
        await createStock(ctx, conn, s);
        continue;
      }
      const chunk = (await pendingChunk(ctx, tenantId, rowId)) ?? (await takeChunk(ctx, tenantId, s));
      if (!chunk) {
        await setStock(ctx.db, tenantId, rowId, { state: 'ready', last_error: null }, now);
        return;
      }
      await sendChunk(ctx, conn, s, chunk);
    } catch (e) {
      if (!(e instanceof WechatError)) throw e;
      await setStock(
        ctx.db,
        tenantId,
        rowId,
        e.retry ? { last_error: e.message.slice(0, 500) } : { state: 'failed', last_error: e.message.slice(0, 500) },
        now,
      );
      if (!e.retry) return;
      const t = await ctx.db.query<{ tries: number }>(`UPDATE wechat_stocks SET tries = tries + 1 WHERE tenant_id = $1 AND id = $2 RETURNING tries`, [
        tenantId,
        rowId,
      ]);
      return { again: backoff(now, t.rows[0].tries) };
    }
  }
}

async function createStock(ctx: Ctx, conn: Awaited<ReturnType<typeof connOf>>, s: StockRow) {
  const batch = await getBatch(ctx.db, conn.tenantId, s.batch_id);
  const t = await getTemplate(ctx.db, conn.tenantId, batch.template_id);
  const now = ctx.clock.now();
  const r = await call<{ stock_id: string }>(conn, 'POST', '/v3/marketing/busifavor/stocks', stockBody(t, s, conn.mchid, now), now);
  if (!r.stock_id) throw new WechatError('WX_BAD_ANSWER', 'the answer names no stock_id', 200, true);
  await setStock(ctx.db, conn.tenantId, s.id, { stock_id: r.stock_id, state: 'uploading', last_error: null }, now);
}

interface Chunk {
  n: number;
  upload_request_no: string;
  card_ids: string[];
}

async function pendingChunk(ctx: Ctx, tenantId: string, rowId: string): Promise<Chunk | null> {
  const r = await ctx.db.query<Chunk>(
    `SELECT n, upload_request_no, card_ids FROM wechat_chunks WHERE tenant_id = $1 AND stock_row = $2 AND state = 'pending' ORDER BY n LIMIT 1`,
    [tenantId, rowId],
  );
  return r.rows[0] ?? null;
}

/** The next codes out of the pool, recorded as a chunk and as mirrored codes, together. */
async function takeChunk(ctx: Ctx, tenantId: string, s: StockRow): Promise<Chunk | null> {
  return ctx.db.tx(async (q) => {
    const row = await stockRow(q, tenantId, s.id, true);
    const want = Math.min(CHUNK, row.quantity - row.taken);
    if (want <= 0) return null;
    const cards = await issueBearer(ctx, q, system(tenantId), row.batch_id, want, null, null, { wechat_stock_id: row.stock_id });
    if (!cards.length) return null; // the pool ran dry: the stock holds what was uploaded
    const n = (await q.query<{ n: number }>(`SELECT coalesce(max(n), 0) + 1 AS n FROM wechat_chunks WHERE tenant_id = $1 AND stock_row = $2`, [tenantId, s.id]))
      .rows[0].n;
    const chunk = { n: Number(n), upload_request_no: `${s.id}-${n}`, card_ids: cards.map((c) => c.id) };
    await q.query(`INSERT INTO wechat_chunks (tenant_id, stock_row, n, upload_request_no, card_ids) VALUES ($1, $2, $3, $4, $5)`, [
      tenantId,
      s.id,
      chunk.n,
      chunk.upload_request_no,
      chunk.card_ids,
    ]);
    await q.query(`INSERT INTO wechat_codes (tenant_id, card_id, stock_row, code_hash) SELECT $1, unnest($2::text[]), $3, unnest($4::bytea[])`, [
      tenantId,
      chunk.card_ids,
      s.id,
      cards.map((c) => Buffer.from(c.code_hash)),
    ]);
    await q.query(`UPDATE wechat_stocks SET taken = taken + $3, updated_at = $4 WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      s.id,
      cards.length,
      ctx.clock.now(),
    ]);
    return chunk;
  });
}

async function sendChunk(ctx: Ctx, conn: Awaited<ReturnType<typeof connOf>>, s: StockRow, c: Chunk) {
  const cards = await cardsByIds(ctx.db, conn.tenantId, c.card_ids);
  const codes = cards.map((card) => revealCode(ctx.keys, card).code);
  await ctx.db.query(`UPDATE wechat_chunks SET sends = sends + 1 WHERE tenant_id = $1 AND stock_row = $2 AND n = $3`, [conn.tenantId, s.id, c.n]);
  const now = ctx.clock.now();
  const r = await call<{ success_count?: number; fail_count?: number; fail_codes?: { code?: string; message?: string }[] }>(
    conn,
    'POST',
    `/v3/marketing/busifavor/stocks/${encodeURIComponent(s.stock_id!)}/couponcodes`,
    { coupon_code_list: codes, upload_request_no: c.upload_request_no },
    now,
  );
  const failed = r.fail_count ?? r.fail_codes?.length ?? 0;
  await ctx.db.tx(async (q) => {
    const done = await q.query(
      `UPDATE wechat_chunks SET state = 'acked', acked_at = $4 WHERE tenant_id = $1 AND stock_row = $2 AND n = $3 AND state = 'pending' RETURNING n`,
      [conn.tenantId, s.id, c.n, now],
    );
    if (!done.rows.length) return;
    await q.query(`UPDATE wechat_codes SET state = 'uploaded' WHERE tenant_id = $1 AND card_id = ANY($2::text[]) AND state = 'pending'`, [
      conn.tenantId,
      c.card_ids,
    ]);
    await q.query(`UPDATE wechat_stocks SET uploaded = uploaded + $3, last_error = $4, tries = 0, updated_at = $5 WHERE tenant_id = $1 AND id = $2`, [
      conn.tenantId,
      s.id,
      c.card_ids.length - failed,
      failed ? `chunk ${c.n}: WeChat refused ${failed} code(s) (${r.fail_codes?.[0]?.code ?? 'no reason given'})` : null,
      now,
    ]);
  });
}
