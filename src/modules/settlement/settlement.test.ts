import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';
import { clock } from '../../clock.js';
import { settlementInvariants } from './invariants.js';

/**
 * 对账结算 (issue 12): a channel's statement over two periods at its price level (allocated net of
 * revokes, sold, activated, redeemed, refunds, commission), a buyer's statement against its orders
 * and prepaid ledger, closing freezes (twice is once, also concurrently), a refund after closing is an
 * adjustment in the next period, the reconciliation invariant catches a tampered closed statement,
 * a partner reads only its subtree's statements, and bad input is a clear problem.
 */
let env: TestEnv;
let fx: Awaited<ReturnType<typeof fixtures>>;
const ch: Record<string, any> = {};
let priced: any;
let unpriced: any;
let store: any;
before(async () => {
  env = await startTestEnv();
  fx = await fixtures(env);
  const made = async (name: string, parent_id?: string) => ok(await env.api('POST', '/v1/channels', { name, parent_id, price_level: 'L1' }), 201);
  ch.east = await made('华东总代');
  ch.suzhou = await made('苏州代理', ch.east.id);
  ch.south = await made('华南总代');
  priced = await fx.template('cash', { amount_off: 10_000 }, { name: '百元代金券' });
  unpriced = await fx.template('cash', { amount_off: 5_000 }, { name: '五十元代金券' });
  ok(await env.api('PUT', `/v1/price-lists/L1/prices/${priced.id}`, { wholesale_price: 9000, retail_price: 10_000, floor_price: 8000 }));
  ok(await env.api('PUT', '/v1/settlement-rates/L1', { rate_bp: 500, basis: 'sales' }));
  store = await fx.store({ name: '一号店' });
});
after(async () => {
  clock.reset();
  await env.close();
});

const ok = (r: { status: number; body: any }, status = 200) => {
  assert.equal(r.status, status, JSON.stringify(r.body));
  return r.body;
};
const at = (iso: string) => clock.set(iso);
const draft = (party_type: string, party_id: string, from: string, to: string, key?: string) =>
  env.api('POST', '/v1/statements', { party_type, party_id, from, to }, key ? { key } : undefined);
const line = (s: any, kind: string, template_id: string | null = null) => s.lines.filter((l: any) => l.kind === kind && l.template_id === template_id);
const violations = () => settlementInvariants[0]!.violations(env.ctx.db, env.tenantId);
const partnerKey = async (channel_id: string) =>
  ok(await env.api('POST', '/v1/api-keys', { name: `p ${channel_id}`, role: 'channel', channel_id }), 201).secret as string;

