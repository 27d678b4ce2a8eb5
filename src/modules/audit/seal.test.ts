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

const store = (key: string, name = 's') => env.api('POST', '/v1/stores', { name }, { key });
const get = async (key: string, url: string) => (await env.api('GET', url, undefined, { key })).body;

test('an entry that commits after a later one was sealed goes into the next seal: seal order is chain order', async () => {
  const t = await env.newTenant('Late');
  // the id a slow transaction took before the others, committed only after they were sealed
  const late = Number((await env.ctx.db.query(`SELECT nextval('audit_entries_id_seq') AS id`)).rows[0].id);
  await store(t.ownerKey);
  await store(t.ownerKey);
  await sealAll(env.ctx);
  await env.ctx.db.query(`INSERT INTO audit_entries (id, tenant_id, actor, action, created_at) VALUES ($1, $2, 'slow', 'store.create', $3)`, [
    late,
    t.tenantId,
    env.ctx.clock.now(),
  ]);
  await sealAll(env.ctx);
  const v = await get(t.ownerKey, '/v1/audit/verify');
  assert.deepEqual([v.ok, v.seals, v.entries, v.unsealed], [true, 2, 3, 0]);
  const list = await get(t.ownerKey, '/v1/audit');
  assert.deepEqual(
    list.data.map((e: any) => [e.id === late, e.seq, e.seal]),
    [
      [false, 2, 1],
      [false, 1, 1],
      [true, 3, 2],
    ],
  );
});

test('an entry whose transaction stays open while later entries are sealed is sealed once it commits', {
  skip: !process.env.DATABASE_URL && 'PGlite is one connection: no transaction stays open beside others',
}, async () => {
  const t = await env.newTenant('Slow');
  let commit!: () => void;
  let inserted!: () => void;
  const wrote = new Promise<void>((r) => (inserted = r));
  const held = env.ctx.db.tx(async (q) => {
    await q.query(`INSERT INTO audit_entries (tenant_id, actor, action, created_at) VALUES ($1, 'slow', 'store.create', $2)`, [
      t.tenantId,
      env.ctx.clock.now(),
    ]);
    inserted();
    await new Promise<void>((r) => (commit = r));
  });
  await wrote;
  await store(t.ownerKey);
  await sealAll(env.ctx);
  // long after the seal, the open transaction still holds it back from settling
  env.ctx.clock.advance(60_000);
  await sealAll(env.ctx);
  await store(t.ownerKey);
  await sealAll(env.ctx);
  commit();
  await held;
  await sealAll(env.ctx);
  env.ctx.clock.advance(6 * 60_000);
  const v = await get(t.ownerKey, '/v1/audit/verify');
  assert.deepEqual([v.ok, v.seals, v.entries, v.unsealed], [true, 3, 3, 0]);
});

test('requests and several sealers racing: every entry is sealed exactly once, seals numbered without a gap', async () => {
  const t = await env.newTenant('Busy');
  const requests = Array.from({ length: 40 }, (_, i) => store(t.ownerKey, `s${i}`));
  const sealers = Array.from({ length: 4 }, async () => {
    for (let i = 0; i < 5; i++) await sealAll(env.ctx);
  });
  const answers = await Promise.all(requests);
  assert.ok(answers.every((r) => r.status === 201));
  await Promise.all(sealers);
  await sealAll(env.ctx);
  const v = await get(t.ownerKey, '/v1/audit/verify');
  assert.deepEqual([v.ok, v.entries, v.unsealed, v.head.entries], [true, 40, 0, 40]);
  const covered = (
    await env.ctx.db.query(`SELECT count(*)::int8 AS n, count(DISTINCT x)::int8 AS d FROM audit_seals, unnest(entry_ids) x WHERE tenant_id = $1`, [t.tenantId])
  ).rows[0];
  assert.deepEqual([Number(covered.n), Number(covered.d)], [40, 40]);
});
