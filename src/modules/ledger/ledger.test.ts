import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fixtures, startTestEnv, type TestEnv } from '../../testing/harness.js';
import { verifyInvariants } from '../../platform/verify.js';
import { modules } from '../index.js';
import { AppError } from '../../errors.js';
import { balanceOf, openAccount, reverse, transfer, type TransferInput } from './service.js';

/**
 * The ledger as accounts and transfers: card value on it (one transfer per asset a redemption
 * moves, against counter-accounts nobody updates), and the general API other modules keep value
 * with — bounds refused in one statement, race-safe on PostgreSQL where callers really race.
 */
let env: TestEnv;
before(async () => {
  env = await startTestEnv();
});
after(async () => {
  await env.close();
});

const db = () => env.ctx.db;
const rows = async (sql: string, params: unknown[] = []) => (await db().query(sql, params)).rows;
/** the error a call ends with: its code for an AppError, 'ok' when it succeeds */
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e) => (e instanceof AppError ? e.code : Promise.reject(e)),
  );
/** a fresh tenant (its counters exactly this test's) and its fixtures */
async function tenant() {
  const t = await env.newTenant();
  return { ...t, f: await fixtures(env, t.ownerKey), call: (m: string, url: string, body?: unknown) => env.api(m, url, body, { key: t.ownerKey }) };
}

test('card value is transfers between the card and the tenant’s counters, one per asset moved; the trace reads them from the card’s side', async () => {
  const { tenantId, f, call } = await tenant();
  const counters = () => rows('SELECT id, balance, xmin::text AS version FROM ledger_accounts WHERE tenant_id = $1 ORDER BY id', [tenantId]);
  const before = await counters();
  assert.equal(before.length, 12, 'issued, redeemed, expired, voided × fen, uses, stamps');
  assert.ok(before.every((a) => a.balance === null));

  const coupon = (await f.card('cash', { amount_off: 500 })).card;
  const sv = (await f.card('stored_value', { initial_balance: 10000 })).card;
  const reward = await f.template('exchange', { sku: 'FREE' });
  const stamp = (await f.card('stamp', { goal: 5, reward_template_id: reward.id })).card;
  const r1 = (await call('POST', '/v1/redemptions', { code: coupon.code })).body;
  const r2 = (await call('POST', '/v1/redemptions', { code: sv.code, amount: 2500 })).body;
  const r3 = (await call('POST', '/v1/redemptions', { code: stamp.code })).body;
  const of = (ref: string) =>
    rows('SELECT asset, amount, debit_account, credit_account, reason, reverses FROM ledger_transfers WHERE tenant_id = $1 AND reference = $2 ORDER BY id', [
      tenantId,
      ref,
    ]);
  assert.deepEqual(await of(r1.id), [
    { asset: 'uses', amount: 1, debit_account: coupon.id, credit_account: 'redeemed.uses', reason: 'redeem', reverses: null },
  ]);
  assert.deepEqual(await of(r2.id), [{ asset: 'fen', amount: 2500, debit_account: sv.id, credit_account: 'redeemed.fen', reason: 'redeem', reverses: null }]);
  assert.deepEqual(await of(r3.id), [
    { asset: 'stamps', amount: 1, debit_account: 'issued.stamps', credit_account: stamp.id, reason: 'stamp', reverses: null },
  ]);

  // a reversal is a new transfer pointing at the one it reverses, the accounts swapped
  assert.equal((await call('POST', `/v1/redemptions/${r2.id}/reverse`, {})).status, 200);
  const [orig, back] = await rows('SELECT * FROM ledger_transfers WHERE tenant_id = $1 AND reference = $2 ORDER BY id', [tenantId, r2.id]);
  assert.deepEqual(
    [back.asset, Number(back.amount), back.debit_account, back.credit_account, back.reason, Number(back.reverses)],
    ['fen', 2500, 'redeemed.fen', sv.id, 'reverse', Number(orig.id)],
  );

  // balances are sums: the card's accounts equal its row, the counters are the other side
  assert.equal(await balanceOf(db(), tenantId, sv.id, 'fen'), 10000);
  assert.equal(await balanceOf(db(), tenantId, coupon.id, 'uses'), 0);
  assert.equal(await balanceOf(db(), tenantId, stamp.id, 'stamps'), 1);
  assert.equal(await balanceOf(db(), tenantId, 'issued.fen'), -10000);
  assert.equal(await balanceOf(db(), tenantId, 'redeemed.fen'), 0);
  assert.equal(await balanceOf(db(), tenantId, 'redeemed.uses'), 1);
  assert.equal(await balanceOf(db(), tenantId, 'issued.stamps'), -1);
  assert.deepEqual(await counters(), before, 'no counter-account row was ever written: no hot row');

  // the trace keeps its shape, and the old table's view shows the same rows
  const trace = (await call('GET', `/v1/cards/${sv.id}/trace`)).body.ledger;
  assert.deepEqual(Object.keys(trace[0]).sort(), ['amount', 'created_at', 'entry_type', 'id', 'redemption_id', 'stamps', 'uses']);
  assert.deepEqual(
    trace.map((l: any) => [l.entry_type, l.amount, l.uses, l.stamps, l.redemption_id]),
    [
      ['issue', 10000, 0, 0, null],
      ['redeem', -2500, 0, 0, r2.id],
      ['reverse', 2500, 0, 0, r2.id],
    ],
  );
  const view = await rows('SELECT id, entry_type, amount, uses, stamps, redemption_id FROM ledger_entries WHERE tenant_id = $1 AND card_id = $2 ORDER BY id', [
    tenantId,
    sv.id,
  ]);
  assert.deepEqual(
    view.map((v) => ({ ...v, id: Number(v.id), amount: Number(v.amount) })),
    trace.map(({ created_at: _, ...l }: any) => l),
  );
});

