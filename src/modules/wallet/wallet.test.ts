import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, type TestEnv } from '../../testing/harness.js';
import { signWalletToken } from './link.js';

let env: TestEnv;
let tpl: any, batch: any, alice: any, bob: any;
before(async () => {
  env = await startTestEnv();
  tpl = (
    await env.api('POST', '/v1/templates', {
      kind: 'cash',
      name: '满100减20',
      value: { amount_off: 2000 },
      validity: { type: 'relative', days: 30 },
      rules: { min_spend: 10000, transferable: true },
    })
  ).body;
  batch = (await env.api('POST', '/v1/batches', { template_id: tpl.id, name: '会员日', mode: 'on_issue' })).body;
  alice = (await env.api('POST', '/v1/members', { external_id: 'crm-alice', name: '爱丽丝', phone: '13800138000' })).body;
  bob = (await env.api('POST', '/v1/members', { external_id: 'crm-bob', name: '鲍勃' })).body;
});
after(async () => {
  await env.close();
});

const wallet = (token: string, method: string, url: string, body?: unknown) => env.api(method, url, body, { headers: { authorization: `Wallet ${token}` } });

async function link(memberId: string, ttl_hours?: number) {
  const r = await env.api('POST', `/v1/members/${memberId}/wallet-link`, ttl_hours ? { ttl_hours } : {});
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
}

