import type { Db } from '../../db/index.js';
import { clock } from '../../clock.js';
import { AppError } from '../../errors.js';
import { failover, redisStore, sqlStore, HARD, RATE, SOFT, drained, type GuessStore } from './guess-counter.js';

/**
 * Code guessing 撞库 guard. Every look-up of a code (and every PIN check) by a caller — an API key,
 * an operator, a wallet member — is answered only while the caller is within budget (the counting
 * rules are in guess-counter.ts: a burst of 20 failures, then one every 3 s, a lock at 60).
 *
 * The guarantee: of a burst, at most SOFT failures are answered (404 / 422 / 403 PIN_INVALID); an
 * attempt decided once the budget is spent gets a 429 whether its code exists or not, and counts
 * toward the lock. How:
 *  - A miss is counted in ONE atomic step in the shared store (a conditional upsert, or a Redis
 *    script) that returns the level it reached; the miss is answered only if that level is ≤ SOFT.
 *    300 concurrent unknown codes: 20 answers, 280 × 429, and the level passes 60: locked.
 *  - A hit (the code exists, or the PIN is right) is answered only while the caller is within
 *    budget; over budget it is refused and counted like a miss. A hit decided through the store
 *    waits behind every miss of the same caller this process saw before it: one caller's attempts
 *    go to the store in order, one step at a time, many attempts per step (the lane).
 *  - So that a busy honest key costs no round trip, each process keeps a view of each caller: the
 *    state the store last returned. A hit is admitted without asking the store while that view
 *    (a) is under FRESH_MS old, (b) has seen every miss this process saw of the caller, and (c)
 *    says the caller is within budget. Otherwise it goes through the lane; hits waiting together
 *    share one read. The bench's one key at ~1,600 redemptions/s reads its state about once a
 *    second, never per request; one typo costs one step, after which the view is clean again.
 * The slop, beyond the SOFT answered failures: the hits decided while the caller was still within
 * budget (a burst's valid codes that came before its 20th failure). Within one process nothing
 * else. Across processes, a process whose view of a caller is fresh and clean admits that caller's
 * hits for at most FRESH_MS after the caller went over budget elsewhere (hits only: misses are
 * always counted in the shared store). While Redis fails over to the database, each store counts
 * part of a burst (at most 2 × SOFT answered).
 */
const FRESH_MS = 1_000;
const MAX_CALLERS = 20_000; // views kept per process; idle ones are dropped past this

interface View {
  level: number;
  lockedUntil: number;
  at: number;
  seq: number;
}
interface Item {
  miss: boolean;
  seq: number;
  done: (e: AppError | null) => void;
  fail: (e: unknown) => void;
}
interface CallerState {
  tenantId: string;
  who: string;
  seq: number;
  view?: View;
  queue: Item[];
  busy: boolean;
}

const throttled = (level: number) =>
  new AppError(429, 'CODE_LOOKUPS_THROTTLED', 'too many unknown codes or wrong PINs from this caller; slow down and try again later', {
    retry_after: Math.max(1, Math.ceil((level - (SOFT - 1)) / RATE / 1000)),
  });
const locked = (until: number, now: number) => {
  const minutes = Math.ceil((until - now) / 60_000);
  return new AppError(
    429,
    'CODE_LOOKUPS_LOCKED',
    `too many unknown codes or wrong PINs from this caller: code look-ups are locked for ${minutes} more minute${minutes === 1 ? '' : 's'}`,
    { retry_after: Math.max(1, Math.ceil((until - now) / 1000)) },
  );
};

export class Guard {
  private callers = new Map<string, CallerState>();
  constructor(
    readonly store: GuessStore,
    private now: () => number = () => clock.now().getTime(),
  ) {}

  /** Before a look-up: a caller this process knows to be locked is refused without reading the card. */
  refuseIfLocked(tenantId: string, who: string): void {
    const c = this.callers.get(`${tenantId}\n${who}`);
    const now = this.now();
    if (c?.view && c.view.lockedUntil > now) throw locked(c.view.lockedUntil, now);
  }

  /** The code (or PIN) was right: resolves when the answer may be given, rejects with a 429 when not. */
  admit(tenantId: string, who: string): Promise<void> | void {
    const c = this.state(tenantId, who);
    const now = this.now();
    if (c.view && c.view.seq === c.seq && c.view.lockedUntil > now) throw locked(c.view.lockedUntil, now); // a lock never ends early
    if (this.clean(c, now)) return; // the fast path: no round trip
    return this.enqueue(c, false);
  }

