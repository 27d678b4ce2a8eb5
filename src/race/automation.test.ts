import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SKIP, startCluster, type Cluster, type Reply } from './cluster.js';

/**
 * Automation rules under concurrent delivery 自动化规则并发: two server processes run the rules'
 * subscriber while helper processes (automation-deliver.ts) deliver the same order events again and
 * again, each event in its own transaction, in random orders. A rule fires once per event whatever
 * the number of deliveries; a per-member limit holds; a helper killed mid-run loses nothing (its open
 * transaction rolls back, the others complete the work) and double-fires nothing.
 */
const HELPER = fileURLToPath(new URL('./automation-deliver.ts', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('automation rules across processes', { skip: SKIP }, () => {
  let c: Cluster;
  const ok = (r: Reply, what: string) => {
    assert.ok(r.status < 300, `${what}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  before(async () => {
    c = await startCluster(2);
  });
  after(async () => {
    await c?.stop();
  });

  const helper = (amount: number, rounds: number, pause = 0) => {
    const child = spawn(process.execPath, ['--import', 'tsx', HELPER, c.tenantId, String(amount), String(rounds), String(pause)], {
      env: c.env as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (out += b));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    const started = (async () => {
      while (!out.includes('started') && child.exitCode === null) await sleep(20);
    })();
    return { child, exited, started, out: () => out };
  };
  const q = async <T = any>(sql: string, args: unknown[]) => (await c.ctx.db.query<T & object>(sql, args)).rows;
  const waitFirings = async (ruleId: string, n: number) => {
    for (const until = Date.now() + 120_000; ; await sleep(200)) {
      const [{ k }] = await q<{ k: number }>('SELECT count(*)::int AS k FROM automation_firings WHERE rule_id = $1', [ruleId]);
      if (k >= n) return;
      if (Date.now() > until) assert.fail(`rule ${ruleId}: ${k} of ${n} firings`);
    }
  };
  const rule = async (name: string, amount: number, extra: Record<string, unknown> = {}) => {
    const t = ok(
      await c.call('POST', '/v1/templates', { kind: 'cash', name: `${name}券`, value: { amount_off: 500 }, validity: { type: 'relative', days: 30 } }),
      'template',
    );
    return ok(
      await c.call('POST', '/v1/automation/rules', {
        name,
        trigger: { type: 'order.placed' },
        conditions: [{ field: 'amount', op: 'eq', value: amount }],
        actions: { rewards: [{ type: 'card', template_id: t.id }] },
        ...extra,
      }),
      'rule',
    );
  };
  let n = 0;
  const orders = async (members: number, each: number, amount: number) => {
    for (let i = 0; i < members; i++) {
      const m = ok(await c.call('POST', '/v1/members', { name: `会员${amount}-${i}` }), 'member');
      for (let j = 0; j < each; j++) ok(await c.call('POST', '/v1/orders', { order_no: `R-${++n}`, member_id: m.id, amount, lines: [] }), 'order');
    }
  };
  const given = async (ruleId: string) =>
    (
      await q<{ grants: number; refs: number; cards: number }>(
        `SELECT count(*)::int AS grants, count(DISTINCT reference)::int AS refs, coalesce(sum(jsonb_array_length(given->'cards')), 0)::int AS cards
         FROM reward_grants WHERE source_kind = 'rule' AND source_id = $1`,
        [ruleId],
      )
    )[0]!;

  test('20 order events delivered by the servers and 3 helpers × 2 rounds at once: each fires once', async () => {
    const r = await rule('每单返券', 888);
    await orders(20, 1, 888);
    const hs = [helper(888, 2), helper(888, 2), helper(888, 2)];
    for (const h of hs) assert.equal(await h.exited, 0, h.out());
    await waitFirings(r.id, 20);
    const f = await q('SELECT event_id, count(*)::int AS k, bool_and(outcome = $2) AS fired FROM automation_firings WHERE rule_id = $1 GROUP BY event_id', [
      r.id,
      'fired',
    ]);
    assert.equal(f.length, 20);
    assert.ok(f.every((x: any) => x.k === 1 && x.fired));
    assert.deepEqual(await given(r.id), { grants: 20, refs: 20, cards: 20 });
  });

  test('a member’s limit of 2 a day holds against 10 orders delivered concurrently', async () => {
    const r = await rule('每日两次', 777, { limits: { per_member: { times: 2, per: 'day' } } });
    await orders(1, 10, 777);
    const hs = [helper(777, 2), helper(777, 2), helper(777, 2)];
    for (const h of hs) assert.equal(await h.exited, 0, h.out());
    await waitFirings(r.id, 10);
    const f = await q<{ outcome: string; reason: string | null; k: number }>(
      'SELECT outcome, reason, count(*)::int AS k FROM automation_firings WHERE rule_id = $1 GROUP BY 1, 2 ORDER BY 1',
      [r.id],
    );
    assert.deepEqual(
      f.map((x) => [x.outcome, x.reason, x.k]),
      [
        ['fired', null, 2],
        ['skipped', 'member_limit', 8],
      ],
    );
    assert.deepEqual(await given(r.id), { grants: 2, refs: 2, cards: 2 });
  });

  test('a helper killed mid-run loses nothing and double-fires nothing', async () => {
    const r = await rule('中断测试', 555);
    await orders(30, 1, 555);
    const h = helper(555, 1, 40);
    await h.started;
    h.child.kill('SIGKILL');
    await h.exited;
    const again = helper(555, 1);
    assert.equal(await again.exited, 0, again.out());
    await waitFirings(r.id, 30);
    const [{ k, events }] = await q('SELECT count(*)::int AS k, count(DISTINCT event_id)::int AS events FROM automation_firings WHERE rule_id = $1', [r.id]);
    assert.deepEqual([k, events], [30, 30]);
    assert.deepEqual(await given(r.id), { grants: 30, refs: 30, cards: 30 });
  });
});
