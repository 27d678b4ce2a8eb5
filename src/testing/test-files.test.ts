import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
// @ts-expect-error plain ESM script beside the tests, run by npm run test:node
import { ENGINE_FREE } from './test-files.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** What a test file names when it opens a database or Redis, directly or through the test helpers. */
const OPENS =
  /startTestEnv|startScreens|startCluster|createContext|openDb|migratedPglite|clonedPostgres|buildApp|harness|DATABASE_URL|REDIS_URL|ioredis|pglite|\bpg\b/i;

test('a file the PostgreSQL pass leaves out opens no database: it cannot pass on one engine and fail on the other', () => {
  for (const name of ENGINE_FREE as string[]) {
    const file = `${root}${name}.ts`;
    assert.ok(existsSync(file), `${name}.ts exists`);
    const found = readFileSync(file, 'utf8').match(OPENS);
    assert.equal(found, null, `${name}.ts names ${found?.[0]}: it may touch a database, so it must run on both engines (take it off ENGINE_FREE)`);
  }
});
