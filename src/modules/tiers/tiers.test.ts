import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';

/**
 * 会员等级 through the API: the ladder and its checks, an operator's manual tier (a floor with an end
 * date that runs out), the history and the member's own view in the wallet.
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
const LADDER = [
  { name: '普通', threshold: 0 },
  { name: '银卡', threshold: 1000 },
  { name: '金卡', threshold: 5000 },
  { name: '黑卡', threshold: 20000 },
];

test('the ladder: thresholds must increase, the problem names the field and nothing changes', async () => {
  const bad = await env.api('PUT', '/v1/tiers', { tiers: [LADDER[0], LADDER[1], { name: '金卡', threshold: 800 }] });
  assert.equal(bad.status, 422);
  assert.equal(bad.body.code, 'TIER_INVALID');
  assert.deepEqual(
    bad.body.errors.map((e: any) => e.field),
    ['tiers[2].threshold'],
  );
  assert.equal(ok(await env.api('GET', '/v1/tiers')).data.length, 0, 'nothing changed');
  const neg = await env.api('PUT', '/v1/tiers', { tiers: [{ name: '普通', threshold: '0' }] });
  assert.equal(neg.status, 400, 'no coercion of a string threshold');
  assert.equal(neg.body.errors[0].field, 'body.tiers.0.threshold');
  const made = ok(await env.api('PUT', '/v1/tiers', { tiers: LADDER })).data;
  assert.deepEqual(
    made.map((t: any) => [t.name, t.rank, t.threshold]),
    [
      ['普通', 0, 0],
      ['银卡', 1, 1000],
      ['金卡', 2, 5000],
      ['黑卡', 3, 20000],
    ],
  );
  // a rename keeps the tier (its id); the order is the list's
  const renamed = ok(
    await env.api('PUT', '/v1/tiers', { tiers: made.map((t: any) => ({ id: t.id, name: t.name === '黑卡' ? '黑金卡' : t.name, threshold: t.threshold })) }),
  ).data;
  assert.equal(renamed[3].id, made[3].id);
  assert.equal(renamed[3].name, '黑金卡');
  ok(await env.api('PUT', '/v1/tiers', { tiers: made.map((t: any) => ({ id: t.id, name: t.name, threshold: t.threshold })) }));
});

test('a manual tier: held at once, needs an end date and a reason, a floor until then, then gone', async () => {
  const tiers = ok(await env.api('GET', '/v1/tiers')).data;
  const gold = tiers.find((t: any) => t.name === '金卡');
  const m = await fx.member({ name: '王小明' });
  // a new member is in the base tier, with no history yet
  const before = ok(await env.api('GET', `/v1/members/${m.id}/tier`));
  assert.equal(before.tier.name, '普通');
  assert.equal(before.next.name, '银卡');
  assert.equal(before.next.needed, 1000);

  const noEnd = await env.api('POST', `/v1/members/${m.id}/tier`, { tier_id: gold.id, reason: '大客户' });
  assert.equal(noEnd.status, 400);
  assert.ok(
    noEnd.body.errors.some((e: any) => e.field === 'body.until' && e.rule === 'required'),
    JSON.stringify(noEnd.body),
  );
  const past = await env.api('POST', `/v1/members/${m.id}/tier`, { tier_id: gold.id, until: '2000-01-01', reason: '大客户' });
  assert.equal(past.status, 422);
  assert.equal(past.body.code, 'TIER_INVALID');
  assert.equal(past.body.errors[0].field, 'until');
  const unknown = await env.api('POST', `/v1/members/${m.id}/tier`, { tier_id: 'tier_nope', until: '2099-01-01', reason: 'x' });
  assert.equal(unknown.status, 404);
  assert.equal(unknown.body.errors[0].field, 'tier_id');
  assert.equal(ok(await env.api('GET', `/v1/members/${m.id}/tier`)).history.length, 0, 'refusals changed nothing');

  const now = env.ctx.clock.now();
  const end = new Date(now.getTime() + 10 * 86400_000).toISOString().slice(0, 10);
  ok(await env.api('POST', `/v1/members/${m.id}/tier`, { tier_id: gold.id, until: end, reason: '大客户体验' }));
  const set = ok(await env.api('GET', `/v1/members/${m.id}/tier`));
  assert.equal(set.tier.name, '金卡');
  assert.equal(set.floor.tier.name, '金卡');
  assert.equal(set.floor.reason, '大客户体验');
  assert.deepEqual(
    set.history.map((h: any) => [h.why, h.from?.name ?? null, h.to?.name ?? null]),
    [
      ['manual', '普通', '金卡'],
      ['joined', null, '普通'],
    ],
  );
  // the sweep leaves the floor alone before its end …
  await env.jobs();
  assert.equal(ok(await env.api('GET', `/v1/members/${m.id}/tier`)).tier.name, '金卡');
  // … and after it the member holds what they earned (nothing: 普通), as a change of its own
  env.ctx.clock.advance(12 * 86400_000);
  await env.jobs();
  const after = ok(await env.api('GET', `/v1/members/${m.id}/tier`));
  assert.equal(after.tier.name, '普通');
  assert.equal(after.floor, null);
  assert.equal(after.history[0].why, 'floor_ended');
  // the change is an event for webhooks, from/to/why; and audited
  const events = await env.ctx.db.query(`SELECT data FROM events WHERE tenant_id = $1 AND event_type = 'tier.changed' AND member_id = $2 ORDER BY id`, [
    env.tenantId,
    m.id,
  ]);
  assert.deepEqual(
    events.rows.map((e: any) => [e.data.from_name, e.data.to_name, e.data.why]),
    [
      ['普通', '金卡', 'manual'],
      ['金卡', '普通', 'floor_ended'],
    ],
  );
  const audit = ok(await env.api('GET', '/v1/audit?action=tier.set'));
  assert.ok(JSON.stringify(audit).includes('大客户体验'));
});

test('the member reads their own tier in the wallet; another tenant’s member is 404; a removed tier in use is refused', async () => {
  const m = await fx.member({ name: '李四' });
  const token = ok(await env.api('POST', `/v1/members/${m.id}/wallet-link`, {}), 201).token;
  const mine = ok(await env.api('GET', '/v1/wallet/tier', undefined, { headers: { authorization: `Wallet ${token}` } }));
  assert.equal(mine.member_id, m.id);
  assert.equal(mine.tier.name, '普通');
  const other = await env.newTenant('Other');
  assert.equal((await env.api('GET', `/v1/members/${m.id}/tier`, undefined, { key: other.ownerKey })).status, 404);
  // 普通 is held by members now: leaving it out of the ladder is refused
  const tiers = ok(await env.api('GET', '/v1/tiers')).data;
  const r = await env.api('PUT', '/v1/tiers', { tiers: tiers.slice(1).map((t: any) => ({ id: t.id, name: t.name, threshold: t.threshold })) });
  assert.equal(r.status, 409);
  assert.equal(r.body.code, 'TIER_IN_USE');
});
