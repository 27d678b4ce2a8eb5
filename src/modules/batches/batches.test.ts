import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';
import { assertBadSort, assertSortedWalk } from '../../testing/lists.js';
import { ledgerMismatches } from '../ledger/service.js';
import { hasValidCheck } from '../codes/codes.js';

let env: TestEnv;
let fx: Awaited<ReturnType<typeof fixtures>>;
before(async () => {
  env = await startTestEnv();
  fx = await fixtures(env);
});
after(async () => {
  await env.close();
});
afterEach(async () => assert.deepEqual(await ledgerMismatches(env.ctx.db), []));

const csvRows = (text: string) =>
  text
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));

test('a pre-generated batch is made by a background job with progress, then issued from its pool', async () => {
  const t = await fx.template('cash', { amount_off: 500 });
  const b = await fx.batch(t.id, { mode: 'pregenerated', quantity: 12000, code_format: { prefix: 'KQ', length: 16 } });
  assert.equal(b.status, 'generating');
  assert.equal(b.generated, 0);
  assert.equal(b.progress, 0);
  assert.equal((await env.api('POST', '/v1/cards/issue', { batch_id: b.id })).body.code, 'STOCK_EXHAUSTED', 'nothing generated yet');
  await env.jobs();
  const done = (await env.api('GET', `/v1/batches/${b.id}`)).body;
  assert.equal(done.status, 'ready');
  assert.equal(done.generated, 12000);
  assert.equal(done.progress, 1);
  const n = await env.ctx.db.query(`SELECT count(*)::int8 AS n, count(DISTINCT code_hash)::int8 AS d FROM cards WHERE batch_id = $1 AND state = 'unissued'`, [
    b.id,
  ]);
  assert.deepEqual(n.rows[0], { n: 12000, d: 12000 });
  const m = await fx.member();
  const c = await fx.issue(b.id, m.id);
  assert.match(c.code, /^KQ[0-9A-HJKMNP-TV-Z]{17}$/);
  assert.ok(hasValidCheck(c.code));
  assert.equal((await env.api('GET', `/v1/batches/${b.id}`)).body.issued, 1);
});

test('pause stops generation where it is; resume finishes it', async () => {
  const t = await fx.template('count', { uses: 2 });
  const b = await fx.batch(t.id, { mode: 'pregenerated', quantity: 100 });
  const p = await env.api('POST', `/v1/batches/${b.id}/pause`);
  assert.equal(p.body.status, 'paused');
  await env.jobs();
  assert.equal((await env.api('GET', `/v1/batches/${b.id}`)).body.generated, 0);
  assert.equal((await env.api('POST', `/v1/batches/${b.id}/pause`)).body.code, 'BATCH_NOT_GENERATING');
  assert.equal((await env.api('POST', `/v1/batches/${b.id}/resume`)).body.status, 'generating');
  await env.jobs();
  const done = (await env.api('GET', `/v1/batches/${b.id}`)).body;
  assert.equal(done.status, 'ready');
  assert.equal(done.generated, 100);
});

test('batch input is checked: format entropy, mode rules, template of another tenant', async () => {
  const t = await fx.template('cash', { amount_off: 500 });
  const short = await env.api('POST', '/v1/batches', { template_id: t.id, name: 'x', mode: 'pregenerated', quantity: 10, code_format: { length: 8 } });
  assert.equal(short.status, 422);
  assert.equal(short.body.errors[0].field, 'code_format.length');
  const digits = await env.api('POST', '/v1/batches', { template_id: t.id, name: 'x', mode: 'on_issue', code_format: { alphabet: 'digits', length: 20 } });
  assert.equal(digits.body.errors[0].field, 'code_format.length', '20 digits carry only 66 bits');
  const badPrefix = await env.api('POST', '/v1/batches', { template_id: t.id, name: 'x', mode: 'on_issue', code_format: { prefix: 'LO' } });
  assert.equal(badPrefix.body.errors[0].field, 'code_format.prefix');
  assert.equal((await env.api('POST', '/v1/batches', { template_id: t.id, name: 'x', mode: 'pregenerated' })).body.errors[0].field, 'quantity');
  assert.equal((await env.api('POST', '/v1/batches', { template_id: t.id, name: 'x', mode: 'pregenerated', quantity: 1_000_001 })).status, 400);
  const other = await env.newTenant('O');
  const theirs = await env.api('POST', '/v1/batches', { template_id: t.id, name: 'x', mode: 'on_issue' }, { key: other.ownerKey });
  assert.equal(theirs.status, 404);
  assert.equal(theirs.body.code, 'TEMPLATE_NOT_FOUND');
});

