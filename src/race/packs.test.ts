import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { verifyInvariants } from '../platform/verify.js';
import { modules } from '../modules/index.js';
import { SKIP, startCluster, allAtOnce, tally, type Cluster, type Reply } from './cluster.js';

/**
 * Benefit packs under concurrency 权益礼包并发: three real server processes on one PostgreSQL. Many
 * grants of a random pack at once never hand out more of a prize than its stock (the rest are a clean
 * 409 PACK_SOLD_OUT), and many grants with one reference at once grant once and all answer that grant.
 */
describe('benefit packs across three server processes', { skip: SKIP }, () => {
  let c: Cluster;
  let tpl: any;
  const ok = (r: Reply, what: string) => {
    assert.ok(r.status < 300, `${what}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  before(async () => {
    c = await startCluster(3);
    tpl = ok(
      await c.call('POST', '/v1/templates', { kind: 'cash', name: '盲盒券', value: { amount_off: 100 }, validity: { type: 'relative', days: 30 } }),
      'template',
    );
  });
  after(async () => {
    await c?.stop();
  });
  const livePack = async (body: Record<string, unknown>) => {
    const p = ok(await c.call('POST', '/v1/packs', body), 'pack');
    return ok(await c.call('POST', `/v1/packs/${p.id}/publish`, {}), 'publish');
  };
  const invariantsHold = async () => assert.deepEqual(await verifyInvariants(c.ctx.db, modules, c.tenantId), []);

  test('stock 3 + 9: 40 grants at once — exactly 12 draws, never past a prize’s stock; the rest PACK_SOLD_OUT', async () => {
    const items = [{ template_id: tpl.id, quantity: 1 }];
    const pack = await livePack({
      name: '抢购盲盒',
      kind: 'random',
      prizes: [
        { name: '大奖', odds_bp: 5000, stock: 3, items },
        { name: '小奖', odds_bp: 5000, stock: 9, items },
      ],
    });
    const members: any[] = [];
    for (let i = 0; i < 8; i++) members.push(ok(await c.call('POST', '/v1/members', { name: `会员${i}` }), 'member'));
    const rs = await allAtOnce(40, (i) => c.call('POST', `/v1/packs/${pack.id}/grants`, { member_id: members[i % 8].id }, { server: i % 3 }));
    assert.ok(
      rs.every((r) => r.status === 201 || (r.status === 409 && r.body.code === 'PACK_SOLD_OUT')),
      JSON.stringify(tally(rs)),
    );
    const won = rs.filter((r) => r.status === 201).map((r) => r.body.prize.name);
    assert.equal(won.length, 12, JSON.stringify(tally(rs)));
    assert.equal(won.filter((n) => n === '大奖').length, 3);
    assert.equal(won.filter((n) => n === '小奖').length, 9);
    const detail = ok(await c.call('GET', `/v1/packs/${pack.id}`), 'detail');
    assert.deepEqual(
      detail.prizes.map((z: any) => [z.taken, z.remaining]),
      [
        [3, 0],
        [9, 0],
      ],
    );
    assert.equal(detail.sold_out, true);
    assert.equal(ok(await c.call('GET', `/v1/packs/${pack.id}/draws?limit=200`), 'draws').data.length, 12);
    await invariantsHold();
  });

  test('one reference, 30 grants at once on three processes: one grant, every answer names it', async () => {
    const pack = await livePack({ name: '开卡礼包', kind: 'fixed', items: [{ template_id: tpl.id, quantity: 2 }] });
    const m = ok(await c.call('POST', '/v1/members', { name: '同一会员' }), 'member');
    const rs = await allAtOnce(30, (i) => c.call('POST', `/v1/packs/${pack.id}/grants`, { member_id: m.id, reference: 'order-8848' }, { server: i % 3 }));
    assert.ok(
      rs.every((r) => r.status === 201),
      JSON.stringify(tally(rs)),
    );
    assert.equal(new Set(rs.map((r) => r.body.id)).size, 1, 'every answer is the one grant');
    assert.equal(rs[0].body.cards.length, 2);
    const grants = ok(await c.call('GET', `/v1/pack-grants?pack_id=${pack.id}`), 'grants').data;
    assert.equal(grants.length, 1);
    await invariantsHold();
  });
});
