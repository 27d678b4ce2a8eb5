/**
 * `npm test` runs the node test files as JavaScript, compiled ahead by esbuild (the compiler tsx
 * itself uses) into a mirror of the checkout, `.test-build/`, instead of through tsx's loader in every
 * test process. Node 20 runs loader hooks on a separate thread, and each of the app's few hundred
 * modules crossed it: about 1.5 s of CPU per test file before its first test, a third of the suite.
 *
 * The mirror keeps every path the code and tests rely on: `src/` is copied whole (migrations, and the
 * .ts sources the architecture test reads and that child processes started with tsx run), each .ts
 * gets its .js beside it (with an inline source map, so stack traces name the .ts lines), `web/` holds
 * a compiled gen-api.js and links to the rest, and every other top-level entry (docs, package.json…)
 * is a link. node_modules is found by walking up, as from `src/`. One test file still runs alone as
 * before: `node --import tsx --test src/…/x.test.ts`. The browser walks (`npm run test:screens`) run
 * from the mirror too, after the web app is built (so web/dist is linked), once, before any walk starts.
 */
import { build } from 'esbuild';
import { cpSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = join(root, '.test-build');
const own = new Set(['src', 'web', 'sdk', '.test-build', '.git', 'node_modules']);

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'web'), { recursive: true });
cpSync(join(root, 'src'), join(out, 'src'), { recursive: true });
// the SDK (sdk/) and its tests, which run against a server of this checkout
for (const d of ['src', 'test', 'examples', 'package.json']) cpSync(join(root, 'sdk', d), join(out, 'sdk', d), { recursive: true });
cpSync(join(root, 'web/gen-api.ts'), join(out, 'web/gen-api.ts'));
for (const f of readdirSync(join(root, 'web'))) if (f !== 'gen-api.ts') symlinkSync(join(root, 'web', f), join(out, 'web', f));
mkdirSync(join(root, 'test-results'), { recursive: true }); // the browser walks' screenshots land in the checkout's, through the link
for (const f of readdirSync(root)) if (!own.has(f)) symlinkSync(join(root, f), join(out, f));

const walk = (d) => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
const entryPoints = [
  ...[join(out, 'src'), join(out, 'sdk')].flatMap(walk).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')),
  join(out, 'web/gen-api.ts'),
];
await build({ entryPoints, outdir: out, outbase: out, format: 'esm', platform: 'node', target: 'node20', sourcemap: 'inline', logLevel: 'error' });
