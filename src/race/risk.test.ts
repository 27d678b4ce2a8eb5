import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { SKIP, startCluster, allAtOnce, tally, type Cluster, type Reply } from './cluster.js';

/**
 * Risk limits under concurrency 频控并发: three server processes on one PostgreSQL, with the
 * counters in PostgreSQL (no Redis) and in Redis (when REDIS_URL is set). A limit of N per member
 * per day admits exactly N of many concurrent actions, whichever process answers; actions that fail
 * give their counts back, so the limit is still N for the actions that follow.
 */
for (const redis of [false, true]) {
  const skip = SKIP || (redis && !process.env.REDIS_URL ? 'needs REDIS_URL' : false);
  describe(`risk limits across three server processes, counters in ${redis ? 'Redis' : 'PostgreSQL'}`, { skip }, () => {
    let c: Cluster;
    let batch: any;
    const ok = (r: Reply, what: string) => {
      assert.ok(r.status < 300, `${what}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    };
    before(async () => {
      c = await startCluster(3, redis ? {} : { env: { REDIS_URL: '' } });
      const t = ok(
        await c.call('POST', '/v1/templates', { kind: 'cash', name: '限量券', value: { amount_off: 100 }, validity: { type: 'relative', days: 30 } }),
        'template',
      );
      batch = ok(await c.call('POST', '/v1/batches', { template_id: t.id, name: 'b', mode: 'on_issue' }), 'batch');
    });
    after(async () => {
      await c?.stop();
    });

    test('5 per member per day: 40 issues at once for one member admit exactly 5', async () => {
      ok(
        await c.call('POST', '/v1/risk/rules', {
          name: '每人每天 5 张',
          actions: ['issue'],
          kind: 'limit',
          subject: 'member',
          window: { size: 1, unit: 'day', mode: 'calendar' },
          limit: 5,
          outcome: 'refuse',
        }),
        'rule',
      );
      await new Promise((r) => setTimeout(r, 2_100)); // the other processes read the tenant's rules afresh (kept 2 s)
      const m = ok(await c.call('POST', '/v1/members', { name: '抢券会员' }), 'member');
      const rs = await allAtOnce(40, () => c.call('POST', '/v1/cards/issue', { batch_id: batch.id, member_id: m.id }));
      assert.equal(rs.filter((r) => r.status === 201).length, 5, JSON.stringify(tally(rs)));
      assert.ok(
        rs.every((r) => r.status === 201 || r.body.code === 'RISK_REFUSED'),
        JSON.stringify(tally(rs)),
      );
      const cards = await c.ctx.db.query('SELECT count(*)::int AS n FROM cards WHERE tenant_id = $1 AND member_id = $2', [c.tenantId, m.id]);
      assert.equal(cards.rows[0].n, 5);
    });

    test('claims that fail give their counts back: 20 failed claims, then 20 good ones from the same IP admit exactly the limit', async () => {
      const ip = redis ? '10.20.0.2' : '10.20.0.1';
      ok(
        await c.call('POST', '/v1/risk/rules', {
          name: '同一 IP 每小时 4 次',
          actions: ['claim'],
          kind: 'limit',
          subject: 'ip',
          window: { size: 1, unit: 'hour' },
          limit: 4,
          outcome: 'refuse',
        }),
        'rule',
      );
      await new Promise((r) => setTimeout(r, 2_100));
      const failed = await allAtOnce(20, () =>
        c.call('POST', '/v1/cards/issue', { batch_id: batch.id, member_id: 'mem_00000000000000000000000000', client: { ip } }),
      );
      // each fails on its own (no such member), or is refused while 4 others hold the counts: none is issued
      assert.ok(
        failed.every((r) => r.body.code === 'MEMBER_NOT_FOUND' || r.body.code === 'RISK_REFUSED'),
        JSON.stringify(tally(failed)),
      );
      assert.ok(failed.some((r) => r.body.code === 'MEMBER_NOT_FOUND'));
      const members = await Promise.all(Array.from({ length: 20 }, (_, i) => c.call('POST', '/v1/members', { name: `会员${i}` })));
      const rs = await allAtOnce(20, (i) => c.call('POST', '/v1/cards/issue', { batch_id: batch.id, member_id: members[i]!.body.id, client: { ip } }));
      assert.equal(rs.filter((r) => r.status === 201).length, 4, JSON.stringify(tally(rs)));
    });
  });
}
