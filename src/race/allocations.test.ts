import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { verifyInvariants } from '../platform/verify.js';
import { modules } from '../modules/index.js';
import { SKIP, startCluster, allAtOnce, tally, type Cluster, type Reply } from './cluster.js';

/**
 * Channel allocation under concurrency 渠道分配并发: three real server processes on one PostgreSQL.
 * Many children are given quota out of one parent at once, while the parent itself issues out of the
 * same holding: what leaves the parent equals exactly what it held, every other request is a clean
 * 409, and every invariant (ledger balances and bounds, held codes) holds afterwards.
 */
describe('channel allocation across three server processes', { skip: SKIP }, () => {
  let c: Cluster;
  const ok = (r: Reply, what: string) => {
    assert.ok(r.status < 300, `${what}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  before(async () => {
    c = await startCluster(3);
  });
  after(async () => {
    await c?.stop();
  });
  const setup = async (batchExtra: Record<string, unknown>, children: number) => {
    const t = ok(
      await c.call('POST', '/v1/templates', { kind: 'cash', name: 'alloc race', value: { amount_off: 100 }, validity: { type: 'relative', days: 30 } }),
      'template',
    );
    const batch = ok(await c.call('POST', '/v1/batches', { template_id: t.id, name: 'race', ...batchExtra }), 'batch');
    const parent = ok(await c.call('POST', '/v1/channels', { name: '总代' }), 'channel');
    const kids = [];
    for (let i = 0; i < children; i++) kids.push(ok(await c.call('POST', '/v1/channels', { name: `团长${i}`, parent_id: parent.id }), 'child'));
    const key = ok(await c.call('POST', '/v1/api-keys', { name: 'parent', role: 'channel', channel_id: parent.id }), 'key').secret as string;
    return { batch, parent, kids, key };
  };
  const holdingOf = async (channelId: string, batchId: string) =>
    ok(await c.call('GET', `/v1/channels/${channelId}/holdings`), 'holdings').data.find((h: any) => h.batch_id === batchId) ?? { available: 0, issued: 0 };
  const invariantsHold = async () => assert.deepEqual(await verifyInvariants(c.ctx.db, modules, c.tenantId), []);

  test('quota 100: 150 one-unit grants to 30 children and 50 issues by the parent at once — exactly 100 leave the parent', async () => {
    const { batch, parent, kids, key } = await setup({ mode: 'on_issue', stock: 1000 }, 30);
    ok(await c.call('POST', '/v1/allocations', { batch_id: batch.id, to_channel_id: parent.id, quantity: 100 }), 'grant to parent');
    const rs = await allAtOnce(200, (i) =>
      i < 150
        ? c.call('POST', '/v1/allocations', { batch_id: batch.id, to_channel_id: kids[i % kids.length].id, quantity: 1 }, { key, server: i % 3 })
        : c.call('POST', '/v1/cards/issue', { batch_id: batch.id }, { key, server: i % 3 }),
    );
    assert.ok(
      rs.every((r) => r.status < 500),
      `no 5xx: ${JSON.stringify(tally(rs))}`,
    );
    const granted = rs.slice(0, 150).filter((r) => r.status === 201).length;
    const issued = rs.slice(150).filter((r) => r.status === 201).length;
    assert.equal(granted + issued, 100, `granted ${granted} + issued ${issued}: ${JSON.stringify(tally(rs))}`);
    for (const r of rs.slice(0, 150).filter((x) => x.status !== 201)) {
      assert.equal(r.status, 409);
      assert.equal(r.body.code, 'ALLOCATION_EXCEEDS_HOLDING');
      assert.equal(r.body.asked, 1);
      assert.equal(r.body.holding, 0);
    }
    for (const r of rs.slice(150).filter((x) => x.status !== 201)) assert.equal(r.body.code, 'QUOTA_EXHAUSTED');
    const p = await holdingOf(parent.id, batch.id);
    assert.deepEqual([p.granted, p.allocated, p.issued, p.available], [100, granted, issued, 0]);
    let sum = 0;
    for (const k of kids) sum += (await holdingOf(k.id, batch.id)).available;
    assert.equal(sum, granted, 'the children hold exactly what was granted');
    await invariantsHold();
  });

  test('pre-generated codes, 60 held: mixed-size grants at once never hand out more codes than held', async () => {
    const { batch, parent, kids, key } = await setup({ mode: 'pregenerated', quantity: 80 }, 12);
    for (let i = 0; i < 100; i++) {
      const b = ok(await c.call('GET', `/v1/batches/${batch.id}`), 'batch');
      if (b.status === 'ready') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    ok(await c.call('POST', '/v1/allocations', { batch_id: batch.id, to_channel_id: parent.id, quantity: 60 }), 'codes to parent');
    const asks = Array.from({ length: 48 }, (_, i) => 1 + (i % 4));
    const rs = await allAtOnce(asks.length, (i) =>
      c.call('POST', '/v1/allocations', { batch_id: batch.id, to_channel_id: kids[i % kids.length].id, quantity: asks[i] }, { key, server: i % 3 }),
    );
    assert.ok(
      rs.every((r) => r.status === 201 || (r.status === 409 && r.body.code === 'ALLOCATION_EXCEEDS_HOLDING')),
      JSON.stringify(tally(rs)),
    );
    const granted = rs.reduce((s, r, i) => s + (r.status === 201 ? asks[i] : 0), 0);
    const left = (await holdingOf(parent.id, batch.id)).available;
    assert.equal(granted + left, 60, `granted ${granted}, left ${left}`);
    const held = await c.ctx.db.query<{ n: string }>(
      `SELECT count(*) AS n FROM cards WHERE tenant_id = $1 AND batch_id = $2 AND state = 'unissued' AND channel_id = ANY($3::text[])`,
      [c.tenantId, batch.id, kids.map((k: any) => k.id)],
    );
    assert.equal(Number(held.rows[0].n), granted, 'the children hold exactly the codes granted');
    await invariantsHold();
  });
});
