import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, type TestEnv } from '../../testing/harness.js';
import { MAX_FAILURES, WINDOW_MINUTES } from './attempts.js';

let env: TestEnv;
before(async () => {
  env = await startTestEnv();
});
after(async () => {
  await env.close();
});

const login = (body: Record<string, unknown>) => env.app.inject({ method: 'POST', url: '/v1/sessions', payload: body });

test('owner creates operator accounts; passwords are scrypt hashes, never stored in clear', async () => {
  const short = await env.api('POST', '/v1/operators', { username: 'wang', password: 'short', role: 'operator' });
  assert.equal(short.status, 400);
  const r = await env.api('POST', '/v1/operators', { username: 'wang', password: 'correct horse 1', role: 'operator', display_name: '王经理' });
  assert.equal(r.status, 201);
  assert.equal(r.body.username, 'wang');
  assert.ok(!('password_hash' in r.body) && !('password' in r.body));
  const raw = await env.ctx.db.query('SELECT password_hash FROM operators WHERE id = $1', [r.body.id]);
  assert.match(raw.rows[0].password_hash, /^scrypt\$32768\$8\$1\$/);
  assert.ok(!raw.rows[0].password_hash.includes('correct horse'));
  const dup = await env.api('POST', '/v1/operators', { username: 'WANG', password: 'another pass 2', role: 'analyst' });
  assert.equal(dup.status, 409);
  assert.equal(dup.body.code, 'OPERATOR_USERNAME_TAKEN');
  const clerkNoStore = await env.api('POST', '/v1/operators', { username: 'clerk1', password: 'clerk password', role: 'clerk' });
  assert.equal(clerkNoStore.status, 422);
  assert.equal(clerkNoStore.body.errors[0].field, 'store_ids');
  const audit = await env.ctx.db.query(`SELECT data FROM audit_entries WHERE action = 'operator.create' ORDER BY id DESC LIMIT 1`);
  assert.equal(audit.rows[0].data.body.password, '[redacted]');
});

test('only an owner manages accounts', async () => {
  const op = await env.api('POST', '/v1/api-keys', { name: 'ops', role: 'operator' });
  const r = await env.api('POST', '/v1/operators', { username: 'li', password: 'some password', role: 'operator' }, { key: op.body.secret });
  assert.equal(r.status, 403);
  assert.equal((await env.api('GET', '/v1/operators', undefined, { key: op.body.secret })).status, 403);
});

test('sign in, act as the person (audit names them), sign out', async () => {
  const store = await env.api('POST', '/v1/stores', { name: '徐汇店' });
  const clerk = await env.api('POST', '/v1/operators', { username: 'xiaoli', password: 'clerk pass 123', role: 'clerk', store_ids: [store.body.id] });
  assert.equal(clerk.status, 201);
  const s = await login({ tenant_id: env.tenantId, username: 'xiaoli', password: 'clerk pass 123' });
  assert.equal(s.statusCode, 201);
  const sess = s.json();
  assert.match(sess.token, /^kqs_[0-9a-z]{32}$/);
  assert.equal(sess.operator.role, 'clerk');
  assert.deepEqual(sess.operator.store_ids, [store.body.id]);
  const raw = await env.ctx.db.query('SELECT token_hash FROM operator_sessions WHERE tenant_id = $1', [env.tenantId]);
  assert.ok(raw.rows.every((x: any) => Buffer.from(x.token_hash).length === 32));

  const me = await env.api('GET', '/v1/sessions/current', undefined, { key: sess.token });
  assert.equal(me.status, 200);
  assert.equal(me.body.kind, 'session');
  assert.equal(me.body.operator.username, 'xiaoli');
  assert.equal(me.body.role, 'clerk');
  assert.equal((await env.api('POST', '/v1/stores', { name: 'x' }, { key: sess.token })).status, 403, 'a clerk session has clerk rights');

  const owner = await env.api('POST', '/v1/operators', { username: 'boss', password: 'owner password', role: 'owner' });
  const os = (await login({ tenant: 'Test Brand', username: 'BOSS', password: 'owner password' })).json();
  assert.ok(os.token, 'tenant by name, username any case');
  const made = await env.api('POST', '/v1/stores', { name: '静安店' }, { key: os.token });
  assert.equal(made.status, 201);
  const a = await env.ctx.db.query(`SELECT actor FROM audit_entries WHERE action = 'store.create' AND target_id = $1`, [made.body.id]);
  assert.equal(a.rows[0].actor, 'operator:boss');
  const meKey = await env.api('GET', '/v1/sessions/current');
  assert.equal(meKey.body.kind, 'api_key');
  assert.equal(meKey.body.tenant.name, 'Test Brand');

  const out = await env.api('DELETE', '/v1/sessions/current', undefined, { key: os.token });
  assert.equal(out.status, 200);
  const after = await env.api('GET', '/v1/stores', undefined, { key: os.token });
  assert.equal(after.status, 401);
  assert.equal(owner.status, 201);
});