test('a period that closes with uses left sends them to the expired counter, and the next period’s come from issued', async () => {
  const { tenantId, f, call } = await tenant();
  env.ctx.clock.set('2026-01-10T04:00:00Z');
  try {
    const { card } = await f.card('periodic', { uses_per_period: 3, period: 'month', periods: 2 }, { validity: { type: 'none' } });
    assert.equal((await call('POST', '/v1/redemptions', { code: card.code })).status, 201);
    env.ctx.clock.set('2026-02-02T00:00:00Z');
    await env.jobs();
    const moved = await rows(
      `SELECT reason, asset, amount, debit_account, credit_account FROM ledger_transfers WHERE tenant_id = $1 AND reason IN ('period_close', 'refill') ORDER BY id`,
      [tenantId],
    );
    assert.deepEqual(moved, [
      { reason: 'period_close', asset: 'uses', amount: 2, debit_account: card.id, credit_account: 'expired.uses' },
      { reason: 'refill', asset: 'uses', amount: 3, debit_account: 'issued.uses', credit_account: card.id },
    ]);
  } finally {
    env.ctx.clock.reset();
  }
});

test('openAccount, transfer, balanceOf, reverse: bounds refused, all or nothing, a transfer reversed once', async () => {
  const { tenantId } = await tenant();
  const member = await openAccount(db(), tenantId, { ownerType: 'member', ownerId: 'mem_1', asset: 'points', lowerBound: 0 });
  assert.equal(member.balance, 0);
  assert.equal((await openAccount(db(), tenantId, { ownerType: 'member', ownerId: 'mem_1', asset: 'points', lowerBound: 0 })).id, member.id, 'opened once');
  const source = await openAccount(db(), tenantId, { ownerType: 'tenant', ownerId: tenantId, asset: 'points', name: 'issued' });
  const spent = await openAccount(db(), tenantId, { ownerType: 'tenant', ownerId: tenantId, asset: 'points', name: 'redeemed' });
  const quota = await openAccount(db(), tenantId, { ownerType: 'channel', ownerId: 'chn_1', asset: 'quota', lowerBound: -100, upperBound: 50 });
  const t = (debit: string, credit: string, amount: number, asset: TransferInput['asset'] = 'points'): TransferInput => ({
    debit,
    credit,
    asset,
    amount,
    reason: 'test',
    reference: 'ref_1',
  });

  const [earn] = await transfer(db(), tenantId, [t(source.id, member.id, 100)]);
  assert.equal(earn.amount, 100);
  const [spend] = await transfer(db(), tenantId, [t(member.id, spent.id, 30)]);
  assert.equal(await balanceOf(db(), tenantId, member.id), 70);
  assert.equal(await balanceOf(db(), tenantId, source.id), -100, 'an unbounded account is summed');
  assert.equal(await outcome(transfer(db(), tenantId, [t(member.id, spent.id, 71)])), 'ACCOUNT_BOUND_EXCEEDED');
  // all or nothing: the second would break the bound, so the first is not written either
  assert.equal(await outcome(transfer(db(), tenantId, [t(source.id, member.id, 5), t(member.id, spent.id, 80)])), 'ACCOUNT_BOUND_EXCEEDED');
  assert.equal(await balanceOf(db(), tenantId, member.id), 70);
  assert.equal(await outcome(transfer(db(), tenantId, [t(quota.id, source.id, 100, 'quota')])), 'ASSET_MISMATCH');
  assert.equal(await outcome(transfer(db(), tenantId, [t('acc_nowhere', member.id, 1)])), 'ACCOUNT_NOT_FOUND');
  assert.equal(await outcome(transfer(db(), tenantId, [t(member.id, spent.id, 0)])), 'VALIDATION_FAILED');
  await assert.rejects(transfer(db(), tenantId, [t('card_x', member.id, 1)]), /card accounts move with their card row/);
  // an upper bound holds too
  const quotaSource = await openAccount(db(), tenantId, { ownerType: 'tenant', ownerId: tenantId, asset: 'quota', name: 'granted' });
  assert.equal(await outcome(transfer(db(), tenantId, [t(quotaSource.id, quota.id, 51, 'quota')])), 'ACCOUNT_BOUND_EXCEEDED');
  await transfer(db(), tenantId, [t(quotaSource.id, quota.id, 50, 'quota')]);
  assert.equal(await balanceOf(db(), tenantId, quota.id), 50);

  // a reversal swaps the accounts, points at the original, and is made once
  const [back] = await reverse(db(), tenantId, spend.id);
  assert.deepEqual([back.debit_account, back.credit_account, back.amount, back.reverses, back.reason], [spent.id, member.id, 30, spend.id, 'reverse']);
  assert.equal(await balanceOf(db(), tenantId, member.id), 100);
  assert.equal(await outcome(reverse(db(), tenantId, spend.id)), 'TRANSFER_ALREADY_REVERSED');
  assert.equal(await outcome(reverse(db(), tenantId, back.id)), 'TRANSFER_IS_REVERSAL');
  assert.equal(await outcome(reverse(db(), tenantId, 999_999_999)), 'TRANSFER_NOT_FOUND');
  // reversing the earn after some was spent would take the member below 0: refused like any transfer
  await transfer(db(), tenantId, [t(member.id, spent.id, 1)]);
  assert.equal(await outcome(reverse(db(), tenantId, earn.id)), 'ACCOUNT_BOUND_EXCEEDED');
  assert.equal(await balanceOf(db(), tenantId, member.id), 99);
  assert.equal(await outcome(openAccount(db(), tenantId, { ownerType: 'member', ownerId: 'mem_2', asset: 'points', lowerBound: 10 })), 'VALIDATION_FAILED');
  assert.deepEqual(await verifyInvariants(db(), modules, tenantId), []);
});

