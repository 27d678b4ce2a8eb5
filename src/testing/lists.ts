import assert from 'node:assert/strict';
import type { TestEnv } from './harness.js';

/** Every page of a list, following next_cursor with the same query: the rows in order and the number of pages. */
export async function walk(env: TestEnv, url: string, key?: string): Promise<{ rows: any[]; pages: number }> {
  const rows: any[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const r = await env.api(
      'GET',
      cursor ? `${url}${url.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}` : url,
      undefined,
      key ? { key } : undefined,
    );
    assert.equal(r.status, 200, `${url}: ${JSON.stringify(r.body)}`);
    rows.push(...r.body.data);
    cursor = r.body.next_cursor;
    assert.ok(++pages < 100, 'the walk ends');
  } while (cursor);
  return { rows, pages };
}

/**
 * Walks `url` sorted by `sort` ascending and descending, `limit` rows a page, and checks the
 * server's order: by `value` (ties by id) one way, exactly reversed the other, every row once.
 * Answers the rows ascending.
 */
export async function assertSortedWalk(env: TestEnv, opts: { url: string; sort: string; value: (row: any) => string | number; limit?: number; key?: string }) {
  const sep = opts.url.includes('?') ? '&' : '?';
  const limit = opts.limit ?? 2;
  const asc = await walk(env, `${opts.url}${sep}sort=${opts.sort}&limit=${limit}`, opts.key);
  const desc = await walk(env, `${opts.url}${sep}sort=-${opts.sort}&limit=${limit}`, opts.key);
  const all = await walk(env, `${opts.url}${sep}limit=200`, opts.key);
  assert.ok(asc.pages >= 2, `${opts.sort}: more than one page (${asc.pages})`);
  assert.equal(asc.rows.length, all.rows.length, `${opts.sort}: every row once`);
  assert.equal(new Set(asc.rows.map((r) => r.id)).size, asc.rows.length, `${opts.sort}: no row twice`);
  for (let i = 1; i < asc.rows.length; i++) {
    const [a, b] = [asc.rows[i - 1], asc.rows[i]];
    const [va, vb] = [opts.value(a), opts.value(b)];
    assert.ok(va < vb || (va === vb && a.id < b.id), `${opts.sort} ascending: ${JSON.stringify(va)} (${a.id}) before ${JSON.stringify(vb)} (${b.id})`);
  }
  assert.deepEqual(
    desc.rows.map((r) => r.id),
    asc.rows.map((r) => r.id).reverse(),
    `-${opts.sort} is ${opts.sort} reversed`,
  );
  return asc.rows;
}

/** A sort the list does not have: 400 problem+json naming querystring.sort, with the allowed values. */
export async function assertBadSort(env: TestEnv, url: string, key?: string) {
  const r = await env.api('GET', `${url}${url.includes('?') ? '&' : '?'}sort=password`, undefined, key ? { key } : undefined);
  assert.equal(r.status, 400, JSON.stringify(r.body));
  assert.match(String(r.headers['content-type']), /problem\+json/);
  assert.equal(r.body.code, 'VALIDATION_FAILED');
  assert.equal(r.body.errors[0].field, 'querystring.sort');
  assert.match(r.body.errors[0].reason, /-created_at/);
}
