import { Redis } from 'ioredis';
import type { Sql } from '../../db/index.js';

/**
 * Limit counters 频控计数: in Redis when REDIS_URL is set, else in the database (risk_counters). One
 * round trip takes every counter an action needs, each atomically and never past its limit: a
 * conditional upsert (PostgreSQL, PGlite) or one Lua script (Redis). A counter is a ring of k slots
 * (windows.ts): the sum of the slots still in the window is compared with the limit.
 * There is no failover between the two: when the store does not answer, each rule fails open or
 * closed by its own setting (engine.ts).
 */
export interface Take {
  rule: string;
  subject: string;
  k: number;
  idx: number;
  b: number;
  lim: number;
  ttlMs: number;
}

export interface CounterStore {
  /** takes one from each counter whose window holds fewer than its limit; which were taken */
  take(tenantId: string, takes: Take[], now: number): Promise<boolean[]>;
  /** gives back one taken in the same bucket (if it is still there) */
  give(tenantId: string, takes: Take[]): Promise<void>;
  /** the count in each window now */
  peek(tenantId: string, takes: Take[]): Promise<number[]>;
  sweep(now: number): Promise<void>;
  close(): Promise<void>;
}

const rows = (takes: Take[], now: number) =>
  JSON.stringify(
    takes.map((t) => ({
      rule_id: t.rule,
      subject: t.subject,
      k: t.k,
      idx: t.idx,
      b: t.b,
      lim: t.lim,
      slot_b: Array.from({ length: t.k }, (_, i) => (i + 1 === t.idx ? t.b : -1)),
      slot_n: Array.from({ length: t.k }, (_, i) => (i + 1 === t.idx ? 1 : 0)),
      expires_ms: now + t.ttlMs,
    })),
  );
const live = (g: string, v: string) =>
  `(SELECT coalesce(sum(t.n), 0) FROM unnest(${g}.slot_b, ${g}.slot_n) AS t(b, n) WHERE t.b > ${v}.b - ${v}.k AND t.b <= ${v}.b)`;
export const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
const TAKE_SQL = `INSERT INTO risk_counters AS g (tenant_id, rule_id, subject, k, idx, b, lim, slot_b, slot_n, expires_ms)
  SELECT $1, v.rule_id, v.subject, v.k, v.idx, v.b, v.lim, v.slot_b, v.slot_n, v.expires_ms
  FROM ROWS FROM (jsonb_to_recordset($2::jsonb) AS (rule_id text, subject text, k int, idx int, b int8, lim int, slot_b int8[], slot_n int[], expires_ms int8)) WITH ORDINALITY AS v(rule_id, subject, k, idx, b, lim, slot_b, slot_n, expires_ms, n)
  ORDER BY v.n
  ON CONFLICT (tenant_id, rule_id, subject) DO UPDATE SET
    slot_n[EXCLUDED.idx] = CASE WHEN g.slot_b[EXCLUDED.idx] = EXCLUDED.b THEN g.slot_n[EXCLUDED.idx] + 1 ELSE 1 END,
    slot_b[EXCLUDED.idx] = EXCLUDED.b,
    idx = EXCLUDED.idx, b = EXCLUDED.b, lim = EXCLUDED.lim, expires_ms = greatest(g.expires_ms, EXCLUDED.expires_ms)
  WHERE g.k = EXCLUDED.k AND ${live('g', 'EXCLUDED')} < EXCLUDED.lim
  RETURNING rule_id, subject`;
const GIVE_SQL = `UPDATE risk_counters AS g SET slot_n[v.idx] = g.slot_n[v.idx] - 1
  FROM jsonb_to_recordset($2::jsonb) AS v(rule_id text, subject text, idx int, b int8)
  WHERE g.tenant_id = $1 AND g.rule_id = v.rule_id AND g.subject = v.subject AND g.slot_b[v.idx] = v.b AND g.slot_n[v.idx] > 0`;
const PEEK_SQL = `SELECT v.rule_id, v.subject, ${live('g', 'v')}::int AS n
  FROM jsonb_to_recordset($2::jsonb) AS v(rule_id text, subject text, k int, b int8)
  JOIN risk_counters g ON g.tenant_id = $1 AND g.rule_id = v.rule_id AND g.subject = v.subject`;

