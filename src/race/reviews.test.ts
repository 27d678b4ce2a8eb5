import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { verifyInvariants } from '../platform/verify.js';
import { modules } from '../modules/index.js';
import { PendingAnswer } from '../errors.js';
import { reviewDesks } from '../platform/guards.js';
import { SKIP, startCluster, allAtOnce, tally, type Cluster, type Reply } from './cluster.js';

/**
 * 人工审核 under concurrency, three real server processes on one PostgreSQL: a held card is never
 * redeemed by anyone but its review, and many operators approving the same review at once redeem it
 * exactly once (the others: 409 REVIEW_DECIDED). The review is made here as the risk engine would
 * make it (the desk in this process), then decided through the servers.
 */
describe('reviews across three server processes', { skip: SKIP }, () => {
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

  test('12 approvals at once and 12 small redemptions of the held card: one redemption by the review, the others refused while held', async () => {
    const tpl = ok(
      await c.call('POST', '/v1/templates', {
        kind: 'stored_value',
        name: '储值卡',
        value: { initial_balance: 10_000 },
        validity: { type: 'relative', days: 30 },
      }),
      'template',
    );
    const batch = ok(await c.call('POST', '/v1/batches', { template_id: tpl.id, name: 'b', mode: 'on_issue' }), 'batch');
    const member = ok(await c.call('POST', '/v1/members', { name: '张三' }), 'member');
    const card = ok(await c.call('POST', '/v1/cards/issue', { batch_id: batch.id, member_id: member.id }), 'issue');
    const store = ok(await c.call('POST', '/v1/stores', { name: '门店' }), 'store');
    const clerk = ok(await c.call('POST', '/v1/api-keys', { name: '收银台', role: 'clerk', store_ids: [store.id] }), 'clerk').secret;
    const caller = { tenantId: c.tenantId, keyId: 'key_till', role: 'clerk' as const, storeIds: [store.id], channelId: null };
    let reviewId = '';
    try {
      await reviewDesks.list()[0]!.send(
        c.ctx,
        {
          tenantId: c.tenantId,
          action: 'redeem',
          caller,
          at: new Date(),
          subjects: { card_id: card.id, member_id: member.id, store_id: store.id },
          amount: 5000,
          replay: { kind: 'redeem', input: { code: card.code, store_id: store.id, amount: 5000 } },
        },
        { id: null, rules: [{ id: 'rul_large', name: '大额核销' }] },
      );
    } catch (e) {
      assert.ok(e instanceof PendingAnswer);
      await e.settle(null);
      reviewId = e.body.review_id as string;
    }
    assert.ok(reviewId);
    const rs = await allAtOnce(24, (i) =>
      i % 2
        ? c.call('POST', `/v1/reviews/${reviewId}/approve`, {}, { server: i % 3 })
        : c.call('POST', '/v1/redemptions', { code: card.code, store_id: store.id, amount: 100 }, { key: clerk, server: i % 3 }),
    );
    const approvals = rs.filter((_, i) => i % 2);
    const small = rs.filter((_, i) => !(i % 2));
    assert.equal(approvals.filter((r) => r.status === 200).length, 1, JSON.stringify(tally(approvals)));
    assert.ok(
      approvals.every((r) => r.status === 200 || (r.status === 409 && r.body.code === 'REVIEW_DECIDED')),
      JSON.stringify(tally(approvals)),
    );
    // while held every other redemption is refused; after the approval the card is free again
    assert.ok(
      small.every((r) => r.status === 201 || (r.status === 409 && r.body.code === 'CARD_UNDER_REVIEW')),
      JSON.stringify(tally(small)),
    );
    const redeemedSmall = small.filter((r) => r.status === 201).length;
    const after = ok(await c.call('GET', `/v1/cards/${card.id}`), 'card');
    assert.equal(after.balance, 10_000 - 5000 - 100 * redeemedSmall);
    const reds = ok(await c.call('GET', `/v1/redemptions?card_id=${card.id}`), 'redemptions').data;
    assert.equal(reds.filter((r: any) => r.amount === 5000).length, 1, 'the review redeemed once');
    assert.deepEqual(await verifyInvariants(c.ctx.db, modules, c.tenantId), []);
  });
  test('a batch of 5: 5 issue reviews held while 10 issues race them — never more than 5 promised; approving the held ones issues exactly the rest', async () => {
    const tpl = ok(
      await c.call('POST', '/v1/templates', { kind: 'cash', name: '限量券', value: { amount_off: 500 }, validity: { type: 'relative', days: 30 } }),
      'template',
    );
    const batch = ok(await c.call('POST', '/v1/batches', { template_id: tpl.id, name: 'b5', mode: 'on_issue', stock: 5 }), 'batch');
    const member = ok(await c.call('POST', '/v1/members', { name: '李四' }), 'member');
    const owner = { tenantId: c.tenantId, keyId: 'key_risk', role: 'owner' as const, storeIds: [], channelId: null };
    const hold = async (): Promise<Reply> => {
      try {
        await reviewDesks.list()[0]!.send(
          c.ctx,
          {
            tenantId: c.tenantId,
            action: 'issue',
            caller: owner,
            at: new Date(),
            subjects: { member_id: member.id, batch_id: batch.id },
            replay: { kind: 'issue', input: { batch_id: batch.id, member_id: member.id } },
          },
          { id: null, rules: [{ id: 'rul_farm', name: '同设备多账号' }] },
        );
        return { status: 500, body: 'not sent to review' };
      } catch (e: any) {
        if (!(e instanceof PendingAnswer)) return { status: e.status ?? 500, body: { code: e.code } };
        // the hold is taken when the answer is settled: a batch with nothing left refuses it there
        return e.settle(null).then(
          () => ({ status: 202, body: e.body }),
          (x: any) => ({ status: x.status ?? 500, body: { code: x.code } }),
        );
      }
    };
    const rs = await allAtOnce(15, (i) =>
      i < 5 ? hold() : c.call('POST', '/v1/cards/issue', { batch_id: batch.id, member_id: member.id }, { server: i % 3 }),
    );
    const held = rs.filter((r) => r.status === 202);
    const issued = rs.filter((r) => r.status === 201);
    assert.ok(
      rs.every((r) => [201, 202].includes(r.status) || (r.status === 409 && r.body.code === 'STOCK_EXHAUSTED')),
      JSON.stringify(tally(rs)),
    );
    assert.equal(held.length + issued.length, 5, JSON.stringify(tally(rs)));
    for (const h of held) assert.equal(ok(await c.call('POST', `/v1/reviews/${h.body.review_id}/approve`, {}), 'approve').status, 'approved');
    const b = ok(await c.call('GET', `/v1/batches/${batch.id}`), 'batch');
    assert.equal(b.issued, 5);
    assert.equal((await c.call('POST', '/v1/cards/issue', { batch_id: batch.id, member_id: member.id })).body.code, 'STOCK_EXHAUSTED');
    assert.deepEqual(await verifyInvariants(c.ctx.db, modules, c.tenantId), []);
  });
});
