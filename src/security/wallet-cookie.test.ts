import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, type TestEnv } from '../testing/harness.js';

/**
 * The wallet page trades the link's token (from the URL fragment) for an HttpOnly cookie, so no
 * script or storage keeps it. The cookie holds the signed link itself: expiry and revocation still
 * apply on every request, and the link keeps working when it is opened again.
 */
let env: TestEnv;
let alice: any, bob: any, batch: any;
before(async () => {
  env = await startTestEnv();
  const tpl = (await env.api('POST', '/v1/templates', { kind: 'cash', name: '满50减5', value: { amount_off: 500 }, validity: { type: 'relative', days: 30 } }))
    .body;
  batch = (await env.api('POST', '/v1/batches', { template_id: tpl.id, name: 'w', mode: 'on_issue' })).body;
  alice = (await env.api('POST', '/v1/members', { external_id: 'crm-a', name: '爱丽丝' })).body;
  bob = (await env.api('POST', '/v1/members', { external_id: 'crm-b', name: '鲍勃' })).body;
});
after(async () => {
  await env.close();
});

const link = async (memberId: string) => (await env.api('POST', `/v1/members/${memberId}/wallet-link`, { ttl_hours: 2 })).body;

function page(method: string, url: string, o: { cookie?: string; screen?: string; token?: string; member?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = {};
  if (o.cookie) headers.cookie = o.cookie;
  if (o.screen) headers['x-kaquan-screen'] = o.screen;
  if (o.token) headers.authorization = `Wallet ${o.token}`;
  if (o.member) headers['x-kaquan-wallet-member'] = o.member;
  return env.app.inject({ method: method as any, url, headers, payload: o.body as any });
}

async function open(token: string) {
  const r = await page('POST', '/v1/wallet/session', { token, screen: 'wallet' });
  assert.equal(r.statusCode, 200, r.body);
  const set = String(r.headers['set-cookie']);
  return { set, cookie: set.split(';')[0], body: r.json() };
}

test('opening the wallet trades the link for an HttpOnly, SameSite=Strict cookie that the page then uses', async () => {
  const l = await link(alice.id);
  const { set, cookie, body } = await open(l.token);
  assert.equal(cookie, `kq_wallet=${l.token}`);
  // until the link expires: its two hours less the seconds between making the link and opening it (a loaded box takes a few)
  assert.match(set, /; Path=\/v1\/wallet; Max-Age=(71[89]\d|7200); HttpOnly; SameSite=Strict$/, 'for the wallet API only, until the link expires');
  assert.equal(body.member_id, alice.id);
  assert.ok(!JSON.stringify(body).includes(l.token), 'the answer does not hand the token back');
  const me = await page('GET', '/v1/wallet/me', { cookie, screen: 'wallet', member: alice.id });
  assert.equal(me.statusCode, 200, me.body);
  assert.equal(me.json().member.name, '爱丽丝');
});

test('the wallet cookie without the same-origin proof is refused and binds nothing', async () => {
  const card = (await env.api('POST', '/v1/cards/issue', { batch_id: batch.id })).body; // a bearer code
  const { cookie } = await open((await link(alice.id)).token);
  const forged = await page('POST', '/v1/wallet/bind', { cookie, body: { code: card.code } });
  assert.equal(forged.statusCode, 403);
  assert.equal(forged.json().code, 'CROSS_SITE_REQUEST');
  assert.equal((await env.api('GET', `/v1/cards/${card.id}`)).body.member_id, null, 'nothing was bound');
  const read = await page('GET', '/v1/wallet/cards', { cookie, screen: 'console' });
  assert.equal(read.statusCode, 403, 'another screen’s header is no proof for the wallet cookie');
  const bound = await page('POST', '/v1/wallet/bind', { cookie, screen: 'wallet', body: { code: card.code } });
  assert.equal(bound.statusCode, 200, bound.body);
});

test('a revoked link stops working through its cookie too, and the cookie is cleared', async () => {
  const { cookie } = await open((await link(bob.id)).token);
  assert.equal((await page('GET', '/v1/wallet/me', { cookie, screen: 'wallet' })).statusCode, 200);
  env.ctx.clock.advance(1000); // the revocation is strictly after the link was signed
  assert.equal((await env.api('POST', `/v1/members/${bob.id}/wallet-links/revoke`)).status, 200);
  const r = await page('GET', '/v1/wallet/me', { cookie, screen: 'wallet' });
  assert.equal(r.statusCode, 401);
  assert.equal(r.json().code, 'WALLET_LINK_INVALID');
  assert.match(String(r.headers['set-cookie']), /^kq_wallet=; Path=\/v1\/wallet; Max-Age=0/);
  // a new link works at once, opened again the same way
  const fresh = await open((await link(bob.id)).token);
  assert.equal((await page('GET', '/v1/wallet/me', { cookie: fresh.cookie, screen: 'wallet' })).statusCode, 200);
  // (the clock stays ahead: set back, the next links would be signed before this revocation)
});

test('a link that does not work clears the wallet cookie instead of showing the wallet opened before', async () => {
  const good = (await link(alice.id)).token;
  const broken = `${good.slice(0, -3)}xyz`;
  const r = await page('POST', '/v1/wallet/session', { token: broken, screen: 'wallet', cookie: `kq_wallet=${good}` });
  assert.equal(r.statusCode, 401);
  assert.equal(r.json().code, 'WALLET_LINK_INVALID');
  assert.match(String(r.headers['set-cookie']), /^kq_wallet=; Path=\/v1\/wallet; Max-Age=0/);
});

test('a page that shows one member does not go on as another whose link the browser opened since', async () => {
  const a = await open((await link(alice.id)).token);
  const b = await open((await link(bob.id)).token); // the same browser: bob's cookie replaces alice's
  const stale = await page('GET', '/v1/wallet/cards', { cookie: b.cookie, screen: 'wallet', member: alice.id });
  assert.equal(stale.statusCode, 401);
  assert.equal(stale.json().code, 'WALLET_SWITCHED');
  const own = await page('GET', '/v1/wallet/cards', { cookie: a.cookie, screen: 'wallet', member: alice.id });
  assert.equal(own.statusCode, 200, own.body);
});

test('integrations keep Authorization: Wallet <token>; the link is the credential wherever it is opened', async () => {
  const l = await link(alice.id);
  const r = await page('GET', '/v1/wallet/me', { token: l.token });
  assert.equal(r.statusCode, 200);
  assert.equal(r.headers['set-cookie'], undefined);
  const first = await open(l.token);
  const second = await open(l.token); // opened again from the chat, on this phone or another
  assert.equal(first.cookie, second.cookie);
});
