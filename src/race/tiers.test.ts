import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { verifyInvariants } from '../platform/verify.js';
import { modules } from '../modules/index.js';
import { grantBenefits } from '../modules/tiers/benefits.js';
import { SKIP, startCluster, allAtOnce, tally, type Cluster, type Reply } from './cluster.js';

/**
 * The monthly tier grant 等级权益 under concurrency: three real server processes on one PostgreSQL
 * all run the benefit job at once (and the test process beside them), for a tier of 250 members —
 * two chunks of 200. Each member gets the month's pack exactly once; run again with the run's
 * progress wiped, still once.
 */
describe('monthly tier benefit across three server processes', { skip: SKIP }, () => {
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

  /** many copies of the job at once, so every process's worker runs one beside the others */
  const runEverywhere = async () => {
    for (let i = 0; i < 9; i++) await q(`INSERT INTO jobs (job_type, payload, run_at) VALUES ('tiers.benefits', '{}', now())`);
    await Promise.all([grantBenefits(c.ctx), grantBenefits(c.ctx)]);
    for (let i = 0; i < 600; i++) {
      const [left] = await q<{ n: number }>(
        // due or running: a copy that lost a race and waits out its backoff has nothing left to grant
        `SELECT count(*)::int AS n FROM jobs WHERE job_type = 'tiers.benefits' AND singleton IS NULL AND state = 'pending'
           AND (run_at <= now() OR locked_until > now())`,
      );
      if (left!.n === 0) break;
      await sleep(100);
    }
  };
  const perMember = (packId: string) =>
    q<{ member_id: string; n: number }>(`SELECT member_id, count(*)::int AS n FROM pack_grants WHERE tenant_id = $1 AND pack_id = $2 GROUP BY member_id`, [
      c.tenantId,
      packId,
    ]);

  test('250 金卡 members, the job on every process at once: one grant each for the month, never two', async () => {
    const ladder = ok(
      await c.call('PUT', '/v1/tiers', {
        tiers: [
          { name: '普通', threshold: 0 },
          { name: '金卡', threshold: 5000 },
        ],
      }),
      'ladder',
    ).data;
    const gold = ladder[1].id;
    const t = ok(
      await c.call('POST', '/v1/templates', { kind: 'cash', name: '金卡月礼券', value: { amount_off: 1000 }, validity: { type: 'relative', days: 30 } }),
      'template',
    );
    const draft = ok(await c.call('POST', '/v1/packs', { name: '金卡月礼', kind: 'fixed', items: [{ template_id: t.id, quantity: 1 }] }), 'pack');
    const pack = ok(await c.call('POST', `/v1/packs/${draft.id}/publish`, {}), 'publish');
    const members: string[] = [];
    for (let round = 0; round < 5; round++) {
      const made = await allAtOnce(50, (i) => c.call('POST', '/v1/members', { name: `金卡${round * 50 + i}` }, { server: i % 3 }));
      for (const m of made) members.push(ok(m, 'member').id);
    }
    const set = await allAtOnce(members.length, (i) =>
      c.call('POST', `/v1/members/${members[i]}/tier`, { tier_id: gold, until: '2099-12-31', reason: '压测' }, { server: i % 3 }),
    );
    assert.ok(
      set.every((r) => r.status === 200),
      JSON.stringify(tally(set)),
    );
    const b = ok(await c.call('POST', '/v1/tier-benefits', { tier_id: gold, pack_id: pack.id, day_of_month: 1 }), 'benefit');
    // made 40 days ago: this month's day has come since, so a run is due now
    await q(`UPDATE tier_benefits SET created_at = now() - interval '40 days' WHERE tenant_id = $1 AND id = $2`, [c.tenantId, b.id]);

    await runEverywhere();
    let rows = await perMember(pack.id);
    assert.equal(rows.length, members.length, 'every member of the tier');
    assert.ok(
      rows.every((r) => r.n === 1),
      `twice: ${JSON.stringify(rows.filter((r) => r.n > 1))}`,
    );
    const [run] = await q(`SELECT period, done_at FROM tier_benefit_grants WHERE tenant_id = $1 AND benefit_id = $2`, [c.tenantId, b.id]);
    assert.ok(run.done_at, 'the run finished');

    // the run's progress lost (as if it had never been written): every process at it again — still once each
    await q(`UPDATE tier_benefit_grants SET done_at = NULL, after_member_id = '' WHERE tenant_id = $1 AND benefit_id = $2`, [c.tenantId, b.id]);
    await runEverywhere();
    rows = await perMember(pack.id);
    assert.equal(rows.length, members.length);
    assert.ok(rows.every((r) => r.n === 1));
    const [cards] = await q<{ n: number }>(`SELECT count(*)::int AS n FROM cards WHERE tenant_id = $1 AND template_id = $2`, [c.tenantId, t.id]);
    assert.equal(cards!.n, members.length, 'one card each');
    assert.deepEqual(await verifyInvariants(c.ctx.db, modules, c.tenantId), []);
  });
});
