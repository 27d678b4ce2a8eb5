import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';
import { PendingAnswer } from '../../errors.js';
import { reviewDesks } from '../../platform/guards.js';
import type { Caller } from '../../http/access.js';

/**
 * 人工审核 of an issue: the stock is held while the review waits, so a batch at its last card cannot
 * over-issue; approval issues that card to the member, rejection gives the stock back. The risk
 * engine sends issues here; this test sends them to the desk as it would.
 */
let env: TestEnv;
let fx: Awaited<ReturnType<typeof fixtures>>;
let owner: Caller;
before(async () => {
  env = await startTestEnv();
  fx = await fixtures(env);
  owner = { tenantId: env.tenantId, keyId: 'key_risk_test', role: 'owner', storeIds: [], channelId: null };
});
after(async () => {
  await env.close();
});

const ok = (r: { status: number; body: any }, status = 200) => {
  assert.equal(r.status, status, JSON.stringify(r.body));
  return r.body;
};
/** The issue sent to review as the risk engine would: the pending answer, settled. */
async function sendIssue(batchId: string, memberId: string): Promise<string> {
  try {
    await reviewDesks.list()[0]!.send(
      env.ctx,
      {
        tenantId: env.tenantId,
        action: 'issue',
        caller: owner,
        at: env.ctx.clock.now(),
        subjects: { member_id: memberId, batch_id: batchId },
        replay: { kind: 'issue', input: { batch_id: batchId, member_id: memberId } },
      },
      { id: 'dec_test', rules: [{ id: 'rul_farm', name: '同设备多账号领取' }] },
    );
  } catch (e) {
    assert.ok(e instanceof PendingAnswer);
    assert.equal(await e.settle(null), true);
    return e.body.review_id as string;
  }
  throw new Error('not sent to review');
}
const batchOf = async (id: string) => ok(await env.api('GET', `/v1/batches/${id}`));

test('an on-issue batch at its last card: a pending issue review holds it; nobody over-issues; rejection gives it back', async () => {
  const t = await fx.template('cash', { amount_off: 500 }, { name: '五元券' });
  const b = await fx.batch(t.id, { mode: 'on_issue', stock: 1 });
  const [m1, m2] = [await fx.member({ name: '张三' }), await fx.member({ name: '李四' })];
  const rev = await sendIssue(b.id, m1.id);
  assert.equal(ok(await env.api('POST', '/v1/cards/issue', { batch_id: b.id, member_id: m2.id }), 409).code, 'STOCK_EXHAUSTED');
  // a second review cannot hold what is not there either
  await assert.rejects(sendIssue(b.id, m2.id), (e: any) => e.code === 'STOCK_EXHAUSTED');
  ok(await env.api('POST', `/v1/reviews/${rev}/reject`, { reason: '疑似黄牛' }));
  assert.equal((await batchOf(b.id)).issued, 0);
  const card = ok(await env.api('POST', '/v1/cards/issue', { batch_id: b.id, member_id: m2.id }), 201);
  assert.equal(card.member_id, m2.id);
});

test('approved: the held unit becomes the member’s card, and the batch is sold out', async () => {
  const t = await fx.template('cash', { amount_off: 500 }, { name: '十元券' });
  const b = await fx.batch(t.id, { mode: 'on_issue', stock: 1 });
  const m = await fx.member({ name: '王五' });
  const rev = await sendIssue(b.id, m.id);
  const r = ok(await env.api('POST', `/v1/reviews/${rev}/approve`, {}));
  assert.equal(r.status, 'approved');
  assert.equal(r.result.card.member_id, m.id);
  assert.equal(r.result.card.code, undefined, 'the review keeps no code');
  assert.equal((await batchOf(b.id)).issued, 1);
  assert.equal(ok(await env.api('POST', '/v1/cards/issue', { batch_id: b.id, member_id: m.id }), 409).code, 'STOCK_EXHAUSTED');
  const names = ok(await env.api('GET', `/v1/reviews/${rev}`)).names;
  assert.equal(names[m.id], '王五');
});

test('a pool batch: the last code is reserved for the review; approval issues that code, expiry would give it back', async () => {
  const t = await fx.template('cash', { amount_off: 500 }, { name: '池券' });
  const b = await fx.batch(t.id, { mode: 'pregenerated', quantity: 2 });
  await env.jobs();
  const m = await fx.member({ name: '赵六' });
  const held = await sendIssue(b.id, m.id);
  ok(await env.api('POST', '/v1/cards/issue', { batch_id: b.id, member_id: m.id }), 201);
  assert.equal(ok(await env.api('POST', '/v1/cards/issue', { batch_id: b.id, member_id: m.id }), 409).code, 'STOCK_EXHAUSTED');
  const r = ok(await env.api('POST', `/v1/reviews/${held}/approve`, {}));
  assert.equal(r.result.card.member_id, m.id);
  assert.equal((await batchOf(b.id)).issued, 2);
  // another pool: expiry gives the reserved code back
  const b2 = await fx.batch(t.id, { mode: 'pregenerated', quantity: 1 });
  await env.jobs();
  const rev2 = await sendIssue(b2.id, m.id);
  assert.equal(ok(await env.api('POST', '/v1/cards/issue', { batch_id: b2.id, member_id: m.id }), 409).code, 'STOCK_EXHAUSTED');
  env.ctx.clock.advance(25 * 3600_000);
  await env.jobs();
  assert.equal(ok(await env.api('GET', `/v1/reviews/${rev2}`)).status, 'expired');
  ok(await env.api('POST', '/v1/cards/issue', { batch_id: b2.id, member_id: m.id }), 201);
});
