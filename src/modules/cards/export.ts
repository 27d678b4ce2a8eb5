import { Readable } from 'node:stream';
import type { Ctx } from '../../platform/context.js';
import type { Caller } from '../../http/access.js';
import { issueBearer } from './issue.js';
import { revealCode } from './lookup.js';
import { issuedCardsOfBatch } from './read.js';
import type { CardRow } from './model.js';
import { appendAudit } from '../audit/service.js';
import { getBatch } from '../batches/service.js';

const CHUNK = 1000;
const csvLine = (c: CardRow, keys: Ctx['keys']) => {
  const { code, pin } = revealCode(keys, c);
  return `${code},${pin ?? ''},${c.id},${c.state},${c.valid_until ? new Date(c.valid_until).toISOString() : ''}\n`;
};

/**
 * 导出券码, streamed chunk by chunk (memory stays flat for a million codes) and audited.
 * By default it takes codes out of the pool: they are issued as bearer codes (to be printed,
 * sold wholesale, handed to a channel), so they are never also issued to a member. With
 * `reissue: true` it re-exports the batch's codes already out, changing nothing.
 */
export async function exportCodes(ctx: Ctx, caller: Caller, batchId: string, opts: { limit?: number; channel_id?: string; reissue?: boolean; actor: string }) {
  const batch = await getBatch(ctx.db, caller.tenantId, batchId);
  await appendAudit(ctx.db, {
    tenantId: caller.tenantId,
    actor: opts.actor,
    action: 'batch.export',
    targetType: 'batch',
    targetId: batchId,
    data: { limit: opts.limit ?? null, channel_id: opts.channel_id ?? null, reissue: !!opts.reissue },
    at: ctx.clock.now(),
  });
  let left = opts.limit ?? Number.MAX_SAFE_INTEGER;
  let afterSeq = -1;
  async function* lines() {
    yield 'code,pin,card_id,state,valid_until\n';
    while (left > 0) {
      const n = Math.min(CHUNK, left);
      let rows: CardRow[];
      if (opts.reissue) {
        rows = await issuedCardsOfBatch(ctx.db, caller.tenantId, batch.id, afterSeq, n);
        if (rows.length) afterSeq = Number((rows[rows.length - 1] as any).seq);
      } else {
        rows = await ctx.db.tx((q) => issueBearer(ctx, q, caller, batch.id, n, opts.channel_id ?? null));
      }
      if (!rows.length) return;
      left -= rows.length;
      yield rows.map((c) => csvLine(c, ctx.keys)).join('');
    }
  }
  return Readable.from(lines());
}
