import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { ledgerMismatches } from '../modules/ledger/service.js';
import { SKIP, startCluster, allAtOnce, inParallel, tally, childrenOf } from './cluster.js';

/** Which processes hold the accepted connections on a port (null when `ss` is not installed). */
function servingPids(port: number): Set<number> | null {
  let text = '';
  try {
    text = execFileSync('ss', ['-Htnp', 'state', 'established', `( sport = :${port} )`], { encoding: 'utf8' });
  } catch {
    return null;
  }
  return new Set([...text.matchAll(/pid=(\d+)/g)].map((m) => Number(m[1])));
}

describe('serve --workers 3: one port, three processes, one PostgreSQL', { skip: SKIP }, () => {
  test('requests spread over the workers; a killed worker is replaced; SIGTERM drains and exits 0', async () => {
    const c = await startCluster(1, { workers: 3 });
    try {
      const primary = c.pid(0)!;
      const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
      for (let i = 0; i < 100 && childrenOf(primary).length < 3; i++) await sleep(100);
      const first = childrenOf(primary);
      assert.equal(first.length, 3, 'three workers');

      const ok = (r: { status: number; body: any }) => {
        assert.ok(r.status < 300, JSON.stringify(r.body));
        return r.body;
      };
      const t = ok(
        await c.call('POST', '/v1/templates', { kind: 'cash', name: 'scale', value: { amount_off: 100 }, validity: { type: 'relative', days: 30 } }),
      );
      const b = ok(await c.call('POST', '/v1/batches', { template_id: t.id, name: 'scale', mode: 'on_issue' }));
      const cards = await inParallel(60, 16, async () => ok(await c.call('POST', '/v1/cards/issue', { batch_id: b.id })));
      const during = new Set<number>();
      const canSee = servingPids(c.ports[0]) !== null;
      const watch = setInterval(() => servingPids(c.ports[0])?.forEach((p) => during.add(p)), 20);
      const rs = await allAtOnce(cards.length * 3, (i) => c.call('POST', '/v1/redemptions', { code: cards[i % cards.length].code }));
      clearInterval(watch);
      assert.deepEqual(tally(rs), { 201: 60, '409 CARD_ALREADY_REDEEMED': 120 }, 'each code once, whichever process answered');
      if (canSee) assert.ok([...during].filter((p) => first.includes(p)).length >= 2, `connections were served by several workers (${[...during]})`);

      // a worker dies: the primary starts another; the port keeps answering
      process.kill(first[0], 'SIGKILL');
      for (let i = 0; i < 150; i++) {
        const now = childrenOf(primary);
        if (now.length === 3 && !now.includes(first[0])) break;
        await sleep(100);
      }
      const after = childrenOf(primary);
      assert.equal(after.length, 3, 'the cluster is back to three workers');
      assert.ok(!after.includes(first[0]));
      const more = await inParallel(20, 8, async () => c.call('POST', '/v1/cards/issue', { batch_id: b.id }));
      assert.deepEqual(tally(more), { 201: 20 });
      assert.deepEqual(await ledgerMismatches(c.ctx.db, c.tenantId), []);

      // SIGTERM: the workers finish what they hold and the primary exits cleanly
      const code = await c.kill(0, 'SIGTERM');
      assert.equal(code, 0);
      for (let i = 0; i < 50 && after.some((p) => childrenOf(primary).includes(p)); i++) await sleep(100);
      assert.deepEqual(childrenOf(primary), [], 'no worker is left behind');
    } finally {
      await c.stop();
    }
  });
});
