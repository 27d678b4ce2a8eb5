import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';
import { AppError } from '../../errors.js';
import { emit } from '../../platform/events.js';
import { redemptionEffects, redemptionGuards, type Attempt } from './extensions.js';

/**
 * Other modules join the redemption through its extension points, without an edit to it: a guard
 * (a risk rule) refuses, an effect (points earned) writes in the redemption's own transaction.
 * These plug a guard and an effect in as a module's definition would (`extend: [...]`).
 */
let env: TestEnv;
let fx: Awaited<ReturnType<typeof fixtures>>;
let blockedStore: string;
let pointsTemplate: string;
const guarded: Attempt[] = [];
let effectFails = false;

before(async () => {
  env = await startTestEnv();
  fx = await fixtures(env);
  blockedStore = (await fx.store({ name: '黑名单门店' })).id;
  pointsTemplate = (await fx.template('stored_value', { initial_balance: 10_000 })).id;
  redemptionGuards
    .with({
      name: 'test-store-block',
      check(_ctx, a) {
        guarded.push(a);
        if (a.store?.id === blockedStore) throw new AppError(403, 'RISK_REFUSED', 'refused by a risk rule');
      },
    })
    .install();
  redemptionEffects
    .with({
      name: 'test-points',
      applies: (a) => a.template.id === pointsTemplate,
      async run(_ctx, q, a, done) {
        if (effectFails) throw new Error('the effect failed');
        await emit(q, [
          {
            tenantId: a.caller.tenantId,
            type: 'member.updated',
            at: a.at,
            memberId: done.card.member_id,
            data: { points: a.take.value, redemption_id: done.redemptionId },
          },
        ]);
      },
    })
    .install();
});
after(() => env.close());

const count = async (sql: string, params: unknown[]) => (await env.ctx.db.query<{ n: number }>(sql, params)).rows[0]!.n;

test('a guard refuses a redemption the rules allowed, and nothing changes', async () => {
  const { card } = await fx.card('cash', { amount_off: 500 });
  const r = await env.api('POST', '/v1/redemptions', { code: card.code, store_id: blockedStore });
  assert.equal(r.status, 403);
  assert.equal(r.body.code, 'RISK_REFUSED');
  const after = await env.api('GET', `/v1/cards/${card.id}`);
  assert.equal(after.body.state, 'active');
  assert.equal(after.body.uses_left, 1);
  assert.equal(await count('SELECT count(*)::int AS n FROM redemptions WHERE card_id = $1', [card.id]), 0);
  assert.equal(await count(`SELECT count(*)::int AS n FROM events WHERE card_id = $1 AND event_type = 'card.redeemed'`, [card.id]), 0);
  // elsewhere the same kind of card goes through, the guard having seen what was decided
  const ok = await env.api('POST', '/v1/redemptions', { code: (await fx.card('cash', { amount_off: 500 })).card.code, order_amount: 300 });
  assert.equal(ok.status, 201);
  assert.equal(guarded.at(-1)!.take.value, 300);
});

test('a guard is asked once per request, even when the fast path hands over to the transaction', async () => {
  const reward = await fx.template('cash', { amount_off: 100 });
  const { card } = await fx.card('stamp', { goal: 2, reward_template_id: reward.id });
  for (const key of [undefined, 'stamp-2']) {
    const before = guarded.length;
    const r = await env.api('POST', '/v1/redemptions', { code: card.code }, key ? { headers: { 'idempotency-key': key } } : undefined);
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(guarded.length - before, 1);
  }
  // the second stamp reached the goal (the transactional path): the reward was issued
  assert.ok((await env.api('GET', `/v1/cards/${card.id}/trace`)).body.events.some((e: any) => e.event_type === 'rewarded'));
});

test('an effect writes in the redemption’s transaction; when it fails, the redemption is undone with it', async () => {
  const m = await fx.member();
  const b = await fx.batch(pointsTemplate);
  const card = await fx.issue(b.id, m.id);
  const r = await env.api('POST', '/v1/redemptions', { code: card.code, amount: 2_500 });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const earned = await env.ctx.db.query(`SELECT data FROM events WHERE member_id = $1 AND event_type = 'member.updated'`, [m.id]);
  assert.deepEqual(
    earned.rows.map((e) => e.data),
    [{ points: 2_500, redemption_id: r.body.id }],
  );

  effectFails = true;
  const failed = await env.api('POST', '/v1/redemptions', { code: card.code, amount: 1_000 });
  effectFails = false;
  assert.equal(failed.status, 500);
  assert.equal((await env.api('GET', `/v1/cards/${card.id}`)).body.balance, 7_500, 'the failed redemption took nothing');
  assert.equal(await count('SELECT count(*)::int AS n FROM redemptions WHERE card_id = $1', [card.id]), 1);
});