let p1: any;
test('a channel over two periods: lines at its price level, closing freezes, a later refund is an adjustment in the next period', async () => {
  at('2026-03-01T10:00:00+08:00');
  const batch = await fx.batch(priced.id, { mode: 'on_issue', stock: 100 });
  const other = await fx.batch(unpriced.id, { mode: 'on_issue' });
  ok(await env.api('POST', '/v1/allocations', { batch_id: batch.id, to_channel_id: ch.east.id, quantity: 10 }), 201);
  ok(await env.api('POST', '/v1/allocations/revoke', { batch_id: batch.id, channel_id: ch.east.id, quantity: 2 }), 201);
  const cards = [];
  for (let i = 0; i < 4; i++)
    cards.push(ok(await env.api('POST', '/v1/cards/issue', { batch_id: batch.id, member_id: (await fx.member()).id, channel_id: ch.east.id }), 201));
  const bearer = ok(await env.api('POST', '/v1/cards/issue', { batch_id: batch.id, channel_id: ch.east.id }), 201);
  ok(await env.api('POST', '/v1/cards/bind', { code: bearer.code, member_id: (await fx.member()).id }));
  ok(await env.api('POST', '/v1/cards/issue', { batch_id: other.id, channel_id: ch.east.id }), 201); // no price at L1
  for (const c of cards.slice(0, 2)) ok(await env.api('POST', '/v1/redemptions', { code: c.code, store_id: store.id, order_amount: 20_000 }), 201);
  ok(await env.api('POST', `/v1/cards/${cards[2].id}/void`, { reason: '渠道退券' }));
  at('2026-03-01T23:55:00+08:00');
  const late = ok(await env.api('POST', '/v1/redemptions', { code: cards[3].code, store_id: store.id, order_amount: 20_000 }), 201);

  // the period has not ended: a draft, but no close
  p1 = ok(await draft('channel', ch.east.id, '2026-03-01', '2026-03-02'));
  assert.equal(p1.state, 'draft');
  assert.equal(p1.party_name, '华东总代');
  assert.equal(p1.period_from, '2026-02-28T16:00:00.000Z', 'a local day in the tenant’s time zone');
  const early = await env.api('POST', `/v1/statements/${p1.id}/close`);
  assert.equal(early.status, 409);
  assert.equal(early.body.code, 'STATEMENT_PERIOD_OPEN');

  const want1 = {
    allocated: 8,
    sold: 6,
    sold_amount: 45_000,
    activated: 1,
    redeemed: 3,
    redeemed_value: 30_000,
    voided: 1,
    refund_amount: -9000,
    adjustment_amount: 0,
    sales_net: 36_000,
    redeemed_net: 30_000,
    commission_basis: 36_000,
    commission: 1800,
    due: 34_200,
  };
  assert.deepEqual(p1.totals, want1);
  assert.deepEqual(
    line(p1, 'sold', priced.id).map((l: any) => [l.quantity, l.unit_price, l.amount, l.no_price]),
    [[5, 9000, 45_000, false]],
  );
  assert.deepEqual(
    line(p1, 'sold', unpriced.id).map((l: any) => [l.quantity, l.unit_price, l.amount, l.no_price]),
    [[1, null, 0, true]],
    'no price: 0 and flagged',
  );
  assert.equal(p1.flagged, true);
  assert.deepEqual(line(p1, 'allocated', priced.id)[0].quantity, 8, 'grants net of revokes');
  assert.deepEqual(
    line(p1, 'void', priced.id).map((l: any) => [l.quantity, l.amount]),
    [[-1, -9000]],
  );
  assert.deepEqual(
    line(p1, 'commission').map((l: any) => l.amount),
    [-1800],
  );
  assert.equal(p1.names[priced.id], '百元代金券');

  // the next day: close (once, also when asked twice at once), then the late redemption is reversed
  at('2026-03-02T00:05:00+08:00');
  const [c1, c2] = await Promise.all([env.api('POST', `/v1/statements/${p1.id}/close`), env.api('POST', `/v1/statements/${p1.id}/close`)]);
  const closed = ok(c1);
  assert.deepEqual(ok(c2), closed, 'closing twice is once');
  assert.equal(closed.state, 'closed');
  assert.deepEqual(closed.totals, want1);
  const events = await env.ctx.db.query(
    `SELECT count(*)::int AS n FROM events WHERE event_type = 'settlement.statement_closed' AND data->>'statement_id' = $1`,
    [p1.id],
  );
  assert.equal(events.rows[0].n, 1);
  const audit = ok(await env.api('GET', `/v1/audit?target_id=${p1.id}`)).data;
  assert.equal(audit.find((e: any) => e.action === 'statement.close')?.target_name, '对账单 华东总代 2026-03-01—2026-03-01');
  ok(await env.api('POST', `/v1/redemptions/${late.id}/reverse`, { reason: '顾客退单' }));
  ok(await env.api('POST', '/v1/cards/issue', { batch_id: batch.id, channel_id: ch.east.id }), 201);

  const again = await draft('channel', ch.east.id, '2026-03-01', '2026-03-02');
  assert.equal(again.status, 409);
  assert.equal(again.body.code, 'STATEMENT_CLOSED');
  assert.deepEqual(ok(await env.api('GET', `/v1/statements/${p1.id}`)), closed, 'the closed statement is unchanged');

  at('2026-03-03T00:00:00+08:00');
  const p2 = ok(await draft('channel', ch.east.id, '2026-03-02', '2026-03-03'));
  assert.deepEqual(
    line(p2, 'adjustment', priced.id).map((l: any) => [l.quantity, l.amount, l.adjusts]),
    [[-1, -10_000, 'reversal']],
  );
  assert.deepEqual(line(p2, 'reversal', priced.id), [], 'a reversal of an earlier period is an adjustment, not this period’s refund');
  assert.equal(p2.totals.sold, 1);
  assert.equal(p2.totals.sales_net, 9000);
  assert.equal(p2.totals.redeemed_net, -10_000);
  assert.equal(p2.totals.adjustment_amount, -10_000);
  assert.equal(p2.totals.commission, 450);
  assert.equal(p2.totals.due, 8550);
  assert.deepEqual(await violations(), []);
  ok(await env.api('POST', `/v1/statements/${p2.id}/close`));

  // a statement overlapping a party's other statement is refused
  const overlap = await draft('channel', ch.east.id, '2026-03-01T12:00:00+08:00', '2026-03-02T12:00:00+08:00');
  assert.equal(overlap.status, 409);
  assert.equal(overlap.body.code, 'STATEMENT_PERIOD_OVERLAP');
});