test('concurrent transfers from a bounded account never take it below its bound, concurrent reversals reverse once, crossed transfers never deadlock', async () => {
  const { tenantId } = await tenant();
  const source = await openAccount(db(), tenantId, { ownerType: 'tenant', ownerId: tenantId, asset: 'points', name: 'issued' });
  const spent = await openAccount(db(), tenantId, { ownerType: 'tenant', ownerId: tenantId, asset: 'points', name: 'redeemed' });
  const a = await openAccount(db(), tenantId, { ownerType: 'member', ownerId: 'mem_a', asset: 'points', lowerBound: 0 });
  const b = await openAccount(db(), tenantId, { ownerType: 'member', ownerId: 'mem_b', asset: 'points', lowerBound: 0 });
  await transfer(db(), tenantId, [{ debit: source.id, credit: a.id, asset: 'points', amount: 100, reason: 'earn' }]);
  const spend = (n: number) => ({ debit: a.id, credit: spent.id, asset: 'points' as const, amount: n, reason: 'spend' });

  // 40 callers at once each take 7 from 100: exactly 14 can
  const results = await Promise.all(Array.from({ length: 40 }, () => outcome(transfer(db(), tenantId, [spend(7)]))));
  assert.equal(results.filter((r) => r === 'ok').length, 14, JSON.stringify(results));
  assert.ok(results.every((r) => r === 'ok' || r === 'ACCOUNT_BOUND_EXCEEDED'));
  assert.equal(await balanceOf(db(), tenantId, a.id), 2);

  // the same transfer reversed by 10 callers at once: once
  const [last] = await transfer(db(), tenantId, [spend(2)]);
  const reversals = await Promise.all(Array.from({ length: 10 }, () => outcome(reverse(db(), tenantId, last.id))));
  assert.equal(reversals.filter((r) => r === 'ok').length, 1, JSON.stringify(reversals));
  assert.ok(reversals.every((r) => r === 'ok' || r === 'TRANSFER_ALREADY_REVERSED'));
  assert.equal(await balanceOf(db(), tenantId, a.id), 2);

  // a → b and b → a at once, both bounded: locks are taken in account order, so none deadlocks
  await transfer(db(), tenantId, [{ debit: source.id, credit: b.id, asset: 'points', amount: 100, reason: 'earn' }]);
  const cross = await Promise.all(
    Array.from({ length: 40 }, (_, i) =>
      outcome(transfer(db(), tenantId, [{ debit: i % 2 ? a.id : b.id, credit: i % 2 ? b.id : a.id, asset: 'points', amount: 1, reason: 'gift' }])),
    ),
  );
  assert.ok(
    cross.every((r) => r === 'ok' || r === 'ACCOUNT_BOUND_EXCEEDED'),
    JSON.stringify(cross),
  );
  assert.equal((await balanceOf(db(), tenantId, a.id)) + (await balanceOf(db(), tenantId, b.id)), 102, 'nothing made or lost');
  assert.deepEqual(await verifyInvariants(db(), modules, tenantId), []);
});

