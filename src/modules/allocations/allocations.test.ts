import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';

/**
 * Channel allocation 渠道分配: quota and pre-generated codes go down the tree, never more than the
 * giver holds; issuing through a channel consumes its holding; what a channel holds reads back as
 * granted, passed on, issued and available; cards issued under an allocation carry its parameters.
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

const ok = (r: { status: number; body: any }, status = 201) => {
  assert.equal(r.status, status, JSON.stringify(r.body));
  return r.body;
};
const channel = async (name: string, parent_id?: string, key?: string) =>
  ok(await env.api('POST', '/v1/channels', { name, ...(parent_id ? { parent_id } : {}) }, key ? { key } : undefined));
const partnerKey = async (channel_id: string) =>
  ok(await env.api('POST', '/v1/api-keys', { name: `partner ${channel_id}`, role: 'channel', channel_id })).secret as string;
const allocate = (body: Record<string, unknown>, key?: string) => env.api('POST', '/v1/allocations', body, key ? { key } : undefined);
const holding = async (channelId: string, batchId: string, key?: string) => {
  const r = ok(await env.api('GET', `/v1/channels/${channelId}/holdings`, undefined, key ? { key } : undefined), 200);
  const { batch_name: _b, template_name: _t, ...h } = r.data.find((h: any) => h.batch_id === batchId) ?? { granted: 0, allocated: 0, issued: 0, available: 0 };
  return h;
};
const stockBatch = async (stock: number) => fx.batch((await fx.template('cash', { amount_off: 500 })).id, { mode: 'on_issue', stock });

test('quota goes down the tree; issuing consumes it; holdings read granted, passed on, issued, available', async () => {
  const batch = await stockBatch(100);
  const top = await channel('华南总代');
  const region = await channel('深圳区域', top.id);
  const topKey = await partnerKey(top.id);
  const regionKey = await partnerKey(region.id);

  const a = ok(await allocate({ batch_id: batch.id, to_channel_id: top.id, quantity: 60, params: { campaign: 'double11', source_id: 'wx' } }));
  assert.equal(a.kind, 'grant');
  assert.equal(a.from_channel_id, null);
  assert.deepEqual(a.params, { campaign: 'double11', source_id: 'wx' });
  const b = ok(await allocate({ batch_id: batch.id, to_channel_id: region.id, quantity: 20, params: { campaign: 'koc' } }, topKey));
  assert.equal(b.from_channel_id, top.id, 'a partner gives from its own channel');

  // the region issues within its holding; its card and the card.issued event carry the channel and parameters
  const card = ok(await env.api('POST', '/v1/cards/issue', { batch_id: batch.id }, { key: regionKey }));
  assert.equal(card.channel_id, region.id);
  assert.equal(card.allocation_id, b.id, 'the card names the allocation it was issued under');
  const trace = ok(await env.api('GET', `/v1/cards/${card.id}/trace`), 200);
  const issued = trace.events.find((e: any) => e.event_type === 'issued');
  assert.equal(issued.channel_id, region.id);
  assert.deepEqual(issued.data, { allocation_id: b.id, params: { campaign: 'koc' } });
  // …and so does its redemption: the allocation names the tracking parameters
  ok(await env.api('POST', '/v1/redemptions', { code: card.code }), 201);
  const redeemed = ok(await env.api('GET', `/v1/cards/${card.id}/trace`), 200).events.find((e: any) => e.event_type === 'redeemed');
  assert.equal(redeemed.channel_id, region.id);
  assert.equal(redeemed.data.allocation_id, b.id);

  assert.deepEqual(await holding(region.id, batch.id, regionKey), { batch_id: batch.id, granted: 20, allocated: 0, issued: 1, available: 19 });
  assert.deepEqual(await holding(top.id, batch.id, topKey), { batch_id: batch.id, granted: 60, allocated: 20, issued: 0, available: 40 });
  // names beside ids: the batch and its template, for the screens
  const named = ok(await env.api('GET', `/v1/channels/${region.id}/holdings`, undefined, { key: regionKey }), 200).data[0];
  assert.equal(named.batch_name, batch.name);
  assert.equal(named.template_name, (await env.api('GET', `/v1/templates/${batch.template_id}`)).body.name);

  // the brand's staff issue outside any holding, unaffected; through the top channel they consume its quota
  ok(await env.api('POST', '/v1/cards/issue', { batch_id: batch.id }));
  ok(await env.api('POST', '/v1/cards/issue', { batch_id: batch.id, channel_id: top.id }));
  assert.equal((await holding(top.id, batch.id)).available, 39);

  // the brand holds stock − issued − what channels hold: 100 − 3 − (39 + 19) = 39
  const over = await allocate({ batch_id: batch.id, to_channel_id: (await channel('华北总代')).id, quantity: 40 });
  assert.equal(over.status, 409, JSON.stringify(over.body));
  assert.equal(over.body.code, 'ALLOCATION_EXCEEDS_HOLDING');
  assert.equal(over.body.holding, 39);
  assert.equal(over.body.asked, 40);
  assert.match(over.body.detail, /40 asked, 39 available/);

  // history, newest first, paged
  const h1 = ok(await env.api('GET', `/v1/channels/${top.id}/allocations?limit=1`, undefined, { key: topKey }), 200);
  assert.deepEqual(
    h1.data.map((x: any) => x.id),
    [b.id],
  );
  const h2 = ok(
    await env.api('GET', `/v1/channels/${top.id}/allocations?limit=1&cursor=${encodeURIComponent(h1.next_cursor)}`, undefined, { key: topKey }),
    200,
  );
  assert.deepEqual(
    h2.data.map((x: any) => x.id),
    [a.id],
  );
  assert.equal(h2.next_cursor, null);
});

test('a channel partner issues only within a holding once the batch is allocated; quota runs out with a clear 409', async () => {
  const batch = await stockBatch(50);
  const top = await channel('总代甲');
  const other = await channel('总代乙');
  const otherKey = await partnerKey(other.id);
  const topKey = await partnerKey(top.id);
  // nothing allocated yet: a partner issues as before
  ok(await env.api('POST', '/v1/cards/issue', { batch_id: batch.id }, { key: otherKey }));
  ok(await allocate({ batch_id: batch.id, to_channel_id: top.id, quantity: 2 }));
  const none = await env.api('POST', '/v1/cards/issue', { batch_id: batch.id }, { key: otherKey });
  assert.equal(none.status, 409);
  assert.equal(none.body.code, 'QUOTA_EXHAUSTED');
  ok(await env.api('POST', '/v1/cards/issue', { batch_id: batch.id }, { key: topKey }));
  ok(await env.api('POST', '/v1/cards/issue', { batch_id: batch.id }, { key: topKey }));
  const out = await env.api('POST', '/v1/cards/issue', { batch_id: batch.id }, { key: topKey });
  assert.equal(out.status, 409);
  assert.equal(out.body.code, 'QUOTA_EXHAUSTED');
  assert.deepEqual(await holding(top.id, batch.id), { batch_id: batch.id, granted: 2, allocated: 0, issued: 2, available: 0 });

  // a child issues out of its parent's holding when it has none of its own, but a partner never spends above its own channel
  const topB = await channel('总代丙');
  const child = await channel('团长', topB.id);
  const childKey = await partnerKey(child.id);
  ok(await allocate({ batch_id: batch.id, to_channel_id: topB.id, quantity: 3 }));
  const refused = await env.api('POST', '/v1/cards/issue', { batch_id: batch.id }, { key: childKey });
  assert.equal(refused.status, 409, 'the child key cannot spend its parent’s quota');
  const topBKey = await partnerKey(topB.id);
  ok(await env.api('POST', '/v1/cards/issue', { batch_id: batch.id, channel_id: child.id }, { key: topBKey }));
  assert.equal((await holding(topB.id, batch.id)).issued, 1, 'the parent issuing for its child spends its own holding');
});

test('revoke takes back only what is unissued; transfer moves to a sibling or below; nothing changes on a refusal', async () => {
  const batch = await stockBatch(100);
  const top = await channel('总代');
  const a = await channel('区域甲', top.id);
  const b = await channel('区域乙', top.id);
  const a1 = await channel('团长', a.id);
  const topKey = await partnerKey(top.id);
  const aKey = await partnerKey(a.id);
  ok(await allocate({ batch_id: batch.id, to_channel_id: top.id, quantity: 30 }));
  ok(await allocate({ batch_id: batch.id, to_channel_id: a.id, quantity: 10 }, topKey));
  ok(await env.api('POST', '/v1/cards/issue', { batch_id: batch.id }, { key: aKey }));
  ok(await env.api('POST', '/v1/cards/issue', { batch_id: batch.id }, { key: aKey }));

  const tooMuch = await env.api('POST', '/v1/allocations/revoke', { batch_id: batch.id, channel_id: a.id, quantity: 9 }, { key: topKey });
  assert.equal(tooMuch.status, 409);
  assert.equal(tooMuch.body.code, 'ALLOCATION_EXCEEDS_HOLDING');
  assert.equal(tooMuch.body.holding, 8, 'two of ten are issued');
  const back = ok(await env.api('POST', '/v1/allocations/revoke', { batch_id: batch.id, channel_id: a.id, quantity: 3 }, { key: topKey }));
  assert.deepEqual([back.kind, back.from_channel_id, back.to_channel_id], ['revoke', a.id, top.id]);
  assert.deepEqual(await holding(a.id, batch.id), { batch_id: batch.id, granted: 7, allocated: 0, issued: 2, available: 5 });
  assert.deepEqual(await holding(top.id, batch.id), { batch_id: batch.id, granted: 30, allocated: 7, issued: 0, available: 23 });
  const self = await env.api('POST', '/v1/allocations/revoke', { batch_id: batch.id, channel_id: a.id, quantity: 1 }, { key: aKey });
  assert.equal(self.status, 422, 'a partner does not give its own holding back up the tree');

  // transfer: sibling and below are fine; up or sideways across the tree is not
  ok(await env.api('POST', '/v1/allocations/transfer', { batch_id: batch.id, from_channel_id: a.id, to_channel_id: b.id, quantity: 2 }, { key: topKey }));
  ok(await env.api('POST', '/v1/allocations/transfer', { batch_id: batch.id, from_channel_id: a.id, to_channel_id: a1.id, quantity: 1 }, { key: aKey }));
  const up = await env.api('POST', '/v1/allocations/transfer', { batch_id: batch.id, from_channel_id: a1.id, to_channel_id: top.id, quantity: 1 });
  assert.equal(up.status, 422);
  assert.equal(up.body.code, 'ALLOCATION_NOT_ALLOWED');
  assert.equal(up.body.errors[0].field, 'to_channel_id');
  assert.deepEqual(
    [(await holding(a.id, batch.id)).available, (await holding(b.id, batch.id)).available, (await holding(a1.id, batch.id)).available],
    [2, 2, 1],
  );
  // the brand takes back from a top-level channel
  const toBrand = ok(await env.api('POST', '/v1/allocations/revoke', { batch_id: batch.id, channel_id: top.id, quantity: 23 }));
  assert.equal(toBrand.to_channel_id, null);
  assert.equal((await holding(top.id, batch.id)).available, 0);
});

test('bad input: outside the subtree 404, suspended 409, zero or negative 422 naming the field, not a child 422; nothing changed', async () => {
  const batch = await stockBatch(100);
  const top = await channel('总代');
  const mine = await channel('区域甲', top.id);
  const sibling = await channel('区域乙', top.id);
  const kid = await channel('团长', mine.id);
  const grandkid = await channel('KOC', kid.id);
  const mineKey = await partnerKey(mine.id);
  ok(await allocate({ batch_id: batch.id, to_channel_id: top.id, quantity: 10 }));
  const notTop = await allocate({ batch_id: batch.id, to_channel_id: mine.id, quantity: 5 });
  assert.equal(notTop.status, 422, 'the brand gives to top-level channels');
  ok(await allocate({ batch_id: batch.id, from_channel_id: top.id, to_channel_id: mine.id, quantity: 5 }));

  const outside = await allocate({ batch_id: batch.id, to_channel_id: sibling.id, quantity: 1 }, mineKey);
  assert.equal(outside.status, 404);
  assert.equal(outside.body.code, 'CHANNEL_NOT_FOUND');
  const fromAbove = await allocate({ batch_id: batch.id, from_channel_id: top.id, to_channel_id: kid.id, quantity: 1 }, mineKey);
  assert.equal(fromAbove.status, 404);
  const skip = await allocate({ batch_id: batch.id, to_channel_id: grandkid.id, quantity: 1 }, mineKey);
  assert.equal(skip.status, 422);
  assert.equal(skip.body.errors[0].field, 'to_channel_id');
  for (const quantity of [0, -3]) {
    const r = await allocate({ batch_id: batch.id, to_channel_id: kid.id, quantity }, mineKey);
    assert.equal(r.status, 422, JSON.stringify(r.body));
    assert.match(JSON.stringify(r.body.errors), /quantity/);
  }
  const over = await allocate({ batch_id: batch.id, to_channel_id: kid.id, quantity: 6 }, mineKey);
  assert.equal(over.status, 409);
  assert.deepEqual([over.body.code, over.body.holding, over.body.asked], ['ALLOCATION_EXCEEDS_HOLDING', 5, 6]);
  ok(await env.api('PATCH', `/v1/channels/${kid.id}`, { status: 'suspended' }), 200);
  const suspended = await allocate({ batch_id: batch.id, to_channel_id: kid.id, quantity: 1 }, mineKey);
  assert.equal(suspended.status, 409);
  assert.equal(suspended.body.code, 'CHANNEL_SUSPENDED');
  const params = await allocate({ batch_id: batch.id, to_channel_id: top.id, quantity: 1, params: { a: '1', b: '2', c: '3', d: '4', e: '5', f: '6' } });
  assert.equal(params.status, 400, 'more than 5 tracking parameters: a malformed request');
  assert.match(params.body.errors[0].field, /params/);
  assert.deepEqual(await holding(mine.id, batch.id), { batch_id: batch.id, granted: 5, allocated: 0, issued: 0, available: 5 }, 'nothing changed');
  assert.equal((await holding(kid.id, batch.id)).available, 0);
  assert.equal((await env.api('GET', `/v1/channels/${sibling.id}/holdings`, undefined, { key: mineKey })).status, 404);
  assert.equal((await env.api('GET', `/v1/channels/${sibling.id}/allocations`, undefined, { key: mineKey })).status, 404);
});

test('pre-generated codes: by count or by list; the holder alone issues them; the brand’s export leaves them', async () => {
  const t = await fx.template('cash', { amount_off: 500 });
  const batch = await fx.batch(t.id, { mode: 'pregenerated', quantity: 10 });
  await env.jobs();
  const top = await channel('总代');
  const kid = await channel('团长', top.id);
  const topKey = await partnerKey(top.id);
  const kidKey = await partnerKey(kid.id);
  const g = ok(await allocate({ batch_id: batch.id, to_channel_id: top.id, quantity: 6, params: { campaign: 'spring' } }));
  assert.equal(g.codes, true);
  const over = await allocate({ batch_id: batch.id, to_channel_id: (await channel('另一总代')).id, quantity: 5 });
  assert.equal(over.status, 409);
  assert.deepEqual([over.body.holding, over.body.asked], [4, 5]);
  // the brand exports what nobody holds: 4 codes, not the channel's 6
  const exp = await env.api('POST', `/v1/batches/${batch.id}/export`, {});
  assert.equal(exp.status, 200);
  assert.equal((await env.api('GET', `/v1/batches/${batch.id}`)).body.unissued, 6);

  ok(await allocate({ batch_id: batch.id, to_channel_id: kid.id, quantity: 2 }, topKey));
  const c1 = ok(await env.api('POST', '/v1/cards/issue', { batch_id: batch.id }, { key: kidKey }));
  const c2 = ok(await env.api('POST', '/v1/cards/issue', { batch_id: batch.id }, { key: kidKey }));
  assert.equal(c1.channel_id, kid.id);
  assert.ok(c1.allocation_id, 'a held code carries the allocation that brought it to the channel');
  const none = await env.api('POST', '/v1/cards/issue', { batch_id: batch.id }, { key: kidKey });
  assert.equal(none.status, 409);
  assert.equal(none.body.code, 'QUOTA_EXHAUSTED');
  const trace = ok(await env.api('GET', `/v1/cards/${c2.id}/trace`), 200);
  assert.deepEqual(trace.events.find((e: any) => e.event_type === 'issued').data.params, {}, 'the child’s grant carried none');
  const topCard = ok(await env.api('POST', '/v1/cards/issue', { batch_id: batch.id }, { key: topKey }));
  const tTrace = ok(await env.api('GET', `/v1/cards/${topCard.id}/trace`), 200);
  assert.deepEqual(tTrace.events.find((e: any) => e.event_type === 'issued').data, { allocation_id: g.id, params: { campaign: 'spring' } });
  assert.deepEqual(await holding(top.id, batch.id), { batch_id: batch.id, granted: 6, allocated: 2, issued: 1, available: 3 });

  // an explicit list: codes the giver holds; one it does not hold refuses the whole list
  const other = await channel('团长乙', top.id);
  const listed = ok(await env.api('GET', `/v1/cards?batch_id=${batch.id}&state=unissued&limit=50`), 200).data.map((c: any) => c.id);
  const res = await allocate({ batch_id: batch.id, to_channel_id: other.id, card_ids: listed.slice(0, 1) }, topKey);
  assert.equal(res.status, 201, JSON.stringify(res.body));
  const bad = await allocate({ batch_id: batch.id, to_channel_id: other.id, card_ids: [c1.id] }, topKey);
  assert.equal(bad.status, 422);
  assert.equal(bad.body.errors[0].field, 'card_ids');
  // revoke returns codes to the brand's pool
  ok(await env.api('POST', '/v1/allocations/revoke', { batch_id: batch.id, channel_id: top.id, quantity: 2 }));
  const again = await env.api('POST', `/v1/batches/${batch.id}/export`, {});
  assert.equal(again.status, 200);
});

test('at once in one process (PostgreSQL: a pool of connections; PGlite: in turns): one parent never gives more than it holds', async () => {
  const batch = await stockBatch(500);
  const top = await channel('总代');
  const kids: { id: string }[] = [];
  for (let i = 0; i < 8; i++) kids.push(await channel(`团长${i}`, top.id));
  const topKey = await partnerKey(top.id);
  ok(await allocate({ batch_id: batch.id, to_channel_id: top.id, quantity: 20 }));
  const rs = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      i < 40
        ? allocate({ batch_id: batch.id, to_channel_id: kids[i % kids.length].id, quantity: 1 + (i % 2) }, topKey)
        : env.api('POST', '/v1/cards/issue', { batch_id: batch.id }, { key: topKey }),
    ),
  );
  assert.ok(
    rs.every((r) => r.status === 201 || (r.status === 409 && ['ALLOCATION_EXCEEDS_HOLDING', 'QUOTA_EXHAUSTED'].includes(r.body.code))),
    JSON.stringify(rs.filter((r) => r.status !== 201).map((r) => r.body)),
  );
  const given = rs.slice(0, 40).reduce((s, r, i) => s + (r.status === 201 ? 1 + (i % 2) : 0), 0);
  const issued = rs.slice(40).filter((r) => r.status === 201).length;
  const left = (await holding(top.id, batch.id)).available;
  assert.equal(given + issued + left, 20, `given ${given}, issued ${issued}, left ${left}`);
  let held = 0;
  for (const k of kids) held += (await holding(k.id, batch.id)).available;
  assert.equal(held, given);
});
