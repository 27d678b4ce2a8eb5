import type { Db } from '../../db/index.js';
import { batcher } from '../../db/batcher.js';
import { cmp, sqlCounters, type CounterStore, type Take } from './counters.js';

/**
 * Database counters taken in groups 合并计数: a busy store's "per store per minute" counter is one row
 * that every redemption there takes from. Taken one statement each, those takes queue on the row's
 * lock, a commit apiece. Here the takes that arrive while a group is running wait and go together
 * (src/db/batcher.ts: an idle process takes alone, in the one conditional upsert): one transaction
 * locks every counter the group names (in key order, so two groups never deadlock), applies each
 * take in arrival order with the same rule as the upsert and the Redis script — one more only while
 * the window holds fewer than the limit — and writes each counter once. Exact as before; one commit
 * for the whole group.
 */
interface Ask {
  tenantId: string;
  takes: Take[];
  now: number;
}
interface Row {
  tenant_id: string;
  rule_id: string;
  subject: string;
  k: number;
  idx: number;
  b: number;
  lim: number;
  slot_b: number[];
  slot_n: number[];
  expires_ms: number;
  dirty?: boolean;
}
const keyOf = (tenantId: string, t: { rule: string; subject: string }) => `${tenantId}\n${t.rule}\n${t.subject}`;

// every counter of the group, made if new (empty) and locked; a no-op update returns the row as it is now
const LOCK_SQL = `INSERT INTO risk_counters AS g (tenant_id, rule_id, subject, k, idx, b, lim, slot_b, slot_n, expires_ms)
  SELECT v.tenant_id, v.rule_id, v.subject, v.k, 1, -1, v.lim, array_fill(-1::int8, ARRAY[v.k]), array_fill(0, ARRAY[v.k]), v.expires_ms
  FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (tenant_id text, rule_id text, subject text, k int, lim int, expires_ms int8)) WITH ORDINALITY AS v(tenant_id, rule_id, subject, k, lim, expires_ms, n) ORDER BY v.n
  ON CONFLICT (tenant_id, rule_id, subject) DO UPDATE SET k = g.k
  RETURNING tenant_id, rule_id, subject, k, idx, b, lim, slot_b, slot_n, expires_ms`;
const WRITE_SQL = `UPDATE risk_counters AS g SET idx = v.idx, b = v.b, lim = v.lim, slot_b = v.slot_b, slot_n = v.slot_n, expires_ms = v.expires_ms
  FROM jsonb_to_recordset($1::jsonb) AS v(tenant_id text, rule_id text, subject text, idx int, b int8, lim int, slot_b int8[], slot_n int[], expires_ms int8)
  WHERE g.tenant_id = v.tenant_id AND g.rule_id = v.rule_id AND g.subject = v.subject`;

/** One take on a locked counter: the same rule as TAKE_SQL and the Lua script. */
function apply(row: Row, t: Take, now: number): boolean {
  if (row.k !== t.k) return false;
  let live = 0;
  for (let j = 0; j < row.k; j++) if (row.slot_b[j]! > t.b - t.k && row.slot_b[j]! <= t.b) live += row.slot_n[j]!;
  if (live >= t.lim) return false;
  const i = t.idx - 1;
  if (row.slot_b[i] === t.b) row.slot_n[i]!++;
  else {
    row.slot_b[i] = t.b;
    row.slot_n[i] = 1;
  }
  Object.assign(row, { idx: t.idx, b: t.b, lim: t.lim, expires_ms: Math.max(row.expires_ms, now + t.ttlMs), dirty: true });
  return true;
}

async function takeGroup(db: Db, asks: Ask[]): Promise<boolean[][]> {
  const wanted = new Map<string, { tenant_id: string; rule_id: string; subject: string; k: number; lim: number; expires_ms: number }>();
  for (const a of asks)
    for (const t of a.takes)
      wanted.set(keyOf(a.tenantId, t), { tenant_id: a.tenantId, rule_id: t.rule, subject: t.subject, k: t.k, lim: t.lim, expires_ms: a.now + t.ttlMs });
  const sorted = [...wanted].sort(([x], [y]) => cmp(x, y)).map(([, v]) => v);
  for (let attempt = 1; ; attempt++) {
    try {
      return await lockAndTake(db, asks, sorted);
    } catch (e) {
      // a give-back (rare, unordered) may deadlock with a group: the loser rolled back whole and goes again
      if ((e as { code?: string }).code !== '40P01' || attempt === 3) throw e;
    }
  }
}

function lockAndTake(db: Db, asks: Ask[], sorted: unknown[]): Promise<boolean[][]> {
  return db.tx(async (q) => {
    const rows = new Map<string, Row>();
    for (const r of (await q.query<Row>(LOCK_SQL, [JSON.stringify(sorted)])).rows)
      rows.set(keyOf(r.tenant_id, { rule: r.rule_id, subject: r.subject }), {
        ...r,
        k: Number(r.k),
        b: Number(r.b),
        expires_ms: Number(r.expires_ms),
        slot_b: r.slot_b.map(Number),
        slot_n: r.slot_n.map(Number),
      });
    const got = asks.map((a) => a.takes.map((t) => apply(rows.get(keyOf(a.tenantId, t))!, t, a.now)));
    const dirty = [...rows.values()].filter((r) => r.dirty).map(({ dirty: _, ...r }) => r);
    if (dirty.length) await q.query(WRITE_SQL, [JSON.stringify(dirty)]);
    return got;
  });
}

/** Counters on the pool (`db`), concurrent takes grouped; gives and peeks as sqlCounters. */
export function groupedSqlCounters(db: Db): CounterStore {
  const one = sqlCounters(db);
  let seq = 0;
  const take = batcher<Ask, boolean[]>(
    (asks) => (asks.length === 1 ? one.take(asks[0]!.tenantId, asks[0]!.takes, asks[0]!.now).then((g) => [g]) : takeGroup(db, asks)),
    {
      lanes: 2,
      max: 200,
      key: () => String(seq++), // takes of one counter belong together: nothing keeps them apart
    },
  );
  return { ...one, take: (tenantId, takes, now) => (takes.length ? take({ tenantId, takes, now }) : Promise.resolve([])) };
}
