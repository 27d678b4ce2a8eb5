import { Redis } from 'ioredis';
import { AppError } from '../../errors.js';

/**
 * Code guessing 撞库 protection: failed code look-ups per API key (or wallet member) are counted in
 * a sliding window; past a soft limit callers are throttled, past a hard one locked out for a while.
 * With REDIS_URL the counters live in Redis, so N processes share one budget per caller; without
 * it (one process, the embedded demo) they live in this process's memory. Codes carry ≥ 80 bits,
 * so even a generous budget finds nothing.
 */
const WINDOW_MS = 60_000;
const SOFT = 20; // failures per window before 429
const HARD = 60; // failures per window before lockout
const LOCK_MS = 15 * 60_000;

interface GuardStore {
  /** failures in the window, and the lock's end (0 when not locked) */
  read(who: string, now: number): Promise<{ failures: number; lockedUntil: number }>;
  miss(who: string, now: number): Promise<void>;
  reset(who: string[]): Promise<void>;
  close(): Promise<void>;
}

function memoryStore(): GuardStore {
  const failures = new Map<string, number[]>();
  const locked = new Map<string, number>();
  const recent = (who: string, now: number) => (failures.get(who) ?? []).filter((t) => now - t < WINDOW_MS);
  return {
    async read(who, now) {
      return { failures: recent(who, now).length, lockedUntil: locked.get(who) ?? 0 };
    },
    async miss(who, now) {
      const list = recent(who, now);
      list.push(now);
      failures.set(who, list);
      if (list.length >= HARD) locked.set(who, now + LOCK_MS);
      if (failures.size > 100_000) failures.clear();
    },
    async reset() {
      failures.clear();
      locked.clear();
    },
    async close() {},
  };
}

// One sorted set of failure times per caller, trimmed to the window; the lock is its own key.
const MISS_LUA = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1] - ARGV[2])
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[1] .. ':' .. ARGV[5])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
local n = redis.call('ZCARD', KEYS[1])
if n >= tonumber(ARGV[3]) then redis.call('SET', KEYS[2], ARGV[1] + ARGV[4], 'PX', ARGV[4]) end
return n`;

function redisStore(url: string): GuardStore {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 500, enableOfflineQueue: true });
  redis.on('error', () => {}); // reconnects by itself; meanwhile this process counts alone (below)
  const k = (who: string) => [`kq:guess:${who}`, `kq:guess-lock:${who}`];
  return {
    async read(who, now) {
      const [zset, lock] = k(who);
      const r = await redis.multi().zcount(zset, now - WINDOW_MS, '+inf').get(lock).exec();
      if (!r || r.some(([e]) => e)) throw new Error('guard: redis read failed');
      return { failures: Number(r[0][1]), lockedUntil: Number(r[1][1] ?? 0) };
    },
    async miss(who, now) {
      await redis.eval(MISS_LUA, 2, ...k(who), now, WINDOW_MS, HARD, LOCK_MS, Math.random().toString(36).slice(2));
    },
    async reset(whos) {
      if (whos.length) await redis.del(...whos.flatMap(k));
    },
    async close() {
      redis.disconnect();
    },
  };
}

let store: GuardStore = memoryStore();
const local = memoryStore(); // while Redis is unreachable: still metered, per process
const touched = new Set<string>();

/** Called once per process from createContext: shared counters when Redis is configured. */
export function useGuardStore(redisUrl: string | undefined): void {
  void store.close();
  store = redisUrl ? redisStore(redisUrl) : memoryStore();
}

export async function closeGuard(): Promise<void> {
  await store.close();
  store = memoryStore();
}

export async function checkGuessing(who: string, now = Date.now()): Promise<void> {
  // Redis unreachable: fall back to this process's own counters rather than stop every redemption
  const s = await store.read(who, now).catch(() => local.read(who, now));
  if (s.lockedUntil > now) {
    throw new AppError(429, 'CODE_LOOKUPS_LOCKED', `too many unknown codes; locked until ${new Date(s.lockedUntil).toISOString()}`, { retry_after_s: Math.ceil((s.lockedUntil - now) / 1000) });
  }
  if (s.failures >= SOFT) throw new AppError(429, 'CODE_LOOKUPS_THROTTLED', 'too many unknown codes in the last minute; slow down', { retry_after_s: 60 });
}

/** Counts one failed look-up. Never throws: a miss that cannot be counted must not hide the real answer. */
export async function recordMiss(who: string, now = Date.now()): Promise<void> {
  touched.add(who);
  if (touched.size > 10_000) touched.clear();
  await store.miss(who, now).catch(() => local.miss(who, now));
}

/** Tests: forget the failures this process recorded. */
export async function resetGuessing(): Promise<void> {
  const whos = [...touched];
  touched.clear();
  await Promise.all([store.reset(whos), local.reset(whos)]);
}
