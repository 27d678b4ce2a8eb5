import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, type TestEnv } from '../../testing/harness.js';
import { referralKit } from './testing.js';
import { payReferral } from './pay.js';

/**
 * Concurrent payment of one referral (the sweep in several processes, a retried job) pays it once: the
 * conditional UPDATE lets one payer have the row, the others find nothing; each side is given once.
 * On PostgreSQL the payers run on their own connections at the same moment.
 */
let env: TestEnv;
before(async () => {
  env = await startTestEnv();
});
after(async () => {
  await env.close();
});

test('ten payers at once pay a due referral exactly once', async () => {
  const kit = referralKit(env);
  const t = await kit.template('首单礼');
  await kit.campaign({
    name: '首单后发奖',
    qualify_on: 'first_order',
    return_days: 3,
    referrer_rewards: [
      { type: 'card', template_id: t.id },
      { type: 'points', amount: 20 },
    ],
    referee_rewards: [{ type: 'card', template_id: t.id }],
  });
  const [a, b] = [await kit.member('张三'), await kit.member('李四')];
  kit.ok(await b.as('POST', '/v1/wallet/referral/join', { code: await kit.codeOf(a) }));
  kit.ok(await env.api('POST', '/v1/orders', { order_no: 'P-1', member_id: b.id, amount: 9900 }), 201);
  await env.jobs();
  const r = (await env.ctx.db.query<{ id: string; state: string }>('SELECT id, state FROM referrals WHERE referee_id = $1', [b.id])).rows[0]!;
  assert.equal(r.state, 'qualified');
  env.ctx.clock.advance(4 * 86_400_000);
  const now = env.ctx.clock.now();
  const paid = await Promise.all(Array.from({ length: 10 }, () => env.ctx.db.tx((q) => payReferral(env.ctx, q, env.tenantId, r.id, now))));
  assert.equal(paid.filter(Boolean).length, 1);
  await env.jobs(); // the sweep finds nothing left to pay
  const grants = (await env.ctx.db.query<{ member_id: string }>(`SELECT member_id FROM reward_grants WHERE reference LIKE $1`, [`referral:${r.id}:%`])).rows;
  assert.deepEqual(grants.map((g) => g.member_id).sort(), [a.id, b.id].sort());
  assert.equal((await kit.cards(a.id)).length, 1);
  assert.equal((await kit.cards(b.id)).length, 1);
  assert.equal(kit.ok(await env.api('GET', `/v1/members/${a.id}/points`)).points, 20);
});