test('the reconciliation invariant catches a tampered closed statement', async () => {
  assert.deepEqual(await violations(), []);
  const q = env.ctx.db;
  const before = (await q.query('SELECT totals, lines FROM settlement_statements WHERE id = $1', [p1.id])).rows[0];
  await q.query(`UPDATE settlement_statements SET totals = jsonb_set(totals, '{due}', '34201') WHERE id = $1`, [p1.id]);
  const bad = (await violations()) as any[];
  assert.equal(bad.length, 1);
  assert.equal(bad[0].id, p1.id);
  assert.equal(bad[0].recomputed.due, 34_200);
  await q.query(`UPDATE settlement_statements SET totals = $2 WHERE id = $1`, [p1.id, JSON.stringify(before.totals)]);
  await q.query(`UPDATE settlement_statements SET lines = jsonb_set(lines, '{0,quantity}', '99') WHERE id = $1`, [p1.id]);
  assert.equal(((await violations()) as any[]).length, 1, 'a tampered line too');
  await q.query(`UPDATE settlement_statements SET lines = $2 WHERE id = $1`, [p1.id, JSON.stringify(before.lines)]);
  assert.deepEqual(await violations(), []);
});

test('a buyer’s statement matches its orders and its prepaid ledger; a refund after closing is an adjustment', async () => {
  at('2026-04-01T09:00:00+08:00');
  const b = await fx.batch(priced.id, { mode: 'pregenerated', quantity: 10 });
  await env.jobs();
  const by = ok(await env.api('POST', '/v1/buyers', { name: '某科技公司 员工福利', price_level: 'L1' }), 201);
  ok(await env.api('POST', `/v1/buyers/${by.id}/recharges`, { amount: 100_000, reference: '银行回单 001' }));
  const order = async (quantity: number) => {
    const o = ok(await env.api('POST', '/v1/wholesale-orders', { buyer_id: by.id, lines: [{ batch_id: b.id, quantity }] }), 201);
    ok(await env.api('POST', `/v1/wholesale-orders/${o.id}/confirm`));
    ok(await env.api('POST', `/v1/wholesale-orders/${o.id}/payments`, { method: 'prepaid' }));
    return o;
  };
  const o1 = await order(3);
  ok(await env.api('POST', `/v1/wholesale-orders/${o1.id}/fulfil`));
  const o2 = await order(1);

  at('2026-04-02T00:00:00+08:00');
  const s1 = ok(await draft('buyer', by.id, '2026-04-01', '2026-04-02'));
  assert.equal(s1.party_name, '某科技公司 员工福利');
  const balance1 = ok(await env.api('GET', `/v1/buyers/${by.id}`)).balance;
  assert.deepEqual(s1.totals, {
    orders_paid: 2,
    units_paid: 4,
    paid_amount: 36_000,
    fulfilled_units: 3,
    fulfilled_amount: 27_000,
    refund_amount: 0,
    adjustment_amount: 0,
    paid_net: 36_000,
    opening_balance: 0,
    recharges: 100_000,
    deductions: 36_000,
    prepaid_refunds: 0,
    prepaid_other: 0,
    closing_balance: balance1,
  });
  assert.equal(balance1, 64_000);
  ok(await env.api('POST', `/v1/statements/${s1.id}/close`));

  at('2026-04-02T10:00:00+08:00');
  ok(await env.api('POST', `/v1/wholesale-orders/${o2.id}/refund`, { reason: '活动取消' }));
  at('2026-04-03T00:00:00+08:00');
  const s2 = ok(await draft('buyer', by.id, '2026-04-02', '2026-04-03'));
  assert.deepEqual(
    line(s2, 'adjustment', priced.id).map((l: any) => [l.quantity, l.amount, l.adjusts]),
    [[-1, -9000, 'order_refund']],
  );
  assert.equal(s2.totals.opening_balance, 64_000);
  assert.equal(s2.totals.prepaid_refunds, 9000);
  assert.equal(s2.totals.closing_balance, ok(await env.api('GET', `/v1/buyers/${by.id}`)).balance);
  assert.deepEqual(ok(await env.api('GET', `/v1/statements/${s1.id}`)).totals.closing_balance, 64_000, 'the closed one is unchanged');
  ok(await env.api('POST', `/v1/statements/${s2.id}/close`));
  assert.deepEqual(await violations(), []);

  // export: names, yuan, Chinese headers
  const csv = await env.api('GET', `/v1/statements/${s1.id}/export?format=csv`);
  assert.equal(csv.status, 200);
  const text = String(csv.body);
  assert.match(text, /某科技公司 员工福利/);
  assert.match(text, /订单付款/);
  assert.match(text, /百元代金券/);
  assert.match(text, /期末预存款（元）,640\.00/);
  assert.doesNotMatch(text, new RegExp(priced.id));
});

