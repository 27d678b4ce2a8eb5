import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { createHash } from 'node:crypto';
import { from as copyStream } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** The one shape every module queries through, whichever engine runs underneath. */
export interface Sql {
  query<T = any>(text: string, params?: unknown[]): Promise<{ rows: T[]; rowCount: number }>;
  /** PostgreSQL only, inside tx(): `COPY … FROM STDIN` fed from an iterable of text-format chunks (bulk loads). */
  copyFrom?(copySql: string, chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>): Promise<void>;
}

export interface Db extends Sql {
  readonly engine: 'pglite' | 'postgres';
  /** Runs fn in one transaction: all of its effect or none. */
  tx<T>(fn: (q: Sql) => Promise<T>): Promise<T>;
  /**
   * A long job calls this between its transactions (never inside one): it lets whatever else is
   * waiting for the database run first. On PGlite — one connection, so a statement or a
   * transaction holds the whole database — it waits until the requests that were waiting have
   * been answered (the connection stayed free for two turns of the event loop), at most `maxMs`;
   * on PostgreSQL other connections already run alongside, and it only gives the event loop a turn.
   */
  breathe(maxMs?: number): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: its data dir as a tarball, which `loadDataDir` starts another database from. */
  dumpDataDir?(): Promise<Blob>;
  /** PostgreSQL only: the connection pool now (metrics). */
  poolStats?(): { total: number; idle: number; waiting: number; max: number };
}

const turn = () => new Promise<void>((res) => setImmediate(res));

// int8 (sums, counts, minor units) as JS numbers: every amount fits well within 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export interface OpenOptions {
  databaseUrl?: string;
  dataDir?: string; // PGlite folder; undefined = in memory
  loadDataDir?: Blob; // PGlite: start an empty database (in memory, or a new data dir) from this dumpDataDir()
  schema?: string; // PostgreSQL schema to use (tests isolate themselves this way)
  poolSize?: number;
}

/**
 * Statements that run again and again are prepared once per connection (named), so PostgreSQL
 * parses and plans them once rather than on every call: on the redemption path that halves the
 * database's work. A text is named on its third run; at most MAX_PREPARED texts ever are, so
 * one-off SQL never piles up prepared statements on a connection.
 */
const MAX_PREPARED = 256;
const seen = new Map<string, number>();
const prepared = new Map<string, string>();
function statementName(text: string): string | undefined {
  const name = prepared.get(text);
  if (name || prepared.size >= MAX_PREPARED) return name;
  const n = (seen.get(text) ?? 0) + 1;
  if (n < 3) {
    if (seen.size > 10_000) seen.clear();
    seen.set(text, n);
    return undefined;
  }
  seen.delete(text);
  const fresh = `kq_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
  prepared.set(text, fresh);
  return fresh;
}

export async function openDb(opts: OpenOptions): Promise<Db> {
  return opts.databaseUrl ? openPostgres(opts) : openPglite(opts.dataDir, opts.loadDataDir);
}

async function openPostgres(opts: OpenOptions): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: opts.databaseUrl,
    max: opts.poolSize ?? 20,
    options: opts.schema ? `-c search_path=${opts.schema}` : undefined,
  });
  pool.on('error', () => {}); // an idle client dying is not fatal; the next query reconnects
  if (opts.schema) {
    // several processes may start at once: a concurrent CREATE can still collide, and that is fine
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${opts.schema}`).catch((e) => {
      if (e.code !== '23505' && e.code !== '42P06') throw e;
    });
  }
  const wrap = (c: pg.Pool | pg.PoolClient): Sql => ({
    async query(text, params) {
      const name = statementName(text);
      let r: pg.QueryResult;
      try {
        r = await c.query(name ? { name, text, values: params as any[] } : { text, values: params as any[] });
      } catch (e: any) {
        // a table changed under a prepared statement (a migration by another process): prepare it
        // afresh under a new name on every connection, starting with this call
        if (!name || e?.code !== '0A000') throw e;
        const renamed = `${name}_${Date.now().toString(36)}`;
        prepared.set(text, renamed);
        r = await c.query({ name: renamed, text, values: params as any[] });
      }
      return { rows: r.rows, rowCount: r.rowCount ?? 0 };
    },
    ...('release' in c
      ? {
          copyFrom: (copySql: string, chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>) =>
            pipeline(Readable.from(chunks), c.query(copyStream(copySql))),
        }
      : {}),
  });
  const self = wrap(pool);
  return {
    engine: 'postgres',
    query: self.query,
    async tx(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn(wrap(client));
        await client.query('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    breathe: turn,
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max ?? 10 }),
    async close() {
      await pool.end();
    },
  };
}

async function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<Db> {
  // pg_trgm (trigram indexes for name search) ships with PostgreSQL's contrib; PGlite loads it here
  // loadDataDir with a dataDir fills an empty folder from the tarball (a test's on-disk database)
  const db = await PGlite.create({ ...(dataDir ? { dataDir } : {}), ...(loadDataDir ? { loadDataDir } : {}), extensions: { pg_trgm } });
  // PGlite is one connection: a query outside a transaction waits for the transaction to end.
  const q = async (c: { query: PGlite['query'] }, text: string, params?: unknown[]) => {
    const r = await c.query(text, params as any[]);
    // PGlite reports affectedRows 0 for a SELECT: count the rows it returned instead
    return { rows: r.rows as any[], rowCount: Math.max(r.affectedRows ?? 0, r.rows.length) };
  };
  // statements and transactions asked for and not yet finished (what breathe() waits out)
  let asked = 0;
  const counted = async <T>(p: () => Promise<T>): Promise<T> => {
    asked++;
    try {
      return await p();
    } finally {
      asked--;
    }
  };
  return {
    engine: 'pglite',
    query: (text, params) => counted(() => q(db, text, params)),
    tx: (fn) => counted(() => db.transaction((t) => fn({ query: (text, params) => q(t as any, text, params) }))),
    async breathe(maxMs = 2_000) {
      // PGlite runs on this thread and its statements resolve without a turn of the event loop:
      // without these turns a job's next transaction would go before any request that arrived meanwhile
      const until = Date.now() + maxMs;
      for (let quiet = 0; quiet < 2 && Date.now() < until; ) {
        await turn();
        quiet = asked ? 0 : quiet + 1;
      }
    },
    async close() {
      await db.close();
    },
    dumpDataDir: () => db.dumpDataDir('none'),
  };
}
