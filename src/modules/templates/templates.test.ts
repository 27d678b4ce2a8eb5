import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';
import { assertBadSort, assertSortedWalk } from '../../testing/lists.js';

let env: TestEnv;
before(async () => {
  env = await startTestEnv();
});
after(async () => {
  await env.close();
});

const create = (body: Record<string, unknown>) => env.api('POST', '/v1/templates', { name: 't', validity: { type: 'relative', days: 30 }, ...body });

test('a template of every kind can be made', async () => {
  const reward = await create({ kind: 'exchange', value: { sku: 'TEA' } });
  const kinds: [string, Record<string, unknown>][] = [
    ['cash', { amount_off: 1000 }],
    ['discount', { percent_off: 12.5, max_off: 3000 }],
    ['exchange', { sku: 'LATTE', product_name: '拿铁' }],
    ['count', { uses: 10 }],
    ['periodic', { uses_per_period: 4, period: 'week', periods: 8 }],
    ['stored_value', { initial_balance: 0, max_balance: 100000 }],
    ['gift', { initial_balance: 20000 }],
    ['stamp', { goal: 8, reward_template_id: reward.body.id }],
    ['external', { supplier: 'S', product_name: 'P' }],
  ];
  for (const [kind, value] of kinds) {
    const r = await create({ kind, value });
    assert.equal(r.status, 201, `${kind}: ${JSON.stringify(r.body)}`);
    assert.equal(r.body.kind, kind);
  }
  const list = await env.api('GET', '/v1/templates?kind=stamp');
  assert.equal(list.body.data.length, 1);
});

test('invalid combinations are refused, naming the field', async () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ kind: 'cash', value: {} }, 'value.amount_off'],
    [{ kind: 'cash', value: { amount_off: 100, uses: 3 } }, 'value.uses'],
    [{ kind: 'cash', value: { amount_off: 5000 }, rules: { min_spend: 3000 } }, 'value.amount_off'],
    [{ kind: 'gift', value: { initial_balance: 0 } }, 'value.initial_balance'],
    [{ kind: 'gift', value: { initial_balance: 100 }, rules: { transferable: false } }, 'rules.transferable'],
    [{ kind: 'stored_value', value: { initial_balance: 500, max_balance: 100 } }, 'value.max_balance'],
    [{ kind: 'external', value: { supplier: 'S', product_name: 'P' }, rules: { store_tags: ['x'] } }, 'rules.store_tags'],
    [{ kind: 'count', value: { uses: 3 }, rules: { verification: { threshold: 100 } } }, 'rules.verification.threshold'],
    [{ kind: 'count', value: { uses: 3 }, rules: { store_ids: ['sto_x'], store_tags: ['a'] } }, 'rules.store_tags'],
    [{ kind: 'count', value: { uses: 3 }, rules: { hours: [{ from: '10:00', to: '10:00' }] } }, 'rules.hours'],
    [
      { kind: 'count', value: { uses: 3 }, validity: { type: 'fixed', starts_at: '2030-02-01T00:00:00Z', ends_at: '2030-01-01T00:00:00Z' } },
      'validity.ends_at',
    ],
    [{ kind: 'count', value: { uses: 3 }, validity: { type: 'fixed', ends_at: '2020-01-01T00:00:00Z' } }, 'validity.ends_at'],
    [{ kind: 'periodic', value: { uses_per_period: 1, period: 'month', periods: 2 }, validity: { type: 'period_end', unit: 'month' } }, 'validity'],
    [{ kind: 'stamp', value: { goal: 5, reward_template_id: 'tpl_missing' } }, 'value.reward_template_id'],
  ];
  const before = (await env.api('GET', '/v1/templates?limit=200')).body.data.length;
  for (const [body, field] of cases) {
    const r = await create(body);
    assert.equal(r.status, 422, `${JSON.stringify(body)} → ${r.status}`);
    assert.equal(r.body.code, 'TEMPLATE_INVALID');
    assert.equal(r.body.errors[0].field, field, JSON.stringify(body));
  }
  const unknownStore = await create({ kind: 'count', value: { uses: 1 }, rules: { store_ids: ['sto_missing'] } });
  assert.equal(unknownStore.body.code, 'STORE_NOT_FOUND');
  const schemaLevel = await create({ kind: 'discount', value: { percent_off: 120 } });
  assert.equal(schemaLevel.status, 400);
  assert.match(schemaLevel.body.errors[0].field, /percent_off/);
  assert.equal((await env.api('GET', '/v1/templates?limit=200')).body.data.length, before, 'nothing was created');
});

test('rules change any time; value and validity are fixed once a batch exists', async () => {
  const fx = await fixtures(env);
  const t = await fx.template('cash', { amount_off: 100 });
  const p = await env.api('PATCH', `/v1/templates/${t.id}`, { value: { amount_off: 200 } });
  assert.equal(p.body.value.amount_off, 200);
  await fx.batch(t.id);
  const locked = await env.api('PATCH', `/v1/templates/${t.id}`, { value: { amount_off: 300 } });
  assert.equal(locked.status, 409);
  assert.equal(locked.body.code, 'TEMPLATE_IN_USE');
  const rules = await env.api('PATCH', `/v1/templates/${t.id}`, { rules: { weekdays: [6, 7] }, name: '周末券' });
  assert.equal(rules.status, 200);
  assert.equal(rules.body.version, 3);
  const archived = await env.api('PATCH', `/v1/templates/${t.id}`, { status: 'archived' });
  assert.equal(archived.body.status, 'archived');
  assert.equal((await env.api('POST', '/v1/batches', { template_id: t.id, name: 'x', mode: 'on_issue' })).body.code, 'TEMPLATE_ARCHIVED');
});

test('templates sort on the server by name and by last change, across pages, both ways', async () => {
  const { ownerKey: key } = await env.newTenant('Sorting');
  const ids: string[] = [];
  for (const name of ['latte', 'americano', 'mocha', 'americano', 'flat white']) {
    const r = await env.api('POST', '/v1/templates', { kind: 'count', name, value: { uses: 2 }, validity: { type: 'relative', days: 30 } }, { key });
    assert.equal(r.status, 201);
    ids.push(r.body.id);
    env.ctx.clock.advance(1000);
  }
  const byName = await assertSortedWalk(env, { url: '/v1/templates', sort: 'name', value: (t) => t.name, key });
  assert.deepEqual(
    byName.map((t) => t.name),
    ['americano', 'americano', 'flat white', 'latte', 'mocha'],
  );
  await env.api('PATCH', `/v1/templates/${ids[0]}`, { description: 'touched' }, { key }); // the oldest becomes the latest changed
  const byChange = await assertSortedWalk(env, { url: '/v1/templates?kind=count', sort: 'updated_at', value: (t) => t.updated_at, key });
  assert.equal(byChange[byChange.length - 1].id, ids[0]);
  await assertBadSort(env, '/v1/templates', key);
});
