import type { Keyring } from '../../secrets.js';

/** What "the mac of seal 0" is: the first seal of every tenant chains onto it. */
export const GENESIS: Buffer = Buffer.alloc(32);

/** An audit entry as the seal covers it: every column as exact text, the same on PGlite and PostgreSQL. */
export interface SealedEntry {
  id: number;
  actor: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  data: string | null;
  created_at: string;
}

export const ENTRY_COLUMNS = `id, actor, action, target_type, target_id, data::text AS data,
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at`;
export const SEALED_AT_TEXT = `to_char(sealed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** A JS time (milliseconds) written the way SEALED_AT_TEXT reads it back. */
export const microsIso = (d: Date) => d.toISOString().replace('Z', '000Z');

export interface SealHead {
  tenantId: string;
  seq: number;
  /** entries covered by seals 1..seq */
  entries: number;
  sealedAt: string;
}

/**
 * mac = HMAC-SHA256(audit key, previous mac ‖ the seal's header ‖ each covered entry, in chain order).
 * One JSON line per part, so no two different seals read the same. Hashes in slices of 250 entries:
 * the sealer shares its process with requests, and they run in between.
 */
export async function sealMac(keys: Keyring, prev: Buffer, head: SealHead, entries: SealedEntry[]): Promise<Buffer> {
  const h = keys.auditMac().update(prev);
  h.update(`${JSON.stringify(['kaquan-audit-seal-1', head.tenantId, head.seq, head.entries, head.sealedAt, entries.length])}\n`);
  for (const [i, e] of entries.entries()) {
    if (i && i % 250 === 0) await new Promise((res) => setImmediate(res));
    h.update(`${JSON.stringify([Number(e.id), e.actor, e.action, e.target_type, e.target_id, e.data, e.created_at])}\n`);
  }
  return h.digest();
}