test('export streams the codes as CSV, takes them out of the pool, and is audited', async () => {
  const t = await fx.template('gift', { initial_balance: 10000 });
  const b = await fx.batch(t.id, { mode: 'pregenerated', quantity: 30 });
  await env.jobs();
  const res = await env.app.inject({
    method: 'POST',
    url: `/v1/batches/${b.id}/export`,
    headers: { authorization: `Bearer ${env.ownerKey}` },
    payload: { limit: 10 },
  });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /text\/csv/);
  const rows = csvRows(res.body);
  assert.equal(rows.length, 10);
  for (const [code, pin, id, state] of rows) {
    assert.ok(hasValidCheck(code));
    assert.match(pin, /^\d{8}$/);
    assert.match(id, /^card_/);
    assert.equal(state, 'active');
  }
  // exported codes are bearer codes now: a member binds one with its PIN; the pool no longer hands them out
  const m = await fx.member();
  const bind = await env.api('POST', '/v1/cards/bind', { code: rows[0][0], pin: rows[0][1], member_id: m.id });
  assert.equal(bind.status, 200);
  assert.equal(bind.body.balance, 10000);
  const issued = await fx.issue(b.id, m.id);
  assert.ok(!rows.some((r) => r[0] === issued.code));
  const again = await env.app.inject({
    method: 'POST',
    url: `/v1/batches/${b.id}/export`,
    headers: { authorization: `Bearer ${env.ownerKey}` },
    payload: { reissue: true },
  });
  assert.equal(csvRows(again.body).length, 11, 'reissue lists the codes already out, changing nothing');
  await env.jobs();
  const audit = await env.api('GET', '/v1/audit?action=batch.export');
  assert.equal(audit.body.data.length, 2);
  assert.equal(audit.body.data[0].target_id, b.id);
  const analyst = (await env.api('POST', '/v1/api-keys', { name: 'a', role: 'analyst' })).body.secret;
  const denied = await env.app.inject({ method: 'POST', url: `/v1/batches/${b.id}/export`, headers: { authorization: `Bearer ${analyst}` } });
  assert.equal(denied.statusCode, 403);
});

test('import keeps good lines and reports refused ones with the reason', async () => {
  const t = await fx.template('cash', { amount_off: 100 });
  const b = await fx.batch(t.id, { mode: 'imported' });
  const csv = ['code', 'OLD-0001-AAAA-KKKK-MM', 'old0002bbbbkkkkmm', 'OLD0001AAAAKKKKMM', 'bad!', '', 'OLD0003CCCCKKKKMM'].join('\n');
  const r = await env.api('POST', `/v1/batches/${b.id}/import?state=active`, csv, { headers: { 'content-type': 'text/csv' } });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.accepted, 3);
  assert.deepEqual(
    r.body.refusals.map((x: any) => [x.line, x.reason]),
    [
      [4, 'duplicate_in_file'],
      [5, 'malformed'],
    ],
  );
  const dup = await env.api('POST', `/v1/batches/${b.id}/import`, { csv: 'OLD0003CCCCKKKKMM\nOLD0004DDDDKKKKMM' });
  assert.equal(dup.body.accepted, 1);
  assert.deepEqual(
    dup.body.refusals.map((x: any) => [x.line, x.reason]),
    [[1, 'duplicate']],
  );
  // imported as active: legacy codes already in customers' hands are redeemable as typed
  const red = await env.api('POST', '/v1/redemptions', { code: 'old-0002-bbbb-kkkk-mm' });
  assert.equal(red.status, 201);
  const onIssue = await fx.batch(t.id);
  assert.equal(
    (await env.api('POST', `/v1/batches/${onIssue.id}/import`, 'X1234567', { headers: { 'content-type': 'text/csv' } })).body.code,
    'BATCH_MODE_INVALID',
  );
});

test('the clear code never sits in a table', async () => {
  const t = await fx.template('gift', { initial_balance: 500 });
  const b = await fx.batch(t.id);
  const m = await fx.member();
  const c = (await env.api('POST', '/v1/cards/issue', { batch_id: b.id, member_id: m.id }, { headers: { 'idempotency-key': 'leak-check' } })).body;
  await env.api('POST', '/v1/redemptions', { code: c.code, amount: 100, pin: c.pin });
  await env.jobs();
  for (const table of ['cards', 'events', 'ledger_entries', 'redemptions', 'audit_entries', 'idempotency_keys', 'webhook_deliveries', 'jobs']) {
    const r = await env.ctx.db.query(`SELECT count(*)::int8 AS n FROM ${table} x WHERE x::text ILIKE '%' || $1 || '%' OR x::text LIKE '%' || $2 || '%'`, [
      c.code,
      c.pin,
    ]);
    assert.equal(r.rows[0].n, 0, `${table} holds the clear code or PIN`);
  }
});

test('batches sort on the server by name, issued and generated, across pages, both ways', async () => {
  const { ownerKey: key } = await env.newTenant('Sorting');
  const mine = await fixtures(env, key);
  const t = await mine.template('cash', { amount_off: 100 });
  const imported = async (name: string, codes: number) => {
    const b = await mine.batch(t.id, { mode: 'imported', name });
    const csv = Array.from({ length: codes }, (_, i) => `${name.toUpperCase()}${String(i).padStart(12, '0')}`).join('\n');
    assert.equal(
      (await env.api('POST', `/v1/batches/${b.id}/import?state=active`, csv, { key, headers: { 'content-type': 'text/csv' } })).body.accepted,
      codes,
    );
  };
  await imported('bravo', 3);
  await imported('alpha', 1);
  for (const [name, n] of [
    ['delta', 2],
    ['charlie', 0],
    ['echo', 1],
  ] as const) {
    const b = await mine.batch(t.id, { mode: 'on_issue', name });
    for (let i = 0; i < n; i++) await mine.issue(b.id);
  }
  const byName = await assertSortedWalk(env, { url: '/v1/batches', sort: 'name', value: (b) => b.name, key });
  assert.deepEqual(
    byName.map((b) => b.name),
    ['alpha', 'bravo', 'charlie', 'delta', 'echo'],
  );
  const byIssued = await assertSortedWalk(env, { url: '/v1/batches', sort: 'issued', value: (b) => b.issued, key });
  assert.deepEqual(
    byIssued.map((b) => b.issued),
    [0, 1, 1, 2, 3],
  );
  const byGenerated = await assertSortedWalk(env, { url: '/v1/batches', sort: 'generated', value: (b) => b.generated, key });
  assert.equal(byGenerated[byGenerated.length - 1].name, 'bravo');
  await assertBadSort(env, '/v1/batches', key);
});
