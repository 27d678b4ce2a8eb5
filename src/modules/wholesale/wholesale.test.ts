import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';
import { systemCaller, type Caller } from '../../http/access.js';
import { fulfilChunk, fulfilledCardIds, markDelivered, reapReservations, reserveUnits } from './service.js';
import { clock } from '../../clock.js';

/**
 * Price lists and wholesale orders 价格体系与批发订单 (issue 12): prices per level with a floor, an
 * enterprise buyer's prepaid balance on the ledger, guarded order states, payment once, and
 * fulfilment that issues each line unit exactly once — however often or concurrently it is triggered.
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

const ok = (r: { status: number; body: any }, status = 200) => {
  assert.equal(r.status, status, JSON.stringify(r.body));
  return r.body;
};
const q = async <T = any>(sql: string, params: unknown[] = []) => (await env.ctx.db.query<T>(sql, params)).rows;
/** A template with a pre-generated pool of `n` codes, priced at level L1. */
async function stock(n: number, price: Record<string, unknown> = { wholesale_price: 9000, retail_price: 10000, floor_price: 8500 }, level = 'L1') {
  const t = await fx.template('cash', { amount_off: 10000 });
  const b = await fx.batch(t.id, { mode: 'pregenerated', quantity: n });
  await env.jobs();
  ok(await env.api('PUT', `/v1/price-lists/${level}/prices/${t.id}`, price));
  return { t, b };
}
async function buyer(level = 'L1', balance = 0) {
  const b = ok(
    await env.api('POST', '/v1/buyers', { name: '某科技公司 员工福利', contact_name: '李经理', contact_phone: '13900000000', price_level: level }),
    201,
  );
  if (balance) ok(await env.api('POST', `/v1/buyers/${b.id}/recharges`, { amount: balance, reference: '银行回单 001' }));
  return b;
}
const order = async (body: Record<string, unknown>) => env.api('POST', '/v1/wholesale-orders', body);
const counts = async () => (await q<{ n: number }>('SELECT count(*)::int AS n FROM wholesale_orders'))[0]!.n;

test('a price list per level and template; a floor above the wholesale price is refused', async () => {
  const { t } = await stock(1);
  const list = ok(await env.api('GET', '/v1/price-lists?price_level=L1')).data;
  const p = list.find((x: any) => x.template_id === t.id);
  assert.deepEqual([p.wholesale_price, p.retail_price, p.floor_price, p.below_floor], [9000, 10000, 8500, 'refuse']);
  // a channel at level L1 reads the same list
  const ch = ok(await env.api('POST', '/v1/channels', { name: '华东总代', price_level: 'L1' }), 201);
  assert.ok(ok(await env.api('GET', `/v1/price-lists?channel_id=${ch.id}`)).data.some((x: any) => x.template_id === t.id));
  const bare = ok(await env.api('POST', '/v1/channels', { name: '无等级渠道' }), 201);
  assert.deepEqual(ok(await env.api('GET', `/v1/price-lists?channel_id=${bare.id}`)).data, []);
  const bad = await env.api('PUT', `/v1/price-lists/L1/prices/${t.id}`, { wholesale_price: 8000, floor_price: 8500 });
  assert.equal(bad.status, 422);
  assert.equal(bad.body.code, 'PRICE_INVALID');
  assert.equal(bad.body.errors[0].field, 'floor_price');
  assert.equal(ok(await env.api('GET', '/v1/price-lists?price_level=L1')).data.find((x: any) => x.template_id === t.id).wholesale_price, 9000, 'unchanged');
});

