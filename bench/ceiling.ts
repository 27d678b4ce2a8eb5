import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Db } from '../src/db/index.js';

/**
 * The machine's own ceilings, measured with the same driver and none of the product: what a raw
 * COPY of card-shaped rows and a raw one-statement redemption can do here. The product's figures
 * are read as a share of these.
 */
const COLS =
  'tenant_id, id, batch_id, template_id, kind, code_hash, code_enc, code_tail, pin_hash, seq, state, valid_from, valid_until, created_at, updated_at';
const TABLE = (name: string) => `CREATE TABLE ${name} (
  tenant_id text NOT NULL, id text NOT NULL, batch_id text NOT NULL, template_id text NOT NULL, kind text NOT NULL,
  code_hash bytea NOT NULL, code_enc bytea NOT NULL, code_tail text NOT NULL, pin_hash bytea, state text NOT NULL, seq bigint NOT NULL,
  valid_from timestamptz, valid_until timestamptz, created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id))`;
const INDEX = (name: string) => `CREATE UNIQUE INDEX ON ${name} (tenant_id, code_hash)`;

/** Card-shaped COPY text: random 16-byte hashes and 46-byte sealed codes, as the product writes them. */
function* rows(n: number, slice = 5_000): Generator<string> {
  const now = new Date().toISOString();
  for (let i = 0; i < n; i += slice) {
    const k = Math.min(slice, n - i);
    const rb = randomBytes(k * 72);
    let s = '';
    for (let j = 0; j < k; j++) {
      const o = j * 72;
      s += `ten_bench\tcard_${rb.toString('hex', o, o + 10)}\tbat_bench\ttpl_bench\tcash\t\\\\x${rb.toString('hex', o + 10, o + 26)}\t\\\\x${rb.toString('hex', o + 26, o + 72)}\t${rb.toString('hex', o, o + 2)}\t\\N\t${i + j + 1}\tunissued\t\\N\t\\N\t${now}\t${now}\n`;
    }
    yield s;
  }
}

export async function copyCeilingPg(databaseUrl: string, schema: string, n: number) {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await c.query(`CREATE SCHEMA ${schema}`);
  await c.query(TABLE(`${schema}.cards`));
  await c.query(INDEX(`${schema}.cards`));
  const t0 = performance.now();
  await pipeline(Readable.from(rows(n)), c.query(copyFrom(`COPY ${schema}.cards (${COLS}) FROM STDIN`)));
  const seconds = (performance.now() - t0) / 1000;
  await c.query(`DROP SCHEMA ${schema} CASCADE`);
  await c.end();
  return { rows: n, seconds: round(seconds), rows_per_s: Math.round(n / seconds) };
}

export async function copyCeilingPglite(dataDir: string, n: number) {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create({ dataDir });
  await db.exec(`DROP TABLE IF EXISTS ceiling_cards; ${TABLE('ceiling_cards')}; ${INDEX('ceiling_cards')}`);
  const t0 = performance.now();
  for (let i = 0; i < n; i += 50_000) {
    const text = [...rows(Math.min(50_000, n - i))].join('');
    await db.query(`COPY ceiling_cards (${COLS}) FROM '/dev/blob'`, [], { blob: new Blob([text]) });
  }
  const seconds = (performance.now() - t0) / 1000;
  await db.exec('DROP TABLE ceiling_cards');
  await db.close();
  return { rows: n, seconds: round(seconds), rows_per_s: Math.round(n / seconds) };
}

/** One conditional card update and its ledger transfer, as one prepared statement: the least a redemption can be. */
const REDEEM_SQL = `WITH c AS (
  UPDATE cards SET uses_left = uses_left - 1, updated_at = $3
  WHERE tenant_id = $1 AND id = $2 AND state = 'active' AND uses_left >= 1 RETURNING tenant_id, id)
INSERT INTO ledger_transfers (tenant_id, asset, amount, debit_account, credit_account, reason, created_at)
SELECT tenant_id, 'uses', 1, id, 'redeemed.uses', 'redeem', $3 FROM c`;

export async function redeemCeilingPg(databaseUrl: string, schema: string, tenantId: string, cardIds: string[], connections: number, durationMs: number) {
  const clients = await Promise.all(
    Array.from({ length: connections }, async () => {
      const c = new pg.Client({ connectionString: databaseUrl, options: `-c search_path=${schema}` });
      await c.connect();
      return c;
    }),
  );
  let n = 0;
  let errors = 0;
  const t0 = performance.now();
  const end = t0 + durationMs;
  await Promise.all(
    clients.map(async (c, k) => {
      for (let i = k; performance.now() < end; i += connections) {
        const r = await c.query({ name: 'ceiling_redeem', text: REDEEM_SQL, values: [tenantId, cardIds[(i * 7919) % cardIds.length], new Date()] });
        if (r.rowCount === 1) n++;
        else errors++;
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  await Promise.all(clients.map((c) => c.end()));
  return { connections, seconds: round(seconds), tps: Math.round(n / seconds), errors };
}

/** PGlite is one connection in one process: the same statement, one at a time. */
export async function redeemCeilingPglite(db: Db, tenantId: string, cardIds: string[], durationMs: number) {
  let n = 0;
  const t0 = performance.now();
  for (let i = 0; performance.now() < t0 + durationMs; i++) {
    const r = await db.query(REDEEM_SQL, [tenantId, cardIds[(i * 7919) % cardIds.length], new Date()]);
    n += r.rowCount === 1 ? 1 : 0;
  }
  const seconds = (performance.now() - t0) / 1000;
  return { connections: 1, seconds: round(seconds), tps: Math.round(n / seconds), errors: 0 };
}

export const round = (x: number) => Math.round(x * 100) / 100;