test('a signed link opens the member’s own wallet; the code is revealed only to its owner', async () => {
  const issued = (await env.api('POST', '/v1/cards/issue', { batch_id: batch.id, member_id: alice.id })).body;
  const l = await link('crm-alice');
  assert.match(l.url, /^http:\/\/localhost\/wallet#t=[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  const me = await wallet(l.token, 'GET', '/v1/wallet/me');
  assert.equal(me.status, 200);
  assert.equal(me.body.member.name, '爱丽丝');
  assert.equal(me.body.member.phone_last4, '8000');
  assert.equal(me.body.counts.usable, 1);
  const cards = await wallet(l.token, 'GET', '/v1/wallet/cards?state=usable');
  assert.equal(cards.body.data.length, 1);
  assert.equal(cards.body.data[0].name, '满100减20');
  assert.equal(cards.body.data[0].transferable, true);
  assert.ok(!('code' in cards.body.data[0]), 'lists never carry the code');
  const d = await wallet(l.token, 'GET', `/v1/wallet/cards/${issued.id}`);
  assert.equal(d.status, 200);
  assert.equal(d.body.code, issued.code);
  assert.equal(d.body.template_rules.min_spend, 10000);
  assert.deepEqual(
    d.body.history.map((h: any) => h.type),
    ['issued'],
  );
  assert.equal((await wallet(l.token, 'GET', '/v1/wallet/cards?state=used')).body.data.length, 0);

  const bobLink = await link(bob.id);
  const peek = await wallet(bobLink.token, 'GET', `/v1/wallet/cards/${issued.id}`);
  assert.equal(peek.status, 404, 'another member’s card does not exist for you');
  const audit = await env.ctx.db.query(`SELECT actor FROM audit_entries WHERE action = 'member.wallet_link' LIMIT 1`);
  assert.match(audit.rows[0].actor, /^key:/);
});

test('forged, altered, expired or foreign-tenant tokens are 401; no header is 401', async () => {
  const l = await link(alice.id, 1);
  const [payload, sig] = l.token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  const altered = `${Buffer.from(JSON.stringify({ ...claims, member_id: bob.id })).toString('base64url')}.${sig}`;
  for (const t of [altered, `${payload}.${'A'.repeat(43)}`, 'nonsense', `${payload}.${sig}.x`]) {
    const r = await wallet(t, 'GET', '/v1/wallet/me');
    assert.equal(r.status, 401, t);
    assert.equal(r.body.code, 'WALLET_LINK_INVALID');
  }
  const { generateKeyMaterial, keyring } = await import('../../secrets.js');
  const otherKeys = keyring(generateKeyMaterial());
  const forged = signWalletToken(otherKeys, { tenant_id: env.tenantId, member_id: alice.id, exp: Math.floor(Date.now() / 1000) + 3600 });
  assert.equal((await wallet(forged, 'GET', '/v1/wallet/me')).status, 401, 'signed with another key');
  env.ctx.clock.advance(3600_000 + 1000);
  assert.equal((await wallet(l.token, 'GET', '/v1/wallet/me')).status, 401, 'expired');
  env.ctx.clock.reset();
  const none = await env.app.inject({ method: 'GET', url: '/v1/wallet/me' });
  assert.equal(none.statusCode, 401);
  const bearer = await env.api('GET', '/v1/wallet/me');
  assert.equal(bearer.status, 401, 'an API key is not a wallet link');
});

test('bind a bearer code; gift a transferable card to a friend by member number', async () => {
  const bearer = (await env.api('POST', '/v1/cards/issue', { batch_id: batch.id })).body;
  assert.equal(bearer.member_id, null);
  const l = await link(alice.id);
  const bound = await wallet(l.token, 'POST', '/v1/wallet/bind', { code: bearer.code.toLowerCase() });
  assert.equal(bound.status, 200, JSON.stringify(bound.body));
  assert.equal(bound.body.id, bearer.id);
  assert.equal(bound.body.already_bound, false);
  const unknown = await wallet(l.token, 'POST', '/v1/wallet/bind', { code: 'ZZZZZZZZZZZZZZZZZ' });
  assert.ok([404, 422].includes(unknown.status));
  const bobLink = await link(bob.id);
  const steal = await wallet(bobLink.token, 'POST', '/v1/wallet/bind', { code: bearer.code });
  assert.equal(steal.status, 409);
  assert.equal(steal.body.code, 'CARD_ALREADY_BOUND');

  const notMine = await wallet(bobLink.token, 'POST', `/v1/wallet/cards/${bearer.id}/gift`, { to_member_external_id: 'crm-bob' });
  assert.equal(notMine.status, 404);
  const gift = await wallet(l.token, 'POST', `/v1/wallet/cards/${bearer.id}/gift`, { to_member_external_id: 'crm-bob' });
  assert.equal(gift.status, 200, JSON.stringify(gift.body));
  const bobs = await wallet(bobLink.token, 'GET', '/v1/wallet/cards?state=usable');
  assert.deepEqual(
    bobs.body.data.map((c: any) => c.id),
    [bearer.id],
  );
  assert.equal((await wallet(l.token, 'GET', `/v1/wallet/cards/${bearer.id}`)).status, 404, 'the giver no longer holds it');
  const hist = await wallet(bobLink.token, 'GET', `/v1/wallet/cards/${bearer.id}`);
  assert.deepEqual(
    hist.body.history.map((h: any) => h.type),
    ['transferred', 'bound', 'issued'],
  );
  const audit = await env.ctx.db.query(`SELECT actor FROM audit_entries WHERE action = 'wallet.gift'`);
  assert.equal(audit.rows[0].actor, `member:${alice.id}`);
});

test('a non-transferable card cannot be gifted', async () => {
  const t2 = (await env.api('POST', '/v1/templates', { kind: 'exchange', name: '咖啡兑换', value: { sku: 'LATTE' }, validity: { type: 'none' } })).body;
  const b2 = (await env.api('POST', '/v1/batches', { template_id: t2.id, name: 'b2', mode: 'on_issue' })).body;
  const c = (await env.api('POST', '/v1/cards/issue', { batch_id: b2.id, member_id: alice.id })).body;
  const l = await link(alice.id);
  const r = await wallet(l.token, 'POST', `/v1/wallet/cards/${c.id}/gift`, { to_member_id: bob.id });
  assert.equal(r.status, 409);
  assert.equal(r.body.code, 'CARD_NOT_TRANSFERABLE');
});

test('an operator revokes a member’s wallet links: the old ones stop working, a new one works; nobody else can', async () => {
  const old = await link(alice.id);
  assert.equal((await wallet(old.token, 'GET', '/v1/wallet/me')).status, 200);
  const bobs = await link(bob.id);

  const analyst = (await env.api('POST', '/v1/api-keys', { name: 'a', role: 'analyst' })).body.secret;
  const denied = await env.api('POST', `/v1/members/${alice.id}/wallet-links/revoke`, {}, { key: analyst });
  assert.equal(denied.status, 403);
  const other = await env.newTenant('Other Brand');
  const foreign = await env.api('POST', `/v1/members/${alice.id}/wallet-links/revoke`, {}, { key: other.ownerKey });
  assert.equal(foreign.status, 404, 'another tenant’s member does not exist for you');
  assert.equal((await wallet(old.token, 'GET', '/v1/wallet/me')).status, 200, 'refusals changed nothing');

  env.ctx.clock.advance(1000);
  const r = await env.api('POST', '/v1/members/crm-alice/wallet-links/revoke', {});
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.id, alice.id);
  const gone = await wallet(old.token, 'GET', '/v1/wallet/me');
  assert.equal(gone.status, 401);
  assert.equal(gone.body.code, 'WALLET_LINK_INVALID');
  assert.equal((await wallet(bobs.token, 'GET', '/v1/wallet/me')).status, 200, 'other members’ links still work');
  const fresh = await link(alice.id);
  assert.equal((await wallet(fresh.token, 'GET', '/v1/wallet/me')).status, 200, 'a link signed after the revocation works');
  const audit = await env.ctx.db.query(`SELECT target_id FROM audit_entries WHERE action = 'member.wallet_links_revoked'`);
  assert.deepEqual(
    audit.rows.map((a) => a.target_id),
    [alice.id],
  );
  assert.equal((await env.api('POST', '/v1/members/mem_nobody/wallet-links/revoke', {})).status, 404);
  env.ctx.clock.reset();
});
