import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { verifyInvariants } from '../platform/verify.js';
import { modules } from '../modules/index.js';
import { earn, pointBalances } from '../modules/points/service.js';
import { SKIP, startCluster, allAtOnce, tally, type Cluster, type Reply } from './cluster.js';

/**
 * The points mall under concurrency 积分商城并发: three real server processes on one PostgreSQL. One item
 * with limited stock is exchanged by many members at once, ten times more requests than stock, each
 * member asking twice against a limit of one, from their wallets and through the brand's API: exactly
 * the stock is exchanged, no member gets more than their limit, each member is charged exactly for the
 * exchanges they got, and every invariant (stock sold, member counts, point lots and ledger) holds.
 */
describe('points mall across three server processes', { skip: SKIP }, () => {
  let c: Cluster;
  const ok = (r: Reply, what: string) => {
    assert.ok(r.status < 300, `${what}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  before(async () => {
    c = await startCluster(3);
  });
  after(async () => {
    await c?.stop();
  });

  test('stock 12, 60 members × 2 requests at once: exactly 12 exchanges, one per member at most, points charged for those only', async () => {
    const price = 100;
    const t = ok(
      await c.call('POST', '/v1/templates', { kind: 'cash', name: '积分兑换券', value: { amount_off: 1000 }, validity: { type: 'relative', days: 30 } }),
      'template',
    );
    const batch = ok(await c.call('POST', '/v1/batches', { template_id: t.id, name: 'mall', mode: 'on_issue' }), 'batch');
    const item = ok(
      await c.call('POST', '/v1/mall/items', { name: '10元券', kind: 'card', batch_id: batch.id, points: price, stock: 12, per_member_limit: 1 }),
      'item',
    );
    ok(await c.call('POST', `/v1/mall/items/${item.id}/publish`, {}), 'publish');
    const members: { id: string; token: string }[] = [];
    for (let i = 0; i < 60; i++) {
      const m = ok(await c.call('POST', '/v1/members', { name: `会员${i}` }), 'member');
      await c.ctx.db.tx((q) =>
        earn(q, c.tenantId, { memberId: m.id, asset: 'points', amount: 3 * price, reason: 'race', reference: `race:${m.id}` }, new Date()),
      );
      members.push({ id: m.id, token: ok(await c.call('POST', `/v1/members/${m.id}/wallet-link`, {}), 'link').token });
    }

    const rs = await allAtOnce(120, (i) => {
      const m = members[i % members.length]!;
      return i % 2
        ? c.call('POST', `/v1/wallet/mall/${item.id}/exchange`, {}, { headers: { authorization: `Wallet ${m.token}` }, server: i % 3 })
        : c.call('POST', `/v1/mall/items/${item.id}/exchange`, { member_id: m.id }, { server: i % 3 });
    });
    assert.ok(
      rs.every((r) => r.status === 201 || (r.status === 409 && ['MALL_SOLD_OUT', 'MALL_MEMBER_LIMIT'].includes(r.body.code))),
      JSON.stringify(tally(rs)),
    );
    const won = rs.map((r, i) => ({ r, m: members[i % members.length]! })).filter((x) => x.r.status === 201);
    assert.equal(won.length, 12, JSON.stringify(tally(rs)));
    const perMember = new Map<string, number>();
    for (const w of won) perMember.set(w.m.id, (perMember.get(w.m.id) ?? 0) + 1);
    assert.ok(
      [...perMember.values()].every((n) => n === 1),
      'no member over their limit of one',
    );

    const it = ok(await c.call('GET', `/v1/mall/items/${item.id}`), 'item');
    assert.deepEqual([it.sold, it.left], [12, 0]);
    for (const m of members) {
      const spent = 3 * price - (await pointBalances(c.ctx.db, c.tenantId, m.id)).points;
      assert.equal(spent, (perMember.get(m.id) ?? 0) * price, `member ${m.id} charged for exactly what they got`);
    }
    const list = ok(await c.call('GET', `/v1/mall/exchanges?item_id=${item.id}&limit=200`), 'exchanges');
    assert.equal(list.data.length, 12);
    assert.equal(new Set(list.data.map((x: any) => x.cards[0].id)).size, 12, 'a card for each exchange');
    assert.deepEqual(await verifyInvariants(c.ctx.db, modules, c.tenantId), []);
  });
});
