import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';
import { hasValidCheck } from '../codes/codes.js';

/**
 * 导出记录 export history: every export is kept (who, when, how many, which codes by their place in
 * the batch); a second export says there is nothing left instead of answering a header-only file; a
 * lost file is downloaded again within 24 hours, re-rendered from the same cards; each export and
 * each download is audited; only owners and operators may.
 */
let env: TestEnv;
let fx: Awaited<ReturnType<typeof fixtures>>;
before(async () => {
  env = await startTestEnv();
  fx = await fixtures(env);
});
after(async () => {
  await env.close();
});

const post = (url: string, payload?: unknown, key = env.ownerKey) =>
  env.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${key}` }, ...(payload === undefined ? {} : { payload: payload as any }) });
const lines = (text: string) => text.trim().split('\n');

test('exports are kept in the history; a lost file comes back the same; nothing left is a 409, not an empty file', async () => {
  const t = await fx.template('gift', { initial_balance: 5000 }, { validity: { type: 'fixed', ends_at: '2030-06-30T15:59:59Z' } });
  const b = await fx.batch(t.id, { mode: 'pregenerated', quantity: 30 });
  await env.jobs();
  assert.equal((await env.api('GET', `/v1/batches/${b.id}`)).body.unissued, 30);

  const first = await post(`/v1/batches/${b.id}/export`, { limit: 10 });
  assert.equal(first.statusCode, 200);
  const exportId = String(first.headers['x-kaquan-export-id']);
  assert.match(exportId, /^exp_/);
  const file1 = lines(first.body);

  assert.equal(file1[0], 'code,pin,card_id,state,valid_until');
  assert.equal(file1.length, 11);
  assert.ok(hasValidCheck(file1[1].split(',')[0]));
  // expiry in the tenant's time zone (Asia/Shanghai), with its offset
  assert.equal(file1[1].split(',')[4], '2030-06-30T23:59:59+08:00');
  assert.equal((await env.api('GET', `/v1/batches/${b.id}`)).body.unissued, 20);

  const rest = await post(`/v1/batches/${b.id}/export`, {});
  assert.equal(lines(rest.body).length, 21, 'the rest: 20 codes');
  assert.equal((await env.api('GET', `/v1/batches/${b.id}`)).body.unissued, 0);

  // a third export has nothing to write: refused before any file, nothing recorded
  const third = await post(`/v1/batches/${b.id}/export`, {});
  assert.equal(third.statusCode, 409);
  assert.equal(third.json().code, 'NOTHING_TO_EXPORT');

  const hist = await env.api('GET', `/v1/batches/${b.id}/exports`);
  assert.equal(hist.status, 200);
  assert.deepEqual(
    hist.body.data.map((e: any) => [e.kind, e.codes, e.seq_from, e.seq_to, e.requested, e.refetchable, e.actor_name]),
    [
      ['new', 20, 11, 30, null, true, 'owner'],
      ['new', 10, 1, 10, 10, true, 'owner'],
    ],
  );
  const rec = hist.body.data[1];
  assert.equal(rec.id, exportId);
  assert.equal(new Date(rec.refetch_until).getTime() - new Date(rec.created_at).getTime(), 24 * 3_600_000);

  // the lost first file: the same codes, PINs and order, from the same cards
  const again = await post(`/v1/batches/${b.id}/exports/${exportId}/download`);
  assert.equal(again.statusCode, 200);
  assert.deepEqual(lines(again.body), file1);
  const after = (await env.api('GET', `/v1/batches/${b.id}/exports`)).body.data[1];
  assert.equal(after.refetches, 1);
  assert.ok(after.last_refetch_at);

  // every export and every download again is in the audit log, naming the export
  await env.jobs();
  const audit = (await env.api('GET', '/v1/audit?limit=50')).body.data.filter((a: any) => a.action.startsWith('batch.export'));
  assert.deepEqual(audit.map((a: any) => a.action).sort(), ['batch.export', 'batch.export', 'batch.export_refetch']);
  assert.equal(audit.find((a: any) => a.action === 'batch.export_refetch').data.export_id, exportId);

  // after the window the file is gone for good
  env.ctx.clock.advance(24 * 3_600_000 + 1000);
  const late = await post(`/v1/batches/${b.id}/exports/${exportId}/download`);
  assert.equal(late.statusCode, 410);
  assert.equal(late.json().code, 'EXPORT_EXPIRED');
  assert.equal((await env.api('GET', `/v1/batches/${b.id}/exports`)).body.data[1].refetchable, false);
  env.ctx.clock.reset();
});

test('a re-export of codes already out is kept too, and comes back the same', async () => {
  const t = await fx.template('cash', { amount_off: 300 });
  const b = await fx.batch(t.id, { mode: 'pregenerated', quantity: 12 });
  await env.jobs();
  assert.equal((await post(`/v1/batches/${b.id}/export`, { reissue: true })).json().code, 'NOTHING_TO_EXPORT', 'nothing is out yet');
  await post(`/v1/batches/${b.id}/export`, { limit: 5 });
  const m = await fx.member();
  await fx.issue(b.id, m.id); // the sixth code goes to a member
  const re = await post(`/v1/batches/${b.id}/export`, { reissue: true });
  const file = lines(re.body);
  assert.equal(file.length, 7, 'the five exported and the one issued');
  await fx.issue(b.id, m.id); // issued after the re-export: not part of its file
  const id = String(re.headers['x-kaquan-export-id']);
  const [rec] = (await env.api('GET', `/v1/batches/${b.id}/exports`)).body.data;
  assert.deepEqual([rec.id, rec.kind, rec.codes, rec.seq_from, rec.seq_to], [id, 'reissue', 6, 1, 6]);
  assert.deepEqual(lines((await post(`/v1/batches/${b.id}/exports/${id}/download`)).body), file);
});

test('only owners and operators see the history or download again; another tenant’s export is not found', async () => {
  const t = await fx.template('cash', { amount_off: 300 });
  const b = await fx.batch(t.id, { mode: 'pregenerated', quantity: 3 });
  await env.jobs();
  const id = String((await post(`/v1/batches/${b.id}/export`, { limit: 1 })).headers['x-kaquan-export-id']);
  const key = async (role: string) => (await env.api('POST', '/v1/api-keys', { name: `k-${role}`, role })).body.secret as string;
  const operator = await key('operator');
  assert.equal((await env.api('GET', `/v1/batches/${b.id}/exports`, undefined, { key: operator })).status, 200);
  assert.equal((await post(`/v1/batches/${b.id}/exports/${id}/download`, undefined, operator)).statusCode, 200);
  const analyst = await key('analyst');
  assert.equal((await env.api('GET', `/v1/batches/${b.id}/exports`, undefined, { key: analyst })).status, 403);
  assert.equal((await post(`/v1/batches/${b.id}/exports/${id}/download`, undefined, analyst)).statusCode, 403);
  const other = await env.newTenant('Other');
  assert.equal((await post(`/v1/batches/${b.id}/exports/${id}/download`, undefined, other.ownerKey)).statusCode, 404);
  const wrongBatch = await fx.batch(t.id, { mode: 'pregenerated', quantity: 1 });
  assert.equal((await post(`/v1/batches/${wrongBatch.id}/exports/${id}/download`)).json().code, 'EXPORT_NOT_FOUND');
  const hist = (await env.api('GET', `/v1/batches/${b.id}/exports`, undefined, { key: operator })).body.data[0];
  assert.equal(hist.refetches, 1);
});
