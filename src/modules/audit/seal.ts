import type { Db, Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import { ENTRY_COLUMNS, GENESIS, microsIso, sealMac, type SealedEntry } from './mac.js';

export type AuditCtx = Pick<Ctx, 'db' | 'keys' | 'clock'>;

/** Entries per seal at most: one seal is one transaction. */
const BLOCK = 5000;
/**
 * A seal is settled once every transaction that was running when it was written has ended and this
 * long has passed: by then every entry with an id up to what it saw has committed (or never will).
 */
const SETTLE_MS = 5_000;
const xmin = `pg_snapshot_xmin(pg_current_snapshot())::text::int8`;
const xmax = `pg_snapshot_xmax(pg_current_snapshot())::text::int8`;

/**
 * Tenants for which a round in this process found every entry sealed after their newest seal had
 * settled: no entry can commit below it any more, so they need no round until a new entry comes.
 * Only saves work; a process that does not know a tenant checks it once.
 */
const settled = new Map<string, number>();

interface Last {
  seq: number;
  mac: Buffer;
  entries: number;
  done_id: number;
  high_id: number;
}

const ids = (a: unknown[]) => a.map(Number);

/**
 * Seals the next block of a tenant's unsealed entries: one new audit_seals row, appended; the
 * entries themselves are never updated. Entries commit late (a lower id than one already sealed)
 * while their transaction runs, so the block is "what is visible and not yet covered", and seal
 * order is chain order. Only sealers take the tenant's lock; requests never wait on it.
 */
export async function sealChain(ctx: AuditCtx, tenantId: string): Promise<number> {
  return ctx.db.tx(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock(7302, hashtext($1))', [tenantId]);
    const last = await newestSeal(q, tenantId);
    const now = ctx.clock.now();
    // the newest settled seal: all entries up to its seen_id are visible now (read before the scan)
    const settledSeal = (
      await q.query<{ seq: number; seen_id: number }>(
        `SELECT seq, seen_id FROM audit_seals WHERE tenant_id = $1 AND sealed_at <= $2 AND txid_max <= ${xmin} ORDER BY seq DESC LIMIT 1`,
        [tenantId, new Date(now.getTime() - SETTLE_MS)],
      )
    ).rows[0];
    // every entry at or below done_id is covered; above it, skip what recent seals already cover
    const covered = new Set<number>();
    const recent = await q.query<{ entry_ids: unknown[] }>(`SELECT entry_ids FROM audit_seals WHERE tenant_id = $1 AND high_id > $2`, [tenantId, last.done_id]);
    for (const r of recent.rows) for (const id of ids(r.entry_ids)) if (id > last.done_id) covered.add(id);
    const limit = BLOCK + covered.size;
    const scanned = ids(
      (
        await q.query<{ id: number }>(`SELECT id FROM audit_entries WHERE tenant_id = $1 AND id > $2 ORDER BY id LIMIT $3`, [tenantId, last.done_id, limit])
      ).rows.map((r) => r.id),
    );
    const take = scanned.filter((id) => !covered.has(id)).slice(0, BLOCK);
    if (!take.length) {
      if (settledSeal && Number(settledSeal.seq) === last.seq) settled.set(tenantId, last.seq);
      return 0;
    }
    // every entry this scan could see up to `seen` is now covered (less than all it saw when the block is full)
    const full = take.length === BLOCK;
    const seen = full ? take[take.length - 1] : Math.max(last.done_id, scanned[scanned.length - 1]);
    const done = Math.max(last.done_id, settledSeal ? Math.min(Number(settledSeal.seen_id), seen) : 0);
    const entries = (
      await q.query<SealedEntry>(`SELECT ${ENTRY_COLUMNS} FROM audit_entries WHERE tenant_id = $1 AND id = ANY($2::int8[]) ORDER BY id`, [tenantId, take])
    ).rows;
    const head = { tenantId, seq: last.seq + 1, entries: last.entries + entries.length, sealedAt: microsIso(now) };
    const mac = await sealMac(ctx.keys, last.mac, head, entries);
    // txid_max is read here, after the scan: a transaction that was still running at the scan has a lower id
    await q.query(
      `INSERT INTO audit_seals (tenant_id, seq, entry_ids, entries, sealed_at, mac, done_id, seen_id, high_id, txid_max)
       VALUES ($1, $2, $3::int8[], $4, $5, $6, $7, $8, $9, ${xmax})`,
      [tenantId, head.seq, entries.map((e) => Number(e.id)), head.entries, now, mac, done, seen, Math.max(last.high_id, take[take.length - 1])],
    );
    return entries.length;
  });
}

async function newestSeal(q: Sql, tenantId: string): Promise<Last> {
  const r = (await q.query(`SELECT seq, mac, entries, done_id, high_id FROM audit_seals WHERE tenant_id = $1 ORDER BY seq DESC LIMIT 1`, [tenantId])).rows[0];
  if (!r) return { seq: 0, mac: GENESIS, entries: 0, done_id: 0, high_id: 0 };
  return { seq: Number(r.seq), mac: Buffer.from(r.mac), entries: Number(r.entries), done_id: Number(r.done_id), high_id: Number(r.high_id) };
}

/**
 * The tenants with something to seal: an entry above their newest seal's high_id, or a newest seal
 * not yet known to be settled here. One statement: it steps from tenant to tenant through the index.
 */
async function tenantsToSeal(db: Db): Promise<string[]> {
  const r = await db.query<{ tenant_id: string; seq: number | null; fresh: boolean }>(
    `WITH RECURSIVE t(tenant_id) AS (
       (SELECT tenant_id FROM audit_entries ORDER BY tenant_id LIMIT 1)
       UNION ALL
       SELECT (SELECT a.tenant_id FROM audit_entries a WHERE a.tenant_id > t.tenant_id ORDER BY a.tenant_id LIMIT 1) FROM t WHERE t.tenant_id IS NOT NULL)
     SELECT t.tenant_id, s.seq,
       EXISTS (SELECT 1 FROM audit_entries a WHERE a.tenant_id = t.tenant_id AND a.id > coalesce(s.high_id, 0)) AS fresh
     FROM t LEFT JOIN LATERAL (SELECT seq, high_id FROM audit_seals s WHERE s.tenant_id = t.tenant_id ORDER BY seq DESC LIMIT 1) s ON true
     WHERE t.tenant_id IS NOT NULL`,
  );
  return r.rows.filter((t) => t.fresh || settled.get(t.tenant_id) !== Number(t.seq ?? 0)).map((t) => t.tenant_id);
}

/**
 * The audit.seal job: seals every tenant's unsealed entries, block by block, up to what was visible
 * when it started. A block that is not full took everything visible, so the round ends there: what
 * commits meanwhile waits for the next run. (Looping until a round found nothing never ended while
 * requests kept appending: under load it sealed a few entries at a time, back to back — 0.3 to 0.5
 * statements per redemption beside the requests it shares the process and the cores with — and held
 * the job worker, so the event subscribers waited behind it: docs/performance.md.)
 */
export async function sealAll(ctx: AuditCtx): Promise<number> {
  let n = 0;
  for (const tenantId of await tenantsToSeal(ctx.db)) {
    let k: number;
    do n += k = await sealChain(ctx, tenantId);
    while (k === BLOCK);
  }
  return n;
}
