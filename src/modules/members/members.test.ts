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

test('members sort by name on the server, across pages, both ways; a member without a name comes first A→Z', async () => {
  const { ownerKey: key } = await env.newTenant('Sorting');
  for (const name of ['wang', null, 'li', 'zhang', 'li', 'chen']) {
    assert.equal((await env.api('POST', '/v1/members', { name: name ?? undefined, phone: name === 'zhang' ? '13800001234' : undefined }, { key })).status, 201);
  }
  const asc = await assertSortedWalk(env, { url: '/v1/members', sort: 'name', value: (m) => m.name ?? '', key });
  assert.deepEqual(
    asc.map((m) => m.name),
    [null, 'chen', 'li', 'li', 'wang', 'zhang'],
  );
  assert.deepEqual(
    (await walk(env, '/v1/members?sort=-name&q=13800001234', key)).rows.map((m) => m.name),
    ['zhang'],
    'phone search still works',
  );
  const desc = await env.api('GET', '/v1/members?sort=-name&limit=1', undefined, { key });
  assert.equal(desc.body.data[0].name, 'zhang');
  await assertBadSort(env, '/v1/members', key);
});

test('null stays null: an explicit null name is no name, not an empty string', async () => {
  const m = await env.api('POST', '/v1/members', { name: null, external_id: 'null-check' });
  assert.equal(m.status, 201);
  assert.equal(m.body.name, null);
  const s = await env.api('POST', '/v1/stores', { name: 'n', code: null, time_zone: null });
  assert.equal(s.body.code, null);
});
