import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './index.js';

/** One module's migrations folder. */
export interface MigrationSource {
  module: string;
  dir: string;
}

interface Migration {
  name: string; // "<module>/<file>", as recorded in schema_migrations
  number: number;
  order: number; // the module's place in the list: ties on `number` go in module order
  file: string;
}

/**
 * Applies every module's numbered SQL files, each once, each recorded as `<module>/<file>`. The
 * number prefix orders migrations across modules (a table another module's migration needs exists
 * by then); ties go in the order the modules are listed.
 *
 * Before migrations lived in modules, one folder held `NNN_what.sql` files, recorded by file name
 * alone. Each was split into its modules' `NNN_*.sql`; a database that applied the old `NNN_…` has
 * applied every module's NNN, so those are recorded as done without running them again. Those numbers
 * end at LEGACY_LAST; a migration written since takes a number above it.
 */
const LEGACY_LAST = 18;
function listMigrations(sources: MigrationSource[]): Migration[] {
  const all: Migration[] = sources.flatMap((s, order) =>
    existsSync(s.dir)
      ? readdirSync(s.dir)
          .filter((f) => /^\d+_.*\.sql$/.test(f))
          .map((f) => ({ name: `${s.module}/${f}`, number: Number(f.split('_')[0]), order, file: join(s.dir, f) }))
      : [],
  );
  return all.sort((a, b) => a.number - b.number || a.order - b.order || a.name.localeCompare(b.name));
}

/** The migrations this code has that the database has not applied (readiness: a process must not serve an older schema). */
export async function pendingMigrations(db: Db, sources: MigrationSource[]): Promise<string[]> {
  const r = await db.query<{ name: string }>('SELECT name FROM schema_migrations');
  const done = new Set(r.rows.map((x) => x.name));
  const legacy = new Set([...done].filter((n) => !n.includes('/')).map((n) => Number(n.split('_')[0])));
  return listMigrations(sources)
    .filter((m) => !done.has(m.name) && !(m.number <= LEGACY_LAST && legacy.has(m.number)))
    .map((m) => m.name);
}

export async function migrate(db: Db, sources: MigrationSource[]): Promise<string[]> {
  const all = listMigrations(sources);
  await db.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  // Several processes may start at once: one applies, the others wait on the lock.
  const applied: string[] = [];
  await db.tx(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock(7301)');
    const done = new Set((await q.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name));
    const legacy = new Set(
      [...done]
        .filter((n) => !n.includes('/'))
        .map((n) => Number(n.split('_')[0]))
        .filter((n) => n <= LEGACY_LAST),
    );
    for (const m of all) {
      if (done.has(m.name)) continue;
      if (!legacy.has(m.number)) for (const stmt of splitStatements(readFileSync(m.file, 'utf8'))) await q.query(stmt);
      await q.query('INSERT INTO schema_migrations (name) VALUES ($1)', [m.name]);
      applied.push(m.name);
    }
  });
  return applied;
}

/** Splits on semicolons at line ends; migrations keep function bodies out of this format. */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);
}
