import { timingSafeEqual } from 'node:crypto';
import { ENTRY_COLUMNS, GENESIS, SEALED_AT_TEXT, sealMac, type SealedEntry } from './mac.js';
import { readHead, type Anchor, type Head } from './head.js';
import type { AuditCtx } from './seal.js';
import { invalid } from '../../errors.js';

/** The sealer runs every few seconds: an entry left unsealed longer than this lost its seal. */
export const SEAL_DELAY_MS = 5 * 60_000;

export interface VerifyResult {
  ok: boolean;
  /** seals (and the entries they cover) verified, from seal 1 on */
  seals: number;
  entries: number;
  /** entries no seal covers yet */
  unsealed: number;
  /** the newest seal in the database (verified only when ok) */
  head: Head | null;
  broken_at_seal?: number;
  reason?: string;
}

const same = (a: Buffer, b: Buffer) => a.length === b.length && timingSafeEqual(a, b);

/**
 * Walks the chain from seal 1 with the audit key. Refuses a missing seal number, a seal whose mac
 * does not verify (an entry it covers was edited, or the seal was altered or forged), a covered entry
 * that is missing, an entry sealed twice, and entries left unsealed past SEAL_DELAY_MS (what deleting
 * seals leaves). With an exported head (`anchor`) it also proves that the chain still passes through
 * it: a rewrite at or before that seal is caught even when everything after it was sealed again.
 */
export async function verifyChain(ctx: AuditCtx, tenantId: string, anchor?: Anchor): Promise<VerifyResult> {
  const { db } = ctx;
  const head = await readHead(db, tenantId);
  if (anchor?.tenant_id !== undefined && anchor.tenant_id !== tenantId) throw invalid('head', 'this head was exported for another tenant');
  const loose = (
    await db.query(
      `WITH covered AS (SELECT unnest(entry_ids) AS id FROM audit_seals WHERE tenant_id = $1)
       SELECT count(*)::int8 AS n, count(*) FILTER (WHERE a.created_at < $2)::int8 AS stale FROM audit_entries a
       WHERE a.tenant_id = $1 AND NOT EXISTS (SELECT 1 FROM covered c WHERE c.id = a.id)`,
      [tenantId, new Date(ctx.clock.now().getTime() - SEAL_DELAY_MS)],
    )
  ).rows[0];
  const unsealed = Number(loose.n);
  const stale = Number(loose.stale);
  // the first seal that covers an entry an earlier seal covers already
  const twice = (
    await db.query(
      `SELECT max(s.seq) AS seq FROM audit_seals s, unnest(s.entry_ids) AS x(id) WHERE s.tenant_id = $1
       GROUP BY x.id HAVING count(*) > 1 ORDER BY 1 LIMIT 1`,
      [tenantId],
    )
  ).rows[0];
  const twiceAt = twice ? Number(twice.seq) : Infinity;

  let seals = 0;
  let entries = 0;
  let prev: Buffer = GENESIS;
  const result = (reason?: string, at?: number): VerifyResult => ({
    ok: !reason,
    seals,
    entries,
    unsealed,
    head,
    ...(reason ? { reason, ...(at ? { broken_at_seal: at } : {}) } : {}),
  });
  for (;;) {
    const page = (
      await db.query(
        `SELECT seq, entry_ids, entries, ${SEALED_AT_TEXT} AS sealed_at, mac FROM audit_seals WHERE tenant_id = $1 AND seq > $2 ORDER BY seq LIMIT 50`,
        [tenantId, seals],
      )
    ).rows;
    if (!page.length) break;
    for (const s of page) {
      const seq = seals + 1;
      if (Number(s.seq) !== seq) return result(`seal ${seq} is missing: seals were deleted`, seq);
      if (seq === twiceAt) return result(`seal ${seq} covers an entry that an earlier seal covers already`, seq);
      const ids: number[] = s.entry_ids.map(Number);
      const rows = (await db.query<SealedEntry>(`SELECT ${ENTRY_COLUMNS} FROM audit_entries WHERE tenant_id = $1 AND id = ANY($2::int8[])`, [tenantId, ids]))
        .rows;
      const byId = new Map(rows.map((r) => [Number(r.id), r]));
      const missing = ids.find((id) => !byId.has(id));
      if (missing !== undefined) return result(`entry ${missing}, sealed in seal ${seq}, is missing: it was deleted`, seq);
      const total = entries + ids.length;
      const mac = await sealMac(
        ctx.keys,
        prev,
        { tenantId, seq, entries: total, sealedAt: s.sealed_at },
        ids.map((id) => byId.get(id)!),
      );
      if (!same(mac, Buffer.from(s.mac)) || Number(s.entries) !== total) {
        return result(`seal ${seq} does not verify: an entry it covers was edited, or the seal was altered or forged`, seq);
      }
      if (anchor && anchor.seal === seq && (!same(mac, anchor.mac) || (anchor.entries !== undefined && anchor.entries !== total))) {
        return result(`the chain no longer passes through the exported head (seal ${seq}): it was rewritten at or before that seal`, seq);
      }
      prev = mac;
      seals = seq;
      entries = total;
    }
  }
  if (anchor && anchor.seal > seals) {
    return result(`the chain ends at seal ${seals}, before the exported head (seal ${anchor.seal}): seals were deleted`, seals + 1);
  }
  if (stale) {
    return result(
      `${stale} entries older than ${SEAL_DELAY_MS / 60_000} minutes are not sealed: their seals were deleted, or no process runs the audit.seal job`,
    );
  }
  return result();
}
