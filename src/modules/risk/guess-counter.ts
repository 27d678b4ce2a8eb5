import { Redis } from 'ioredis';
import type { Sql } from '../../db/index.js';

/**
 * The counting rules of the code-guessing guard (guard.ts has the decisions), and where the counts
 * live: Redis when REDIS_URL is set, otherwise the database (`guess_counters`). Either way every
 * process of a deployment shares one count per caller.
 *
 * Each caller has a level: +1 per failed attempt (an unknown code, a wrong PIN, or any attempt made
 * while over budget), draining at SOFT per WINDOW_MS. An attempt is answered while its level stays
 * ≤ SOFT: a burst of 20, then one every 3 s. At HARD the caller is locked for LOCK_MS; a lock within
 * a day of the last one lasts twice as long (15 min, 30, 60 … at most a day). During a lock nothing
 * is counted, so it ends when it said it would; afterwards the caller starts from an empty level.
 */
export const WINDOW_MS = 60_000;
export const SOFT = 20;
export const HARD = 60;
export const LOCK_MS = 15 * 60_000;
export const MAX_LOCK_MS = 24 * 3600_000;
export const DAY_MS = 24 * 3600_000;
export const RATE = SOFT / WINDOW_MS; // level drained per millisecond

/** The level at `now` (drained; a lock that ended leaves an empty level), and the lock's end or 0. */
export interface GuessState {
  level: number;
  lockedUntil: number;
}

/** After counting k attempts: the level they brought the caller to (they took levels level-k+1 … level), and a lock that began. */
export type Counted = { level: number; lockedUntil: number; wasLocked: false } | { level: null; lockedUntil: number; wasLocked: true };

export interface GuessStore {
  peek(tenantId: string, who: string, now: number): Promise<GuessState>;
  /** One atomic step: k failed attempts, unless the caller is locked (then nothing is counted). */
  count(tenantId: string, who: string, k: number, now: number): Promise<Counted>;
  /** Deletes what no longer says anything. */
  sweep(now: number): Promise<void>;
  /** Tests: forget these callers. */
  forget(keys: [string, string][]): Promise<void>;
  close(): Promise<void>;
}

export function drained(level: number, atMs: number, lockedUntil: number, now: number): GuessState {
  if (lockedUntil > now) return { level, lockedUntil };
  if (lockedUntil > 0) return { level: 0, lockedUntil: 0 };
  return { level: Math.max(0, level - (now - atMs) * RATE), lockedUntil: 0 };
}

// The one conditional upsert per run of misses. ON CONFLICT … WHERE: a locked caller's row is left
// alone and no row comes back. $1 tenant, $2 who, $3 k, $4 now (ms).
const level = `(CASE WHEN g.locked_until_ms > 0 THEN 0 ELSE greatest(0, g.level - ($4::int8 - g.at_ms) * ${RATE}) END + $3::int)`;
const strikes = `(CASE WHEN g.struck_at_ms > $4::int8 - ${DAY_MS} THEN g.strikes + 1 ELSE 1 END)`;
const COUNT_SQL = `INSERT INTO guess_counters AS g (tenant_id, who, level, at_ms, locked_until_ms, strikes, struck_at_ms, expires_ms)
  VALUES ($1, $2, $3::int, $4::int8, CASE WHEN $3::int >= ${HARD} THEN $4::int8 + ${LOCK_MS} ELSE 0 END,
    CASE WHEN $3::int >= ${HARD} THEN 1 ELSE 0 END, CASE WHEN $3::int >= ${HARD} THEN $4::int8 ELSE 0 END, $4::int8 + ${DAY_MS})
  ON CONFLICT (tenant_id, who) DO UPDATE SET
    level = ${level},
    at_ms = $4::int8,
    locked_until_ms = CASE WHEN ${level} >= ${HARD} THEN $4::int8 + least(${MAX_LOCK_MS}, ${LOCK_MS} * power(2, ${strikes} - 1))::int8 ELSE 0 END,
    strikes = CASE WHEN ${level} >= ${HARD} THEN ${strikes} ELSE g.strikes END,
    struck_at_ms = CASE WHEN ${level} >= ${HARD} THEN $4::int8 ELSE g.struck_at_ms END,
    expires_ms = $4::int8 + ${DAY_MS}
  WHERE g.locked_until_ms <= $4::int8
  RETURNING level, locked_until_ms`;