test('an order is priced at the buyer’s level; staff may override, never below the floor unless the list flags it', async () => {
  const { t, b } = await stock(20);
  const by = await buyer();
  const o = ok(await order({ buyer_id: by.id, lines: [{ template_id: t.id, quantity: 3 }] }), 201);
  assert.equal(o.state, 'draft');
  assert.equal(o.lines[0].batch_id, b.id, 'the template’s pool');
  assert.deepEqual([o.lines[0].unit_price, o.total, o.units, o.flagged], [9000, 27000, 3, false]);

  const over = ok(await order({ buyer_id: by.id, lines: [{ batch_id: b.id, quantity: 2, unit_price: 8600 }] }), 201);
  assert.equal(over.total, 17200);

  const before = await counts();
  const low = await order({ buyer_id: by.id, lines: [{ batch_id: b.id, quantity: 2, unit_price: 8000 }] });
  assert.equal(low.status, 422);
  assert.equal(low.body.code, 'PRICE_BELOW_FLOOR');
  assert.deepEqual([low.body.price, low.body.floor], [8000, 8500]);
  assert.equal(low.body.errors[0].field, 'lines[0].unit_price');
  assert.equal(await counts(), before, 'nothing written');

  // the list says flag: accepted, the line and order flagged, an event says who sold below the floor
  ok(await env.api('PUT', `/v1/price-lists/L1/prices/${t.id}`, { wholesale_price: 9000, floor_price: 8500, below_floor: 'flag' }));
  const flagged = ok(await order({ buyer_id: by.id, lines: [{ batch_id: b.id, quantity: 2, unit_price: 8000 }] }), 201);
  assert.equal(flagged.flagged, true);
  assert.equal(flagged.lines[0].below_floor, true);
  const ev = await q(`SELECT data FROM events WHERE event_type = 'wholesale.below_floor' AND data->>'order_id' = $1`, [flagged.id]);
  assert.equal(ev.length, 1);
  assert.deepEqual([ev[0].data.price, ev[0].data.floor], [8000, 8500]);

  // another level, or no price at this level: refused naming the field
  const other = await buyer('L9');
  const none = await order({ buyer_id: other.id, lines: [{ template_id: t.id, quantity: 1 }] });
  assert.equal(none.status, 422);
  assert.equal(none.body.code, 'PRICE_NOT_FOUND');
  assert.equal(none.body.errors[0].field, 'lines[0].template_id');
});

test('bad input is refused with the field named and changes nothing', async () => {
  const { t, b } = await stock(5);
  const by = await buyer();
  const before = await counts();
  const short = await order({ buyer_id: by.id, lines: [{ batch_id: b.id, quantity: 6 }] });
  assert.equal(short.status, 409);
  assert.equal(short.body.code, 'POOL_SHORT');
  assert.deepEqual([short.body.quantity, short.body.available], [6, 5]);
  assert.equal(short.body.errors[0].field, 'lines[0].quantity');
  const split = await order({
    buyer_id: by.id,
    lines: [
      { batch_id: b.id, quantity: 3 },
      { template_id: t.id, quantity: 3 },
    ],
  });
  assert.equal(split.status, 409, 'two lines of one pool count together');
  assert.deepEqual([split.body.quantity, split.body.available, split.body.errors[0].field], [6, 5, 'lines[1].quantity']);
  const both = await order({ buyer_id: by.id, lines: [{ batch_id: b.id, template_id: t.id, quantity: 1 }] });
  assert.equal(both.status, 422);
  assert.equal(both.body.code, 'SKU_INVALID');
  const onIssue = await fx.batch(t.id, { mode: 'on_issue' });
  const noPool = await order({ buyer_id: by.id, lines: [{ batch_id: onIssue.id, quantity: 1 }] });
  assert.equal(noPool.body.code, 'SKU_INVALID');
  assert.equal(noPool.body.errors[0].field, 'lines[0].batch_id');
  const noBuyer = await order({ buyer_id: 'buy_nope', lines: [{ batch_id: b.id, quantity: 1 }] });
  assert.equal(noBuyer.status, 404);
  assert.equal(noBuyer.body.code, 'BUYER_NOT_FOUND');
  const zero = await order({ buyer_id: by.id, lines: [{ batch_id: b.id, quantity: 0 }] });
  assert.equal(zero.status, 400);
  assert.equal(zero.body.code, 'VALIDATION_FAILED');
  assert.match(JSON.stringify(zero.body.errors), /quantity/);
  assert.equal(await counts(), before);
});

