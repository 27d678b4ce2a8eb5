import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';

/**
 * 充值赠送: a stored-value template's bonus tiers (充500送50) are credited with the top-up, as their
 * own ledger transfer, within the card's max balance, once per idempotency key, audited.
 */
let env: TestEnv;
let fx: Awaited<ReturnType<typeof fixtures>>;
let tpl: any, batch: any, member: any;
const TIERS = [
  { min_amount: 50000, bonus: 5000 }, // 充500送50
  { min_amount: 100000, bonus: 15000 }, // 充1000送150
];

before(async () => {
  env = await startTestEnv();
  fx = await fixtures(env);
  tpl = await fx.template('stored_value', { initial_balance: 0, max_balance: 300000 }, { rules: { top_up_bonus: TIERS } });
  batch = await fx.batch(tpl.id);
  member = await fx.member({ name: '王芳' });
});
after(async () => {
  await env.close();
});

const topUp = (id: string, amount: number, headers?: Record<string, string>) => env.api('POST', `/v1/cards/${id}/top-up`, { amount }, { headers });
const transfers = async (cardId: string) =>
  (
    await env.ctx.db.query<{ reason: string; amount: string }>(
      `SELECT reason, amount FROM ledger_transfers WHERE tenant_id = $1 AND credit_account = $2 AND reason LIKE 'top_up%' ORDER BY id`,
      [env.tenantId, cardId],
    )
  ).rows.map((r) => [r.reason, Number(r.amount)]);

test('a top-up gets the bonus of the highest tier it reaches, as its own ledger transfer', async () => {
  const card = await fx.issue(batch.id, member.id);
  const small = await topUp(card.id, 30000);
  assert.equal(small.status, 200, JSON.stringify(small.body));
  assert.deepEqual(small.body.top_up, { paid: 30000, bonus: 0, credited: 30000 }, 'below every tier: no bonus');
  const five = await topUp(card.id, 50000);
  assert.deepEqual(five.body.top_up, { paid: 50000, bonus: 5000, credited: 55000 }, '充500送50');
  const big = await topUp(card.id, 120000);
  assert.deepEqual(big.body.top_up, { paid: 120000, bonus: 15000, credited: 135000 }, 'the highest tier reached, not the sum of tiers');
  assert.equal(big.body.balance, 30000 + 55000 + 135000);
  assert.deepEqual(await transfers(card.id), [
    ['top_up', 30000],
    ['top_up', 50000],
    ['top_up_bonus', 5000],
    ['top_up', 120000],
    ['top_up_bonus', 15000],
  ]);
  // reports can tell paid money from bonus: the reasons' sums
  const sums = await env.ctx.db.query<{ reason: string; s: string }>(
    `SELECT reason, sum(amount) AS s FROM ledger_transfers WHERE tenant_id = $1 AND credit_account = $2 GROUP BY reason ORDER BY reason`,
    [env.tenantId, card.id],
  );
  assert.deepEqual(
    sums.rows.map((r) => [r.reason, Number(r.s)]),
    [
      ['top_up', 200000],
      ['top_up_bonus', 20000],
    ],
  );
  const trace = (await env.api('GET', `/v1/cards/${card.id}/trace`)).body;
  assert.deepEqual(
    trace.ledger.filter((e: any) => e.entry_type.startsWith('top_up')).map((e: any) => [e.entry_type, e.amount]),
    await transfers(card.id),
    'the trace shows the bonus as its own entry',
  );
  const ev = trace.events.filter((e: any) => e.event_type === 'topped_up').map((e: any) => e.data);
  assert.deepEqual(ev.at(-1), { amount: 120000, bonus: 15000 });
  const audit = await env.ctx.db.query(`SELECT data FROM audit_entries WHERE action = 'card.top_up' AND target_id = $1 ORDER BY id`, [card.id]);
  assert.deepEqual(audit.rows.at(-1).data.top_up, { paid: 120000, bonus: 15000, credited: 135000 }, 'the audit entry says what was paid and given');
});

