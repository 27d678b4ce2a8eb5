import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { modules } from '../modules/index.js';

/**
 * The structure the code keeps (docs/architecture.md): each module plugs in by its definition,
 * no import cycles between modules or other parts of src/, a module's SQL names only its own
 * tables except where docs/architecture.md lists the file, the table and why, and short files.
 */
const root = fileURLToPath(new URL('../', import.meta.url)); // src/
const walk = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
const all = walk(root);
const isSource = (f: string) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !/\/(testing|race|e2e)\//.test(f);
const sources = all.filter(isSource);
const rel = (f: string) => relative(root, f);
/** modules/<m> for a module's files, else the folder (or file) under src/ */
const unitOf = (f: string) => {
  const p = rel(f).split('/');
  return p[0] === 'modules' && p.length > 2 ? `modules/${p[1]}` : p[0]!;
};

test('every module folder is one definition listed in src/modules/index.ts, named as its folder', () => {
  const folders = readdirSync(join(root, 'modules')).filter((f) => statSync(join(root, 'modules', f)).isDirectory());
  assert.deepEqual(modules.map((m) => m.name).sort(), folders.sort());
});

test('no import cycles between modules or other parts of src/', () => {
  const edges = new Map<string, Set<string>>();
  for (const f of sources) {
    for (const m of readFileSync(f, 'utf8').matchAll(/from\s+['"](\.[^'"]+)['"]/g)) {
      const target = normalize(join(dirname(f), m[1]!));
      if (!target.startsWith(root)) continue;
      const [a, b] = [unitOf(f), unitOf(target)];
      if (a !== b) edges.set(a, (edges.get(a) ?? new Set()).add(b));
    }
  }
  // a cycle is a unit that reaches itself
  const reaches = (from: string, to: string, seen = new Set<string>()): boolean =>
    [...(edges.get(from) ?? [])].some((n) => n === to || (!seen.has(n) && (seen.add(n), reaches(n, to, seen))));
  const cyclic = [...edges.keys()].filter((u) => reaches(u, u));
  assert.deepEqual(cyclic, [], `units in an import cycle: ${cyclic.join(', ')}`);
});

test("a module's SQL names another module's tables only where docs/architecture.md says why", () => {
  const owner = new Map<string, string>();
  for (const f of all.filter((x) => x.endsWith('.sql') && rel(x).startsWith('modules/'))) {
    for (const m of readFileSync(f, 'utf8').matchAll(/CREATE TABLE (?:IF NOT EXISTS )?"?(\w+)"?/gi)) owner.set(m[1]!.toLowerCase(), unitOf(f));
  }
  const used = new Set<string>();
  for (const f of sources.filter((x) => unitOf(x).startsWith('modules/'))) {
    for (const m of readFileSync(f, 'utf8').matchAll(/\b(?:FROM|JOIN|INTO|UPDATE)\s+(\w+)/g)) {
      const o = owner.get(m[1]!.toLowerCase());
      if (o && o !== unitOf(f)) used.add(`${rel(f).replace(/^modules\//, '')} ${m[1]!.toLowerCase()}`);
    }
  }
  // docs/architecture.md: "| `redemptions/write.ts` | cards, ledger_entries | why |"
  const doc = readFileSync(join(root, '../docs/architecture.md'), 'utf8');
  const allowed = new Set<string>();
  for (const m of doc.matchAll(/^\| `([\w/.-]+\.ts)` \| ([\w, ]+) \|/gm)) for (const t of m[2]!.split(',')) allowed.add(`${m[1]} ${t.trim()}`);
  assert.deepEqual([...used].filter((u) => !allowed.has(u)).sort(), [], 'cross-module table uses not listed (file table) in docs/architecture.md');
  assert.deepEqual([...allowed].filter((a) => !used.has(a)).sort(), [], 'listed in docs/architecture.md but no longer used: take them off the list');
});

test('source files stay short (300 lines at most)', () => {
  const long = sources.map((f) => [rel(f), readFileSync(f, 'utf8').split('\n').length] as const).filter(([, n]) => n > 300);
  assert.deepEqual(long, []);
});