/** Counters in the database (PostgreSQL or PGlite): `db` must be the pool, never a transaction (a rollback would undo a count). */
export function sqlStore(db: Sql): GuessStore {
  const peek = async (tenantId: string, who: string, now: number) => {
    const r = await db.query<{ level: number; at_ms: number; locked_until_ms: number }>(
      'SELECT level, at_ms, locked_until_ms FROM guess_counters WHERE tenant_id = $1 AND who = $2',
      [tenantId, who],
    );
    const row = r.rows[0];
    return row ? drained(Number(row.level), Number(row.at_ms), Number(row.locked_until_ms), now) : { level: 0, lockedUntil: 0 };
  };
  return {
    peek,
    async count(tenantId, who, k, now) {
      const r = await db.query<{ level: number; locked_until_ms: number }>(COUNT_SQL, [tenantId, who, k, now]);
      const row = r.rows[0];
      if (row) return { level: Number(row.level), lockedUntil: Number(row.locked_until_ms), wasLocked: false };
      // locked: nothing was counted; read when the lock ends (it cannot end early, so a late read only says more)
      return { level: null, lockedUntil: Math.max((await peek(tenantId, who, now)).lockedUntil, now + 1_000), wasLocked: true };
    },
    async sweep(now) {
      await db.query('DELETE FROM guess_counters WHERE expires_ms < $1', [now]);
    },
    async forget(keys) {
      for (const [t, w] of keys) await db.query('DELETE FROM guess_counters WHERE tenant_id = $1 AND who = $2', [t, w]);
    },
    async close() {},
  };
}

// The same step in Redis, as one script (atomic): a hash per caller that expires a day after its last write.
const COUNT_LUA = `
local now, k = tonumber(ARGV[1]), tonumber(ARGV[2])
local h = redis.call('HMGET', KEYS[1], 'l', 'a', 'u', 's', 't')
local u = tonumber(h[3]) or 0
if u > now then return {'locked', tostring(u)} end
local l = 0
if u == 0 and h[1] then l = math.max(0, tonumber(h[1]) - (now - tonumber(h[2])) * ${RATE}) end
l = l + k
local s, t = tonumber(h[4]) or 0, tonumber(h[5]) or 0
u = 0
if l >= ${HARD} then
  if t > now - ${DAY_MS} then s = s + 1 else s = 1 end
  t = now
  u = now + math.min(${MAX_LOCK_MS}, ${LOCK_MS} * 2 ^ (s - 1))
end
redis.call('HSET', KEYS[1], 'l', tostring(l), 'a', tostring(now), 'u', tostring(u), 's', tostring(s), 't', tostring(t))
redis.call('PEXPIRE', KEYS[1], ${DAY_MS})
return {tostring(l), tostring(u)}`;

export function redisStore(url: string): GuessStore & { ready(): boolean } {
  // no offline queue: while Redis is away a command fails at once and the database counts instead
  const redis = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 500, enableOfflineQueue: false });
  redis.on('error', () => {}); // it reconnects by itself
  const key = (tenantId: string, who: string) => `kq:guess:${tenantId}:${who}`;
  return {
    ready: () => redis.status === 'ready',
    async peek(tenantId, who, now) {
      const [l, a, u] = await redis.hmget(key(tenantId, who), 'l', 'a', 'u');
      return l === null ? { level: 0, lockedUntil: 0 } : drained(Number(l), Number(a), Number(u), now);
    },
    async count(tenantId, who, k, now) {
      const [l, u] = (await redis.eval(COUNT_LUA, 1, key(tenantId, who), now, k)) as [string, string];
      return l === 'locked' ? { level: null, lockedUntil: Number(u), wasLocked: true } : { level: Number(l), lockedUntil: Number(u), wasLocked: false };
    },
    async sweep() {}, // keys expire by themselves
    async forget(keys) {
      if (keys.length) await redis.del(...keys.map(([t, w]) => key(t, w)));
    },
    async close() {
      redis.disconnect();
    },
  };
}

/** Redis while it answers; the database while it does not (never this process's memory: that would multiply the budget by the processes). */
export function failover(primary: GuessStore & { ready(): boolean }, fallback: GuessStore): GuessStore {
  const either =
    <A extends unknown[], R>(op: (s: GuessStore) => (...a: A) => Promise<R>) =>
    (...a: A): Promise<R> =>
      primary.ready() ? op(primary)(...a).catch(() => op(fallback)(...a)) : op(fallback)(...a);
  return {
    peek: either((s) => s.peek),
    count: either((s) => s.count),
    sweep: (now) => fallback.sweep(now),
    forget: async (keys) => {
      await Promise.all([primary.forget(keys).catch(() => {}), fallback.forget(keys)]);
    },
    close: async () => {
      await Promise.all([primary.close(), fallback.close()]);
    },
  };
}
