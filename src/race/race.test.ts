import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ledgerMismatches } from '../modules/ledger/service.js';
import { SKIP, startCluster, allAtOnce, inParallel, tally, type Cluster, type Reply } from './cluster.js';

/**
 * Concurrency proof 并发: three real server processes on one PostgreSQL, driven over HTTP by many
 * clients at once. Each test states an invariant and checks it in the database afterwards; none
 * looks at timings. After every test, every card's cached holdings equal its ledger.
 */
describe('races across three server processes', { skip: SKIP }, () => {
  let c: Cluster;
  const ok = (r: Reply, what: string) => {
    assert.ok(r.status < 300, `${what}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const template = async (kind: string, value: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    ok(await c.call('POST', '/v1/templates', { kind, name: `${kind} race`, value, validity: { type: 'relative', days: 30 }, ...extra }), 'template');
  const batch = async (template_id: string, extra: Record<string, unknown> = { mode: 'on_issue' }) =>
    ok(await c.call('POST', '/v1/batches', { template_id, name: 'race', ...extra }), 'batch');
  const member = async () => ok(await c.call('POST', '/v1/members', { name: 'racer' }), 'member');
  const card = async (kind: string, value: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
    const t = await template(kind, value, extra);
    const b = await batch(t.id);
    const m = await member();
    return ok(await c.call('POST', '/v1/cards/issue', { batch_id: b.id, member_id: m.id }), 'issue');
  };
  const redeem = (body: Record<string, unknown>, headers?: Record<string, string>) => c.call('POST', '/v1/redemptions', body, { headers });
  const noServerErrors = (rs: Reply[]) =>
    assert.ok(
      rs.every((r) => r.status < 500),
      `no 5xx: ${JSON.stringify(tally(rs))}`,
    );
  const q = <T = any>(sql: string, params: unknown[] = []) => c.ctx.db.query<T>(sql, params).then((r) => r.rows);

  before(async () => {
    c = await startCluster(3);
  });
  after(async () => {
    await c?.stop();
  });
  const consistent = async () => assert.deepEqual(await ledgerMismatches(c.ctx.db, c.tenantId), [], 'ledger = cached holdings on every card');

  test('one single-use code, 50 clients at once: exactly one 201, 49 clean 409 CARD_ALREADY_REDEEMED', async () => {
    const issued = await card('cash', { amount_off: 500 });
    const rs = await allAtOnce(50, () => redeem({ code: issued.code }));
    assert.deepEqual(tally(rs), { 201: 1, '409 CARD_ALREADY_REDEEMED': 49 });
    const [{ n }] = await q<{ n: number }>('SELECT count(*)::int AS n FROM redemptions WHERE tenant_id = $1 AND card_id = $2', [c.tenantId, issued.id]);
    assert.equal(n, 1);
    await consistent();
  });

  test('a count card with 5 uses hit by 50: exactly 5; a periodic card never passes its period’s uses', async () => {
    const count = await card('count', { uses: 5 });
    const rs = await allAtOnce(50, () => redeem({ code: count.code }));
    noServerErrors(rs);
    assert.equal(rs.filter((r) => r.status === 201).length, 5, JSON.stringify(tally(rs)));
    assert.ok(rs.filter((r) => r.status !== 201).every((r) => r.status === 409 && ['CARD_ALREADY_REDEEMED', 'INSUFFICIENT_USES'].includes(r.body.code)));
    const [cnt] = await q('SELECT state, uses_left FROM cards WHERE tenant_id = $1 AND id = $2', [c.tenantId, count.id]);
    assert.deepEqual(cnt, { state: 'used', uses_left: 0 });

    const periodic = await card('periodic', { uses_per_period: 3, period: 'month', periods: 2 }, { validity: { type: 'none' } });
    const ps = await allAtOnce(30, () => redeem({ code: periodic.code }));
    noServerErrors(ps);
    assert.equal(ps.filter((r) => r.status === 201).length, 3, JSON.stringify(tally(ps)));
    assert.ok(ps.filter((r) => r.status !== 201).every((r) => r.body.code === 'PERIOD_USES_EXHAUSTED'));
    const [{ used }] = await q<{ used: number }>(
      `SELECT coalesce(sum(uses), 0)::int AS used FROM redemptions WHERE tenant_id = $1 AND card_id = $2 AND status = 'done'`,
      [c.tenantId, periodic.id],
    );
    assert.equal(used, 3, 'never more than uses_per_period in one period');
    await consistent();
  });

  test('stored value 100.00 debited concurrently by many amounts: never negative, debits ≤ 10000, ledger = balance', async () => {
    const sv = await card('stored_value', { initial_balance: 10000 });
    const amounts = Array.from({ length: 80 }, (_, i) => 50 + ((i * 137) % 400));
    const rs = await allAtOnce(amounts.length, (i) => redeem({ code: sv.code, amount: amounts[i] }));
    noServerErrors(rs);
    const taken = rs.filter((r) => r.status === 201).reduce((s, r) => s + r.body.amount, 0);
    assert.ok(taken <= 10000, `debited ${taken}`);
    assert.ok(
      rs.filter((r) => r.status !== 201).every((r) => r.body.code === 'INSUFFICIENT_BALANCE'),
      JSON.stringify(tally(rs)),
    );
    const [row] = await q('SELECT balance FROM cards WHERE tenant_id = $1 AND id = $2', [c.tenantId, sv.id]);
    assert.equal(row.balance, 10000 - taken);
    assert.ok(row.balance >= 0);
    // what was refused could not have fitted: the smallest refused amount is more than what is left
    const refused = amounts.filter((_, i) => rs[i].status !== 201);
    if (refused.length) assert.ok(Math.min(...refused) > row.balance);
    await consistent();
  });

  test('redemptions and reversals racing on the same cards: no reversal gives back more than was taken', async () => {
    const svs = await Promise.all([1, 2, 3].map(() => card('stored_value', { initial_balance: 10000 })));
    const counts = await Promise.all([1, 2, 3].map(() => card('count', { uses: 30 })));
    const all = [...svs, ...counts];
    const one = (i: number) => {
      const k = all[i % all.length];
      return redeem(k.kind === 'count' ? { code: k.code } : { code: k.code, amount: 100 + (i % 7) * 50 });
    };
    const first = await allAtOnce(36, one);
    noServerErrors(first);
    const made = first.filter((r) => r.status === 201).map((r) => r.body.id as string);
    assert.ok(made.length > 0);
    // every redemption reversed three times at once, while more redemptions hit the same cards
    const mixed = await allAtOnce(made.length * 3 + 36, (i) =>
      i < made.length * 3 ? c.call('POST', `/v1/redemptions/${made[i % made.length]}/reverse`, {}) : one(i),
    );
    noServerErrors(mixed);
    const reversals = mixed.slice(0, made.length * 3);
    assert.equal(reversals.filter((r) => r.status === 200).length, made.length, JSON.stringify(tally(reversals)));
    assert.ok(reversals.filter((r) => r.status !== 200).every((r) => r.body.code === 'REDEMPTION_ALREADY_REVERSED'));
    const ids = all.map((k) => k.id);
    const bad = await q(
      `SELECT l.redemption_id, count(*) FILTER (WHERE entry_type = 'reverse') AS reverses,
              sum(amount) FILTER (WHERE entry_type = 'reverse') AS back_amount, sum(amount) FILTER (WHERE entry_type = 'redeem') AS took_amount,
              sum(uses) FILTER (WHERE entry_type = 'reverse') AS back_uses, sum(uses) FILTER (WHERE entry_type = 'redeem') AS took_uses
       FROM ledger_entries l WHERE l.tenant_id = $1 AND l.card_id = ANY($2) AND l.redemption_id IS NOT NULL
       GROUP BY l.redemption_id
       HAVING count(*) FILTER (WHERE entry_type = 'reverse') > 1
           OR (count(*) FILTER (WHERE entry_type = 'reverse') = 1 AND (sum(amount) <> 0 OR sum(uses) <> 0))`,
      [c.tenantId, ids],
    );
    assert.deepEqual(bad, [], 'each redemption reversed at most once, and by exactly what it took');
    const holdings = await q(
      `SELECT c.id, c.balance, c.uses_left, t.value,
              coalesce((SELECT sum(r.amount) FROM redemptions r WHERE r.tenant_id = c.tenant_id AND r.card_id = c.id AND r.status = 'done'), 0) AS taken,
              coalesce((SELECT sum(r.uses) FROM redemptions r WHERE r.tenant_id = c.tenant_id AND r.card_id = c.id AND r.status = 'done'), 0) AS uses_taken
       FROM cards c JOIN templates t ON t.tenant_id = c.tenant_id AND t.id = c.template_id WHERE c.tenant_id = $1 AND c.id = ANY($2)`,
      [c.tenantId, ids],
    );
    for (const h of holdings) {
      if (h.value.initial_balance) assert.equal(h.balance, h.value.initial_balance - h.taken, `balance of ${h.id}`);
      else assert.equal(h.uses_left, h.value.uses - h.uses_taken, `uses of ${h.id}`);
    }
    await consistent();
  });

  // sizes: 2,000 attempts at 96 at once already keep the stock contended for its whole life, and run
  // out of it with members still asking (it was 10,000 by 2,000 members for 1,000: the same race, five times over)
  const STOCK = 200;
  test('batch stock 200 and a per-member limit of 1: 2,000 issue attempts by 400 members issue exactly 200', async () => {
    const t = await template('cash', { amount_off: 100 }, { rules: { per_member_limit: 1 } });
    const b = await batch(t.id, { mode: 'on_issue', stock: STOCK });
    await q(`INSERT INTO members (tenant_id, id, name) SELECT $1, 'mem_race_' || g, 'member ' || g FROM generate_series(1, $2::int) g`, [
      c.tenantId,
      STOCK * 2,
    ]);
    const order = Array.from({ length: STOCK * 10 }, (_, i) => ((i * 7919) % (STOCK * 2)) + 1); // each member 5 times, interleaved
    const rs = await inParallel(order.length, 96, (i) => c.call('POST', '/v1/cards/issue', { batch_id: b.id, member_id: `mem_race_${order[i]}` }));
    noServerErrors(rs);
    const t2 = tally(rs);
    assert.equal(t2[201], STOCK, JSON.stringify(t2));
    assert.ok(
      Object.keys(t2).every((k) => ['201', '409 STOCK_EXHAUSTED', '409 MEMBER_LIMIT_REACHED'].includes(k)),
      JSON.stringify(t2),
    );
    const [{ issued }] = await q('SELECT issued FROM batches WHERE tenant_id = $1 AND id = $2', [c.tenantId, b.id]);
    assert.equal(issued, STOCK);
    const [{ n }] = await q<{ n: number }>('SELECT count(*)::int AS n FROM cards WHERE tenant_id = $1 AND batch_id = $2', [c.tenantId, b.id]);
    assert.equal(n, STOCK);
    const over = await q('SELECT member_id, count(*) FROM cards WHERE tenant_id = $1 AND batch_id = $2 GROUP BY member_id HAVING count(*) > 1', [
      c.tenantId,
      b.id,
    ]);
    assert.deepEqual(over, [], 'nobody holds more than the limit');
    await consistent();
  });

  test('the same Idempotency-Key sent 20 times at once: one effect, the same answer every time', async () => {
    const count = await card('count', { uses: 10 });
    const settle = async (send: () => Promise<Reply>) => {
      for (let i = 0; ; i++) {
        const r = await send();
        if (r.status !== 409 || r.body.code !== 'IDEMPOTENCY_IN_PROGRESS' || i > 50) return r;
        await new Promise((res) => setTimeout(res, 50));
      }
    };
    const key = `race-${Date.now()}`;
    const rs = await allAtOnce(20, () => settle(() => redeem({ code: count.code }, { 'idempotency-key': key })));
    assert.deepEqual(tally(rs), { 201: 20 });
    for (const r of rs) assert.deepEqual(r.body, rs[0].body, 'every answer is the first answer');
    const [row] = await q('SELECT uses_left FROM cards WHERE tenant_id = $1 AND id = $2', [c.tenantId, count.id]);
    assert.equal(row.uses_left, 9, 'one effect');
    const reds = await q('SELECT id FROM redemptions WHERE tenant_id = $1 AND card_id = $2', [c.tenantId, count.id]);
    assert.equal(reds.length, 1);
    const audits = await q(`SELECT 1 FROM audit_entries WHERE tenant_id = $1 AND action = 'card.redeem' AND target_id = $2`, [c.tenantId, reds[0].id]);
    assert.equal(audits.length, 1, 'one audit entry');

    // and an issue (the transactional path): one card, one code, twenty identical answers
    const t = await template('cash', { amount_off: 100 });
    const b = await batch(t.id, { mode: 'on_issue', stock: 100 });
    const m = await member();
    const is = await allAtOnce(20, () => settle(() => c.call('POST', '/v1/cards/issue', { batch_id: b.id, member_id: m.id, request_no: `issue-${key}` })));
    assert.deepEqual(tally(is), { 201: 20 });
    for (const r of is) assert.deepEqual(r.body, is[0].body);
    const [{ n }] = await q<{ n: number }>('SELECT count(*)::int AS n FROM cards WHERE tenant_id = $1 AND batch_id = $2', [c.tenantId, b.id]);
    assert.equal(n, 1);
    // the same key with another body is refused, and changes nothing
    const other = await redeem({ code: count.code, uses: 2 }, { 'idempotency-key': key });
    assert.equal(other.status, 409);
    assert.equal(other.body.code, 'IDEMPOTENCY_KEY_REUSED');
    const [after] = await q('SELECT uses_left FROM cards WHERE tenant_id = $1 AND id = $2', [c.tenantId, count.id]);
    assert.equal(after.uses_left, 9);
    await consistent();
  });
});
