import { createHash } from 'node:crypto';
import type { Db, Sql } from '../../db/index.js';

export interface AuditInput {
  tenantId: string;
  actor: string;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  data?: unknown;
  at: Date;
}

/** Hot path: an append, nothing else. Sealing into the chain happens behind it (sealChain). */
export async function appendAudit(q: Sql, e: AuditInput): Promise<void> {
  await q.query(
    `INSERT INTO audit_entries (tenant_id, actor, action, target_type, target_id, data, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [e.tenantId, e.actor, e.action, e.targetType ?? null, e.targetId ?? null, e.data === undefined ? null : JSON.stringify(e.data), e.at],
  );
}

interface Row {
  id: number;
  seq: number | null;
  actor: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  data: unknown;
  created_at: Date;
  prev_hash: Uint8Array | null;
  hash: Uint8Array | null;
}

const GENESIS: Buffer = Buffer.alloc(32);

/** hash = SHA-256(prev_hash || the entry's content, including its place in the chain) */
export function entryHash(tenantId: string, seq: number, r: Row, prev: Buffer): Buffer {
  const content = JSON.stringify([tenantId, seq, r.actor, r.action, r.target_type, r.target_id, r.data, new Date(r.created_at).toISOString()]);
  return createHash('sha256').update(prev).update(content).digest();
}

/**
 * Seals a tenant's unsealed entries into its chain, in id order, in one transaction. Only sealers
 * lock the head row; requests never wait on it. An entry that commits late (a lower id than one
 * already sealed) is simply sealed in the next round: chain order is seal order.
 */
export async function sealChain(db: Db, tenantId: string, limit = 5000): Promise<number> {
  return db.tx(async (q) => {
    await q.query(`INSERT INTO audit_heads (tenant_id, seq, hash, sealed_at) VALUES ($1, 0, $2, now()) ON CONFLICT DO NOTHING`, [tenantId, GENESIS]);
    const head = (await q.query<{ seq: number; hash: Uint8Array }>('SELECT seq, hash FROM audit_heads WHERE tenant_id = $1 FOR UPDATE', [tenantId])).rows[0];
    const rows = (
      await q.query<Row>(
        `SELECT id, seq, actor, action, target_type, target_id, data, created_at, prev_hash, hash FROM audit_entries
         WHERE tenant_id = $1 AND seq IS NULL ORDER BY id LIMIT $2`,
        [tenantId, limit],
      )
    ).rows;
    if (!rows.length) return 0;
    let prev: Buffer = Buffer.from(head.hash);
    let seq = Number(head.seq);
    const ids: number[] = [], seqs: number[] = [], prevs: Buffer[] = [], hashes: Buffer[] = [];
    for (const [i, r] of rows.entries()) {
      // the sealer shares its process with requests: hash in slices, letting them run in between
      if (i && i % 250 === 0) await new Promise((res) => setImmediate(res));
      seq += 1;
      const h = entryHash(tenantId, seq, r, prev);
      ids.push(r.id); seqs.push(seq); prevs.push(prev); hashes.push(h);
      prev = h;
    }
    await q.query(
      `UPDATE audit_entries a SET seq = u.seq, prev_hash = u.prev, hash = u.hash
       FROM unnest($2::bigint[], $3::bigint[], $4::bytea[], $5::bytea[]) AS u(id, seq, prev, hash)
       WHERE a.tenant_id = $1 AND a.id = u.id`,
      [tenantId, ids, seqs, prevs, hashes],
    );
    await q.query('UPDATE audit_heads SET seq = $2, hash = $3, sealed_at = now() WHERE tenant_id = $1', [tenantId, seq, prev]);
    return rows.length;
  });
}

export async function sealAll(db: Db): Promise<number> {
  const tenants = (await db.query<{ tenant_id: string }>('SELECT DISTINCT tenant_id FROM audit_entries WHERE seq IS NULL')).rows;
  let n = 0;
  for (const t of tenants) {
    let k;
    do n += k = await sealChain(db, t.tenant_id); while (k > 0);
  }
  return n;
}

export interface VerifyResult {
  ok: boolean;
  entries: number;
  head_seq: number;
  head_hash: string;
  unsealed: number;
  broken_at_seq?: number;
  reason?: string;
}

/** Walks the chain from the start: any edit, insertion or deletion breaks a hash or the numbering. */
export async function verifyChain(db: Db, tenantId: string): Promise<VerifyResult> {
  const head = (await db.query<{ seq: number; hash: Uint8Array }>('SELECT seq, hash FROM audit_heads WHERE tenant_id = $1', [tenantId])).rows[0];
  const unsealed = Number((await db.query('SELECT count(*)::int8 AS n FROM audit_entries WHERE tenant_id = $1 AND seq IS NULL', [tenantId])).rows[0].n);
  let prev: Buffer = GENESIS;
  let expected = 1;
  let after = 0;
  const fail = (reason: string, at: number): VerifyResult => ({
    ok: false, entries: expected - 1, head_seq: Number(head?.seq ?? 0), head_hash: Buffer.from(head?.hash ?? GENESIS).toString('hex'), unsealed, broken_at_seq: at, reason,
  });
  for (;;) {
    const rows = (
      await db.query<Row>(
        `SELECT id, seq, actor, action, target_type, target_id, data, created_at, prev_hash, hash FROM audit_entries
         WHERE tenant_id = $1 AND seq > $2 ORDER BY seq LIMIT 5000`,
        [tenantId, after],
      )
    ).rows;
    if (!rows.length) break;
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expected) return fail(seq > expected ? 'an entry is missing' : 'an entry was inserted', expected);
      if (!Buffer.from(r.prev_hash!).equals(prev)) return fail('an entry was removed or reordered', seq);
      const h = entryHash(tenantId, seq, r, prev);
      if (!h.equals(Buffer.from(r.hash!))) return fail('an entry was edited', seq);
      prev = h;
      expected++;
      after = seq;
    }
  }
  const headSeq = Number(head?.seq ?? 0);
  if (expected - 1 !== headSeq) return fail(expected - 1 < headSeq ? 'the chain is shorter than its head says' : 'entries were added after the head', Math.min(expected, headSeq + 1));
  if (head && !prev.equals(Buffer.from(head.hash))) return fail('the head does not match the chain', headSeq);
  return { ok: true, entries: expected - 1, head_seq: headSeq, head_hash: prev.toString('hex'), unsealed };
}
