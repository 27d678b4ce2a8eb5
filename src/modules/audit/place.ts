import type { Sql } from '../../db/index.js';

export interface Place {
  /** the entry's place in the chain: 1 for the first entry seal 1 covers */
  seq: number;
  seal: number;
  /** the mac of that seal, hex */
  hash: string;
}

/**
 * Where each of a page of entries sits in the chain (for display; verification never relies on it).
 * A seal covers ids above the previous seal's done_id and up to its own high_id, and both only grow
 * with the seal number, so the seals a page can touch are one short run of numbers.
 */
export async function placeInChain(q: Sql, tenantId: string, ids: number[]): Promise<Map<number, Place>> {
  const places = new Map<number, Place>();
  if (!ids.length) return places;
  const wanted = new Set(ids);
  const seals = await q.query<{ seq: number; entries: number; entry_ids: unknown[]; mac: string }>(
    `SELECT seq, entries, entry_ids, encode(mac, 'hex') AS mac FROM audit_seals
     WHERE tenant_id = $1
       AND seq >= (SELECT seq FROM audit_seals WHERE tenant_id = $1 AND high_id >= $2 ORDER BY high_id, seq LIMIT 1)
       AND seq <= coalesce((SELECT seq FROM audit_seals WHERE tenant_id = $1 AND done_id < $3 ORDER BY done_id DESC, seq DESC LIMIT 1), 0) + 1`,
    [tenantId, Math.min(...ids), Math.max(...ids)],
  );
  for (const s of seals.rows) {
    const first = Number(s.entries) - s.entry_ids.length;
    s.entry_ids.forEach((raw, i) => {
      const id = Number(raw);
      if (wanted.has(id)) places.set(id, { seq: first + i + 1, seal: Number(s.seq), hash: s.mac });
    });
  }
  return places;
}
