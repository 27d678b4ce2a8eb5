import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, type TestEnv } from '../../testing/harness.js';
import { sealAll } from './service.js';

let env: TestEnv;
before(async () => {
  env = await startTestEnv();
});
after(async () => {
  await env.close();
});

test('every mutation is audited; the chain is sealed behind the requests and verifies', async () => {
  for (let i = 0; i < 5; i++) await env.api('POST', '/v1/stores', { name: `店 ${i}` });
  const pending = await env.api('GET', '/v1/audit');
  assert.equal(pending.body.data.length, 5);
  assert.equal(pending.body.data[0].action, 'store.create');
  assert.equal(pending.body.data[0].seq, null, 'requests only append; sealing comes after');
  await sealAll(env.ctx);
  const v = await env.api('GET', '/v1/audit/verify');
  assert.deepEqual([v.body.ok, v.body.entries, v.body.unsealed], [true, 5, 0]);
  const head = await env.api('GET', '/v1/audit/head');
  assert.deepEqual([head.body.seal, head.body.entries], [1, 5], 'one seal covers the five entries');
  assert.deepEqual(head.body, v.body.head);
  const sealed = await env.api('GET', '/v1/audit');
  assert.deepEqual(
    sealed.body.data.map((e: any) => [e.seq, e.seal, e.hash]),
    [5, 4, 3, 2, 1].map((n) => [n, 1, head.body.mac]),
  );
});

test('verify detects an edit, a deletion and an entry slipped into a seal', async () => {
  const t = await env.newTenant('Tamper');
  for (let i = 0; i < 4; i++) await env.api('POST', '/v1/stores', { name: `s${i}` }, { key: t.ownerKey });
  await sealAll(env.ctx);
  const verify = async () => (await env.api('GET', '/v1/audit/verify', undefined, { key: t.ownerKey })).body;
  assert.equal((await verify()).ok, true);
  const q = (sql: string, params: unknown[] = []) => env.ctx.db.query(sql, [t.tenantId, ...params]);
  const [, second, third] = (await q(`SELECT * FROM audit_entries WHERE tenant_id = $1 ORDER BY id`)).rows;

  await q(`UPDATE audit_entries SET actor = 'someone else' WHERE tenant_id = $1 AND id = $2`, [second.id]);
  let v = await verify();
  assert.deepEqual([v.ok, v.broken_at_seal], [false, 1]);
  assert.match(v.reason, /seal 1 does not verify/);
  await q(`UPDATE audit_entries SET actor = $3 WHERE tenant_id = $1 AND id = $2`, [second.id, second.actor]);
  assert.equal((await verify()).ok, true, 'restored');

  await q(`DELETE FROM audit_entries WHERE tenant_id = $1 AND id = $2`, [third.id]);
  v = await verify();
  assert.deepEqual([v.ok, v.broken_at_seal, v.reason], [false, 1, `entry ${third.id}, sealed in seal 1, is missing: it was deleted`]);
  await q(`INSERT INTO audit_entries (tenant_id, id, actor, action, target_type, target_id, data, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
    third.id,
    third.actor,
    third.action,
    third.target_type,
    third.target_id,
    JSON.stringify(third.data),
    third.created_at,
  ]);
  assert.equal((await verify()).ok, true, 'restored');

  const forged = (
    await q(`INSERT INTO audit_entries (tenant_id, actor, action, created_at) VALUES ($1, 'forger', 'store.create', $2) RETURNING id`, [third.created_at])
  ).rows[0];
  await q(`UPDATE audit_seals SET entry_ids = entry_ids || $2::int8, entries = entries + 1 WHERE tenant_id = $1`, [forged.id]);
  v = await verify();
  assert.deepEqual([v.ok, v.broken_at_seal], [false, 1], 'an entry slipped into a seal breaks its mac');
});