test('a partner reads only its subtree’s channel statements, read only; the export is XLSX with names', async () => {
  at('2026-03-10T00:00:00+08:00');
  const sz = ok(await draft('channel', ch.suzhou.id, '2026-03-01', '2026-03-02'));
  const south = ok(await draft('channel', ch.south.id, '2026-03-01', '2026-03-02'));
  const key = await partnerKey(ch.east.id);
  const list = ok(await env.api('GET', '/v1/statements?limit=200', undefined, { key }));
  const ids = list.data.map((s: any) => s.id);
  assert.ok(ids.includes(p1.id) && ids.includes(sz.id));
  assert.ok(!ids.includes(south.id));
  assert.ok(list.data.every((s: any) => s.party_type === 'channel' && [ch.east.id, ch.suzhou.id].includes(s.party_id)));
  assert.equal((await env.api('GET', `/v1/statements/${south.id}`, undefined, { key })).status, 404);
  const buyerStmt = ok(await env.api('GET', '/v1/statements?party_type=buyer')).data[0];
  assert.equal((await env.api('GET', `/v1/statements/${buyerStmt.id}`, undefined, { key })).status, 404);
  assert.equal((await env.api('POST', `/v1/statements/${sz.id}/close`, undefined, { key })).status, 403);
  assert.equal((await draft('channel', ch.suzhou.id, '2026-03-05', '2026-03-06', key)).status, 403);
  const x = await env.app.inject({ method: 'GET', url: `/v1/statements/${p1.id}/export?format=xlsx`, headers: { authorization: `Bearer ${key}` } });
  assert.equal(x.statusCode, 200);
  assert.match(String(x.headers['content-disposition']), /kaquan-statement-channel-2026-03-01-2026-03-01\.xlsx/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(x.rawPayload as any);
  const sheet = wb.getWorksheet('对账明细')!;
  assert.equal(sheet.getRow(1).getCell(1).value, '项目 Line');
  const sold = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(2).value === '百元代金券' && String(r.getCell(1).value).startsWith('售出'))!;
  assert.deepEqual([sold.getCell(3).value, sold.getCell(4).value, sold.getCell(5).value], [5, 90, 450]);
  assert.ok(wb.getWorksheet('汇总'));
});

test('bad input: clear problems', async () => {
  at('2026-05-10T00:00:00+08:00');
  const reversed = await draft('channel', ch.east.id, '2026-05-02', '2026-05-01');
  assert.equal(reversed.status, 422);
  assert.equal(reversed.body.code, 'STATEMENT_PERIOD_INVALID');
  assert.equal(reversed.body.errors[0].field, 'from');
  const notDate = await draft('channel', ch.east.id, 'yesterday', '2026-05-01');
  assert.equal(notDate.status, 422);
  assert.equal(notDate.body.errors[0].field, 'from');
  const noChannel = await draft('channel', 'chn_nope', '2026-05-01', '2026-05-02');
  assert.equal(noChannel.status, 404);
  assert.equal(noChannel.body.code, 'CHANNEL_NOT_FOUND');
  const noBuyer = await draft('buyer', 'buy_nope', '2026-05-01', '2026-05-02');
  assert.equal(noBuyer.status, 404);
  assert.equal(noBuyer.body.code, 'BUYER_NOT_FOUND');
  assert.equal((await env.api('GET', '/v1/statements/stm_nope')).body.code, 'STATEMENT_NOT_FOUND');
  assert.equal(
    (await env.api('POST', '/v1/statements', { party_type: 'shop', party_id: 'x', from: '2026-05-01', to: '2026-05-02' })).body.code,
    'VALIDATION_FAILED',
  );
  const n = (await env.ctx.db.query('SELECT count(*)::int AS n FROM settlement_statements')).rows[0].n;
  assert.equal((await draft('channel', ch.east.id, '2026-05-01', '2027-08-01')).status, 422, 'too long');
  assert.equal((await env.ctx.db.query('SELECT count(*)::int AS n FROM settlement_statements')).rows[0].n, n, 'nothing written');
});
