import type { Sql } from '../../db/index.js';
import type { Kind } from '../templates/schemas.js';

/** A card row as batches produce them (pre-generated, imported, or made at issue). */
export interface NewCard {
  id: string;
  code_hash: Buffer;
  code_enc: Buffer;
  code_tail: string;
  pin_hash: Buffer | null;
  seq: number;
}

/**
 * Bulk insert of unissued cards, one statement per chunk. Codes already present (a collision, or an
 * imported duplicate) are skipped and their ids returned so the caller can retry or report them.
 */
export async function insertUnissuedCards(
  q: Sql,
  t: { tenantId: string; batchId: string; templateId: string; kind: Kind; validFrom: Date | null; validUntil: Date | null; at: Date },
  cards: NewCard[],
): Promise<{ inserted: number; skippedIds: string[] }> {
  if (!cards.length) return { inserted: 0, skippedIds: [] };
  const r = await q.query<{ id: string }>(
    `INSERT INTO cards (tenant_id, id, batch_id, template_id, kind, code_hash, code_enc, code_tail, pin_hash, seq, state, valid_from, valid_until, created_at, updated_at)
     SELECT $1, u.id, $2, $3, $4, u.h, u.e, u.t, u.p, u.s, 'unissued', $5, $6, $7, $7
     FROM unnest($8::text[], $9::bytea[], $10::bytea[], $11::text[], $12::bytea[], $13::int8[]) AS u(id, h, e, t, p, s)
     ON CONFLICT (tenant_id, code_hash) DO NOTHING RETURNING id`,
    [
      t.tenantId,
      t.batchId,
      t.templateId,
      t.kind,
      t.validFrom,
      t.validUntil,
      t.at,
      cards.map((c) => c.id),
      cards.map((c) => c.code_hash),
      cards.map((c) => c.code_enc),
      cards.map((c) => c.code_tail),
      cards.map((c) => c.pin_hash),
      cards.map((c) => c.seq),
    ],
  );
  const got = new Set(r.rows.map((x) => x.id));
  return { inserted: r.rows.length, skippedIds: cards.filter((c) => !got.has(c.id)).map((c) => c.id) };
}

/** The highest generation number in a batch (imports continue after it). */
export async function maxSeq(q: Sql, tenantId: string, batchId: string): Promise<number> {
  return Number((await q.query('SELECT coalesce(max(seq), 0)::int8 AS m FROM cards WHERE tenant_id = $1 AND batch_id = $2', [tenantId, batchId])).rows[0].m);
}
