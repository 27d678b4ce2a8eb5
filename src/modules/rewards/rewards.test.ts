import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';
import { clock } from '../../clock.js';
import type { Caller } from '../../http/access.js';
import { checkRewards, giveRewards, sourceResults, type GiveInput } from './service.js';

/**
 * Rewards 奖励: what every growth play gives goes through giveRewards — cards, packs and points,
 * once per reference however often it is asked, traceable from the card it produced, and counted
 * into the play's results (cards redeemed, GMV).
 */
let env: TestEnv;
let fx: Awaited<ReturnType<typeof fixtures>>;
let system: Caller;
before(async () => {
  env = await startTestEnv();
  fx = await fixtures(env);
  system = { tenantId: env.tenantId, keyId: 'system:test', role: 'system', storeIds: [], channelId: null };
});
after(async () => {
  await env.close();
});
const ok = (r: { status: number; body: any }, status = 200) => {
  assert.equal(r.status, status, JSON.stringify(r.body));
  return r.body;
};
const give = (g: GiveInput) => env.ctx.db.tx((q) => giveRewards(env.ctx, q, system, g, clock.now()));

test('cards and points are given once per reference; the card’s trace names the rule that gave it; results count its redemption', async () => {
  const coffee = await fx.template('cash', { amount_off: 800 }, { name: '生日咖啡券' });
  const member = await fx.member({ name: '李四' });
  const input: GiveInput = {
    memberId: member.id,
    rewards: [
      { type: 'card', template_id: coffee.id, quantity: 2 },
      { type: 'points', amount: 50 },
    ],
    reference: `rule:r1:evt1:${member.id}`,
    source: { kind: 'rule', id: 'aut_r1', name: '生日礼 birthday gift' },
  };
  const [a, b] = await Promise.all([give(input), give(input)]);
  const first = a.replayed ? b : a;
  assert.equal([a, b].filter((x) => x.replayed).length, 1, 'one of two concurrent givings gives');
  assert.equal(first.given.cards.length, 2);
  assert.equal(first.value, 1600, 'two ¥8 cards at face');
  assert.deepEqual(await give(input).then((x) => x.id), first.id);
  assert.equal((await give(input)).replayed, true);

  const cards = ok(await env.api('GET', `/v1/cards?member_id=${member.id}`)).data;
  assert.equal(cards.length, 2, 'two cards, not four');
  const balances = ok(await env.api('GET', `/v1/members/${member.id}/points`));
  assert.equal(balances.points, 50);

  const trace = ok(await env.api('GET', `/v1/cards/${first.given.cards[0].id}/trace`));
  const issued = trace.events.find((e: any) => e.event_type === 'issued');
  assert.deepEqual(issued.data.source, { kind: 'rule', id: 'aut_r1', name: '生日礼 birthday gift' });

  const store = await fx.store();
  const code = ok(await env.api('POST', `/v1/cards/${first.given.cards[0].id}/reveal`, {})).code;
  ok(await env.api('POST', '/v1/redemptions', { code, store_id: store.id, order_amount: 5000 }), 201);
  const results = (await sourceResults(env.ctx.db, env.tenantId, 'rule', ['aut_r1'])).get('aut_r1')!;
  assert.deepEqual(results, { grants: 1, members: 1, cards: 2, redeemed_cards: 1, redeemed_amount: 800, gmv: 5000, points: 50, value: 1600 });
});

test('a refusal on the way gives nothing and leaves the reference free; bad rewards are named by field', async () => {
  const limited = await fx.template('cash', { amount_off: 100 }, { rules: { per_member_limit: 1 } });
  const member = await fx.member();
  const g = (reference: string): GiveInput => ({
    memberId: member.id,
    rewards: [
      { type: 'points', amount: 10 },
      { type: 'card', template_id: limited.id, quantity: 2 },
    ],
    reference,
    source: { kind: 'campaign', id: 'cmp_x', name: '领券中心' },
  });
  await assert.rejects(give(g('x:1')), (e: any) => e.code === 'MEMBER_LIMIT_REACHED');
  assert.equal(ok(await env.api('GET', `/v1/members/${member.id}/points`)).points, 0, 'the points of a failed giving are not kept');
  assert.equal(ok(await env.api('GET', `/v1/cards?member_id=${member.id}`)).data.length, 0);
  const fixedUp = { ...g('x:1'), rewards: [{ type: 'card' as const, template_id: limited.id }] };
  assert.equal((await give(fixedUp)).replayed, false, 'the reference was never taken');

  const problems = await checkRewards(env.ctx.db, env.tenantId, [
    { type: 'card', template_id: 'tpl_nope' },
    { type: 'pack', pack_id: 'pck_nope' },
  ]);
  assert.deepEqual(problems, [
    { field: 'rewards/0/template_id', reason: 'no such template' },
    { field: 'rewards/1/pack_id', reason: 'no such pack' },
  ]);
});
