/**
 * The web client's API types, generated from the server's own OpenAPI document: `npm run gen:api`
 * builds the app in-process, takes what it serves at /openapi.json and writes
 * web/src/api/schema.d.ts with openapi-typescript. The file is committed, so building the web app
 * needs no server; src/platform/openapi-client.test.ts fails when it is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { buildApp } from '../src/app.js';
import { modules } from '../src/modules/index.js';
import { clock } from '../src/clock.js';
import type { Config } from '../src/config.js';
import type { Db } from '../src/db/index.js';
import { generateKeyMaterial, keyring } from '../src/secrets.js';
import { CATALOGUE } from '../src/platform/problems/catalogue.js';
import type { EntryDef } from '../src/platform/problems/words.js';

export const SCHEMA_FILE = fileURLToPath(new URL('./src/api/schema.d.ts', import.meta.url));
/** The SDK (sdk/) is typed from the same document, and names every problem code the server can answer with. */
export const SDK_SCHEMA_FILE = fileURLToPath(new URL('../sdk/src/schema.ts', import.meta.url));
export const SDK_CODES_FILE = fileURLToPath(new URL('../sdk/src/codes.ts', import.meta.url));

const HEADER = `/**
 * The API's types, generated from the server's OpenAPI document (/openapi.json) by \`npm run gen:api\`
 * (web/gen-api.ts). Do not edit: change the server's route schemas and run it again.
 * src/platform/openapi-client.test.ts fails while this file differs from what the server serves.
 */

`;

/**
 * Building the app only registers its routes: no query runs, so the document needs no database (which
 * keeps this, and the test that runs it, at about a second). Should building it ever use the database,
 * this says so rather than hand out a document from half an app.
 */
const noDatabase = new Proxy({} as Db, {
  get(_db, p) {
    throw new Error(
      `building the app used db.${String(p)}: web/gen-api.ts builds it without a database; start it with startTestEnv (src/testing/harness.ts) instead`,
    );
  },
});

/** What the server serves at /openapi.json, from an app built in this process. */
export async function openapiDocument(): Promise<OpenAPI3> {
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    dataDir: '',
    logLevel: 'silent',
    runJobs: false,
    keys: generateKeyMaterial(),
    keysSource: 'env',
    publicUrl: 'http://localhost',
  };
  // routes other modules plug in (the wallet's walletRoutes: a member's points, packs, tier) are in the document too
  for (const m of modules) for (const x of m.extend ?? []) x.install();
  const app = await buildApp({ db: noDatabase, keys: keyring(config.keys), config, clock });
  try {
    const res = await app.inject({ method: 'GET', url: '/openapi.json' });
    if (res.statusCode !== 200) throw new Error(`GET /openapi.json answered ${res.statusCode}: ${res.body}`);
    return res.json() as OpenAPI3;
  } finally {
    await app.close();
  }
}

/** The text of web/src/api/schema.d.ts for this document. */
export async function schemaTypes(doc: OpenAPI3): Promise<string> {
  const ast = await openapiTS(doc, { silent: true });
  return HEADER + astToString(ast);
}

/** sdk/src/codes.ts: every code of the problem catalogue the API answers with, as a union the SDK's errors are typed by. */
export function problemCodes(): string {
  const codes = Object.entries(CATALOGUE as Record<string, EntryDef>)
    .filter(([, e]) => !e.client)
    .map(([c]) => c)
    .sort();
  return `/**\n * Every problem code the API answers with, from the server's problem catalogue (src/platform/problems),\n * written by \`npm run gen:api\` (web/gen-api.ts). Do not edit; src/platform/openapi-client.test.ts fails while it is stale.\n */\n\nexport const PROBLEM_CODES = [\n${codes.map((c) => `  '${c}',`).join('\n')}\n] as const;\n\n/** Every \`code\` a Kaquan problem+json answer can carry (docs/api.md lists what each means). */\nexport type ProblemCode = (typeof PROBLEM_CODES)[number];\n`;
}

function write(file: string, text: string) {
  let old = '';
  try {
    old = readFileSync(file, 'utf8');
  } catch {}
  if (old === text) console.log(`${file}: up to date`);
  else {
    writeFileSync(file, text);
    console.log(`${file}: written`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = await schemaTypes(await openapiDocument());
  write(SCHEMA_FILE, text);
  write(SDK_SCHEMA_FILE, text);
  write(SDK_CODES_FILE, problemCodes());
}
