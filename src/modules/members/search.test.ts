import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, type TestEnv } from '../../testing/harness.js';
import { walk } from '../../testing/lists.js';

/** Member search 会员搜索: by phone, external id, id or name, each through its own index. */
let env: TestEnv;
let key: string;
before(async () => {
  env = await startTestEnv();
  ({ ownerKey: key } = await env.newTenant('Search'));
  const people: [string | null, string | null, string | null][] = [
    ['王小明', '13800138001', 'crm-1001'],
    ['王芳', null, 'crm-1002'],
    ['李小明', null, '13800138001'],
    ['Wang Xiaoming', null, null],
    ['小明_友', null, null],
    ['100%纯', null, null],
    [null, '13900001111', 'crm-1005'],
  ];
  for (const [name, phone, external_id] of people) {
    const r = await env.api('POST', '/v1/members', { name, phone, external_id }, { key });
    assert.equal(r.status, 201, JSON.stringify(r.body));
  }
});
after(async () => {
  await env.close();
});

const names = async (q: string, extra = '') =>
  (await walk(env, `/v1/members?q=${encodeURIComponent(q)}&limit=2${extra}`, key)).rows.map((m) => m.name ?? m.external_id).sort();

test('a phone, an external id and an id find their member; a number may be either', async () => {
  assert.deepEqual(await names('13800138001'), ['李小明', '王小明'], 'the phone of one, the external id of another');
  assert.deepEqual(await names('138 0013 8001'), ['王小明'], 'a phone as people write it');
  assert.deepEqual(await names('crm-1002'), ['王芳']);
  assert.deepEqual(await names('13900001111'), ['crm-1005']);
  const id = (await env.api('GET', '/v1/members?q=crm-1002', undefined, { key })).body.data[0].id;
  assert.deepEqual(await names(id), ['王芳']);
});

test('names of three or more characters match anywhere; shorter terms match the start', async () => {
  assert.deepEqual(await names('小明'), ['小明_友'], 'two characters: the start of the name');
  assert.deepEqual(await names('王'), ['王小明', '王芳']);
  assert.deepEqual(await names('xiaoming'), ['Wang Xiaoming'], 'any case, anywhere');
  assert.deepEqual(await names('明_友'), ['小明_友'], 'LIKE characters are plain text');
  assert.deepEqual(await names('0%纯'), ['100%纯']);
  assert.deepEqual(await names('%%%'), []);
});

test('search results page and sort like any list', async () => {
  const asc = (await walk(env, `/v1/members?q=${encodeURIComponent('王')}&sort=name&limit=1`, key)).rows.map((m) => m.name);
  assert.deepEqual(asc, ['王小明', '王芳'].sort());
  const desc = (await walk(env, `/v1/members?q=${encodeURIComponent('王')}&sort=-name&limit=1`, key)).rows.map((m) => m.name);
  assert.deepEqual(desc, [...asc].reverse());
});
