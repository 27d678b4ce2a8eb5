import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';
import { grantPack } from './service.js';

/**
 * Benefit packs 权益礼包: a fixed pack gives its cards to a member; a random pack draws one prize
 * among those in stock by the published odds; the same reference never grants twice; bad input is
 * refused naming the field with nothing changed; published packs are fixed (a change is a new version).
 */
let env: TestEnv;
let fx: Awaited<ReturnType<typeof fixtures>>;
let coffee: any;
let movie: any;
before(async () => {
  env = await startTestEnv();
  fx = await fixtures(env);
  coffee = await fx.template('cash', { amount_off: 500 }, { name: '咖啡券' });
  movie = await fx.template('cash', { amount_off: 3000 }, { name: '电影票' });
});
after(async () => {
  await env.close();
});

const ok = (r: { status: number; body: any }, status = 201) => {
  assert.equal(r.status, status, JSON.stringify(r.body));
  return r.body;
};
const live = async (body: Record<string, unknown>) => {
  const p = ok(await env.api('POST', '/v1/packs', body));
  return ok(await env.api('POST', `/v1/packs/${p.id}/publish`, {}), 200);
};
const fixedPack = () =>
  live({
    name: '开卡礼包',
    kind: 'fixed',
    items: [
      { template_id: coffee.id, quantity: 2 },
      { template_id: movie.id, quantity: 1 },
    ],
  });
const countGrants = async (packId: string) => ok(await env.api('GET', `/v1/pack-grants?pack_id=${packId}`), 200).data.length;

test('a fixed pack, published and granted: the member holds its cards; the same reference answers the first grant', async () => {
  const draft = ok(await env.api('POST', '/v1/packs', { name: '开卡礼包', kind: 'fixed', items: [{ template_id: coffee.id, quantity: 2 }] }));
  assert.equal(draft.status, 'draft');
  const member = await fx.member({ name: '张三' });
  // a draft is not granted
  const early = await env.api('POST', `/v1/packs/${draft.id}/grants`, { member_id: member.id });
  assert.equal(early.status, 409, JSON.stringify(early.body));
  assert.equal(early.body.code, 'PACK_NOT_LIVE');
  const pack = ok(await env.api('POST', `/v1/packs/${draft.id}/publish`, {}), 200);
  assert.equal(pack.status, 'live');
  assert.equal(pack.items[0].template_name, '咖啡券');

  const g = ok(await env.api('POST', `/v1/packs/${pack.id}/grants`, { member_id: member.id, reference: 'welcome-1' }));
  assert.equal(g.cards.length, 2);
  assert.equal(g.prize, null);
  assert.equal(g.reference, 'manual:welcome-1');
  for (const c of g.cards) {
    const card = ok(await env.api('GET', `/v1/cards/${c.id}`), 200);
    assert.equal(card.member_id, member.id);
    assert.equal(card.template_id, coffee.id);
    assert.equal(card.state, 'active');
  }
  // pack.granted was written with the grant, naming its cards
  const ev = await env.ctx.db.query("SELECT member_id, data FROM events WHERE tenant_id = $1 AND event_type = 'pack.granted' AND data->>'grant_id' = $2", [
    env.tenantId,
    g.id,
  ]);
  assert.equal(ev.rows.length, 1);
  assert.deepEqual(
    ev.rows[0].data.card_ids,
    g.cards.map((c: any) => c.id),
  );
  const again = ok(await env.api('POST', `/v1/packs/${pack.id}/grants`, { member_id: member.id, reference: 'welcome-1' }));
  assert.equal(again.id, g.id, 'the same reference answers the first grant');
  assert.deepEqual(again.cards, g.cards);
  assert.equal(await countGrants(pack.id), 1);

  // through the seam, the same: once per reference
  const caller = { tenantId: env.tenantId, keyId: 'test', role: 'owner' as const, storeIds: [], channelId: null };
  const at = env.ctx.clock.now();
  const a = await env.ctx.db.tx((q) =>
    grantPack(env.ctx, q, caller, { packId: pack.id, memberId: member.id, source: 'tier', reference: 'tier:x:2026-12:m' }, at),
  );
  const b = await env.ctx.db.tx((q) =>
    grantPack(env.ctx, q, caller, { packId: pack.id, memberId: member.id, source: 'tier', reference: 'tier:x:2026-12:m' }, at),
  );
  assert.equal(a.id, b.id);
  assert.equal(await countGrants(pack.id), 2);

  // the grants list by member, with names; the event in the log
  const mine = ok(await env.api('GET', `/v1/pack-grants?member_id=${member.id}`), 200);
  assert.equal(mine.data.length, 2);
  assert.equal(mine.names[pack.id], '开卡礼包');
  assert.equal(mine.names[member.id], '张三');
  const detail = ok(await env.api('GET', `/v1/packs/${pack.id}`), 200);
  assert.equal(detail.granted, 2);
});

test('bad input: odds not adding to 10,000, unknown template, items on a random pack — each names its field, nothing made', async () => {
  const before = ok(await env.api('GET', '/v1/packs'), 200).data.length;
  const odds = await env.api('POST', '/v1/packs', {
    name: '盲盒',
    kind: 'random',
    prizes: [
      { name: '一等奖', odds_bp: 1000, stock: 1, items: [{ template_id: movie.id, quantity: 1 }] },
      { name: '二等奖', odds_bp: 8000, stock: 10, items: [{ template_id: coffee.id, quantity: 1 }] },
    ],
  });
  assert.equal(odds.status, 422);
  assert.equal(odds.body.code, 'PACK_ODDS_INVALID');
  assert.equal(odds.body.total, 9000);
  assert.equal(odds.body.errors[0].field, 'prizes');
  const unknown = await env.api('POST', '/v1/packs', { name: 'x', kind: 'fixed', items: [{ template_id: 'tpl_nope', quantity: 1 }] });
  assert.equal(unknown.status, 404);
  assert.equal(unknown.body.code, 'TEMPLATE_NOT_FOUND');
  assert.equal(unknown.body.errors[0].field, 'items[0].template_id');
  const mixed = await env.api('POST', '/v1/packs', { name: 'x', kind: 'random', items: [{ template_id: coffee.id, quantity: 1 }] });
  assert.equal(mixed.status, 422);
  assert.equal(mixed.body.errors[0].field, 'items');
  const noTop = await env.api('POST', '/v1/packs', {
    name: 'x',
    kind: 'random',
    guarantee_after: 3,
    prizes: [{ name: 'a', odds_bp: 10000, stock: null, items: [{ template_id: coffee.id, quantity: 1 }] }],
  });
  assert.equal(noTop.status, 422);
  assert.equal(noTop.body.errors[0].field, 'guarantee_after');
  const extra = await env.api('POST', '/v1/packs', { name: 'x', kind: 'fixed', items: [{ template_id: coffee.id, quantity: 1 }], colour: 'red' });
  assert.equal(extra.status, 422);
  assert.equal(ok(await env.api('GET', '/v1/packs'), 200).data.length, before);

  const pack = await fixedPack();
  const nobody = await env.api('POST', `/v1/packs/${pack.id}/grants`, { member_id: 'mem_nobody' });
  assert.equal(nobody.status, 404);
  assert.equal(nobody.body.errors[0].field, 'member_id');
  const nopack = await env.api('POST', '/v1/packs/pck_nope/grants', { member_id: (await fx.member()).id });
  assert.equal(nopack.status, 404);
  assert.equal(nopack.body.code, 'PACK_NOT_FOUND');
});