test('the same idempotency key tops up once, bonus included', async () => {
  const card = await fx.issue(batch.id, member.id);
  const headers = { 'idempotency-key': 'till-7-0001' };
  const first = await topUp(card.id, 50000, headers);
  const again = await topUp(card.id, 50000, headers);
  assert.equal(again.status, 200);
  assert.equal(again.headers['idempotent-replayed'], 'true');
  assert.deepEqual(again.body, first.body);
  assert.equal((await env.api('GET', `/v1/cards/${card.id}`)).body.balance, 55000);
  assert.deepEqual(await transfers(card.id), [
    ['top_up', 50000],
    ['top_up_bonus', 5000],
  ]);
});

test('the bonus must fit under the max balance too: otherwise nothing is credited', async () => {
  const card = await fx.issue(batch.id, member.id);
  assert.equal((await topUp(card.id, 200000)).body.balance, 215000);
  // 82,000 paid would fit (297,000), but with its 5,000 bonus it passes 300,000
  const r = await topUp(card.id, 82000);
  assert.equal(r.status, 409);
  assert.equal(r.body.code, 'MAX_BALANCE_EXCEEDED');
  assert.equal(r.body.credited, 87000);
  assert.equal((await env.api('GET', `/v1/cards/${card.id}`)).body.balance, 215000, 'nothing changed');
  assert.equal((await topUp(card.id, 45000)).body.balance, 260000, 'a top-up below the tier still fits');
});

test('tiers are a rule: they may change while cards are out, and the next top-up reads them', async () => {
  const card = await fx.issue(batch.id, member.id);
  const patch = await env.api('PATCH', `/v1/templates/${tpl.id}`, { rules: { top_up_bonus: [{ min_amount: 50000, bonus: 8000 }] } });
  assert.equal(patch.status, 200, JSON.stringify(patch.body));
  assert.deepEqual((await topUp(card.id, 60000)).body.top_up, { paid: 60000, bonus: 8000, credited: 68000 });
  await env.api('PATCH', `/v1/templates/${tpl.id}`, { rules: {} });
  assert.deepEqual((await topUp(card.id, 60000)).body.top_up, { paid: 60000, bonus: 0, credited: 60000 }, 'no tiers: no bonus');
  await env.api('PATCH', `/v1/templates/${tpl.id}`, { rules: { top_up_bonus: TIERS } });
});

test('bad tiers are refused, naming the field', async () => {
  const bad = async (kind: string, value: object, top_up_bonus: unknown, field: string) => {
    const r = await env.api('POST', '/v1/templates', { kind, name: 'x', value, validity: { type: 'none' }, rules: { top_up_bonus } });
    assert.ok(r.status === 422 || r.status === 400, `${field}: ${r.status} ${JSON.stringify(r.body)}`);
    assert.match(JSON.stringify(r.body), new RegExp(field.replace(/[[\]]/g, '\\$&')), JSON.stringify(r.body));
  };
  await bad('cash', { amount_off: 500 }, [{ min_amount: 100, bonus: 10 }], 'rules.top_up_bonus');
  await bad(
    'stored_value',
    { initial_balance: 0 },
    [
      { min_amount: 100, bonus: 10 },
      { min_amount: 100, bonus: 20 },
    ],
    'rules.top_up_bonus[1].min_amount',
  );
  await bad('stored_value', { initial_balance: 0 }, [{ min_amount: 100, bonus: 200 }], 'rules.top_up_bonus[0].bonus');
  await bad('stored_value', { initial_balance: 0, max_balance: 1000 }, [{ min_amount: 1000, bonus: 100 }], 'rules.top_up_bonus[0].min_amount');
  await bad('stored_value', { initial_balance: 0 }, [{ min_amount: 100, bonus: 10, percent: 5 }], 'percent');
  await bad('stored_value', { initial_balance: 0 }, [{ min_amount: '100', bonus: 10 }], 'min_amount');
  await bad('stored_value', { initial_balance: 0 }, [], 'top_up_bonus');
  const gift = await env.api('POST', '/v1/templates', {
    kind: 'gift',
    name: '礼品卡',
    value: { initial_balance: 10000 },
    validity: { type: 'none' },
    rules: { top_up_bonus: [{ min_amount: 10000, bonus: 1000 }] },
  });
  assert.equal(gift.status, 201, 'gift cards are topped up too');
});
