import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, type TestEnv } from '../../testing/harness.js';
import { assertBadSort, assertSortedWalk, walk } from '../../testing/lists.js';

let env: TestEnv;
before(async () => {
  env = await startTestEnv();
});
after(async () => {
  await env.close();
});

test('stores sort by name on the server, across pages, both ways; search still applies', async () => {
  const { ownerKey: key } = await env.newTenant('Sorting');
  for (const name of ['cherry', 'apple', 'banana', 'elder', 'banana', 'damson']) {
    assert.equal((await env.api('POST', '/v1/stores', { name, tags: name.startsWith('b') ? ['b'] : [] }, { key })).status, 201);
  }
  const asc = await assertSortedWalk(env, { url: '/v1/stores', sort: 'name', value: (s) => s.name, key });
  assert.deepEqual(
    asc.map((s) => s.name),
    ['apple', 'banana', 'banana', 'cherry', 'damson', 'elder'],
  );
  const byNew = await walk(env, '/v1/stores?limit=4', key);
  assert.equal(byNew.rows[0].name, 'damson', 'the default is still newest first');
  assert.deepEqual(
    (await walk(env, '/v1/stores?sort=-name&q=an&limit=1', key)).rows.map((s) => s.name),
    ['banana', 'banana'],
    'search and sort together',
  );
  assert.deepEqual((await walk(env, '/v1/stores?sort=-name&tag=b&limit=1', key)).rows.length, 2);
  await assertBadSort(env, '/v1/stores', key);
});
