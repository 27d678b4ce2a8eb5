import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { startTestEnv, type TestEnv } from '../../testing/harness.js';

/**
 * The attacker can write to the database but does not hold the audit key: every attack below is
 * made with SQL straight on the tables, and the chain must say it was broken.
 */
let env: TestEnv;
before(async () => {
  env = await startTestEnv();
});
after(async () => {
  await env.close();
});

async function tenantWithEntries(n: number) {
  const t = await env.newTenant('Audited');
  for (let i = 0; i < n; i++) {
    const r = await env.api('POST', '/v1/stores', { name: `store ${i}` }, { key: t.ownerKey });
    assert.equal(r.status, 201);
  }
  const q = (sql: string, params: unknown[] = []) => env.ctx.db.query(sql, [t.tenantId, ...params]);
  const get = async (url: string) => (await env.api('GET', url, undefined, { key: t.ownerKey })).body;
  const verify = (head?: unknown) => get(`/v1/audit/verify${head ? `?head=${encodeURIComponent(JSON.stringify(head))}` : ''}`);
  return { ...t, q, get, verify };
}

test('the sealer only appends seals: it never updates an audit entry', async () => {
  const t = await tenantWithEntries(3);
  const rows = () => t.q(`SELECT id, xmin::text AS version FROM audit_entries WHERE tenant_id = $1 ORDER BY id`).then((r) => r.rows);
  const before = await rows();
  await env.jobs(); // the audit.seal job
  assert.deepEqual(await rows(), before, 'every entry is the row version the request wrote');
  const v = await t.verify();
  assert.deepEqual([v.ok, v.seals, v.entries, v.unsealed], [true, 1, 3, 0]);
});

test('a deleted entry is caught, also after the sealer ran again', async () => {
  const t = await tenantWithEntries(3);
  await env.jobs();
  const victim = (await t.q(`SELECT id FROM audit_entries WHERE tenant_id = $1 ORDER BY id LIMIT 1 OFFSET 1`)).rows[0].id;
  await t.q(`DELETE FROM audit_entries WHERE tenant_id = $1 AND id = $2`, [victim]);
  await env.jobs();
  const v = await t.verify();
  assert.deepEqual([v.ok, v.broken_at_seal, v.reason], [false, 1, `entry ${victim}, sealed in seal 1, is missing: it was deleted`]);
});

test('an edited entry is caught', async () => {
  const t = await tenantWithEntries(3);
  await env.jobs();
  await t.q(`UPDATE audit_entries SET data = '{"name":"not what happened"}' WHERE tenant_id = $1 AND action = 'store.create'
             AND id = (SELECT max(id) FROM audit_entries WHERE tenant_id = $1)`);
  const v = await t.verify();
  assert.deepEqual([v.ok, v.broken_at_seal], [false, 1]);
  assert.match(v.reason, /does not verify/);
});

test('seals deleted, blanked or missing from the middle are caught', async () => {
  const t = await tenantWithEntries(2);
  await env.jobs();
  await env.api('POST', '/v1/stores', { name: 'later' }, { key: t.ownerKey });
  await env.jobs();
  await env.api('POST', '/v1/stores', { name: 'later still' }, { key: t.ownerKey });
  await env.jobs();
  const head = await t.get('/v1/audit/head');
  assert.deepEqual([head.seal, head.entries], [3, 4]);
  assert.equal((await t.verify(head)).ok, true, 'the chain passes through its own head');

  await t.q(`DELETE FROM audit_seals WHERE tenant_id = $1 AND seq = 2`);
  let v = await t.verify();
  assert.deepEqual([v.ok, v.broken_at_seal, v.reason], [false, 2, 'seal 2 is missing: seals were deleted']);

  await t.q(`UPDATE audit_seals SET mac = $2 WHERE tenant_id = $1`, [Buffer.alloc(32)]);
  v = await t.verify();
  assert.deepEqual([v.ok, v.broken_at_seal], [false, 1], 'blanked macs');

  // every seal deleted: the head is gone, the entries look merely unsealed…
  await t.q(`DELETE FROM audit_seals WHERE tenant_id = $1`);
  assert.equal((await t.get('/v1/audit/head')).code, 'AUDIT_HEAD_NOT_FOUND');
  v = await t.verify();
  assert.deepEqual([v.ok, v.seals, v.unsealed], [true, 0, 4], 'within the sealing delay, unsealed entries are normal');
  // …but not for long, and never against the exported head
  v = await t.verify(head);
  assert.deepEqual([v.ok, v.reason], [false, 'the chain ends at seal 0, before the exported head (seal 3): seals were deleted']);
  env.ctx.clock.advance(6 * 60_000);
  v = await t.verify();
  assert.deepEqual([v.ok, v.reason], [false, '4 entries older than 5 minutes are not sealed: their seals were deleted, or no process runs the audit.seal job']);
});

