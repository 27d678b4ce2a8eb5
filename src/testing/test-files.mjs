/**
 * The node test files `npm run test:node` runs, compiled in .test-build/ (src/testing/build-tests.mjs),
 * one a line.
 *
 * ENGINE_FREE files never open a database (nor Redis): they test pure code. On the PostgreSQL pass
 * (DATABASE_URL set) they are left out, as their result cannot differ; the PGlite pass runs them.
 * src/testing/test-files.test.ts checks that each still deserves its place on the list.
 *
 * (Node 20's runner sorts the files it is given by path, so the order here decides nothing.)
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ENGINE_FREE = [
  'src/db/batcher.test',
  'src/modules/redemptions/decide.test',
  'src/modules/tiers/policy.test',
  'src/modules/webhooks/send.test',
  'src/platform/architecture.test',
  'src/platform/cache.test',
  'src/platform/openapi-client.test',
  'src/platform/problems/catalogue.test',
  'src/web/audit-words.test',
  'src/web/offer-words.test',
  'src/web/point-words.test',
];

/** The compiled test files under `dir` (.test-build), e2e walks apart, for the engine DATABASE_URL names. */
export function testFiles(dir, env = process.env) {
  const walk = (d) => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
  const name = (f) => relative(dir, f).replace(/\.js$/, '');
  const all = ['src', 'sdk']
    .flatMap((d) => walk(join(dir, d)))
    .filter((f) => f.endsWith('.test.js') && !name(f).startsWith('src/e2e/'))
    .sort();
  return (env.DATABASE_URL ? all.filter((f) => !ENGINE_FREE.includes(name(f))) : all).map((f) => relative(process.cwd(), f));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(testFiles(join(fileURLToPath(new URL('../..', import.meta.url)), '.test-build')).join('\n'));
}
