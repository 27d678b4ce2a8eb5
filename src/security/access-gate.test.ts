import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, type TestEnv } from '../testing/harness.js';
import { memberCaller, requireAccess, systemCaller, type Caller } from '../http/access.js';
import { listCards } from '../modules/cards/read.js';
import { cardTrace } from '../modules/reports/trace.js';
import { listRedemptions } from '../modules/redemptions/read.js';

/**
 * One access gate (src/http/access.ts): a member acting through a wallet link is a `member`
 * principal, scoped by the same rule as a clerk or a channel, not a borrowed staff role; the
 * platform acting on its own is `system`.
 */
let env: TestEnv;
let alice: any, bob: any, aliceCard: any, bobCard: any;
before(async () => {
  env = await startTestEnv();
  const tpl = (await env.api('POST', '/v1/templates', { kind: 'cash', name: '立减5元', value: { amount_off: 500 }, validity: { type: 'relative', days: 30 } }))
    .body;
  const batch = (await env.api('POST', '/v1/batches', { template_id: tpl.id, name: 'b', mode: 'on_issue' })).body;
  alice = (await env.api('POST', '/v1/members', { external_id: 'a', name: '爱丽丝' })).body;
  bob = (await env.api('POST', '/v1/members', { external_id: 'b', name: '鲍勃' })).body;
  aliceCard = (await env.api('POST', '/v1/cards/issue', { batch_id: batch.id, member_id: alice.id })).body;
  bobCard = (await env.api('POST', '/v1/cards/issue', { batch_id: batch.id, member_id: bob.id })).body;
  const r = await env.api('POST', '/v1/redemptions', { code: bobCard.code, order_amount: 1000 });
  assert.equal(r.status, 201, JSON.stringify(r.body));
});
after(async () => {
  await env.close();
});

test('a member principal reads only their own cards and redemptions, whatever filter it passes', async () => {
  const me = memberCaller(env.tenantId, alice.id);
  const all = await listCards(env.ctx.db, me, { limit: 100 });
  assert.deepEqual(
    all.data.map((c) => c.id),
    [aliceCard.id],
  );
  assert.deepEqual((await listCards(env.ctx.db, me, { limit: 100, member_id: bob.id })).data, []);
  assert.deepEqual((await listRedemptions(env.ctx.db, me, { limit: 100 })).data, []);
  await assert.rejects(cardTrace(env.ctx.db, me, bobCard.id), { code: 'CARD_NOT_FOUND' });
  const bobs = await cardTrace(env.ctx.db, memberCaller(env.tenantId, bob.id), bobCard.id);
  assert.equal(bobs.redemptions.length, 1);
});

test('a member may read, bind and gift, and nothing a store or the brand does', () => {
  const me = memberCaller(env.tenantId, alice.id);
  for (const a of ['cards.read', 'cards.bind', 'cards.gift'] as const) requireAccess(me, a);
  for (const a of [
    'cards.redeem',
    'cards.redeem_by_id',
    'cards.manage',
    'cards.issue',
    'codes.export',
    'catalog.write',
    'reports.read',
    'audit.read',
    'keys.manage',
  ] as const) {
    assert.throws(() => requireAccess(me, a), { status: 403 }, a);
  }
  // a staff key may not gift a member's card as if it were the member
  const owner: Caller = { tenantId: env.tenantId, keyId: 'k', role: 'owner', storeIds: [], channelId: null };
  assert.throws(() => requireAccess(owner, 'cards.gift'), { status: 403 });
});

test('the platform acting on its own passes the gate and is not scoped, but keeps who caused it', () => {
  const clerk: Caller = { tenantId: env.tenantId, keyId: 'key_clerk', role: 'clerk', storeIds: ['s1'], channelId: null };
  const sys = systemCaller(clerk);
  assert.equal(sys.keyId, 'key_clerk');
  assert.deepEqual(sys.storeIds, []);
  requireAccess(sys, 'cards.issue');
});

test('the caller is told what it may do, from the same table the routes are checked against', async () => {
  const store = (await env.api('POST', '/v1/stores', { name: '门店' })).body;
  const clerk = (await env.api('POST', '/v1/api-keys', { name: 'c', role: 'clerk', store_ids: [store.id] })).body.secret;
  const analyst = (await env.api('POST', '/v1/api-keys', { name: 'a', role: 'analyst' })).body.secret;
  const can = async (key?: string) => (await env.api('GET', '/v1/sessions/current', undefined, key ? { key } : {})).body.can as string[];
  assert.ok((await can()).includes('keys.manage'));
  const c = await can(clerk);
  assert.ok(c.includes('cards.redeem') && !c.includes('catalog.write') && !c.includes('reports.read'));
  const a = await can(analyst);
  assert.ok(a.includes('reports.read') && a.includes('audit.read') && !a.includes('cards.manage'));
  // and each answer holds at the route: the analyst's missing catalog.write is a refusal
  assert.equal((await env.api('POST', '/v1/stores', { name: 'x' }, { key: analyst })).status, 403);
});
