import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';
import { DEFAULT_RULES } from './defaults.js';

/**
 * Rules 规则 and lists 名单 through the API: the defaults are there and editable, a rule is made,
 * read, paused; bad input (an unknown subject, a window of zero, an unknown action) is refused naming
 * the field with nothing stored; a phone on a list is kept as its hash and shown masked; an entry is
 * removed (and kept, with when).
 */
let env: TestEnv;
before(async () => {
  env = await startTestEnv();
});
after(async () => {
  await env.close();
});

const ok = (r: { status: number; body: any }, status = 201) => {
  assert.equal(r.status, status, JSON.stringify(r.body));
  return r.body;
};
const rule = {
  name: '每人每天核销 3 次',
  actions: ['redeem'],
  kind: 'limit',
  subject: 'member',
  window: { size: 1, unit: 'day', mode: 'calendar' },
  limit: 3,
  outcome: 'refuse',
};

test('every tenant has the default rules, editable and pausable', async () => {
  const page = ok(await env.api('GET', '/v1/risk/rules?limit=200'), 200);
  const keys = page.data
    .map((r: any) => r.default_key)
    .filter(Boolean)
    .sort();
  assert.deepEqual(keys, DEFAULT_RULES.map((d) => d.key).sort());
  const d = page.data.find((r: any) => r.default_key === 'claims_per_ip');
  assert.equal(d.status, 'active');
  const paused = ok(await env.api('PATCH', `/v1/risk/rules/${d.id}`, { status: 'paused', limit: 50 }), 200);
  assert.equal(paused.status, 'paused');
  assert.equal(paused.limit, 50);
  // read again: the paused default stays paused, and is not made a second time
  const again = ok(await env.api('GET', '/v1/risk/rules?limit=200'), 200);
  assert.equal(again.data.filter((r: any) => r.default_key === 'claims_per_ip').length, 1);
  assert.equal(again.data.find((r: any) => r.default_key === 'claims_per_ip').status, 'paused');
  ok(await env.api('PATCH', `/v1/risk/rules/${d.id}`, { status: 'active', limit: 20 }), 200);
});

test('a rule is made, read, listed by action and paused', async () => {
  const r = ok(await env.api('POST', '/v1/risk/rules', rule));
  assert.deepEqual(r.window, { size: 1, unit: 'day', mode: 'calendar' });
  assert.equal(r.fail_mode, 'open');
  assert.equal(r.count, 'all');
  assert.equal(ok(await env.api('GET', `/v1/risk/rules/${r.id}`), 200).name, rule.name);
  const byAction = ok(await env.api('GET', '/v1/risk/rules?action=redeem'), 200);
  assert.deepEqual(
    byAction.data.map((x: any) => x.id),
    [r.id],
  );
  const p = ok(await env.api('PATCH', `/v1/risk/rules/${r.id}`, { status: 'paused' }), 200);
  assert.equal(p.status, 'paused');
  assert.equal((await env.api('GET', '/v1/risk/rules/rrl_nothing')).status, 404);
});

test('bad rules are refused naming the field, and nothing is stored', async () => {
  const before = ok(await env.api('GET', '/v1/risk/rules?limit=200'), 200).data.length;
  const bad = async (body: any, field: string) => {
    const r = await env.api('POST', '/v1/risk/rules', body);
    assert.equal(r.status, 422, JSON.stringify(r.body));
    assert.ok(
      r.body.errors.some((e: any) => e.field.includes(field)),
      JSON.stringify(r.body.errors),
    );
  };
  await bad({ ...rule, subject: 'planet' }, 'subject');
  await bad({ ...rule, window: { size: 0, unit: 'day' } }, 'window.size');
  await bad({ ...rule, window: { size: 1, unit: 'fortnight' } }, 'window.unit');
  await bad({ ...rule, actions: ['teleport'] }, 'actions');
  await bad({ ...rule, subject: undefined }, 'subject');
  await bad({ ...rule, kind: 'signal', subject: undefined }, 'signal');
  await bad({ ...rule, extra: 1 }, 'extra');
  assert.equal(ok(await env.api('GET', '/v1/risk/rules?limit=200'), 200).data.length, before);
});

test('lists: a phone is kept as its hash and shown masked; an entry expires or is removed', async () => {
  const fx = await fixtures(env);
  const m = await fx.member();
  const phone = ok(await env.api('POST', '/v1/risk/lists', { list: 'black', subject: 'phone', value: '13800138000', reason: '黄牛' }));
  assert.equal(phone.value, '138****8000');
  assert.equal(phone.active, true);
  const dump = await env.ctx.db.query(`SELECT value FROM risk_list_entries WHERE id = $1`, [phone.id]);
  assert.notEqual(dump.rows[0].value, '13800138000');
  assert.ok(!JSON.stringify(dump.rows).includes('13800138000'));
  const bad = await env.api('POST', '/v1/risk/lists', { list: 'black', subject: 'phone', value: 'abc', reason: 'x' });
  assert.equal(bad.status, 422);
  assert.equal(bad.body.errors[0].field, 'value');
  assert.equal((await env.api('POST', '/v1/risk/lists', { list: 'pink', subject: 'member', value: m.id, reason: 'x' })).status, 422);
  const e = ok(await env.api('POST', '/v1/risk/lists', { list: 'grey', subject: 'member', value: m.id, reason: '可疑' }));
  const removed = ok(await env.api('DELETE', `/v1/risk/lists/${e.id}`), 200);
  assert.equal(removed.active, false);
  assert.ok(removed.removed_at);
  const active = ok(await env.api('GET', '/v1/risk/lists?active=true'), 200);
  assert.deepEqual(
    active.data.map((x: any) => x.id),
    [phone.id],
  );
  const audit = ok(await env.api('GET', '/v1/audit?limit=50'), 200);
  assert.ok(audit.data.some((a: any) => a.action === 'risk_list.remove'));
});
