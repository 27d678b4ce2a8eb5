import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, type TestEnv } from '../testing/harness.js';
import { walk } from '../testing/lists.js';

/** The cursor rules every sorted list shares (src/http/pagination.ts); each module's tests check its own sorts. */
let env: TestEnv;
let key: string;
before(async () => {
  env = await startTestEnv();
  ({ ownerKey: key } = await env.newTenant('Cursors'));
  for (const name of ['kiwi', 'fig', 'lime', 'date', 'pear']) await env.api('POST', '/v1/stores', { name }, { key });
});
after(async () => {
  await env.close();
});

const get = (url: string) => env.api('GET', url, undefined, { key });
const b64 = (s: string) => Buffer.from(s).toString('base64url');

test('the default order still takes and gives the plain-id cursor', async () => {
  const first = await get('/v1/stores?limit=2');
  assert.equal(Buffer.from(first.body.next_cursor, 'base64url').toString(), first.body.data[1].id, 'newest first: the cursor is the last id, as before');
  const legacy = await get(`/v1/stores?limit=2&cursor=${b64(first.body.data[1].id)}`);
  assert.equal(legacy.status, 200);
  const explicit = await get(`/v1/stores?limit=2&sort=-created_at&cursor=${first.body.next_cursor}`);
  assert.deepEqual(
    explicit.body.data.map((s: any) => s.id),
    legacy.body.data.map((s: any) => s.id),
  );
  const oldest = await walk(env, '/v1/stores?sort=created_at&limit=2', key);
  assert.deepEqual(
    oldest.rows.map((s) => s.name),
    ['kiwi', 'fig', 'lime', 'date', 'pear'],
  );
});

test('a cursor answers only the sort it was made for; a forged one is a clean 400', async () => {
  const byName = await get('/v1/stores?sort=name&limit=2');
  assert.deepEqual(
    byName.body.data.map((s: any) => s.name),
    ['date', 'fig'],
  );
  const c = byName.body.next_cursor;
  assert.deepEqual(
    (await get(`/v1/stores?sort=name&limit=2&cursor=${c}`)).body.data.map((s: any) => s.name),
    ['kiwi', 'lime'],
  );
  const id = byName.body.data[1].id;
  for (const [url, why] of [
    [`/v1/stores?sort=-name&cursor=${c}`, /sort=name/],
    [`/v1/stores?cursor=${c}`, /sort=name/],
    [`/v1/stores?sort=name&cursor=${b64(id)}`, /sort=-created_at/],
    [`/v1/stores?sort=name&cursor=${b64('[not json')}`, /not a cursor/],
    [`/v1/stores?sort=name&cursor=${b64(JSON.stringify(['name', 'fig', "x'; DROP TABLE stores; --"]))}`, /not a cursor/],
    [`/v1/batches?sort=issued&cursor=${b64(JSON.stringify(['issued', 'many', 'bat_01']))}`, /not a cursor/],
    [`/v1/templates?sort=updated_at&cursor=${b64(JSON.stringify(['updated_at', 'yesterday', 'tpl_01']))}`, /not a cursor/],
    [`/v1/stores?cursor=${b64('../../etc')}`, /not a cursor/],
  ] as const) {
    const r = await get(url);
    assert.equal(r.status, 400, `${url}: ${JSON.stringify(r.body)}`);
    assert.equal(r.body.code, 'INVALID_CURSOR', url);
    assert.match(r.body.detail, why, url);
  }
});

test('a key that changes between pages does not repeat or lose the rows that did not', async () => {
  const first = await get('/v1/stores?sort=name&limit=2'); // date, fig
  await env.api('PATCH', `/v1/stores/${first.body.data[0].id}`, { name: 'zucchini' }, { key }); // date moves to the end
  const second = await get(`/v1/stores?sort=name&limit=2&cursor=${first.body.next_cursor}`);
  const third = await get(`/v1/stores?sort=name&limit=2&cursor=${second.body.next_cursor}`);
  assert.deepEqual(
    [...second.body.data, ...third.body.data].map((s: any) => s.name),
    ['kiwi', 'lime', 'pear', 'zucchini'],
  );
  assert.equal(third.body.next_cursor, null);
});