test('a chain rewritten and sealed again from scratch does not pass through the exported head', async () => {
  const t = await tenantWithEntries(3);
  await env.jobs();
  const exported = await t.get('/v1/audit/head');
  await env.api('POST', '/v1/stores', { name: 'after the export' }, { key: t.ownerKey });
  await env.jobs();
  assert.equal((await t.verify(exported)).ok, true, 'the chain grew past the exported head');

  // the attacker removes an entry from before the export and lets the sealer rebuild every seal
  const victim = (await t.q(`SELECT id FROM audit_entries WHERE tenant_id = $1 ORDER BY id LIMIT 1`)).rows[0].id;
  await t.q(`DELETE FROM audit_entries WHERE tenant_id = $1 AND id = $2`, [victim]);
  await t.q(`DELETE FROM audit_seals WHERE tenant_id = $1`);
  await env.jobs();
  assert.equal((await t.verify()).ok, true, 'without an anchor, a chain sealed afresh verifies: that is why the head is exported');
  const v = await t.verify(exported);
  assert.deepEqual([v.ok, v.broken_at_seal], [false, exported.seal]);
  assert.match(v.reason, /no longer passes through the exported head/);
  const compact = await t.get(`/v1/audit/verify?head=${exported.seal}:${exported.mac}`);
  assert.equal(compact.ok, false, 'SEAL:MAC is accepted too');
});

test('a seal forged without the key is caught, and so is an entry sealed twice', async () => {
  const t = await tenantWithEntries(2);
  await env.jobs();
  await env.api('POST', '/v1/stores', { name: 'unsealed' }, { key: t.ownerKey });
  const last = (await t.q(`SELECT * FROM audit_seals WHERE tenant_id = $1 ORDER BY seq DESC LIMIT 1`)).rows[0];
  const fresh = (await t.q(`SELECT id FROM audit_entries WHERE tenant_id = $1 ORDER BY id DESC LIMIT 1`)).rows[0].id;
  const forge = (ids: number[]) =>
    t.q(
      `INSERT INTO audit_seals (tenant_id, seq, entry_ids, entries, sealed_at, mac, done_id, seen_id, high_id, txid_max)
     VALUES ($1, 2, $2::int8[], $3, now(), $4, 0, $5, $5, 0)`,
      [ids, Number(last.entries) + ids.length, createHmac('sha256', randomBytes(32)).update(last.mac).digest(), Math.max(...ids)],
    );
  await forge([fresh]);
  let v = await t.verify();
  assert.deepEqual([v.ok, v.broken_at_seal], [false, 2]);
  assert.match(v.reason, /seal 2 does not verify/);

  await t.q(`DELETE FROM audit_seals WHERE tenant_id = $1 AND seq = 2`);
  await forge([Number(last.entry_ids[0]), fresh]);
  v = await t.verify();
  assert.deepEqual([v.ok, v.broken_at_seal, v.reason], [false, 2, 'seal 2 covers an entry that an earlier seal covers already']);
});

test('a bad exported head is refused, naming the field', async () => {
  const t = await tenantWithEntries(1);
  for (const head of ['nonsense', '0:00', `1:${'zz'.repeat(32)}`, '{"seal":1}']) {
    const r = await env.api('GET', `/v1/audit/verify?head=${encodeURIComponent(head)}`, undefined, { key: t.ownerKey });
    assert.equal(r.status, 422, head);
    assert.equal(r.body.errors[0].field, 'head');
  }
  const other = await env.api(
    'GET',
    `/v1/audit/verify?head=${encodeURIComponent(JSON.stringify({ tenant_id: 'someone-else', seal: 1, mac: '00'.repeat(32) }))}`,
    undefined,
    { key: t.ownerKey },
  );
  assert.deepEqual([other.status, other.body.errors[0].field], [422, 'head']);
});
