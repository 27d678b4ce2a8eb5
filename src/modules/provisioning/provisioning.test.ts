import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, type TestEnv } from '../../testing/harness.js';
import { createPlatformKey, revokePlatformKey } from './service.js';
import { provisioningCommand } from './cli.js';

let env: TestEnv;
let platformKey: string;
let keyId: string;
before(async () => {
  env = await startTestEnv();
  const k = await createPlatformKey(env.ctx.db, 'ops');
  platformKey = k.secret;
  keyId = k.id;
});
after(async () => {
  await env.close();
});
const platform = (method: string, url: string, body?: unknown, key = platformKey) => env.api(method, url, body, { key });

test('only a platform key reaches the platform-admin API; a tenant owner key does not', async () => {
  assert.equal((await env.api('GET', '/v1/platform/tenants', undefined, { key: '' })).status, 401);
  assert.equal((await env.api('GET', '/v1/platform/tenants')).status, 401); // the owner key of a tenant
  assert.equal((await platform('GET', '/v1/platform/tenants', undefined, 'kqp_not_a_real_key')).status, 401);
  const list = await platform('GET', '/v1/platform/tenants');
  assert.equal(list.status, 200);
  assert.ok(list.body.data.some((t: any) => t.id === env.tenantId));
  // and a platform key is nobody inside a tenant
  assert.equal((await platform('GET', '/v1/templates')).status, 401);
});

test('a tenant is created with its first owner key, which works at once and sees only its tenant', async () => {
  const r = await platform('POST', '/v1/platform/tenants', { id: 'brand-b', name: '品牌乙', time_zone: 'Asia/Shanghai' });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(r.body.tenant.id, 'brand-b');
  assert.equal(r.body.tenant.disabled_at, null);
  const owner = r.body.owner_key.secret;
  const me = await env.api('GET', '/v1/tenant', undefined, { key: owner });
  assert.equal(me.status, 200);
  assert.equal(me.body.name, '品牌乙');
  assert.deepEqual((await env.api('GET', '/v1/templates', undefined, { key: owner })).body.data, []);
  // the creation is in the new tenant's own audit log, by the platform key
  const audit = await env.api('GET', '/v1/audit', undefined, { key: owner });
  assert.ok(
    audit.body.data.some((e: any) => e.action === 'tenant.create' && e.actor === `platform:${keyId}`),
    JSON.stringify(audit.body),
  );

  assert.equal((await platform('POST', '/v1/platform/tenants', { id: 'brand-b', name: 'again' })).body.code, 'TENANT_EXISTS');
  const bad = await platform('POST', '/v1/platform/tenants', { id: 'Brand B!', name: 'x' });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.errors[0].field, 'body.id');
  assert.equal((await platform('POST', '/v1/platform/tenants', { name: 'x', plan: 'gold' })).status, 422); // unknown field
  assert.equal((await platform('POST', '/v1/platform/tenants', { name: 'x', time_zone: 'Mars/Base' })).status, 422);
});

test('two creations of one tenant id at once make one tenant and one 409', async () => {
  const both = await Promise.all([1, 2].map((n) => platform('POST', '/v1/platform/tenants', { id: 'brand-race', name: `品牌${n}` })));
  assert.deepEqual(both.map((r) => r.status).sort(), [201, 409], JSON.stringify(both.map((r) => r.body)));
  assert.equal(both.find((r) => r.status === 409)!.body.code, 'TENANT_EXISTS');
  const list = await platform('GET', '/v1/platform/tenants');
  assert.equal(list.body.data.filter((t: any) => t.id === 'brand-race').length, 1);
});

test('a disabled tenant is refused everywhere until it is enabled again; its data stays', async () => {
  const { tenant, owner_key } = (await platform('POST', '/v1/platform/tenants', { name: '品牌丙' })).body;
  const member = (await env.api('POST', '/v1/members', { name: '会员' }, { key: owner_key.secret })).body;
  const link = (await env.api('POST', `/v1/members/${member.id}/wallet-link`, {}, { key: owner_key.secret })).body;

  const off = await platform('POST', `/v1/platform/tenants/${tenant.id}/disable`);
  assert.equal(off.status, 200);
  assert.ok(off.body.disabled_at);
  const refused = await env.api('GET', '/v1/members', undefined, { key: owner_key.secret });
  assert.equal(refused.status, 403);
  assert.equal(refused.body.code, 'TENANT_DISABLED');
  const wallet = await env.api('GET', '/v1/wallet/me', undefined, { headers: { authorization: `Wallet ${link.token}` } });
  assert.equal(wallet.status, 403);
  assert.equal(wallet.body.code, 'TENANT_DISABLED');
  // other tenants carry on
  assert.equal((await env.api('GET', '/v1/members')).status, 200);

  assert.equal((await platform('POST', `/v1/platform/tenants/${tenant.id}/enable`)).body.disabled_at, null);
  const back = await env.api('GET', '/v1/members', undefined, { key: owner_key.secret });
  assert.equal(back.status, 200);
  assert.equal(back.body.data.length, 1);
  assert.equal((await platform('POST', '/v1/platform/tenants/ten_nope/disable')).status, 404);
});

test('a revoked platform key stops working; the command line does what the API does', async () => {
  const k = await createPlatformKey(env.ctx.db, 'temp');
  assert.equal((await platform('GET', '/v1/platform/tenants', undefined, k.secret)).status, 200);
  await revokePlatformKey(env.ctx.db, k.id, new Date());
  assert.equal((await platform('GET', '/v1/platform/tenants', undefined, k.secret)).status, 401);

  const made = (await provisioningCommand(env.ctx, 'tenant', ['create', '品牌丁', '--id', 'brand-d', '--currency', 'HKD'])) as any;
  assert.equal(made.tenant.currency, 'HKD');
  assert.equal((await env.api('GET', '/v1/tenant', undefined, { key: made.owner_key.secret })).body.id, 'brand-d');
  await provisioningCommand(env.ctx, 'tenant', ['disable', 'brand-d']);
  assert.equal((await env.api('GET', '/v1/tenant', undefined, { key: made.owner_key.secret })).body.code, 'TENANT_DISABLED');
  const list = (await provisioningCommand(env.ctx, 'tenant', ['list'])) as any[];
  assert.ok(list.find((t) => t.id === 'brand-d').disabled_at);
  await assert.rejects(provisioningCommand(env.ctx, 'tenant', ['create', 'x', '--currency', 'yuan']), { code: 'VALIDATION_FAILED' });
});
