import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, type TestEnv } from '../../testing/harness.js';
import { sealAll } from './service.js';

let env: TestEnv;
before(async () => { env = await startTestEnv(); });
after(async () => { await env.close(); });

test('every mutation is audited; the chain is sealed behind the requests and verifies', async () => {
  for (let i = 0; i < 5; i++) await env.api('POST', '/v1/stores', { name: `店 ${i}` });
  const pending = await env.api('GET', '/v1/audit');
  assert.equal(pending.body.data.length, 5);
  assert.equal(pending.body.data[0].action, 'store.create');
  assert.equal(pending.body.data[0].seq, null, 'requests only append; sealing comes after');
  await sealAll(env.ctx.db);
  const v = await env.api('GET', '/v1/audit/verify');
  assert.deepEqual([v.body.ok, v.body.entries, v.body.unsealed], [true, 5, 0]);
  const head = await env.api('GET', '/v1/audit/head');
  assert.equal(head.body.seq, 5);
  assert.equal(head.body.hash, v.body.head_hash);
});

test('verify detects an edit, a deletion and an insertion', async () => {
  const t = await env.newTenant('Tamper');
  for (let i = 0; i < 4; i++) await env.api('POST', '/v1/stores', { name: `s${i}` }, { key: t.ownerKey });
  await sealAll(env.ctx.db);
  const verify = async () => (await env.api('GET', '/v1/audit/verify', undefined, { key: t.ownerKey })).body;
  assert.equal((await verify()).ok, true);

  await env.ctx.db.query(`UPDATE audit_entries SET actor = 'someone else' WHERE tenant_id = $1 AND seq = 2`, [t.tenantId]);
  let v = await verify();
  assert.deepEqual([v.ok, v.broken_at_seq, v.reason], [false, 2, 'an entry was edited']);
  await env.ctx.db.query(`UPDATE audit_entries SET actor = 'key:' || (SELECT id FROM api_keys WHERE tenant_id = $1 LIMIT 1) WHERE tenant_id = $1 AND seq = 2`, [t.tenantId]);

  const row = (await env.ctx.db.query(`SELECT * FROM audit_entries WHERE tenant_id = $1 AND seq = 3`, [t.tenantId])).rows[0];
  await env.ctx.db.query(`DELETE FROM audit_entries WHERE tenant_id = $1 AND seq = 3`, [t.tenantId]);
  v = await verify();
  assert.equal(v.ok, false);
  assert.equal(v.broken_at_seq, 3);
  await env.ctx.db.query(
    `INSERT INTO audit_entries (tenant_id, id, seq, actor, action, target_type, target_id, data, created_at, prev_hash, hash) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
    [t.tenantId, row.id, row.seq, row.actor, row.action, row.target_type, row.target_id, JSON.stringify(row.data), row.created_at, row.prev_hash, row.hash],
  );
  assert.equal((await verify()).ok, true, 'restored');
  await env.ctx.db.query(`UPDATE audit_entries SET seq = -seq WHERE tenant_id = $1 AND seq >= 3`, [t.tenantId]);
  await env.ctx.db.query(`UPDATE audit_entries SET seq = 1 - seq WHERE tenant_id = $1 AND seq < 0`, [t.tenantId]);
  await env.ctx.db.query(
    `INSERT INTO audit_entries (tenant_id, seq, actor, action, created_at, prev_hash, hash) VALUES ($1, 3, 'forger', 'store.create', now(), $2, $3)`,
    [t.tenantId, row.prev_hash, row.hash],
  );
  v = await verify();
  assert.equal(v.ok, false, 'an inserted entry breaks the chain');
});
