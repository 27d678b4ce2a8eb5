import { createHash } from 'node:crypto';
import type { Sql } from '../../db/index.js';
import { decoyHash, verifyPassword } from './password.js';

/**
 * Password attempt budgets 登录尝试额度. A password is checked only after one conditional statement
 * has taken an attempt from two budgets, in PostgreSQL so every process shares them:
 *  - the account's: MAX_FAILURES per window, keyed by operator id (a name that is no account gets a
 *    subject made from the name, with the same limits, so a lock tells nothing about which names are real);
 *  - the caller's address: IP_MAX_FAILURES per window, across every name it tries.
 * An attempt in flight counts until it is answered, so a burst of parallel guesses is cut off at the
 * budget before any of them is checked: never lock-check first and record after.
 */
export const MAX_FAILURES = 10;
export const IP_MAX_FAILURES = 50;
export const WINDOW_MINUTES = 15;

/** Passwords compared with an account's hash (or the decoy, for a name that is no account): tests count them. */
export const attemptStats = { checked: 0 };

export interface Budget {
  tenantId: string;
  subject: string;
}
export const accountBudget = (tenantId: string, operatorId: string): Budget => ({ tenantId, subject: `op:${operatorId}` });
/** A name that is no account: keyed by where it was looked for and a hash of its key (typed names can be passwords). */
export const nameBudget = (scope: string, key: string): Budget => ({ tenantId: scope, subject: `name:${createHash('sha256').update(key).digest('hex')}` });
const ipBudget = (ip: string): Budget => ({ tenantId: '*', subject: `ip:${ip}` });

interface Reservation extends Budget {
  windowStartedAt: Date;
  /** failures answered in this window before this attempt began: what a success may forgive */
  failuresBefore: number;
}

/**
 * Takes one attempt, or answers null when the budget is spent. The upsert locks the row and its
 * WHERE is re-read on the locked row, so concurrent takers can never exceed the limit together.
 * A window older than WINDOW_MINUTES starts over.
 */
async function reserve(db: Sql, b: Budget, limit: number, now: Date): Promise<Reservation | null> {
  const r = await db.query<{ failures: number; window_started_at: Date }>(
    `INSERT INTO signin_budgets AS s (tenant_id, subject, failures, in_flight, window_started_at) VALUES ($1, $2, 0, 1, $3)
     ON CONFLICT (tenant_id, subject) DO UPDATE SET
       failures = CASE WHEN s.window_started_at <= $4 THEN 0 ELSE s.failures END,
       in_flight = CASE WHEN s.window_started_at <= $4 THEN 1 ELSE s.in_flight + 1 END,
       window_started_at = CASE WHEN s.window_started_at <= $4 THEN $3 ELSE s.window_started_at END
     WHERE s.window_started_at <= $4 OR s.failures + s.in_flight < $5
     RETURNING failures, window_started_at`,
    [b.tenantId, b.subject, now, new Date(now.getTime() - WINDOW_MINUTES * 60_000), limit],
  );
  const row = r.rows[0];
  return row ? { ...b, windowStartedAt: new Date(row.window_started_at), failuresBefore: row.failures } : null;
}

/**
 * Answers a taken attempt. A failure stays counted for the rest of the window. A success gives its
 * own attempt back and, for an account, forgives the failures answered before it began (the
 * person's own typos) — never attempts still in flight, so a right password racing many wrong ones
 * frees nothing for them. An address is never forgiven: one good account must not reset it.
 * Nothing happens if the window has started over meanwhile.
 */
async function settle(db: Sql, r: Reservation, ok: boolean, forgive: boolean) {
  await db.query(
    `UPDATE signin_budgets SET in_flight = GREATEST(in_flight - 1, 0),
       failures = CASE WHEN $4 THEN GREATEST(failures - $5, 0) ELSE failures + 1 END
     WHERE tenant_id = $1 AND subject = $2 AND window_started_at = $3`,
    [r.tenantId, r.subject, r.windowStartedAt, ok, ok && forgive ? r.failuresBefore : 0],
  );
}

/**
 * Checks a password within the budgets. `hash` is null when there is no account to sign in to (an
 * unknown name, a disabled account): the decoy is checked instead and the answer is false.
 *
 * Timing: an attempt refused by the account's budget still spends one scrypt (on the decoy), so
 * a locked name answers as slowly as a wrong password and the lock cannot be seen — neither for a
 * real account nor for a made-up one. An address over its budget is answered at once, without a
 * scrypt: that only tells the caller about its own address, and it bounds the hashing any one
 * address can make the server do to its budget.
 */
export async function checkPasswordWithin(
  db: Sql,
  account: Budget,
  ip: string | undefined,
  password: string,
  hash: string | null,
  now: Date,
): Promise<boolean> {
  const byIp = ip ? await reserve(db, ipBudget(ip), IP_MAX_FAILURES, now) : undefined;
  if (byIp === null) return false;
  const byAccount = await reserve(db, account, MAX_FAILURES, now);
  let ok = false;
  if (byAccount) {
    attemptStats.checked++;
    ok = await verifyPassword(password, hash ?? (await decoyHash()));
    ok &&= hash !== null;
  } else {
    await verifyPassword(password, await decoyHash());
  }
  await Promise.all([byAccount && settle(db, byAccount, ok, true), byIp && settle(db, byIp, ok, false)]);
  return ok;
}