/** Counters in the database: `db` must be the pool, never a transaction (a rollback would undo a count), except where a rollback should. */
export function sqlCounters(db: Sql): CounterStore {
  return {
    async take(tenantId, takes, now) {
      if (!takes.length) return [];
      // in key order, as a group takes them (counters-grouped.ts): rows are locked in one order, so the two never deadlock
      const ordered = [...takes].sort((x, y) => cmp(`${x.rule}\n${x.subject}`, `${y.rule}\n${y.subject}`));
      const r = await db.query<{ rule_id: string; subject: string }>(TAKE_SQL, [tenantId, rows(ordered, now)]);
      const got = new Set(r.rows.map((x) => `${x.rule_id}\n${x.subject}`));
      return takes.map((t) => got.has(`${t.rule}\n${t.subject}`));
    },
    async give(tenantId, takes) {
      if (takes.length) await db.query(GIVE_SQL, [tenantId, rows(takes, 0)]);
    },
    async peek(tenantId, takes) {
      if (!takes.length) return [];
      const r = await db.query<{ rule_id: string; subject: string; n: number }>(PEEK_SQL, [tenantId, rows(takes, 0)]);
      const n = new Map(r.rows.map((x) => [`${x.rule_id}\n${x.subject}`, Number(x.n)]));
      return takes.map((t) => n.get(`${t.rule}\n${t.subject}`) ?? 0);
    },
    async sweep(now) {
      await db.query('DELETE FROM risk_counters WHERE expires_ms < $1', [now]);
    },
    async close() {},
  };
}

// KEYS: one hash per counter (fields b1..bk, n1..nk). ARGV: op, then per key k, idx, b, lim, ttl.
const LUA = `
local op, out = ARGV[1], {}
for i, key in ipairs(KEYS) do
  local o = 1 + (i - 1) * 5
  local k, idx, b, lim, ttl = tonumber(ARGV[o+1]), tonumber(ARGV[o+2]), tonumber(ARGV[o+3]), tonumber(ARGV[o+4]), tonumber(ARGV[o+5])
  local h = redis.call('HGETALL', key)
  local f = {}
  for j = 1, #h, 2 do f[h[j]] = tonumber(h[j+1]) end
  local sum = 0
  for j = 1, k do
    local sb = f['b'..j]
    if sb and sb > b - k and sb <= b then sum = sum + (f['n'..j] or 0) end
  end
  if op == 'peek' then out[i] = sum
  elseif op == 'give' then
    if f['b'..idx] == b and (f['n'..idx] or 0) > 0 then redis.call('HINCRBY', key, 'n'..idx, -1) end
    out[i] = 0
  elseif sum < lim then
    if f['b'..idx] == b then redis.call('HINCRBY', key, 'n'..idx, 1) else redis.call('HSET', key, 'b'..idx, b, 'n'..idx, 1) end
    redis.call('PEXPIRE', key, ttl)
    out[i] = 1
  else out[i] = 0 end
end
return out`;

export function redisCounters(url: string): CounterStore {
  // no offline queue and a short timeout: while Redis is away a rule fails open or closed at once
  const redis = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 500, enableOfflineQueue: false });
  redis.on('error', () => {}); // it reconnects by itself
  redis.setMaxListeners(0);
  redis.defineCommand('riskCount', { lua: LUA });
  // while it is (re)connecting, a command waits up to 500 ms for it (a fresh process's first requests); while it is down, none waits
  const connected = () =>
    redis.status === 'ready' || !['connecting', 'connect'].includes(redis.status)
      ? undefined
      : new Promise<void>((done) => {
          const t = setTimeout(done, 500);
          redis.once('ready', () => (clearTimeout(t), done()));
        });
  const run = async (op: string, tenantId: string, takes: Take[]) => {
    if (!takes.length) return [];
    await connected();
    const keys = takes.map((t) => `kq:risk:${tenantId}:${t.rule}:${t.subject}`);
    const args = takes.flatMap((t) => [t.k, t.idx, t.b, t.lim, t.ttlMs]);
    // EVALSHA with the script's hash (ioredis loads it once), not the script's text every time
    return ((await (redis as unknown as { riskCount(...a: unknown[]): Promise<number[]> }).riskCount(keys.length, ...keys, op, ...args)) as number[]).map(
      Number,
    );
  };
  return {
    take: async (tenantId, takes) => (await run('take', tenantId, takes)).map((x) => x === 1),
    give: async (tenantId, takes) => void (await run('give', tenantId, takes)),
    peek: (tenantId, takes) => run('peek', tenantId, takes),
    async sweep() {}, // keys expire by themselves
    async close() {
      redis.disconnect();
    },
  };
}
