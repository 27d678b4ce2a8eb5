import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { SKIP, startCluster, allAtOnce, tally, type Cluster, type Reply } from './cluster.js';

/**
 * 动态码 used once across processes: three servers on one PostgreSQL; one live dynamic code sent 60
 * times at once, round-robin over the processes, is accepted exactly once (the (card, step) row the
 * redemption takes in its transaction), every other answer is DYNAMIC_CODE_USED, one use is taken.
 */
describe('a dynamic code replayed concurrently across three processes', { skip: SKIP }, () => {
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

  test('60 concurrent redemptions of one dynamic code: exactly one is accepted', async () => {
    const t = ok(
      await c.call('POST', '/v1/templates', {
        kind: 'count',
        name: '动态码次卡',
        value: { uses: 100 },
        validity: { type: 'relative', days: 30 },
        rules: { dynamic_code: true },
      }),
      'template',
    );
    const b = ok(await c.call('POST', '/v1/batches', { template_id: t.id, name: 'dyn', mode: 'on_issue' }), 'batch');
    const m = ok(await c.call('POST', '/v1/members', { name: '动态' }), 'member');
    const card = ok(await c.call('POST', '/v1/cards/issue', { batch_id: b.id, member_id: m.id }), 'issue');
    const link = ok(await c.call('POST', `/v1/members/${m.id}/wallet-link`, {}), 'link').token;
    const { payload } = ok(
      await c.call('GET', `/v1/wallet/cards/${card.id}/dynamic-code`, undefined, { headers: { authorization: `Wallet ${link}` } }),
      'code',
    );
    const rs = await allAtOnce(60, (i) => c.call('POST', '/v1/redemptions', { code: payload }, { server: i % 3 }));
    const accepted = rs.filter((r) => r.status === 201);
    assert.equal(accepted.length, 1, JSON.stringify(tally(rs)));
    assert.ok(
      rs.filter((r) => r.status !== 201).every((r) => r.body.code === 'DYNAMIC_CODE_USED' || r.body.code === 'CARD_CHANGED'),
      JSON.stringify(tally(rs)),
    );
    assert.equal(ok(await c.call('GET', `/v1/cards/${card.id}`), 'card').uses_left, 99, 'one use taken');
    const used = await c.ctx.db.query('SELECT count(*)::int AS n FROM dynamic_code_uses WHERE tenant_id = $1 AND card_id = $2', [c.tenantId, card.id]);
    assert.equal(used.rows[0].n, 1);
  });
});