test('sessions expire after 12 hours and end when the account is disabled', async () => {
  await env.api('POST', '/v1/operators', { username: 'zhao', password: 'secret pass 4', role: 'analyst' });
  const t = (await login({ username: 'zhao', password: 'secret pass 4' })).json().token;
  assert.equal((await env.api('GET', '/v1/stores', undefined, { key: t })).status, 200, 'a unique username needs no tenant');
  env.ctx.clock.advance(12 * 3600_000 + 1000);
  assert.equal((await env.api('GET', '/v1/stores', undefined, { key: t })).status, 401);
  env.ctx.clock.reset();
  const t2 = (await login({ username: 'zhao', password: 'secret pass 4' })).json().token;
  const list = await env.api('GET', '/v1/operators');
  const id = list.body.data.find((o: any) => o.username === 'zhao').id;
  assert.equal((await env.api('POST', `/v1/operators/${id}/disable`)).status, 200);
  assert.equal((await env.api('GET', '/v1/stores', undefined, { key: t2 })).status, 401);
  const again = await login({ username: 'zhao', password: 'secret pass 4' });
  assert.equal(again.statusCode, 401);
  assert.equal((await env.api('POST', `/v1/operators/${id}/enable`)).status, 200);
  assert.equal((await login({ username: 'zhao', password: 'secret pass 4' })).statusCode, 201);
});

test('wrong password, unknown user, unknown tenant and a lock all answer the same 401; guessing locks the account', async () => {
  await env.api('POST', '/v1/operators', { username: 'qian', password: 'secret pass 5', role: 'operator' });
  const answers = await Promise.all([
    login({ tenant_id: env.tenantId, username: 'qian', password: 'wrong password' }),
    login({ tenant_id: env.tenantId, username: 'nobody', password: 'secret pass 5' }),
    login({ tenant_id: 'ten_nope', username: 'qian', password: 'secret pass 5' }),
  ]);
  for (const a of answers) {
    assert.equal(a.statusCode, 401);
    assert.equal(a.json().code, 'INVALID_CREDENTIALS');
    assert.equal(a.json().detail, answers[0].json().detail);
  }
  for (let i = 1; i < MAX_FAILURES; i++) assert.equal((await login({ tenant_id: env.tenantId, username: 'qian', password: `guess ${i}` })).statusCode, 401);
  const locked = await login({ tenant_id: env.tenantId, username: 'qian', password: 'secret pass 5' });
  assert.equal(locked.statusCode, 401, 'even the right password waits out the lock, and the answer does not say which');
  assert.equal(locked.json().code, 'INVALID_CREDENTIALS');
  assert.equal(locked.json().detail, answers[0].json().detail);
  assert.equal(locked.headers['retry-after'], undefined);
  env.ctx.clock.advance((WINDOW_MINUTES + 1) * 60_000);
  assert.equal((await login({ tenant_id: env.tenantId, username: 'qian', password: 'secret pass 5' })).statusCode, 201);
  env.ctx.clock.reset();
});

test('an account changes its own password; its other sessions end', async () => {
  const op = await env.api('POST', '/v1/operators', { username: 'sun', password: 'secret pass 61', role: 'operator' });
  const a = (await login({ username: 'sun', password: 'secret pass 61' })).json().token;
  const b = (await login({ username: 'sun', password: 'secret pass 61' })).json().token;
  const r = await env.api('POST', `/v1/operators/${op.body.id}/password`, { password: 'secret pass 62', current_password: 'secret pass 61' }, { key: a });
  assert.equal(r.status, 200);
  assert.equal((await env.api('GET', '/v1/sessions/current', undefined, { key: a })).status, 200);
  assert.equal((await env.api('GET', '/v1/sessions/current', undefined, { key: b })).status, 401);
  assert.equal((await login({ username: 'sun', password: 'secret pass 61' })).statusCode, 401);
  assert.equal((await login({ username: 'sun', password: 'secret pass 62' })).statusCode, 201);
});

test('a password may not contain the username', async () => {
  const r = await env.api('POST', '/v1/operators', { username: 'zhou', password: 'zhou12345678', role: 'operator' });
  assert.equal(r.status, 422);
  assert.equal(r.body.errors[0].field, 'password');
});
