import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';

/**
 * Signals and fail modes: a member who changed phone more often than a rule allows is caught (from
 * members' own update events); a device serving too many members is caught; and with Redis
 * configured but down, a rule that fails open lets the action through while one that fails closed
 * answers 503 RISK_UNAVAILABLE — nothing is counted in this process's memory instead.
 */
let env: TestEnv;
let fx: Awaited<ReturnType<typeof fixtures>>;
let batch: any;
before(async () => {
  env = await startTestEnv({ config: { redisUrl: 'redis://127.0.0.1:9' } }); // nothing listens there
  fx = await fixtures(env);
  batch = await fx.batch((await fx.template('cash', { amount_off: 100 })).id);
});
after(async () => {
  await env.close();
});
const ok = (r: { status: number; body: any }, status = 201) => {
  assert.equal(r.status, status, JSON.stringify(r.body));
  return r.body;
};
const rule = async (body: Record<string, unknown>) => ok(await env.api('POST', '/v1/risk/rules', { window: { size: 1, unit: 'day' }, ...body }));

test('Redis down: a rule failing open lets the action through, one failing closed answers 503', async () => {
  const open = await rule({ name: '开放 Open', actions: ['issue'], kind: 'limit', subject: 'member', limit: 1, outcome: 'refuse', fail_mode: 'open' });
  const m = await fx.member();
  for (let i = 0; i < 3; i++) ok(await env.api('POST', '/v1/cards/issue', { batch_id: batch.id, member_id: m.id }));
  const closed = await rule({ name: '关闭 Closed', actions: ['issue'], kind: 'limit', subject: 'member', limit: 100, outcome: 'refuse', fail_mode: 'closed' });
  const x = await env.api('POST', '/v1/cards/issue', { batch_id: batch.id, member_id: m.id });
  assert.equal(x.status, 503, JSON.stringify(x.body));
  assert.equal(x.body.code, 'RISK_UNAVAILABLE');
  assert.equal(x.body.rule, '关闭 Closed');
  for (const r of [open, closed]) await env.api('PATCH', `/v1/risk/rules/${r.id}`, { status: 'paused' });
});

test('a member who changes phone too often is caught, from the members module’s own events', async () => {
  const r = await rule({
    name: '频繁换绑 Phone changes',
    actions: ['issue'],
    kind: 'signal',
    signal: 'phone_changes',
    limit: 2,
    outcome: 'refuse',
    window: { size: 30, unit: 'day' },
  });
  const m = await fx.member({ phone: '13900000000' });
  for (const p of ['13900000001', '13900000002']) ok(await env.api('PATCH', `/v1/members/${m.id}`, { phone: p }), 200);
  await env.jobs();
  ok(await env.api('POST', '/v1/cards/issue', { batch_id: batch.id, member_id: m.id }));
  ok(await env.api('PATCH', `/v1/members/${m.id}`, { phone: '13900000003' }), 200);
  ok(await env.api('PATCH', `/v1/members/${m.id}`, { name: '只改名字' }), 200); // not a phone change
  await env.jobs();
  const x = await env.api('POST', '/v1/cards/issue', { batch_id: batch.id, member_id: m.id });
  assert.equal(x.body.code, 'RISK_REFUSED', JSON.stringify(x.body));
  const profile = ok(await env.api('GET', `/v1/risk/members/${m.id}`), 200);
  assert.equal(profile.phone_changes_30d, 3);
  await env.api('PATCH', `/v1/risk/rules/${r.id}`, { status: 'paused' });
});

test('a device claiming for more members than a rule allows is caught; its members show it on their profile', async () => {
  const members = await Promise.all(Array.from({ length: 4 }, () => fx.member()));
  const rs = [];
  for (const m of members)
    rs.push(await env.api('POST', '/v1/cards/issue', { batch_id: batch.id, member_id: m.id, client: { ip: '198.51.100.77', device_id: 'shared-device-1' } }));
  assert.deepEqual(
    rs.map((r) => r.status),
    [201, 201, 201, 403],
  );
  const profile = ok(await env.api('GET', `/v1/risk/members/${members[0]!.id}`), 200);
  assert.equal(profile.devices[0].device_id, 'shared-device-1');
  assert.equal(profile.devices[0].members, 4);
});
