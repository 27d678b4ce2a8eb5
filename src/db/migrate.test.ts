import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestEnv } from '../testing/harness.js';
import { migrationSources } from '../context.js';
import { migrate } from './migrate.js';

test('every module migration is recorded under its module, and a second start applies nothing', async () => {
  const env = await startTestEnv();
  try {
    const names = (await env.ctx.db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).rows.map((r) => r.name);
    for (const m of ['platform/005_idempotency_jobs.sql', 'tenants/001_tenants.sql', 'cards/004_cards.sql', 'members/018_member_search.sql']) {
      assert.ok(names.includes(m), m);
    }
    assert.deepEqual(await migrate(env.ctx.db, migrationSources), []);
  } finally {
    await env.close();
  }
});

test('a database migrated before modules owned their migrations keeps its data and runs none of them again', async () => {
  const env = await startTestEnv();
  try {
    const db = env.ctx.db;
    // the records an older Kaquan left: one global NNN_what.sql per number, up to 018 (when migrations moved into modules)
    const rows = (await db.query<{ name: string }>('SELECT name FROM schema_migrations')).rows;
    const old = rows.filter((r) => Number(r.name.split('/')[1]!.slice(0, 3)) <= 18);
    const numbers = [...new Set(old.map((r) => r.name.split('/')[1]!.slice(0, 3)))];
    await db.query('DELETE FROM schema_migrations WHERE name = ANY($1::text[])', [old.map((r) => r.name)]);
    for (const n of numbers) await db.query('INSERT INTO schema_migrations (name) VALUES ($1)', [`${n}_legacy.sql`]);
    const before = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM tenants')).rows[0]!.n;

    const applied = await migrate(db, migrationSources);
    assert.equal(applied.length, old.length, 'each module migration is recorded once');
    assert.equal((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM tenants')).rows[0]!.n, before);

    // a migration written after the split runs, in its module's name
    const dir = mkdtempSync(join(tmpdir(), 'kq-mig-'));
    writeFileSync(join(dir, '999_extra.sql'), 'CREATE TABLE extra_thing (id int PRIMARY KEY);\n');
    assert.deepEqual(await migrate(db, [...migrationSources, { module: 'extra', dir }]), ['extra/999_extra.sql']);
    await db.query('INSERT INTO extra_thing VALUES (1)');
  } finally {
    await env.close();
  }
});