test('transitions in order only: 409 with the current state; confirm and pay twice do their work once', async () => {
  const { b } = await stock(10);
  const by = await buyer('L1', 50_000);
  const o = ok(await order({ buyer_id: by.id, lines: [{ batch_id: b.id, quantity: 4 }] }), 201);
  const early = await env.api('POST', `/v1/wholesale-orders/${o.id}/payments`, { method: 'prepaid' });
  assert.equal(early.status, 409);
  assert.equal(early.body.code, 'ORDER_STATE');
  assert.equal(early.body.state, 'draft');
  const fulfilEarly = await env.api('POST', `/v1/wholesale-orders/${o.id}/fulfil`);
  assert.equal(fulfilEarly.body.state, 'draft');

  assert.equal(ok(await env.api('POST', `/v1/wholesale-orders/${o.id}/confirm`)).state, 'confirmed');
  assert.equal(ok(await env.api('POST', `/v1/wholesale-orders/${o.id}/confirm`)).state, 'confirmed', 'confirming again is the same');
  assert.equal((await q(`SELECT count(*)::int AS n FROM events WHERE event_type = 'wholesale.order_confirmed' AND data->>'order_id' = $1`, [o.id]))[0].n, 1);

  const paid = ok(await env.api('POST', `/v1/wholesale-orders/${o.id}/payments`, { method: 'prepaid' }));
  assert.equal(paid.state, 'paid');
  assert.equal(paid.payment_method, 'prepaid');
  assert.equal(ok(await env.api('POST', `/v1/wholesale-orders/${o.id}/payments`, { method: 'prepaid' })).state, 'paid', 'a repeated callback: no work');
  assert.equal(ok(await env.api('GET', `/v1/buyers/${by.id}`)).balance, 50_000 - 36_000, 'charged once');
  const offline = await env.api('POST', `/v1/wholesale-orders/${o.id}/payments`, { method: 'offline', reference: 'X', amount: 36_000 });
  assert.equal(offline.status, 409);
  assert.equal(offline.body.state, 'paid');
  const cancel = await env.api('POST', `/v1/wholesale-orders/${o.id}/cancel`, { reason: '客户不要了' });
  assert.equal(cancel.status, 409);
  assert.equal(cancel.body.state, 'paid');

  // a cancelled order cannot be paid
  const o2 = ok(await order({ buyer_id: by.id, lines: [{ batch_id: b.id, quantity: 1 }] }), 201);
  ok(await env.api('POST', `/v1/wholesale-orders/${o2.id}/confirm`));
  assert.equal(ok(await env.api('POST', `/v1/wholesale-orders/${o2.id}/cancel`, { reason: '重复下单' })).reason, '重复下单');
  const payCancelled = await env.api('POST', `/v1/wholesale-orders/${o2.id}/payments`, { method: 'offline', reference: 'r', amount: 9000 });
  assert.equal(payCancelled.status, 409);
  assert.equal(payCancelled.body.state, 'cancelled');
});

test('prepaid: recharge is a transfer; a payment beyond the balance is 409 with the balance; a refund reverses it', async () => {
  const { b } = await stock(10);
  const by = await buyer('L1', 20_000);
  assert.equal(by.balance, 0, 'the answer to create');
  const o = ok(await order({ buyer_id: by.id, lines: [{ batch_id: b.id, quantity: 3 }] }), 201);
  ok(await env.api('POST', `/v1/wholesale-orders/${o.id}/confirm`));
  const poor = await env.api('POST', `/v1/wholesale-orders/${o.id}/payments`, { method: 'prepaid' });
  assert.equal(poor.status, 409);
  assert.equal(poor.body.code, 'PREPAID_INSUFFICIENT');
  assert.deepEqual([poor.body.balance, poor.body.amount], [20_000, 27_000]);
  assert.equal(ok(await env.api('GET', `/v1/wholesale-orders/${o.id}`)).state, 'confirmed', 'nothing changed');

  assert.equal(ok(await env.api('POST', `/v1/buyers/${by.id}/recharges`, { amount: 10_000, reference: '银行回单 002' })).balance, 30_000);
  const paid = ok(await env.api('POST', `/v1/wholesale-orders/${o.id}/payments`, { method: 'prepaid' }));
  assert.equal(ok(await env.api('GET', `/v1/buyers/${by.id}`)).balance, 3_000);
  const refunded = ok(await env.api('POST', `/v1/wholesale-orders/${o.id}/refund`, { reason: '活动取消' }));
  assert.equal(refunded.state, 'refunded');
  assert.equal(ok(await env.api('GET', `/v1/buyers/${by.id}`)).balance, 30_000);
  const [rev] = await q('SELECT reverses, amount FROM ledger_transfers WHERE id = $1', [refunded.refund_transfer_id]);
  assert.equal(Number(rev.reverses), paid.payment_transfer_id);
  assert.equal(Number(rev.amount), 27_000);
  const again = await env.api('POST', `/v1/wholesale-orders/${o.id}/refund`, { reason: '活动取消' });
  assert.equal(again.status, 409);
  assert.equal(again.body.state, 'refunded');

  // offline: the amount must be the total
  const o2 = ok(await order({ buyer_id: by.id, lines: [{ batch_id: b.id, quantity: 1 }] }), 201);
  ok(await env.api('POST', `/v1/wholesale-orders/${o2.id}/confirm`));
  const wrong = await env.api('POST', `/v1/wholesale-orders/${o2.id}/payments`, { method: 'offline', reference: '回单 9', amount: 1 });
  assert.equal(wrong.status, 422);
  assert.equal(wrong.body.code, 'PAYMENT_AMOUNT_MISMATCH');
  assert.equal(wrong.body.errors[0].field, 'amount');
  const off = ok(await env.api('POST', `/v1/wholesale-orders/${o2.id}/payments`, { method: 'offline', reference: '回单 9', amount: 9000 }));
  assert.deepEqual([off.payment_method, off.payment_reference, off.payment_amount], ['offline', '回单 9', 9000]);
  assert.match(off.paid_by, /^key:/, 'who recorded it');
  assert.equal(ok(await env.api('POST', `/v1/wholesale-orders/${o2.id}/payments`, { method: 'offline', reference: '回单 9', amount: 9000 })).state, 'paid');
});

