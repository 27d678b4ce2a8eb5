import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, type TestEnv } from '../../testing/harness.js';

let env: TestEnv;
before(async () => {
  env = await startTestEnv();
});
after(async () => {
  await env.close();
});

test('no key or an unknown key is 401 problem+json', async () => {
  const r = await env.app.inject({ method: 'GET', url: '/v1/tenant' });
  assert.equal(r.statusCode, 401);
  assert.match(String(r.headers['content-type']), /application\/problem\+json/);
  assert.equal(r.json().code, 'UNAUTHENTICATED');
  const r2 = await env.api('GET', '/v1/tenant', undefined, { key: 'kq_nope' });
  assert.equal(r2.status, 401);
});

test('owner creates keys by role; an analyst key cannot write; revoked keys stop working', async () => {
  const store = await env.api('POST', '/v1/stores', { name: '徐汇店' });
  assert.equal(store.status, 201);
  const analyst = await env.api('POST', '/v1/api-keys', { name: 'bi', role: 'analyst' });
  assert.equal(analyst.status, 201);
  assert.match(analyst.body.secret, /^kq_/);
  const denied = await env.api('POST', '/v1/stores', { name: 'x' }, { key: analyst.body.secret });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.code, 'FORBIDDEN');
  assert.equal((await env.api('GET', '/v1/stores', undefined, { key: analyst.body.secret })).status, 200);

  const clerkNoStore = await env.api('POST', '/v1/api-keys', { name: 'c', role: 'clerk' });
  assert.equal(clerkNoStore.status, 422);
  assert.equal(clerkNoStore.body.errors[0].field, 'store_ids');
  const clerk = await env.api('POST', '/v1/api-keys', { name: 'c', role: 'clerk', store_ids: [store.body.id] });
  assert.equal(clerk.status, 201);
  assert.deepEqual(clerk.body.store_ids, [store.body.id]);
  const keys = await env.api('GET', '/v1/api-keys');
  assert.ok(keys.body.data.every((k: any) => !('secret' in k) && !('key_hash' in k)));

  const other = await env.newTenant('Other');
  const mine = await env.api('POST', '/v1/api-keys', { name: 'tmp', role: 'operator' }, { key: other.ownerKey });
  const revoke = await env.api('DELETE', `/v1/api-keys/${mine.body.id}`);
  assert.equal(revoke.status, 404, 'another tenant’s key id answers 404');
  assert.equal((await env.api('DELETE', `/v1/api-keys/${mine.body.id}`, undefined, { key: other.ownerKey })).status, 200);
});

test('another tenant’s store answers 404, not 403', async () => {
  const other = await env.newTenant('Other2');
  const s = await env.api('POST', '/v1/stores', { name: 'theirs' }, { key: other.ownerKey });
  const r = await env.api('GET', `/v1/stores/${s.body.id}`);
  assert.equal(r.status, 404);
  assert.equal(r.body.code, 'STORE_NOT_FOUND');
});

test('bad input is a 4xx naming the field, never a 500', async () => {
  const r = await env.api('POST', '/v1/stores', { name: 5, lat: 'north' });
  assert.equal(r.status, 400);
  assert.equal(r.body.code, 'VALIDATION_FAILED');
  assert.ok(r.body.errors[0].field.startsWith('body'));
  const tz = await env.api('PATCH', '/v1/tenant', { time_zone: 'Mars/Olympus' });
  assert.equal(tz.status, 422);
  const bad = await env.app.inject({
    method: 'POST',
    url: '/v1/stores',
    headers: { authorization: `Bearer ${env.ownerKey}`, 'content-type': 'application/json' },
    payload: '{"name":',
  });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().code, 'MALFORMED_JSON');
});

test('idempotency: same key same body replays; same key other body is 409', async () => {
  const h = { 'idempotency-key': 'store-create-1' };
  const a = await env.api('POST', '/v1/stores', { name: '静安店' }, { headers: h });
  const b = await env.api('POST', '/v1/stores', { name: '静安店' }, { headers: h });
  assert.equal(a.status, 201);
  assert.equal(b.status, 201);
  assert.equal(b.body.id, a.body.id);
  assert.equal(b.headers['idempotent-replayed'], 'true');
  const c = await env.api('POST', '/v1/stores', { name: '别的店' }, { headers: h });
  assert.equal(c.status, 409);
  assert.equal(c.body.code, 'IDEMPOTENCY_KEY_REUSED');
  const list = await env.api('GET', '/v1/stores?q=静安');
  assert.equal(list.body.data.length, 1);
});

test('members keep phones encrypted and are found by external id and phone', async () => {
  const m = await env.api('POST', '/v1/members', { external_id: 'crm-1', name: '张三', phone: '138 0013 8000', birthday: '1990-05-01' });
  assert.equal(m.status, 201);
  assert.equal(m.body.phone_last4, '8000');
  assert.equal(m.body.birthday, '1990-05-01');
  const raw = await env.ctx.db.query('SELECT phone_enc FROM members WHERE id = $1', [m.body.id]);
  assert.ok(!String(raw.rows[0].phone_enc).includes('13800138000'));
  assert.equal((await env.api('GET', '/v1/members/crm-1')).body.id, m.body.id);
  assert.equal((await env.api('GET', '/v1/members?q=13800138000')).body.data[0].id, m.body.id);
  const dup = await env.api('POST', '/v1/members', { external_id: 'crm-1' });
  assert.equal(dup.status, 409);
  const badDay = await env.api('POST', '/v1/members', { birthday: '1990-02-30' });
  assert.equal(badDay.status, 422);
});
