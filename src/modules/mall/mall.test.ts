import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';
import { clock } from '../../clock.js';
import { earn, pointBalances } from '../points/service.js';

/**
 * 积分商城: an exchange spends the points, takes the stock and the member's count, and issues the card
 * — or changes nothing, with a refusal a member can read; a refund voids the card and gives back the
 * stock, the count and (by the tenant's setting) the points; a member sees only their own.
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
const refused = (r: { status: number; body: any }, status: number, code: string) => {
  assert.equal(r.status, status, JSON.stringify(r.body));
  assert.equal(r.body.code, code, JSON.stringify(r.body));
  return r.body;
};
const give = (memberId: string, amount: number) =>
  env.ctx.db.tx((q) =>
    earn(q, env.tenantId, { memberId, asset: 'points', amount, reason: 'test', reference: `test:${memberId}:${amount}:${Math.random()}` }, clock.now()),
  );
const points = async (memberId: string) => (await pointBalances(env.ctx.db, env.tenantId, memberId)).points;
const walletOf = async (memberId: string) => {
  const token = ok(await env.api('POST', `/v1/members/${memberId}/wallet-link`, {}), 201).token as string;
  return (method: string, url: string, body?: unknown) => env.api(method, url, body, { headers: { authorization: `Wallet ${token}` } });
};
const cardItem = async (extra: Record<string, unknown> = {}, batchExtra: Record<string, unknown> = { mode: 'on_issue' }) => {
  const t = await fx.template('cash', { amount_off: 1000 });
  const b = await fx.batch(t.id, batchExtra);
  const item = ok(await env.api('POST', '/v1/mall/items', { name: '10元代金券', kind: 'card', batch_id: b.id, points: 100, ...extra }), 201);
  return { item, batch: b, template: t };
};
const publish = async (id: string) => ok(await env.api('POST', `/v1/mall/items/${id}/publish`));
const counts = async (itemId: string) => {
  const it = ok(await env.api('GET', `/v1/mall/items/${itemId}`));
  return { sold: it.sold, left: it.left };
};

test('a member exchanges points for a card in the wallet; the card is theirs; the shelf says what they can buy', async () => {
  const { item, template } = await cardItem({ stock: 5, per_member_limit: 2 });
  assert.equal(item.status, 'draft');
  assert.equal(item.gives_name, template.name, 'the item names what it gives');
  const m = await fx.member({ name: '张三' });
  await give(m.id, 250);
  const w = await walletOf(m.id);

  // a draft is not on the shelf, and exchanging it is refused with nothing changed
  assert.equal(ok(await w('GET', '/v1/wallet/mall')).data.length, 0);
  refused(await w('POST', `/v1/wallet/mall/${item.id}/exchange`, {}), 409, 'MALL_ITEM_NOT_PUBLISHED');
  await publish(item.id);

  const shelf = ok(await w('GET', '/v1/wallet/mall'));
  assert.equal(shelf.points, 250);
  assert.deepEqual(
    shelf.data.map((x: any) => [x.name, x.available, x.left]),
    [['10元代金券', true, 5]],
  );

  const ex = ok(await w('POST', `/v1/wallet/mall/${item.id}/exchange`, { request_no: 'ex-1' }), 201);
  assert.equal(ex.points, 100);
  assert.equal(ex.state, 'done');
  assert.equal(ex.via, 'wallet');
  assert.equal(ex.item_name, '10元代金券');
  assert.equal(ex.cards.length, 1);
  assert.equal(await points(m.id), 150);
  // the same request again answers the first exchange (idempotent), charging nothing more
  const again = ok(await w('POST', `/v1/wallet/mall/${item.id}/exchange`, { request_no: 'ex-1' }), 201);
  assert.equal(again.id, ex.id);
  assert.equal(await points(m.id), 150);
  const cards = ok(await w('GET', '/v1/wallet/cards')).data;
  assert.ok(
    cards.some((c: any) => c.id === ex.cards[0].id),
    'the card is in the member’s wallet',
  );
  assert.deepEqual(await counts(item.id), { sold: 1, left: 4 });

  // the second is the member's limit; the third is refused in words the member reads, nothing changed
  ok(await w('POST', `/v1/wallet/mall/${item.id}/exchange`, {}), 201);
  const over = refused(await w('POST', `/v1/wallet/mall/${item.id}/exchange`, {}), 409, 'MALL_MEMBER_LIMIT');
  assert.equal(over.limit, 2);
  assert.equal(await points(m.id), 50);
  assert.deepEqual(await counts(item.id), { sold: 2, left: 3 });
  const after = ok(await w('GET', '/v1/wallet/mall')).data[0];
  assert.equal(after.available, false);
  assert.equal(after.exchanged, 2);
  assert.equal(after.unavailable.code, 'MALL_MEMBER_LIMIT');
  assert.match(after.unavailable.zh, /每人最多兑换 2 件/);

  // the member's own exchanges, newest first
  const mine = ok(await w('GET', '/v1/wallet/mall/exchanges'));
  assert.equal(mine.data.length, 2);
  assert.equal(mine.data[0].member_name, '张三');
});

test('not enough points, sold out, outside the window: refused, and nothing changes', async () => {
  const { item } = await cardItem({ stock: 1, points: 300 });
  await publish(item.id);
  const poor = await fx.member();
  await give(poor.id, 100);
  const w = await walletOf(poor.id);
  const shelf = ok(await w('GET', '/v1/wallet/mall')).data.find((x: any) => x.id === item.id);
  assert.equal(shelf.affordable, false);
  assert.equal(shelf.unavailable.code, 'POINTS_INSUFFICIENT');
  refused(await w('POST', `/v1/wallet/mall/${item.id}/exchange`, {}), 409, 'POINTS_INSUFFICIENT');
  assert.equal(await points(poor.id), 100);
  assert.deepEqual(await counts(item.id), { sold: 0, left: 1 });
  assert.equal(ok(await w('GET', '/v1/wallet/cards')).data.length, 0, 'no card was issued');

  const rich = await fx.member();
  await give(rich.id, 1000);
  const rw = await walletOf(rich.id);
  ok(await rw('POST', `/v1/wallet/mall/${item.id}/exchange`, {}), 201);
  refused(await rw('POST', `/v1/wallet/mall/${item.id}/exchange`, {}), 409, 'MALL_SOLD_OUT');
  assert.equal(await points(rich.id), 700);

  // a sale window: not yet, then over
  const later = { sale_from: new Date(clock.now().getTime() + 86_400_000).toISOString() };
  const { item: soon } = await cardItem(later);
  await publish(soon.id);
  const s = refused(await rw('POST', `/v1/wallet/mall/${soon.id}/exchange`, {}), 409, 'MALL_SALE_NOT_STARTED');
  assert.equal(s.sale_from, later.sale_from);
  assert.equal(ok(await rw('GET', '/v1/wallet/mall')).data.find((x: any) => x.id === soon.id).unavailable.code, 'MALL_SALE_NOT_STARTED');
  const { item: past } = await cardItem({
    sale_from: new Date(clock.now().getTime() - 2 * 86_400_000).toISOString(),
    sale_until: new Date(clock.now().getTime() - 86_400_000).toISOString(),
  });
  await publish(past.id);
  refused(await rw('POST', `/v1/wallet/mall/${past.id}/exchange`, {}), 409, 'MALL_SALE_ENDED');
  assert.equal(await points(rich.id), 700);
});

test('a cash part: the wallet refuses it; the brand’s API exchanges it with its payment reference, once', async () => {
  const { item } = await cardItem({ points: 50, cash: 990 });
  await publish(item.id);
  const m = await fx.member();
  await give(m.id, 200);
  const w = await walletOf(m.id);
  const r = refused(await w('POST', `/v1/wallet/mall/${item.id}/exchange`, {}), 409, 'MALL_CASH_PAYMENT_REQUIRED');
  assert.equal(r.cash, 990);
  assert.equal(ok(await w('GET', '/v1/wallet/mall')).data.find((x: any) => x.id === item.id).unavailable.code, 'MALL_CASH_PAYMENT_REQUIRED');
  const noRef = refused(await env.api('POST', `/v1/mall/items/${item.id}/exchange`, { member_id: m.id }), 422, 'VALIDATION_FAILED');
  assert.equal(noRef.errors[0].field, 'payment_ref');

  const ex = ok(await env.api('POST', `/v1/mall/items/${item.id}/exchange`, { member_id: m.id, payment_ref: 'PAY-001' }), 201);
  assert.deepEqual([ex.points, ex.cash, ex.payment_ref, ex.via], [50, 990, 'PAY-001', 'api']);
  // the brand's payment reference is its natural key: a retry answers the first exchange
  const retry = ok(await env.api('POST', `/v1/mall/items/${item.id}/exchange`, { member_id: m.id, payment_ref: 'PAY-001' }), 201);
  assert.equal(retry.id, ex.id);
  assert.equal(await points(m.id), 150);
  const other = await fx.member();
  refused(await env.api('POST', `/v1/mall/items/${item.id}/exchange`, { member_id: other.id, payment_ref: 'PAY-001' }), 409, 'MALL_PAYMENT_REF_USED');
});

test('refund: the card is voided, stock, count and points come back; a used card cannot be refunded; the setting keeps the points', async () => {
  const { item } = await cardItem({ stock: 3, per_member_limit: 1 });
  await publish(item.id);
  const m = await fx.member();
  await give(m.id, 500);
  const w = await walletOf(m.id);
  const ex = ok(await w('POST', `/v1/wallet/mall/${item.id}/exchange`, {}), 201);
  assert.equal(await points(m.id), 400);

  const back = ok(await env.api('POST', `/v1/mall/exchanges/${ex.id}/refund`, { reason: '顾客不要了' }));
  assert.equal(back.state, 'refunded');
  assert.equal(back.points_returned, true);
  assert.equal(await points(m.id), 500);
  assert.deepEqual(await counts(item.id), { sold: 0, left: 3 });
  assert.equal(ok(await env.api('GET', `/v1/cards/${ex.cards[0].id}`)).state, 'voided');
  refused(await env.api('POST', `/v1/mall/exchanges/${ex.id}/refund`, {}), 409, 'MALL_EXCHANGE_REFUNDED');
  // the limit counts exchanges that stand: the member may exchange it again
  const ex2 = ok(await w('POST', `/v1/wallet/mall/${item.id}/exchange`, {}), 201);

  // a used card: the refund is refused, nothing changes
  const { code } = ok(await env.api('POST', `/v1/cards/${ex2.cards[0].id}/reveal`));
  ok(await env.api('POST', '/v1/redemptions', { code }), 201);
  refused(await env.api('POST', `/v1/mall/exchanges/${ex2.id}/refund`, {}), 409, 'MALL_CARD_USED');
  assert.equal(ok(await env.api('GET', `/v1/mall/exchanges/${ex2.id}`)).state, 'done');
  assert.deepEqual(await counts(item.id), { sold: 1, left: 2 });

  // the tenant keeps the points on refund
  ok(await env.api('PUT', '/v1/mall/settings', { return_points_on_refund: false }));
  const m2 = await fx.member();
  await give(m2.id, 100);
  const ex3 = ok(await env.api('POST', `/v1/mall/items/${item.id}/exchange`, { member_id: m2.id }), 201);
  const kept = ok(await env.api('POST', `/v1/mall/exchanges/${ex3.id}/refund`, {}));
  assert.equal(kept.points_returned, false);
  assert.equal(await points(m2.id), 0);
  ok(await env.api('PUT', '/v1/mall/settings', { return_points_on_refund: true }));

  // the staff's list, by item and state; and the events
  const refundedList = ok(await env.api('GET', `/v1/mall/exchanges?item_id=${item.id}&state=refunded`)).data;
  assert.deepEqual(refundedList.map((x: any) => x.id).sort(), [ex.id, ex3.id].sort());
  await env.jobs();
  const types = (await env.ctx.db.query(`SELECT event_type FROM events WHERE tenant_id = $1 AND event_type LIKE 'mall.%'`, [env.tenantId])).rows.map(
    (r: any) => r.event_type,
  );
  assert.ok(types.includes('mall.exchanged') && types.includes('mall.refunded'));
});

test('items: bad input names the field; stock never below sold; a member sees only their own exchanges', async () => {
  const t = await fx.template('cash', { amount_off: 500 });
  const b = await fx.batch(t.id);
  const bad = async (body: Record<string, unknown>, field: string) => {
    const r = await env.api('POST', '/v1/mall/items', { name: 'x', kind: 'card', batch_id: b.id, points: 10, ...body });
    assert.equal(r.status, r.status === 400 ? 400 : 422, JSON.stringify(r.body));
    assert.ok(JSON.stringify(r.body).includes(field), `${field}: ${JSON.stringify(r.body)}`);
  };
  await bad({ points: 0 }, 'points');
  await bad({ batch_id: 'bat_nope' }, 'batch_id');
  await bad({ kind: 'pack', batch_id: undefined }, 'pack_id');
  await bad({ sale_from: '2030-02-01T00:00:00Z', sale_until: '2030-01-01T00:00:00Z' }, 'sale_until');
  await bad({ tier_ids: ['tier_nope'] }, 'tier_ids');
  await bad({ points: '10' }, 'points');
  await bad({ colour: 'red' }, 'colour');

  const { item } = await cardItem({ stock: 2 });
  await publish(item.id);
  const m = await fx.member();
  await give(m.id, 100);
  const ex = ok(await env.api('POST', `/v1/mall/items/${item.id}/exchange`, { member_id: m.id }), 201);
  refused(await env.api('PATCH', `/v1/mall/items/${item.id}`, { stock: 0 }), 409, 'MALL_STOCK_BELOW_SOLD');
  assert.equal(ok(await env.api('PATCH', `/v1/mall/items/${item.id}`, { stock: 1, points: 120 })).left, 0);

  const stranger = await fx.member();
  const sw = await walletOf(stranger.id);
  assert.equal(ok(await sw('GET', '/v1/wallet/mall/exchanges')).data.length, 0);
  assert.ok(!JSON.stringify(ok(await sw('GET', '/v1/wallet/mall'))).includes(ex.id));
  // staff routes are not the wallet's
  assert.equal((await sw('GET', `/v1/mall/exchanges/${ex.id}`)).status, 401);
  // another tenant sees nothing
  const other = await env.newTenant('B');
  refused(await env.api('GET', `/v1/mall/exchanges/${ex.id}`, undefined, { key: other.ownerKey }), 404, 'MALL_EXCHANGE_NOT_FOUND');
  refused(await env.api('POST', `/v1/mall/exchanges/${ex.id}/refund`, {}, { key: other.ownerKey }), 404, 'MALL_EXCHANGE_NOT_FOUND');
  // archived: off the shelf
  ok(await env.api('POST', `/v1/mall/items/${item.id}/archive`));
  assert.ok(!ok(await sw('GET', '/v1/wallet/mall')).data.some((x: any) => x.id === item.id));
});

test('many members at once on one item of limited stock: exactly the stock, points charged only for what happened', async () => {
  const { item } = await cardItem({ stock: 5, per_member_limit: 1, points: 10 });
  await publish(item.id);
  const members = [];
  for (let i = 0; i < 20; i++) {
    const m = await fx.member();
    await give(m.id, 10);
    members.push(m);
  }
  const rs = await Promise.all(members.map((m) => env.api('POST', `/v1/mall/items/${item.id}/exchange`, { member_id: m.id })));
  assert.equal(rs.filter((r) => r.status === 201).length, 5);
  assert.ok(
    rs.every((r) => r.status === 201 || (r.status === 409 && r.body.code === 'MALL_SOLD_OUT')),
    JSON.stringify(rs.map((r) => r.body.code)),
  );
  let spent = 0;
  for (const m of members) spent += 10 - (await points(m.id));
  assert.equal(spent, 50);
  assert.deepEqual(await counts(item.id), { sold: 5, left: 0 });
});

test('a pack item grants the pack (reference: the exchange); a tier item is for its tiers only, in words the member reads', async () => {
  const coffee = await fx.template('cash', { amount_off: 500 }, { name: '咖啡券' });
  const draft = ok(await env.api('POST', '/v1/packs', { name: '咖啡礼包', kind: 'fixed', items: [{ template_id: coffee.id, quantity: 2 }] }), 201);
  const pack = ok(await env.api('POST', `/v1/packs/${draft.id}/publish`, {}));
  const tiers = ok(
    await env.api('PUT', '/v1/tiers', {
      tiers: [
        { name: '普通', threshold: 0 },
        { name: '金卡', threshold: 1000 },
      ],
    }),
  ).data;
  const gold = tiers.find((t: any) => t.name === '金卡');
  const item = ok(await env.api('POST', '/v1/mall/items', { name: '金卡专享礼包', kind: 'pack', pack_id: pack.id, points: 200, tier_ids: [gold.id] }), 201);
  assert.equal(item.gives_name, pack.name ?? '咖啡礼包');
  assert.deepEqual(item.tier_names, ['金卡']);
  await publish(item.id);

  const m = await fx.member();
  await give(m.id, 500);
  const w = await walletOf(m.id);
  const no = refused(await w('POST', `/v1/wallet/mall/${item.id}/exchange`, {}), 409, 'MALL_TIER_REQUIRED');
  assert.deepEqual(no.tiers, ['金卡']);
  assert.equal(no.tier, '普通');
  const shelf = ok(await w('GET', '/v1/wallet/mall')).data.find((x: any) => x.id === item.id);
  assert.match(shelf.unavailable.zh, /仅限金卡会员兑换/);
  assert.equal(await points(m.id), 500);

  await env.ctx.db.tx((q) =>
    earn(q, env.tenantId, { memberId: m.id, asset: 'growth', amount: 1000, reason: 'test', reference: `growth:${m.id}` }, clock.now()),
  );
  const ex = ok(await w('POST', `/v1/wallet/mall/${item.id}/exchange`, {}), 201);
  assert.equal(ex.cards.length, 2, 'the pack’s two cards');
  assert.ok(ex.pack_grant_id);
  assert.equal(await points(m.id), 300);
  const grants = ok(await env.api('GET', `/v1/pack-grants?pack_id=${pack.id}`)).data;
  assert.equal(grants.length, 1);
  assert.equal(grants[0].reference, ex.id, 'the grant’s reference is the exchange');
  assert.equal(grants[0].source, 'mall');

  // refunded: both cards voided, the points back
  ok(await env.api('POST', `/v1/mall/exchanges/${ex.id}/refund`, {}));
  for (const c of ex.cards) assert.equal(ok(await env.api('GET', `/v1/cards/${c.id}`)).state, 'voided');
  assert.equal(await points(m.id), 500);
});