test('concurrent duplicate confirms and payments: each does its work once', async () => {
  const { b } = await stock(10);
  const by = await buyer('L1', 40_000);
  const o = ok(await order({ buyer_id: by.id, lines: [{ batch_id: b.id, quantity: 4 }] }), 201);
  const confirms = await Promise.all(Array.from({ length: 8 }, () => env.api('POST', `/v1/wholesale-orders/${o.id}/confirm`)));
  assert.ok(confirms.every((r) => r.status === 200 && r.body.state === 'confirmed'));
  const pays = await Promise.all(Array.from({ length: 8 }, () => env.api('POST', `/v1/wholesale-orders/${o.id}/payments`, { method: 'prepaid' })));
  assert.ok(
    pays.every((r) => r.status === 200 && r.body.state === 'paid'),
    JSON.stringify(pays.map((r) => r.status)),
  );
  assert.equal(ok(await env.api('GET', `/v1/buyers/${by.id}`)).balance, 4_000, 'charged once');
  const t = await q(`SELECT count(*)::int AS n FROM ledger_transfers WHERE reason = 'wholesale_payment' AND reference = $1`, [o.id]);
  assert.equal(t[0].n, 1);
});

async function paidOrder(n: number, poolSize = n) {
  const { b } = await stock(poolSize);
  const by = await buyer();
  const o = ok(await order({ buyer_id: by.id, lines: [{ batch_id: b.id, quantity: n }] }), 201);
  ok(await env.api('POST', `/v1/wholesale-orders/${o.id}/confirm`));
  ok(await env.api('POST', `/v1/wholesale-orders/${o.id}/payments`, { method: 'offline', reference: `r-${o.id}`, amount: o.total }));
  return { o, b, by };
}
const callerOf = async (): Promise<Caller> => ({ tenantId: env.tenantId, keyId: 'test', role: 'owner', storeIds: [], channelId: null });

test('fulfilment issues each unit once as a bearer card of the order; triggered again it does nothing more; then delivered', async () => {
  const { o, b, by } = await paidOrder(7, 10);
  const f = ok(await env.api('POST', `/v1/wholesale-orders/${o.id}/fulfil`));
  assert.equal(f.state, 'fulfilled');
  assert.equal(f.fulfilled_units, 7);
  const ids = await fulfilledCardIds(env.ctx.db, env.tenantId, o.id);
  assert.equal(new Set(ids).size, 7);
  const cards = await Promise.all(ids.map(async (id) => ok(await env.api('GET', `/v1/cards/${id}`))));
  assert.ok(
    cards.every((c) => c.state === 'active' && c.member_id === null && c.batch_id === b.id),
    'issued bearer cards',
  );
  const ev = await q(`SELECT data FROM events WHERE event_type = 'card.issued' AND card_id = $1`, [ids[0]]);
  assert.deepEqual([ev[0].data.wholesale_order_id, ev[0].data.buyer_id], [o.id, by.id], 'attributed to the order and buyer');

  const again = ok(await env.api('POST', `/v1/wholesale-orders/${o.id}/fulfil`));
  assert.equal(again.state, 'fulfilled');
  await env.jobs();
  assert.equal(ok(await env.api('GET', `/v1/batches/${b.id}`)).unissued, 3, 'seven codes left the pool, no more');

  const refund = await env.api('POST', `/v1/wholesale-orders/${o.id}/refund`, { reason: 'x' });
  assert.equal(refund.body.state, 'fulfilled');
  const d = await env.ctx.db.tx((tx) => markDelivered(tx, env.tenantId, o.id, clock.now()));
  assert.equal(d.state, 'delivered');
  assert.equal((await env.ctx.db.tx((tx) => markDelivered(tx, env.tenantId, o.id, clock.now()))).state, 'delivered', 'twice is once');
});

