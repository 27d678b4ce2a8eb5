import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { settlementInvariants } from '../modules/settlement/invariants.js';
import { SKIP, startCluster, allAtOnce, type Cluster, type Reply } from './cluster.js';

/**
 * Settlement statements across three server processes on one PostgreSQL (issue 12): many concurrent
 * closes of one statement freeze it once (one closed event, one close time, every answer the same),
 * and concurrent drafts of overlapping periods for one party leave exactly one statement.
 */
describe('settlement statements under races', { skip: SKIP }, () => {
  let c: Cluster;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const q = <T = any>(sql: string, params: unknown[] = []) => c.ctx.db.query<T>(sql, params).then((r) => r.rows);
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

  test('30 concurrent closes of one statement on three processes: closed once', async () => {
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const channel = ok(await c.call('POST', '/v1/channels', { name: '华东总代', price_level: 'L1' }), 'channel');
    const t = ok(
      await c.call('POST', '/v1/templates', { kind: 'cash', name: '百元券', value: { amount_off: 10_000 }, validity: { type: 'relative', days: 30 } }),
      'template',
    );
    const b = ok(await c.call('POST', '/v1/batches', { template_id: t.id, name: 'b', mode: 'on_issue' }), 'batch');
    ok(await c.call('PUT', `/v1/price-lists/L1/prices/${t.id}`, { wholesale_price: 9000, floor_price: 8000 }), 'price');
    for (let i = 0; i < 5; i++) ok(await c.call('POST', '/v1/cards/issue', { batch_id: b.id, channel_id: channel.id }), 'issue');
    const to = new Date(Date.now() + 500).toISOString();
    await sleep(700); // the period has ended
    const s = ok(await c.call('POST', '/v1/statements', { party_type: 'channel', party_id: channel.id, from, to }), 'draft');
    assert.equal(s.totals.sold_amount, 45_000);
    const closes = await allAtOnce(30, (i) => c.call('POST', `/v1/statements/${s.id}/close`, undefined, { server: i % 3 }));
    assert.ok(
      closes.every((r) => r.status === 200 && r.body.state === 'closed'),
      JSON.stringify(closes.filter((r) => r.status !== 200)),
    );
    assert.equal(new Set(closes.map((r) => r.body.closed_at)).size, 1, 'one close time in every answer');
    const [{ n }] = await q(`SELECT count(*)::int AS n FROM events WHERE tenant_id = $1 AND event_type = 'settlement.statement_closed'`, [c.tenantId]);
    assert.equal(n, 1, 'one closed event');
    const [{ audits }] = await q(`SELECT count(*)::int AS audits FROM audit_entries WHERE tenant_id = $1 AND action = 'statement.close'`, [c.tenantId]);
    assert.equal(audits, 30, 'each request audited');
    assert.deepEqual(await settlementInvariants[0]!.violations(c.ctx.db, c.tenantId), []);
  });

  test('concurrent drafts of overlapping periods for one party: one statement', async () => {
    const channel = ok(await c.call('POST', '/v1/channels', { name: '华南总代' }), 'channel');
    // half ask for [1 Jan, 3 Jan), half for [2 Jan, 3 Jan): the same period again recomputes one draft, the other overlaps
    const days = ['2026-01-01', '2026-01-02'];
    const replies = await allAtOnce(12, (i) =>
      c.call('POST', '/v1/statements', { party_type: 'channel', party_id: channel.id, from: days[i % 2]!, to: '2026-01-03' }, { server: i % 3 }),
    );
    const codes = replies.map((r) => (r.status === 200 ? 'ok' : r.body.code));
    assert.ok(
      codes.every((x) => x === 'ok' || x === 'STATEMENT_PERIOD_OVERLAP'),
      JSON.stringify(codes),
    );
    const rows = await q('SELECT period_from FROM settlement_statements WHERE tenant_id = $1 AND party_id = $2', [c.tenantId, channel.id]);
    assert.equal(rows.length, 1, 'periods of one party never overlap');
  });
});
