import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtures, startTestEnv } from '../testing/harness.js';
import { modules } from '../modules/index.js';
import { verifyInvariants } from './verify.js';

/** Each invariant finds what breaks it (inside a transaction rolled back, so the test's server closes clean). */
test('the invariants hold after real work, and each one finds the damage it is there for', async () => {
  const env = await startTestEnv();
  try {
    const f = await fixtures(env);
    const { card } = await f.card('stored_value', { initial_balance: 10000 });
    const red = await env.api('POST', '/v1/redemptions', { code: card.code, amount: 2500 });
    assert.equal(red.status, 201, JSON.stringify(red.body));
    assert.equal((await env.api('POST', `/v1/redemptions/${red.body.id}/reverse`, {})).status, 200);
    const pool = await f.batch((await f.template('cash', { amount_off: 500 })).id, { mode: 'imported' });
    assert.equal((await env.api('POST', `/v1/batches/${pool.id}/import`, { csv: 'ABCDEFGHJKMNPQRSTVWXYZ0123,1234\n' })).status, 200);
    assert.deepEqual(await verifyInvariants(env.ctx.db, modules), []);

    const damage: [string, string, unknown[]][] = [
      ['ledger.card_holdings', 'UPDATE cards SET balance = balance + 1 WHERE id = $1', [card.id]],
      ['cards.pool_counted', 'UPDATE batches SET generated = generated + 1 WHERE id = $1', [pool.id]],
      ['cards.issued_counted', 'UPDATE batches SET issued = issued + 1 WHERE id = $1', [card.batch_id]],
      ['redemptions.reversal_gives_back', 'DELETE FROM ledger_transfers WHERE reference = $1 AND reverses IS NOT NULL', [red.body.id]],
    ];
    for (const [name, sql, params] of damage) {
      const rollback = new Error('rollback');
      const found = await env.ctx.db
        .tx(async (q) => {
          await q.query(sql, params);
          const broken = await verifyInvariants(q, modules, env.tenantId);
          throw Object.assign(rollback, { broken });
        })
        .catch((e) => (e === rollback ? (e as any).broken : Promise.reject(e)));
      assert.ok(
        found.some((b: { name: string }) => b.name === name),
        `${name} finds: ${sql} (${JSON.stringify(found)})`,
      );
    }
    assert.deepEqual(await verifyInvariants(env.ctx.db, modules), []);
  } finally {
    await env.close();
  }
});
