import pg from 'pg';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { openDb } from '../db/index.js';
import { migrate } from '../db/migrate.js';
import { migrationSources } from '../context.js';

/**
 * A PostgreSQL test database of its own, already migrated, for a test server (or a race cluster) on
 * DATABASE_URL. Migrating a fresh schema costs PostgreSQL seconds of DDL, for each of the ninety-odd
 * servers a run starts; copying a migrated database is a fraction of that. So the first test process
 * migrates a template database, named by a hash of the migrations (a changed migration makes a new
 * one), and every server gets `CREATE DATABASE … TEMPLATE` of it, its schema renamed to the one the
 * test chose. The server then finds nothing to migrate, as on a deployment that is up to date.
 *
 * Returns undefined when the role may not create databases: the caller migrates a schema, as before.
 */
export interface PgClone {
  /** DATABASE_URL of the copy */
  url: string;
  drop(): Promise<void>;
}

const TEMPLATE_SCHEMA = 'kq_template';

export async function clonePgDatabase(databaseUrl: string, schema: string, hash: string): Promise<PgClone | undefined> {
  const template = `kq_tpl_${hash}`;
  const name = `kq_${schema}`;
  const urlOf = (db: string) => {
    const u = new URL(databaseUrl);
    u.pathname = `/${db}`;
    return u.toString();
  };
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    const exists = async (db: string) => (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [db])).rowCount === 1;
    if (!(await exists(template))) {
      // two processes may build it at once: each builds its own and renames it into place; the loser drops its own
      const building = `${template}_${process.pid}`;
      try {
        await admin.query(`CREATE DATABASE ${building}`);
      } catch (e: any) {
        if (e?.code === '42501') return undefined; // no CREATEDB: migrate a schema instead
        throw e;
      }
      const db = await openDb({ databaseUrl: urlOf(building), schema: TEMPLATE_SCHEMA, poolSize: 1 });
      try {
        await migrate(db, migrationSources);
      } finally {
        await db.close();
      }
      try {
        await retryWhileInUse(() => admin.query(`ALTER DATABASE ${building} RENAME TO ${template}`));
        await admin.query(`ALTER DATABASE ${template} WITH ALLOW_CONNECTIONS false`); // a template nobody may open
      } catch (e: any) {
        if (e?.code !== '42P04') throw e; // 42P04: another process's is in place
        await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      }
    }
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    // a test's own database: its commits need not wait for the disk (the server is not what the tests
    // crash; a killed test process still loses nothing the server acknowledged)
    await admin.query(`ALTER DATABASE ${name} SET synchronous_commit = off`);
  } finally {
    await admin.end();
  }
  const own = new pg.Client({ connectionString: urlOf(name) });
  await own.connect();
  await own.query(`ALTER SCHEMA ${TEMPLATE_SCHEMA} RENAME TO ${schema}`).finally(() => own.end());
  return {
    url: urlOf(name),
    async drop() {
      // DROP DATABASE waits for a checkpoint, seconds on a busy server: a detached process drops it,
      // so the test process ends (and the next test file starts) without waiting for that
      const { NODE_TEST_CONTEXT: _, NODE_OPTIONS: _o, ...env } = process.env;
      spawn(process.execPath, ['-e', DROP, createRequire(import.meta.url).resolve('pg'), databaseUrl, name], { detached: true, stdio: 'ignore', env }).unref();
    },
  };
}

const DROP = `const [pgPath, url, name] = process.argv.slice(1);
const c = new (require(pgPath).Client)({ connectionString: url });
c.connect().then(() => c.query('DROP DATABASE IF EXISTS ' + name + ' WITH (FORCE)')).catch(() => {}).finally(() => c.end());`;

/** A database whose last connection just closed may still count it for a moment (55006). */
async function retryWhileInUse<T>(fn: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await fn();
    } catch (e: any) {
      if (e?.code !== '55006' || i >= 50) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
