import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';

/**
 * What the console's member profile reads: the batches that issue on demand, and the member's
 * history with the names a person reads (card and store), amounts and top-up bonuses.
 */
let env: TestEnv;
let fx: Awaited<ReturnType<typeof fixtures>>;
before(async () => {
  env = await startTestEnv();
  fx = await fixtures(env);
});
after(async () => {
  await env.close();
});

test('batches filter by mode: the ones that issue on demand', async () => {
  const t = await fx.template('cash', { amount_off: 500 });
  const onIssue = await fx.batch(t.id, { mode: 'on_issue' });
  const pool = await fx.batch(t.id, { mode: 'pregenerated', quantity: 5 });
  const r = await env.api('GET', `/v1/batches?mode=on_issue&template_id=${t.id}`);
  assert.deepEqual(
    r.body.data.map((b: any) => b.id),
    [onIssue.id],
  );
  assert.deepEqual(
    (await env.api('GET', `/v1/batches?mode=pregenerated&template_id=${t.id}`)).body.data.map((b: any) => b.id),
    [pool.id],
  );
  const bad = await env.api('GET', '/v1/batches?mode=sometimes');
  assert.ok(bad.status === 400 || bad.status === 422, JSON.stringify(bad.body));
  assert.match(JSON.stringify(bad.body), /mode/);
  await env.jobs();
});

test('a member’s history: newest first, with card and store names, amounts and bonuses, paged', async () => {
  const sv = await fx.template('stored_value', { initial_balance: 0 }, { name: '会员储值卡', rules: { top_up_bonus: [{ min_amount: 50000, bonus: 5000 }] } });
  const svBatch = await fx.batch(sv.id);
  const cash = await fx.template('cash', { amount_off: 1000 }, { name: '满50减10' });
  const cashBatch = await fx.batch(cash.id);
  const store = await fx.store({ name: '上海南京西路店' });
  const member = await fx.member({ name: '王芳' });
  const other = await fx.member({ name: '别人' });
  await fx.issue(cashBatch.id, other.id);

  const card = await fx.issue(svBatch.id, member.id);
  assert.equal((await env.api('POST', `/v1/cards/${card.id}/top-up`, { amount: 50000 })).status, 200);
  const coupon = await fx.issue(cashBatch.id, member.id);
  const red = await env.api('POST', '/v1/redemptions', { code: coupon.code, store_id: store.id, order_amount: 8800 });
  assert.equal(red.status, 201, JSON.stringify(red.body));

  const h = await env.api('GET', `/v1/members/${member.id}/history`);
  assert.equal(h.status, 200, JSON.stringify(h.body));
  assert.deepEqual(
    h.body.data.map((e: any) => [e.type, e.card_name, e.store_name, e.amount, e.bonus]),
    [
      ['redeemed', '满50减10', '上海南京西路店', 1000, 0],
      ['issued', '满50减10', null, 0, 0],
      ['topped_up', '会员储值卡', null, 50000, 5000],
      ['issued', '会员储值卡', null, 0, 0],
    ],
  );
  assert.equal(h.body.data[0].code_tail, coupon.code_tail);
  assert.equal(h.body.data[0].kind, 'cash');
  assert.ok(!JSON.stringify(h.body).includes(other.id), 'only this member’s events');

  const first = await env.api('GET', `/v1/members/${member.external_id ?? member.id}/history?limit=3`);
  assert.equal(first.body.data.length, 3);
  const rest = await env.api('GET', `/v1/members/${member.id}/history?limit=3&cursor=${first.body.next_cursor}`);
  assert.deepEqual(
    rest.body.data.map((e: any) => e.type),
    ['issued'],
  );
  assert.equal(rest.body.next_cursor, null);
  assert.equal((await env.api('GET', `/v1/members/${member.id}/history?cursor=abc`)).status, 422);

  const foreign = await env.newTenant('B');
  assert.equal((await env.api('GET', `/v1/members/${member.id}/history`, undefined, { key: foreign.ownerKey })).status, 404);
  const clerk = (await env.api('POST', '/v1/api-keys', { name: 'c', role: 'clerk', store_ids: [store.id] })).body.secret;
  assert.equal((await env.api('GET', `/v1/members/${member.id}/history`, undefined, { key: clerk })).status, 403, 'a clerk does not browse members');
  const analyst = (await env.api('POST', '/v1/api-keys', { name: 'a', role: 'analyst' })).body.secret;
  assert.equal((await env.api('GET', `/v1/members/${member.id}/history`, undefined, { key: analyst })).status, 200);
});
