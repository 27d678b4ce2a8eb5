import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openapiDocument, SCHEMA_FILE, schemaTypes } from '../../web/gen-api.js';

/**
 * The web client is typed from the server's OpenAPI document (web/src/api/schema.d.ts, made by
 * `npm run gen:api`). This regenerates the types from the app as it is now and fails when the
 * committed file says anything else, so a route schema cannot change without the web app's types
 * (and the type check of every page that uses them) following.
 */
test('web/src/api/schema.d.ts is what the server serves at /openapi.json (else: npm run gen:api)', async () => {
  const fresh = await schemaTypes(await openapiDocument());
  const committed = readFileSync(SCHEMA_FILE, 'utf8');
  if (fresh === committed) return;
  const a = committed.split('\n');
  const b = fresh.split('\n');
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  assert.fail(
    `web/src/api/schema.d.ts is stale: run \`npm run gen:api\` and commit it with the server change.\n` +
      `first difference at line ${i + 1}:\n  committed: ${a[i] ?? '(end of file)'}\n  server:    ${b[i] ?? '(end of file)'}`,
  );
});
