import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openapiDocument, problemCodes, SCHEMA_FILE, schemaTypes, SDK_CODES_FILE, SDK_SCHEMA_FILE } from '../../web/gen-api.js';
import { compileSchemasNow, notCompiled } from '../http/validation.js';

/**
 * The web client is typed from the server's OpenAPI document (web/src/api/schema.d.ts, made by
 * `npm run gen:api`). This regenerates the types from the app as it is now and fails when the
 * committed file says anything else, so a route schema cannot change without the web app's types
 * (and the type check of every page that uses them) following.
 */
function same(file: string, fresh: string) {
  const committed = readFileSync(file, 'utf8');
  if (fresh === committed) return;
  const a = committed.split('\n');
  const b = fresh.split('\n');
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  assert.fail(
    `${file} is stale: run \`npm run gen:api\` and commit it with the server change.\n` +
      `first difference at line ${i + 1}:\n  committed: ${a[i] ?? '(end of file)'}\n  server:    ${b[i] ?? '(end of file)'}`,
  );
}

test('web/src/api/schema.d.ts and the SDK are what the server serves at /openapi.json (else: npm run gen:api)', async () => {
  const fresh = await schemaTypes(await openapiDocument());
  same(SCHEMA_FILE, fresh);
  same(SDK_SCHEMA_FILE, fresh);
  same(SDK_CODES_FILE, problemCodes());
});

/**
 * Tests compile a route's schemas when a request first needs them; a server compiles them all at start
 * (main.ts). This does what the server does, so a schema that ajv or fast-json-stringify cannot compile
 * fails here rather than at some route's first request.
 */
test("every route's request and response schemas compile", async () => {
  await openapiDocument(); // builds the whole app
  assert.ok(notCompiled.length > 100, `expected the app's schemas to wait for compiling, found ${notCompiled.length}`);
  compileSchemasNow();
  assert.equal(notCompiled.length, 0);
});
