import type { Db } from '../../db/index.js';

/**
 * The one normalisation of a username 用户名: NFKC (full-width ａｄｍｉｎ is admin), then lower case,
 * both in JS. Every look-up and uniqueness check compares these keys, never PostgreSQL lower():
 * lower('admİn') is 'admin' there while JS keeps the dotted İ ('admi̇n'), and a name that one side
 * folds onto another account and the other does not is how a lock was walked around.
 */
export function usernameKey(username: string): string {
  return username.trim().normalize('NFKC').toLowerCase();
}

/**
 * Keys accounts made before usernames had keys (migration 015 leaves them NULL). Runs at start;
 * several processes may run it at once. A name whose key another account of its tenant already has
 * stays without one (it cannot sign in) until an owner gives that person a new account.
 */
export async function backfillUsernameKeys(db: Db): Promise<number> {
  const rows = (await db.query<{ tenant_id: string; id: string; username: string }>('SELECT tenant_id, id, username FROM operators WHERE username_key IS NULL'))
    .rows;
  let keyed = 0;
  for (const r of rows) {
    const done = await db
      .query(
        `UPDATE operators SET username_key = $3 WHERE tenant_id = $1 AND id = $2 AND username_key IS NULL
         AND NOT EXISTS (SELECT 1 FROM operators WHERE tenant_id = $1 AND username_key = $3)`,
        [r.tenant_id, r.id, usernameKey(r.username)],
      )
      .catch((e) => (e?.code === '23505' ? { rowCount: 0 } : Promise.reject(e)));
    keyed += done.rowCount;
  }
  return keyed;
}