test('each ledger invariant finds the damage it is there for', async () => {
  const { tenantId } = await tenant();
  const source = await openAccount(db(), tenantId, { ownerType: 'tenant', ownerId: tenantId, asset: 'points', name: 'issued' });
  const m = await openAccount(db(), tenantId, { ownerType: 'member', ownerId: 'mem_1', asset: 'points', lowerBound: 0 });
  const [earn] = await transfer(db(), tenantId, [{ debit: source.id, credit: m.id, asset: 'points', amount: 10, reason: 'earn' }]);
  const [back] = await reverse(db(), tenantId, earn.id);
  await transfer(db(), tenantId, [{ debit: source.id, credit: m.id, asset: 'points', amount: 10, reason: 'earn' }]);
  assert.deepEqual(await verifyInvariants(db(), modules, tenantId), []);
  const damage: [string, string, unknown[]][] = [
    ['ledger.account_balances', 'UPDATE ledger_accounts SET balance = balance + 1 WHERE tenant_id = $1 AND id = $2', [tenantId, m.id]],
    [
      'ledger.within_bounds',
      "INSERT INTO ledger_transfers (tenant_id, asset, amount, debit_account, credit_account, reason, created_at) VALUES ($1, 'points', 11, $2, $3, 'x', now())",
      [tenantId, m.id, source.id],
    ],
    [
      'ledger.accounts_exist',
      "INSERT INTO ledger_transfers (tenant_id, asset, amount, debit_account, credit_account, reason, created_at) VALUES ($1, 'points', 1, $2, 'nowhere', 'x', now())",
      [tenantId, source.id],
    ],
    ['ledger.reversal_mirrors', 'UPDATE ledger_transfers SET amount = amount + 1 WHERE tenant_id = $1 AND id = $2', [tenantId, back.id]],
  ];
  for (const [name, sql, params] of damage) {
    const rollback = new Error('rollback');
    const found = await db()
      .tx(async (q) => {
        await q.query(sql, params);
        throw Object.assign(rollback, { broken: await verifyInvariants(q, modules, tenantId) });
      })
      .catch((e) => (e === rollback ? (e as any).broken : Promise.reject(e)));
    assert.ok(
      found.some((x: { name: string }) => x.name === name),
      `${name} finds: ${sql} (${JSON.stringify(found)})`,
    );
  }
  assert.deepEqual(await verifyInvariants(db(), modules, tenantId), []);
});
