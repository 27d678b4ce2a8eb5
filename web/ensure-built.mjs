// `npm start` runs this first (prestart): builds web/dist with vite when it is missing or older
// than the web sources, so `npm ci && npm start` works on a fresh clone. Quick when up to date.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = fileURLToPath(new URL('.', import.meta.url));
const built = join(web, 'dist', 'index.html');

function newest(p) {
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(p).map((f) => newest(join(p, f))));
}

export function webIsStale() {
  if (!existsSync(built)) return true;
  const src = Math.max(
    newest(join(web, 'src')),
    newest(join(web, 'index.html')),
    newest(join(web, 'vite.config.ts')),
    newest(join(web, 'public')),
    newest(join(web, '../src/platform/problems')), // the problem catalogue the app words refusals with
  );
  return src > statSync(built).mtimeMs;
}

export async function ensureWebBuilt({ quiet = false } = {}) {
  if (!webIsStale()) return false;
  if (!quiet) console.log('building the web app (web/dist) …');
  const { build } = await import('vite');
  await build({ configFile: join(web, 'vite.config.ts'), logLevel: quiet ? 'error' : 'warn' });
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await ensureWebBuilt();
}