  /** The view is fresh, has seen every miss this process saw, and says the caller is within budget. */
  private clean(c: CallerState, now: number): boolean {
    const v = c.view;
    return !!v && v.seq === c.seq && v.lockedUntil <= now && now - v.at < FRESH_MS && drained(v.level, v.at, 0, now).level + 1 <= SOFT;
  }

  /** The code was unknown (or the PIN wrong): counted; resolves when the failure may be answered, rejects with a 429 when not. */
  miss(tenantId: string, who: string): Promise<void> {
    const c = this.state(tenantId, who);
    c.seq++;
    return this.enqueue(c, true);
  }

  /** Tests: forget every caller this process saw. */
  async reset(): Promise<void> {
    const keys = [...this.callers.values()].map((c) => [c.tenantId, c.who] as [string, string]);
    this.callers.clear();
    await this.store.forget(keys);
  }

  private state(tenantId: string, who: string): CallerState {
    const k = `${tenantId}\n${who}`;
    let c = this.callers.get(k);
    if (!c) {
      if (this.callers.size >= MAX_CALLERS) this.prune();
      c = { tenantId, who, seq: 0, queue: [], busy: false };
      this.callers.set(k, c);
    }
    return c;
  }

  private prune() {
    for (const [k, c] of this.callers) if (!c.busy && !c.queue.length) this.callers.delete(k); // the store still has them
  }

  private enqueue(c: CallerState, miss: boolean): Promise<void> {
    return new Promise<AppError | null>((done, fail) => {
      c.queue.push({ miss, seq: c.seq, done, fail });
      if (!c.busy) void this.drain(c);
    }).then((refusal) => {
      if (refusal) throw refusal;
    });
  }

  /** The lane: one step in the store at a time per caller, in the order this process saw the attempts. */
  private async drain(c: CallerState): Promise<void> {
    c.busy = true;
    try {
      while (c.queue.length) {
        const items = c.queue.splice(0);
        for (let i = 0; i < items.length; ) {
          let j = i + 1;
          while (j < items.length && items[j].miss === items[i].miss) j++;
          const run = items.slice(i, j);
          try {
            await this.step(c, run);
          } catch (e) {
            c.view = undefined;
            for (const it of run) it.fail(e); // fail closed: an attempt that cannot be counted is not answered
          }
          i = j;
        }
      }
    } finally {
      c.busy = false;
    }
  }

  private async step(c: CallerState, run: Item[]): Promise<void> {
    const now = this.now();
    const seq = run[run.length - 1].seq;
    if (!run[0].miss) {
      // hits: answered if the caller is within budget now (the misses before them are already in)
      if (this.clean(c, now)) return run.forEach((it) => it.done(null)); // a step just before this one said so
      const s = await this.store.peek(c.tenantId, c.who, now);
      c.view = { ...s, at: now, seq };
      if (s.lockedUntil > now) return run.forEach((it) => it.done(locked(s.lockedUntil, now)));
      if (s.level + 1 <= SOFT) return run.forEach((it) => it.done(null));
    }
    // misses, or hits over budget: each takes the next level; ≤ SOFT is answered
    const r = await this.store.count(c.tenantId, c.who, run.length, now);
    if (r.wasLocked) {
      c.view = { level: HARD, lockedUntil: r.lockedUntil, at: now, seq };
      return run.forEach((it) => it.done(locked(r.lockedUntil, now)));
    }
    c.view = { level: r.lockedUntil > now ? 0 : r.level, lockedUntil: r.lockedUntil, at: now, seq };
    const first = r.level - run.length + 1;
    run.forEach((it, i) => it.done(first + i <= SOFT ? null : r.lockedUntil > now ? locked(r.lockedUntil, now) : throttled(r.level)));
  }
}

const guards = new WeakMap<Db, Guard>();
const open = new Set<Guard>();

/** Called once per process from createContext: counters in Redis when configured, else in the database. */
export function openGuard(db: Db, redisUrl: string | undefined): Guard {
  const inDb = sqlStore(db);
  const g = new Guard(redisUrl ? failover(redisStore(redisUrl), inDb) : inDb);
  guards.set(db, g);
  open.add(g);
  return g;
}

export async function closeGuard(db: Db): Promise<void> {
  const g = guards.get(db);
  if (!g) return;
  open.delete(g);
  guards.delete(db);
  await g.store.close();
}

export function guardFor(db: Db): Guard {
  const g = guards.get(db);
  if (!g) throw new Error('no guard for this database: createContext opens one');
  return g;
}

/** Tests: forget the failures counted so far. */
export async function resetGuessing(): Promise<void> {
  await Promise.all([...open].map((g) => g.reset()));
}
