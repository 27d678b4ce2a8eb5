import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startTestEnv, fixtures } from '../testing/harness.js';
import { createContext } from '../context.js';
import { buildApp } from '../app.js';
import { verifyInvariants } from './verify.js';
import { modules } from '../modules/index.js';
import { backupEmbedded, restoreEmbedded } from './backup.js';

/**
 * docs/operations.md: a backup restored into an empty database passes `kaquan verify` and serves
 * the same cards — the embedded data folder through `kaquan backup`/`restore`, PostgreSQL through
 * pg_dump/pg_restore exactly as the document says.
 */
const pg = process.env.DATABASE_URL;

async function someHistory(env: Awaited<ReturnType<typeof startTestEnv>>) {
  const fx = await fixtures(env);
  const { card } = await fx.card('stored_value', { initial_balance: 10_000 });
  assert.equal((await env.api('POST', '/v1/redemptions', { code: card.code, amount: 2_500 })).status, 201);
  return card;
}

async function checkRestored(config: Parameters<typeof createContext>[0], schema: string | undefined, card: { id: string; code: string }, ownerKey: string) {
  const ctx = await createContext(config, { schema, poolSize: 2 });
  try {
    assert.deepEqual(await verifyInvariants(ctx.db, modules), [], 'kaquan verify passes on the restored database');
    const app = await buildApp(ctx);
    try {
      const r = await app.inject({ method: 'GET', url: `/v1/cards/${card.id}`, headers: { authorization: `Bearer ${ownerKey}` } });
      assert.equal(r.statusCode, 200);
      assert.equal(r.json().balance, 7_500, 'the redemption is in the backup');
      const byCode = await app.inject({
        method: 'POST',
        url: '/v1/redemptions/check',
        headers: { authorization: `Bearer ${ownerKey}` },
        payload: { code: card.code, amount: 100 },
      });
      assert.equal(byCode.statusCode, 200, 'codes are found by their hash and keys still open them');
    } finally {
      await app.close();
    }
  } finally {
    await ctx.db.close();
  }
}

test('the embedded data folder: kaquan backup, restore into an empty folder, verify', { skip: pg ? 'the embedded database only' : false }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kq-backup-'));
  try {
    const env = await startTestEnv({ config: { dataDir: join(dir, 'data') } });
    const card = await someHistory(env);
    const config = env.ctx.config;
    await env.close();

    const file = join(dir, 'kaquan.tar.gz');
    const { bytes } = await backupEmbedded(join(dir, 'data'), file);
    assert.ok(bytes > 1000 && statSync(file).size === bytes);
    assert.equal(statSync(file).mode & 0o077, 0, 'only its owner may read a backup');

    await assert.rejects(restoreEmbedded(file, join(dir, 'data')), /not empty/, 'a restore never overwrites a database');
    await restoreEmbedded(file, join(dir, 'restored'));
    await checkRestored({ ...config, dataDir: join(dir, 'restored') }, undefined, card, env.ownerKey);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('PostgreSQL: pg_dump of the database, pg_restore into an empty one, verify', { skip: pg ? false : 'needs DATABASE_URL' }, async () => {
  const env = await startTestEnv();
  const card = await someHistory(env);
  // the test server's own database and schema (test servers may run in a copy of a template database)
  const { s: schema, d: database } = (await env.ctx.db.query<{ s: string; d: string }>('SELECT current_schema() AS s, current_database() AS d')).rows[0]!;
  const url = new URL(pg!);
  const conn = ['-h', url.hostname, '-p', url.port || '5432', '-U', url.username || 'postgres'];
  const target = `kq_restore_${randomBytes(4).toString('hex')}`;
  const dir = mkdtempSync(join(tmpdir(), 'kq-pgdump-'));
  try {
    const file = join(dir, 'kaquan.dump');
    // as docs/operations.md: a consistent snapshot while the server runs (tests keep one schema per file)
    execFileSync('pg_dump', [...conn, '--format=custom', `--schema=${schema}`, '--extension=pg_trgm', `--file=${file}`, database]);
    execFileSync('createdb', [...conn, target]);
    execFileSync('pg_restore', [...conn, '--no-owner', `--dbname=${target}`, file]);
    const restored = new URL(pg!);
    restored.pathname = `/${target}`;
    await checkRestored({ ...env.ctx.config, databaseUrl: restored.toString() }, schema, card, env.ownerKey);
  } finally {
    await env.close();
    execFileSync('dropdb', [...conn, '--if-exists', target]);
    rmSync(dir, { recursive: true, force: true });
  }
});