test('concurrent fulfilment runs split the units; none issued twice', async () => {
  const { o, b } = await paidOrder(60);
  const c = await callerOf();
  const runs = await Promise.all(Array.from({ length: 4 }, () => fulfilChunk(env.ctx, systemCaller(c), o.id, 20)));
  const more = await fulfilChunk(env.ctx, systemCaller(c), o.id, 100);
  assert.equal(runs.reduce((s, n) => s + n, 0) + more, 60);
  const units = await q(`SELECT count(*)::int AS n, count(DISTINCT card_id)::int AS cards FROM wholesale_units WHERE order_id = $1 AND state = 'issued'`, [
    o.id,
  ]);
  assert.deepEqual([units[0].n, units[0].cards], [60, 60]);
  const order = ok(await env.api('GET', `/v1/wholesale-orders/${o.id}`));
  assert.deepEqual([order.state, order.fulfilled_units, order.lines[0].fulfilled], ['fulfilled', 60, 60]);
  assert.equal(ok(await env.api('GET', `/v1/batches/${b.id}`)).unissued, 0);
});

test('a run that dies after reserving: its units wait for their deadline, then the reaper frees them and the next run issues them once', async () => {
  const { o } = await paidOrder(5);
  await env.ctx.db.tx((tx) => reserveUnits(tx, env.tenantId, o.id, 3, 'rsv_dead', clock.now(), 120_000));
  const c = systemCaller(await callerOf());
  assert.equal(await fulfilChunk(env.ctx, c, o.id, 100), 2, 'the live reservations are not taken');
  assert.equal(await reapReservations(env.ctx), 0, 'not yet expired');
  clock.set(new Date(clock.now().getTime() + 10 * 60_000));
  assert.equal(await reapReservations(env.ctx), 3);
  assert.equal(await fulfilChunk(env.ctx, c, o.id, 100), 3);
  const order = ok(await env.api('GET', `/v1/wholesale-orders/${o.id}`));
  assert.deepEqual([order.state, order.fulfilled_units], ['fulfilled', 5]);
  assert.equal((await fulfilledCardIds(env.ctx.db, env.tenantId, o.id)).length, 5);
});

test('a large order is fulfilled by the job, chunk by chunk, with progress', async () => {
  const { o } = await paidOrder(2_500);
  const started = ok(await env.api('POST', `/v1/wholesale-orders/${o.id}/fulfil`));
  assert.deepEqual([started.state, started.fulfilled_units], ['paid', 0], 'answered at once; the job does the work');
  ok(await env.api('POST', `/v1/wholesale-orders/${o.id}/fulfil`));
  assert.equal((await q(`SELECT count(*)::int AS n FROM jobs WHERE job_type = 'wholesale.fulfil' AND payload->>'order_id' = $1`, [o.id]))[0].n, 1, 'one job');
  await env.jobs();
  const done = ok(await env.api('GET', `/v1/wholesale-orders/${o.id}`));
  assert.deepEqual([done.state, done.fulfilled_units], ['fulfilled', 2_500]);
  const u = await q(`SELECT count(DISTINCT card_id)::int AS n FROM wholesale_units WHERE order_id = $1`, [o.id]);
  assert.equal(u[0].n, 2_500);
});

test('buyers, prices and orders are the brand staff’s: an analyst reads, a clerk does not', async () => {
  const analyst = ok(await env.api('POST', '/v1/api-keys', { name: 'analyst', role: 'analyst' }), 201).secret;
  const by = await buyer();
  assert.equal((await env.api('GET', `/v1/buyers/${by.id}`, undefined, { key: analyst })).status, 200);
  assert.equal((await env.api('GET', '/v1/wholesale-orders', undefined, { key: analyst })).status, 200);
  const w = await env.api('POST', '/v1/buyers', { name: 'x', price_level: 'L1' }, { key: analyst });
  assert.equal(w.status, 403);
  const store = await fx.store();
  const clerk = ok(await env.api('POST', '/v1/api-keys', { name: 'clerk', role: 'clerk', store_ids: [store.id] }), 201).secret;
  assert.equal((await env.api('GET', '/v1/price-lists', undefined, { key: clerk })).status, 403);
});
