import type { Ctx } from '../../http/context.js';
import type { JobRow } from '../../jobs/queue.js';
import { generateCode, generatePin } from '../../codes.js';
import { newId } from '../../ids.js';
import { getTenant } from '../tenants/service.js';
import { getTemplate } from '../templates/service.js';
import { insertUnissuedCards, type NewCard } from '../cards/create.js';
import { codeHash } from '../cards/lookup.js';
import { validityAt } from '../cards/model.js';
import type { Keyring } from '../../secrets.js';
import type { CodeFormat } from '../../codes.js';

const CHUNK = 5000;

export function makeCard(keys: Keyring, tenantId: string, fmt: CodeFormat, withPin: boolean, seq: number): NewCard & { code: string; pin: string | null } {
  const code = generateCode(fmt);
  const pin = withPin ? generatePin() : null;
  return {
    id: newId('card'),
    code,
    pin,
    code_hash: codeHash(keys, tenantId, code),
    code_enc: keys.encrypt(pin ? `${code}\t${pin}` : code),
    code_tail: code.slice(-4),
    pin_hash: pin ? keys.hmac(`pin:${tenantId}:${pin}`) : null,
    seq,
  };
}

/**
 * The batch.generate job: makes the batch's codes in chunks, each chunk and its progress committed
 * together, so a crash or a pause resumes exactly where it stopped and memory stays flat.
 */
export async function generateBatch(ctx: Ctx, job: JobRow, lease: () => Promise<void>): Promise<void> {
  const { batchId } = job.payload as { batchId: string };
  const tenantId = job.tenant_id!;
  const tenant = await getTenant(ctx.db, tenantId);
  for (;;) {
    const done = await ctx.db.tx(async (q) => {
      const b = (await q.query(
        'SELECT template_id, quantity, generated, status, code_format FROM batches WHERE tenant_id = $1 AND id = $2 FOR UPDATE',
        [tenantId, batchId],
      )).rows[0];
      if (!b || b.status !== 'generating') return true; // paused or gone: stop; resume enqueues again
      const now = ctx.clock.now();
      if (b.generated >= b.quantity) {
        await q.query(`UPDATE batches SET status = 'ready', updated_at = $3 WHERE tenant_id = $1 AND id = $2`, [tenantId, batchId, now]);
        return true;
      }
      const t = await getTemplate(q, tenantId, b.template_id);
      const { valid_from, valid_until } = validityAt(t, now, tenant.time_zone, 'issue');
      const fixed = t.validity.type === 'fixed'; // other windows start when the card is issued
      const n = Math.min(CHUNK, b.quantity - b.generated);
      let cards = Array.from({ length: n }, (_, i) => makeCard(ctx.keys, tenantId, b.code_format, t.kind === 'gift', b.generated + i + 1));
      let inserted = 0;
      for (let attempt = 0; cards.length && attempt < 5; attempt++) {
        const res = await insertUnissuedCards(q, {
          tenantId, batchId, templateId: t.id, kind: t.kind, validFrom: fixed ? valid_from : null, validUntil: fixed ? valid_until : null, at: now,
        }, cards);
        inserted += res.inserted;
        const retry = new Set(res.skippedIds); // a code already taken: draw again
        cards = cards.filter((c) => retry.has(c.id)).map((c) => makeCard(ctx.keys, tenantId, b.code_format, t.kind === 'gift', c.seq));
      }
      if (cards.length) throw new Error('could not draw unique codes; the code space is too small');
      await q.query('UPDATE batches SET generated = generated + $3, updated_at = $4 WHERE tenant_id = $1 AND id = $2', [tenantId, batchId, inserted, now]);
      return false;
    });
    if (done) return;
    await lease();
  }
}
