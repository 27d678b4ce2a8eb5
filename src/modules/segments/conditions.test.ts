import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';
import { clock } from '../../clock.js';
import { conditionProblems, type Group } from './conditions.js';
import { countConditions, memberMatches, membersMatching } from './service.js';

/**
 * Each kind of condition the owning modules plug in — tier, points and growth, orders (spent, count,
 * last order), cards held, redemptions — counted, paged and asked per member in SQL, all three
 * agreeing; and the paths of bad conditions.
 */
let env: TestEnv;
let tenantId: string;
let key: string;
const ids: Record<string, string> = {};
let T: Date;
let template: string;
const DAY = 86_400_000;
const ok = (r: { status: number; body: any }, status = 200) => {
  assert.equal(r.status, status, JSON.stringify(r.body));
  return r.body;
};

before(async () => {
  env = await startTestEnv();
  const own = await env.newTenant('行为人群');
  tenantId = own.tenantId;
  key = own.ownerKey;
  const fx = await fixtures(env, key);
  const api = (m: string, url: string, body?: unknown) => env.api(m, url, body, { key });
  T = clock.now();
  for (const n of ['A', 'B', 'C']) ids[n] = (await fx.member({ name: `会员${n}` })).id;
  const t = await fx.template('cash', { amount_off: 500 }, { name: '五元券' });
  template = t.id;
  const batch = ok(await api('POST', '/v1/batches', { template_id: t.id, name: 'b', mode: 'on_issue' }), 201);
  const store = await fx.store();
  const issue = async (m: string) => (await fx.issue(batch.id, ids[m])).id as string;
  const redeem = async (card: string) => {
    const code = ok(await api('POST', `/v1/cards/${card}/reveal`, {})).code;
    ok(await api('POST', '/v1/redemptions', { code, store_id: store.id, order_amount: 3000 }), 201);
  };
  await issue('A'); // A keeps one unused card
  await redeem(await issue('A'));
  await redeem(await issue('A'));
  await redeem(await issue('B')); // B's only card is used up
  const order = (m: string, no: string, amount: number, daysAgo: number) =>
    api('POST', '/v1/orders', { order_no: no, member_id: ids[m], amount, placed_at: new Date(T.getTime() - daysAgo * DAY).toISOString() }).then((r) =>
      ok(r, 201),
    );
  await order('A', 'A-1', 60000, 5);
  await order('A', 'A-2', 100, 40);
  await order('B', 'B-1', 10000, 20);
  ok(
    await api('PUT', '/v1/tiers', {
      tiers: [
        { name: '普通', threshold: 0 },
        { name: '金卡', threshold: 1000 },
      ],
    }),
  );
  ok(await api('POST', `/v1/members/${ids.A}/points/adjustments`, { delta: 500, reason: '测试' }), 201);
  ok(await api('POST', `/v1/members/${ids.B}/points/adjustments`, { asset: 'growth', delta: 2000, reason: '测试' }), 201);
});
after(async () => {
  await env.close();
});

async function agree(c: Group, expected: string[], now = T) {
  const want = expected.map((n) => ids[n]!).sort();
  const label = JSON.stringify(c);
  assert.equal(await countConditions(env.ctx.db, tenantId, c, now), want.length, label);
  assert.deepEqual(await membersMatching(env.ctx.db, tenantId, c, { limit: 100 }, now), want, label);
  for (const n of ['A', 'B', 'C']) assert.equal(await memberMatches(env.ctx.db, tenantId, c, ids[n]!, now), want.includes(ids[n]!), `${n}: ${label}`);
}
const all = (...c: object[]) => ({ all: c }) as Group;

test('orders: spent and orders in the last N days, the last order', async () => {
  await agree(all({ field: 'spent', op: 'gte', value: 50000, days: 30 }), ['A']);
  await agree(all({ field: 'spent', op: 'gte', value: 100, days: 30 }), ['A', 'B']);
  await agree(all({ field: 'spent', op: 'lte', value: 0, days: 30 }), ['C']);
  await agree(all({ field: 'spent', op: 'gte', value: 60100, days: 60 }), ['A']);
  await agree(all({ field: 'orders', op: 'gte', value: 2, days: 60 }), ['A']);
  await agree(all({ field: 'orders', op: 'eq', value: 0, days: 10 }), ['B', 'C']);
  await agree(all({ field: 'orders', op: 'eq', value: 1, days: 30 }), ['A', 'B']);
  await agree(all({ field: 'last_order', op: 'within', value: 10 }), ['A']);
  await agree(all({ field: 'last_order', op: 'not_within', value: 10 }), ['B', 'C']);
});

