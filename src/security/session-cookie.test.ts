import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, type TestEnv } from '../testing/harness.js';
import { buildApp, type App } from '../app.js';

/**
 * A browser's operator session is an HttpOnly, SameSite=Strict cookie no script can read, and it is
 * honoured only from this site's own pages (X-Kaquan-Screen, no cross-site Sec-Fetch-Site).
 */
let env: TestEnv;
before(async () => {
  env = await startTestEnv();
  const stores = (await env.api('GET', '/v1/stores?limit=1')).body.data;
  const store = stores[0] ?? (await env.api('POST', '/v1/stores', { name: '静安店' })).body;
  assert.equal((await env.api('POST', '/v1/operators', { username: 'mei', password: 'operator pass 1', role: 'operator' })).status, 201);
  assert.equal((await env.api('POST', '/v1/operators', { username: 'till', password: 'clerk pass 123', role: 'clerk', store_ids: [store.id] })).status, 201);
});
after(async () => {
  await env.close();
});

/** A request as a browser sends it: cookies, maybe the screen header, maybe Sec-Fetch-Site; no Authorization. */
function browser(method: string, url: string, o: { cookie?: string; screen?: string; site?: string; body?: unknown; app?: App } = {}) {
  const headers: Record<string, string> = {};
  if (o.cookie) headers.cookie = o.cookie;
  if (o.screen) headers['x-kaquan-screen'] = o.screen;
  if (o.site) headers['sec-fetch-site'] = o.site;
  return (o.app ?? env.app).inject({ method: method as any, url, headers, payload: o.body as any });
}

async function signIn(screen: string, username: string, password: string, app?: App) {
  const r = await browser('POST', '/v1/sessions', { screen, site: 'same-origin', body: { username, password }, app });
  assert.equal(r.statusCode, 201, r.body);
  const set = String(r.headers['set-cookie']);
  return { set, cookie: set.split(';')[0], body: r.json() };
}

const storeCount = async () => (await env.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM stores WHERE tenant_id = $1', [env.tenantId])).rows[0].n;

test('a browser sign-in sets an HttpOnly, SameSite=Strict cookie for /v1 and answers no token', async () => {
  const { set, cookie, body } = await signIn('console', 'mei', 'operator pass 1');
  assert.match(cookie, /^kq_console=kqs_[0-9a-z]+$/);
  assert.match(set, /; Path=\/v1; Max-Age=43200; HttpOnly; SameSite=Strict$/, 'no Secure on an http public address');
  assert.equal(body.token, undefined, 'no script on the page ever sees the token');
  assert.equal(body.operator.username, 'mei');

  const me = await browser('GET', '/v1/sessions/current', { cookie, screen: 'console', site: 'same-origin' });
  assert.equal(me.statusCode, 200, me.body);
  assert.equal(me.json().kind, 'session');
  const made = await browser('POST', '/v1/stores', { cookie, screen: 'console', site: 'same-origin', body: { name: '会话门店' } });
  assert.equal(made.statusCode, 201, made.body);
  const audit = await env.ctx.db.query(`SELECT actor FROM audit_entries WHERE action = 'store.create' AND target_id = $1`, [made.json().id]);
  assert.equal(audit.rows[0].actor, 'operator:mei');
});

test('a cookie-only mutation without the same-origin proof is refused and changes nothing', async () => {
  const { cookie } = await signIn('console', 'mei', 'operator pass 1');
  const before = await storeCount();
  const forged = {
    'no screen header (a form or fetch from another site)': await browser('POST', '/v1/stores', { cookie, body: { name: '伪造' } }),
    'an unknown screen': await browser('POST', '/v1/stores', { cookie, screen: 'evil', body: { name: '伪造' } }),
    'marked cross-site by the browser': await browser('POST', '/v1/stores', { cookie, screen: 'console', site: 'cross-site', body: { name: '伪造' } }),
    'from a sibling subdomain': await browser('POST', '/v1/stores', { cookie, screen: 'console', site: 'same-site', body: { name: '伪造' } }),
    'signing out': await browser('DELETE', '/v1/sessions/current', { cookie }),
  };
  for (const [what, r] of Object.entries(forged)) {
    assert.equal(r.statusCode, 403, what);
    assert.equal(r.json().code, 'CROSS_SITE_REQUEST', what);
    assert.ok(!r.body.includes('kqs_'), 'the refusal does not echo the cookie');
  }
  assert.equal(await storeCount(), before, 'nothing was created');
  assert.equal((await browser('GET', '/v1/sessions/current', { cookie, screen: 'console' })).statusCode, 200, 'and the session still works from the page');
});

test('console and clerk keep separate sign-ins in one browser', async () => {
  const consoleCookie = (await signIn('console', 'mei', 'operator pass 1')).cookie;
  const clerkCookie = (await signIn('clerk', 'till', 'clerk pass 123')).cookie;
  assert.match(clerkCookie, /^kq_clerk=kqs_/);
  const both = `${consoleCookie}; ${clerkCookie}`;
  assert.equal((await browser('GET', '/v1/sessions/current', { cookie: both, screen: 'console' })).json().operator.username, 'mei');
  assert.equal((await browser('GET', '/v1/sessions/current', { cookie: both, screen: 'clerk' })).json().operator.username, 'till');
  assert.equal(
    (await browser('GET', '/v1/sessions/current', { cookie: clerkCookie, screen: 'console' })).statusCode,
    401,
    'the clerk’s cookie does not sign in the console',
  );
});

test('signing out ends the session and clears the cookie', async () => {
  const { cookie } = await signIn('console', 'mei', 'operator pass 1');
  const out = await browser('DELETE', '/v1/sessions/current', { cookie, screen: 'console' });
  assert.equal(out.statusCode, 200, out.body);
  assert.match(String(out.headers['set-cookie']), /^kq_console=; Path=\/v1; Max-Age=0; HttpOnly; SameSite=Strict/);
  const again = await browser('GET', '/v1/sessions/current', { cookie, screen: 'console' });
  assert.equal(again.statusCode, 401);
  assert.match(String(again.headers['set-cookie']), /^kq_console=; .*Max-Age=0/, 'a dead cookie is cleared');
});

test('on an https public address the cookie is Secure', async () => {
  const app = await buildApp({ ...env.ctx, config: { ...env.ctx.config, publicUrl: 'https://cards.example.com' } });
  try {
    const { set } = await signIn('console', 'mei', 'operator pass 1', app);
    assert.match(set, /; HttpOnly; SameSite=Strict; Secure$/);
  } finally {
    await app.close();
  }
});

test('machines keep Authorization: Bearer — API keys and session tokens — with no cookie involved', async () => {
  const r = await browser('POST', '/v1/sessions', { body: { username: 'mei', password: 'operator pass 1' } });
  assert.equal(r.statusCode, 201);
  assert.equal(r.headers['set-cookie'], undefined);
  const token = r.json().token;
  assert.match(token, /^kqs_/);
  assert.equal((await env.api('GET', '/v1/sessions/current', undefined, { key: token })).body.operator.username, 'mei');
  // a bearer request that also carries a cookie (a script with a cookie jar) is judged by its bearer
  const { cookie } = await signIn('clerk', 'till', 'clerk pass 123');
  const k = await env.api('POST', '/v1/stores', { name: '脚本门店' }, { headers: { cookie } });
  assert.equal(k.status, 201);
});
