import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';

/**
 * What a count or periodic card's redemption is worth 次卡的核销金额: the template says it per use
 * (face_value, 每次价值) or for the whole card (card_value, 整卡价值), and the redemption records that
 * worth for the uses it took, never the per-card figure times the uses. The stats' 核销金额
 * (redeemed_amount) is the sum of what standing redemptions record. Issue 11, item 5: a 次卡 of
 * 面值 ¥388 redeemed for 2 uses recorded ¥776.
 */
let env: TestEnv;
before(async () => {
  env = await startTestEnv();
});
after(async () => {
  await env.close();
});

/** A tenant of its own, so its stats hold only what the test did. */
async function tenant(name: string) {
  const t = await env.newTenant(name);
  const f = await fixtures(env, t.ownerKey);
  const call = (method: string, url: string, body?: unknown) => env.api(method, url, body, { key: t.ownerKey });
  const totals = async () => (await call('GET', '/v1/stats?group_by=template')).body.totals;
  return { f, call, totals };
}

test('a count card worth ¥388 as a whole (10 uses): 2 uses record ¥77.60, the stats count ¥77.60, a reversal takes it off', async () => {
  const { f, call, totals } = await tenant('count card_value');
  const tpl = await f.template('count', { uses: 10, card_value: 38800 });
  const m = await f.member();
  const card = await f.issue((await f.batch(tpl.id)).id, m.id);
  const check = await call('POST', '/v1/redemptions/check', { code: card.code, uses: 2 });
  assert.equal(check.body.take.value, 7760, 'the check says what the 2 uses are worth');
  const r = await call('POST', '/v1/redemptions', { code: card.code, uses: 2, order_amount: 12000 });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(r.body.amount, 7760);
  assert.equal(r.body.uses, 2);
  assert.equal(r.body.card.uses_left, 8);
  assert.deepEqual(
    { redeemed: (await totals()).redeemed, amount: (await totals()).redeemed_amount, gmv: (await totals()).order_gmv },
    {
      redeemed: 1,
      amount: 7760,
      gmv: 12000,
    },
  );
  // the list and the card's trace say the same
  assert.equal((await call('GET', `/v1/redemptions?card_id=${card.id}`)).body.data[0].amount, 7760);
  assert.equal((await call('GET', `/v1/cards/${card.id}/trace`)).body.redemptions[0].amount, 7760);

  assert.equal((await call('POST', `/v1/redemptions/${r.body.id}/reverse`, { reason: '误操作' })).status, 200);
  assert.equal((await totals()).redeemed_amount, 0, 'a reversed redemption is no money redeemed');
});

test('a count card worth ¥100 as a whole over 3 uses: the shares add up to ¥100.00 exactly, whatever the rounding', async () => {
  const { f, call, totals } = await tenant('count rounding');
  const tpl = await f.template('count', { uses: 3, card_value: 10000 });
  const card = await f.issue((await f.batch(tpl.id)).id, (await f.member()).id);
  const amounts: number[] = [];
  for (let i = 0; i < 3; i++) amounts.push((await call('POST', '/v1/redemptions', { code: card.code })).body.amount);
  assert.deepEqual(amounts, [3333, 3333, 3334]);
  assert.equal((await totals()).redeemed_amount, 10000);
});

test('a count card priced per use (face_value ¥30): 2 uses are ¥60; the stats count ¥60', async () => {
  const { f, call, totals } = await tenant('count face_value');
  const tpl = await f.template('count', { uses: 10, face_value: 3000 });
  const card = await f.issue((await f.batch(tpl.id)).id, (await f.member()).id);
  const r = await call('POST', '/v1/redemptions', { code: card.code, uses: 2 });
  assert.equal(r.body.amount, 6000);
  assert.equal((await totals()).redeemed_amount, 6000);
});

test('a periodic card worth ¥480 for 12 months × 4 uses: each use is ¥10, in every period, even after unused uses lapsed', async () => {
  const { f, call, totals } = await tenant('periodic card_value');
  const tpl = await f.template('periodic', { uses_per_period: 4, period: 'month', periods: 12, card_value: 48000 }, { validity: { type: 'none' } });
  const card = await f.issue((await f.batch(tpl.id)).id, (await f.member()).id);
  const first = (await call('POST', '/v1/redemptions', { code: card.code, uses: 3 })).body;
  assert.equal(first.amount, 3000);
  // the next month: the unused use lapsed, 4 new arrived
  env.ctx.clock.advance(new Date(first.card.period_ends_at).getTime() - env.ctx.clock.now().getTime() + 3_600_000);
  try {
    const next = await call('POST', '/v1/redemptions', { code: card.code, uses: 2 });
    assert.equal(next.status, 201, JSON.stringify(next.body));
    assert.equal(next.body.card.period_no, 2);
    assert.equal(next.body.amount, 2000);
    assert.equal((await totals()).redeemed_amount, 5000);
  } finally {
    env.ctx.clock.reset();
  }
});

test('a stamp records no money: the stats count the stamp as a redemption worth ¥0', async () => {
  const { f, call, totals } = await tenant('stamp');
  const reward = await f.template('exchange', { sku: 'LATTE' });
  const tpl = await f.template('stamp', { goal: 5, reward_template_id: reward.id });
  const card = await f.issue((await f.batch(tpl.id)).id, (await f.member()).id);
  const r = await call('POST', '/v1/redemptions', { code: card.code });
  assert.deepEqual([r.body.amount, r.body.stamps, r.body.card.stamps], [0, 1, 1]);
  assert.deepEqual([(await totals()).redeemed, (await totals()).redeemed_amount], [1, 0]);
});

test('a template says per use or per card, not both; only count and periodic templates take card_value', async () => {
  const { call } = await tenant('form');
  const both = await call('POST', '/v1/templates', {
    kind: 'count',
    name: 'x',
    value: { uses: 10, face_value: 3880, card_value: 38800 },
    validity: { type: 'none' },
  });
  assert.equal(both.status, 422);
  assert.equal(both.body.errors[0].field, 'value.card_value');
  const cash = await call('POST', '/v1/templates', { kind: 'cash', name: 'x', value: { amount_off: 100, card_value: 100 }, validity: { type: 'none' } });
  assert.equal(cash.status, 422);
  assert.equal(cash.body.errors[0].field, 'value.card_value');
});