test('redemptions in the last N days, and cards held unused', async () => {
  await agree(all({ field: 'redemptions', op: 'gte', value: 2, days: 30 }), ['A']);
  await agree(all({ field: 'redemptions', op: 'eq', value: 0, days: 90 }), ['C']);
  await agree(all({ field: 'redemptions', op: 'lte', value: 1, days: 30 }), ['B', 'C']);
  await agree(all({ field: 'redemptions', op: 'eq', value: 0, days: 90 }), ['A', 'B', 'C'], new Date(T.getTime() + 100 * DAY));
  await agree(all({ field: 'holds_card', op: 'has', value: template }), ['A']);
  await agree(all({ field: 'holds_card', op: 'not_has', value: template }), ['B', 'C']);
  await agree(all({ field: 'holds_card', op: 'has', value: template }), [], new Date(T.getTime() + 40 * DAY)); // expired by then (30 days)
});

test('points balance, growth and tier', async () => {
  const now = clock.now(); // after the adjustments: their lots are active from when they were made
  await agree(all({ field: 'points_balance', op: 'gte', value: 500 }), ['A'], now);
  await agree(all({ field: 'points_balance', op: 'lte', value: 0 }), ['B', 'C'], now);
  await agree(all({ field: 'growth', op: 'gte', value: 1000 }), ['B'], now);
  const tiers = ok(await env.api('GET', '/v1/tiers', undefined, { key })).data;
  const gold = tiers.find((t: any) => t.name === '金卡').id;
  await agree(all({ field: 'tier', op: 'eq', value: gold }), ['B'], now);
  await agree(all({ field: 'tier', op: 'ne', value: gold }), ['A', 'C'], now);
  await agree(
    {
      any: [
        { field: 'tier', op: 'eq', value: gold },
        {
          all: [
            { field: 'points_balance', op: 'gte', value: 1 },
            { field: 'spent', op: 'gte', value: 1, days: 7 },
          ],
        },
      ],
    },
    ['A', 'B'],
    now,
  );
});

test('bad conditions are named by their path', async () => {
  const problems = async (c: unknown) => (await conditionProblems(env.ctx.db, tenantId, c)).map((p) => p.field);
  assert.deepEqual(
    await problems({
      all: [
        { field: 'tag', op: 'has', value: 'x' },
        { field: 'city', op: 'eq', value: '杭州' },
        { field: 'shoe_size', op: 'eq', value: 1 },
      ],
    }),
    ['conditions/all/2/field'],
  );
  assert.deepEqual(await problems({ any: [{ field: 'spent', op: 'gte', value: 100 }] }), ['conditions/any/0/days']);
  assert.deepEqual(await problems({ any: [{ field: 'spent', op: 'between', value: 100, days: 3 }] }), ['conditions/any/0/op']);
  assert.deepEqual(await problems({ all: [{ field: 'spent', op: 'gte', value: -1, days: 3 }] }), ['conditions/all/0/value']);
  assert.deepEqual(await problems({ all: [{ field: 'spent', op: 'gte', value: '100', days: 3 }] }), ['conditions/all/0/value'], 'no coercion');
  assert.deepEqual(await problems({ all: [{ field: 'tier', op: 'eq', value: 'tier_nothing' }] }), ['conditions/all/0/value']);
  assert.deepEqual(await problems({ all: [{ field: 'holds_card', op: 'has', value: 'tpl_nothing' }] }), ['conditions/all/0/value']);
  assert.deepEqual(await problems({ all: [{ field: 'birthday_month', op: 'in', value: [3, 13] }] }), ['conditions/all/0/value/1']);
  assert.deepEqual(await problems({ all: [{ field: 'tag', op: 'has', value: ' ' }] }), ['conditions/all/0/value']);
  assert.deepEqual(await problems({ all: [{ field: 'tag', op: 'has', value: 'x', colour: 1 }] }), ['conditions/all/0/colour']);
  assert.deepEqual(await problems({ all: [{ any: [{ all: [{ field: 'tag', op: 'has', value: 'x' }] }] }] }), ['conditions/all/0/any/0']);
  assert.deepEqual(await problems({ all: [] }), ['conditions/all']);
  assert.deepEqual(await problems({ all: [{ field: 'tag', op: 'has', value: 'x' }], any: [] }), ['conditions/any']);
  assert.deepEqual(await problems([]), ['conditions']);
  // another tenant's tier is no tier here
  const other = await env.newTenant('别家');
  const theirs = ok(await env.api('PUT', '/v1/tiers', { tiers: [{ name: '外', threshold: 0 }] }, { key: other.ownerKey })).data[0].id;
  assert.deepEqual(await problems({ all: [{ field: 'tier', op: 'eq', value: theirs }] }), ['conditions/all/0/value']);
});
