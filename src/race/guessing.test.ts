import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { generateCode } from '../modules/codes/codes.js';
import { SKIP, startCluster, allAtOnce, tally, type Cluster, type Reply } from './cluster.js';

/**
 * 撞库 across processes: three servers, no Redis. One caller's guessing budget is one budget, kept
 * in PostgreSQL, whichever process answers: spreading guesses over the processes buys nothing.
 */
describe('guessing budget across three server processes without Redis', { skip: SKIP }, () => {
  let c: Cluster;
  const ok = (r: Reply, what: string) => {
    assert.ok(r.status < 300, `${what}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  before(async () => {
    c = await startCluster(3, { env: { REDIS_URL: '' } });
  });
  after(async () => {
    await c?.stop();
  });

  test('300 unknown codes at once, round-robin over the processes: at most 20 answered in all, then locked on every process', async () => {
    const t = ok(
      await c.call('POST', '/v1/templates', { kind: 'cash', name: 'guess', value: { amount_off: 100 }, validity: { type: 'relative', days: 30 } }),
      'template',
    );
    const b = ok(await c.call('POST', '/v1/batches', { template_id: t.id, name: 'guess', mode: 'on_issue' }), 'batch');
    const card = ok(await c.call('POST', '/v1/cards/issue', { batch_id: b.id }), 'issue');
    for (const path of ['/v1/cards/lookup', '/v1/redemptions']) {
      const key = ok(await c.call('POST', '/v1/api-keys', { name: `guesser ${path}`, role: 'operator' }), 'key').secret;
      const rs = await allAtOnce(300, () => c.call('POST', path, { code: generateCode({ prefix: '', length: 16, alphabet: 'crockford' }) }, { key }));
      const answered = rs.filter((r) => r.status !== 429);
      assert.ok(answered.length <= 20, `${path}: at most 20 answered across the processes: ${JSON.stringify(tally(rs))}`);
      assert.ok(
        answered.every((r) => r.status === 404),
        `${path}: ${JSON.stringify(tally(rs))}`,
      );
      for (let server = 0; server < 3; server++) {
        const valid = await c.call('POST', path, { code: card.code }, { key, server });
        assert.equal(valid.body.code, 'CODE_LOOKUPS_LOCKED', `${path}: process ${server} refuses the locked key even a valid code`);
      }
    }
    const rows = await c.ctx.db.query(`SELECT count(*)::int AS n FROM guess_counters WHERE tenant_id = $1 AND locked_until_ms > $2`, [c.tenantId, Date.now()]);
    assert.equal(rows.rows[0].n, 2, 'both locks are kept in PostgreSQL');
    assert.equal(ok(await c.call('POST', '/v1/redemptions', { code: card.code }), 'owner').card.state, 'used', 'another key still redeems');
  });
});
