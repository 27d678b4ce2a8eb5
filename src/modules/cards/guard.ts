import { AppError } from '../../errors.js';

/**
 * Code guessing 撞库 protection: failed code look-ups per API key (or wallet member) are counted in
 * a sliding window; past a soft limit callers are throttled, past a hard one locked out for a while.
 * The counters are per process (a guesser spread over N processes gets N times the budget): with
 * REDIS_URL they should be shared — see docs/scaling.md. Codes carry ≥ 80 bits, so even that budget
 * finds nothing.
 */
const WINDOW_MS = 60_000;
const SOFT = 20; // failures per window before 429
const HARD = 60; // failures per window before lockout
const LOCK_MS = 15 * 60_000;

const failures = new Map<string, number[]>();
const locked = new Map<string, number>();

export function checkGuessing(who: string, now = Date.now()): void {
  const until = locked.get(who);
  if (until && until > now) {
    throw new AppError(429, 'CODE_LOOKUPS_LOCKED', `too many unknown codes; locked until ${new Date(until).toISOString()}`, { retry_after_s: Math.ceil((until - now) / 1000) });
  }
  const list = (failures.get(who) ?? []).filter((t) => now - t < WINDOW_MS);
  if (list.length >= SOFT) throw new AppError(429, 'CODE_LOOKUPS_THROTTLED', 'too many unknown codes in the last minute; slow down', { retry_after_s: 60 });
}

export function recordMiss(who: string, now = Date.now()): void {
  const list = (failures.get(who) ?? []).filter((t) => now - t < WINDOW_MS);
  list.push(now);
  failures.set(who, list);
  if (list.length >= HARD) locked.set(who, now + LOCK_MS);
  if (failures.size > 100_000) failures.clear();
}

export function resetGuessing(): void {
  failures.clear();
  locked.clear();
}
