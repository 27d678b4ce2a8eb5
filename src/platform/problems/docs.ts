import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { errorTable } from './catalogue.js';

/**
 * The API docs' error table (docs/api.md) is written from the catalogue: `npm run gen:errors`
 * rewrites what lies between the two marks; catalogue.test.ts fails while it is stale.
 */
export const API_DOC = fileURLToPath(new URL('../../../docs/api.md', import.meta.url));
const BEGIN = '<!-- errors:begin (npm run gen:errors writes this table from src/platform/problems) -->';
const END = '<!-- errors:end -->';

export function withErrorTable(md: string): string {
  const a = md.indexOf(BEGIN);
  const b = md.indexOf(END);
  if (a < 0 || b < a) throw new Error(`docs/api.md has no ${BEGIN} … ${END} marks`);
  return `${md.slice(0, a + BEGIN.length)}\n${errorTable()}\n${md.slice(b)}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const md = readFileSync(API_DOC, 'utf8');
  const next = withErrorTable(md);
  if (next !== md) writeFileSync(API_DOC, next);
  console.log(next === md ? 'docs/api.md: the error table is up to date' : 'docs/api.md: error table written');
}
