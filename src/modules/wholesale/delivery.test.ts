import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';

/**
 * A wholesale order delivered 交付: a delivery made from the order carries its fulfilled cards; when
 * the buyer's recipient downloads through the link, the order is delivered; a file handed over is
 * marked by the operator. An order not yet fulfilled has nothing to deliver.
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

async function paidOrder(quantity: number) {
  const t = await fx.template('cash', { amount_off: 10000 }, { name: '员工福利100元券' });
  const b = await fx.batch(t.id, { mode: 'pregenerated', quantity: quantity + 2 });
  await env.jobs();
  ok(await env.api('PUT', `/v1/price-lists/L1/prices/${t.id}`, { wholesale_price: 9000, retail_price: 10000, floor_price: 8500 }));
  const buyer = ok(await env.api('POST', '/v1/buyers', { name: '某科技公司', contact_name: '李经理', price_level: 'L1' }), 201);
  ok(await env.api('POST', `/v1/buyers/${buyer.id}/recharges`, { amount: 9000 * quantity, reference: '银行回单' }));
  const o = ok(await env.api('POST', '/v1/wholesale-orders', { buyer_id: buyer.id, lines: [{ batch_id: b.id, quantity }] }), 201);
  ok(await env.api('POST', `/v1/wholesale-orders/${o.id}/confirm`));
  ok(await env.api('POST', `/v1/wholesale-orders/${o.id}/payments`, { method: 'prepaid' }));
  return o;
}

test('a link made from a fulfilled order holds its cards; the recipient’s download marks the order delivered', async () => {
  const o = await paidOrder(3);
  const early = await env.api('POST', '/v1/deliveries', { order: { id: o.id }, method: 'link', recipient: { name: '李经理' } });
  assert.equal(early.status, 409, 'paid, not fulfilled: nothing to deliver yet');
  assert.equal(early.body.code, 'ORDER_STATE');
  assert.equal(ok(await env.api('POST', `/v1/wholesale-orders/${o.id}/fulfil`)).state, 'fulfilled');

  const d = ok(await env.api('POST', '/v1/deliveries', { order: { id: o.id }, method: 'link', password: false, recipient: { name: '李经理' } }), 201);
  assert.equal(d.cards, 3);
  assert.deepEqual([d.reference_type, d.reference_id], ['wholesale_order', o.id]);
  // names beside ids: the list and the read name the order by its buyer and units
  const listed = ok(await env.api('GET', `/v1/deliveries?reference_type=wholesale_order&reference_id=${o.id}`), 200).data;
  assert.deepEqual(
    listed.map((x: any) => x.reference_name),
    ['某科技公司 · 3 张'],
  );
  assert.equal(ok(await env.api('GET', `/v1/deliveries/${d.id}`), 200).reference_name, '某科技公司 · 3 张');
  const token = d.secret.url.split('/d/')[1];
  await env.app.inject({ method: 'GET', url: `/d/${token}` }); // a link scanner: nothing happens
  await env.jobs();
  assert.equal(ok(await env.api('GET', `/v1/wholesale-orders/${o.id}`)).state, 'fulfilled');

  const file = await env.app.inject({
    method: 'POST',
    url: `/d/${token}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'confirm=yes',
  });
  assert.equal(file.statusCode, 200);
  await env.jobs();
  const delivered = ok(await env.api('GET', `/v1/wholesale-orders/${o.id}`));
  assert.equal(delivered.state, 'delivered');
});

test('a file handed over: the operator marks the order delivered, once; an unfulfilled order cannot be', async () => {
  const o = await paidOrder(2);
  const early = await env.api('POST', `/v1/wholesale-orders/${o.id}/delivered`);
  assert.equal(early.status, 409);
  assert.equal(early.body.code, 'ORDER_STATE');
  ok(await env.api('POST', `/v1/wholesale-orders/${o.id}/fulfil`));
  ok(await env.api('POST', '/v1/deliveries', { order: { id: o.id }, method: 'file', recipient: { name: '李经理' } }), 201);
  assert.equal(ok(await env.api('POST', `/v1/wholesale-orders/${o.id}/delivered`)).state, 'delivered');
  assert.equal(ok(await env.api('POST', `/v1/wholesale-orders/${o.id}/delivered`)).state, 'delivered', 'twice is once');
  const both = await env.api('POST', '/v1/deliveries', { order: { id: o.id }, card_ids: ['crd_x'], method: 'file', recipient: { name: 'x' } });
  assert.equal(both.status, 422);
  assert.equal(both.body.errors[0].field, 'card_ids');
});
