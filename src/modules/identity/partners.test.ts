import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';

/**
 * Partner accounts 渠道商账号 (issue 12): a person of a channel partner signs in with a password and
 * acts like that channel's key: its subtree (read per request), nothing of the brand's other
 * channels (404), none of the staff's routes (403). The brand's staff make them for any channel;
 * a partner for channels in its own subtree.
 */
let env: TestEnv;
let fx: Awaited<ReturnType<typeof fixtures>>;
const ch: Record<string, string> = {};
before(async () => {
  env = await startTestEnv({ cheapPasswords: true });
  fx = await fixtures(env);
  const made = async (name: string, parent?: string) => {
    const r = await env.api('POST', '/v1/channels', { name, parent_id: parent ?? null, regions: ['江苏省'] });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body.id as string;
  };
  ch.east = await made('华东总代');
  ch.suzhou = await made('苏州区域代理', ch.east);
  ch.guanqian = await made('观前街团长', ch.suzhou);
  ch.north = await made('华北总代');
});
after(async () => {
  await env.close();
});

const pw = (username: string) => `pw ${[...username].reverse().join('')} 2026`;
const signIn = async (username: string, password: string, headers: Record<string, string> = {}) =>
  env.app.inject({ method: 'POST', url: '/v1/sessions', payload: { tenant_id: env.tenantId, username, password }, headers });
const account = async (channel: string, username: string, key?: string) => {
  const r = await env.api('POST', `/v1/channels/${channel}/accounts`, { username, password: pw(username), display_name: username }, key ? { key } : undefined);
  return r;
};
const tokenOf = async (username: string) => {
  const s = await signIn(username, pw(username));
  assert.equal(s.statusCode, 201, s.body);
  return s.json().token as string;
};

test('the brand makes a partner account; its session is the channel’s, with the subtree', async () => {
  const r = await account(ch.suzhou, 'suzhou-wang');
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.deepEqual([r.body.role, r.body.channel_id, r.body.store_ids], ['channel', ch.suzhou, []]);
  const s = await signIn('suzhou-wang', pw('suzhou-wang'));
  assert.equal(s.json().operator.role, 'channel');
  assert.equal(s.json().operator.channel_id, ch.suzhou);
  const token = s.json().token as string;
  const me = await env.api('GET', '/v1/sessions/current', undefined, { key: token });
  assert.deepEqual([me.body.kind, me.body.role, me.body.channel_id], ['session', 'channel', ch.suzhou]);
  assert.ok(me.body.can.includes('channels.manage') && me.body.can.includes('partners.manage') && !me.body.can.includes('keys.manage'));

  const seen = (await env.api('GET', '/v1/channels', undefined, { key: token })).body.data.map((c: any) => c.name);
  assert.deepEqual(seen, ['苏州区域代理', '观前街团长'], 'its own subtree, nothing above or beside');
  for (const other of [ch.east, ch.north]) {
    const r = await env.api('GET', `/v1/channels/${other}`, undefined, { key: token });
    assert.equal(r.status, 404, 'another channel is as if it did not exist');
    assert.equal((await env.api('GET', `/v1/channels/${other}/accounts`, undefined, { key: token })).status, 404);
    assert.equal((await account(other, `x-${other.slice(-4)}`, token)).status, 404);
  }
  // staff-only routes: 403
  for (const [m, url, body] of [
    ['GET', '/v1/operators'],
    ['GET', '/v1/stats'],
    ['GET', '/v1/audit'],
    ['POST', '/v1/templates', { kind: 'count', name: 'x', value: { uses: 1 }, validity: { type: 'none' } }],
    ['POST', '/v1/operators', { username: 'sneaky', password: 'sneaky pass 2026', role: 'owner' }],
  ] as const) {
    const r = await env.api(m, url, body, { key: token });
    assert.equal(r.status, 403, `${m} ${url}: ${r.status}`);
  }

  // a channel it adds below is its own at once (the subtree is read per request)
  const kid = await env.api('POST', '/v1/channels', { name: '平江路KOC', parent_id: ch.guanqian }, { key: token });
  assert.equal(kid.status, 201, JSON.stringify(kid.body));
  assert.equal((await env.api('GET', `/v1/channels/${kid.body.id}`, undefined, { key: token })).status, 200);
});

test('a partner reads only the cards issued through its subtree', async () => {
  const t = await fx.template('count', { uses: 3 });
  const b = await fx.batch(t.id);
  const issued: Record<string, string> = {};
  for (const [k, c] of Object.entries({ east: ch.east, guanqian: ch.guanqian, north: ch.north })) {
    const r = await env.api('POST', '/v1/cards/issue', { batch_id: b.id, channel_id: c });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    issued[k] = r.body.id;
  }
  const token = await tokenOf('suzhou-wang');
  const cards = (await env.api('GET', '/v1/cards?limit=200', undefined, { key: token })).body.data.map((c: any) => c.id);
  assert.deepEqual(cards, [issued.guanqian]);
  assert.equal((await env.api('GET', `/v1/cards/${issued.east}`, undefined, { key: token })).status, 404);
  assert.equal((await env.api('GET', `/v1/cards/${issued.guanqian}`, undefined, { key: token })).status, 200);
});

test('a partner makes and disables accounts in its own subtree only; the brand sees them all', async () => {
  const token = await tokenOf('suzhou-wang');
  const below = await account(ch.guanqian, 'guanqian-li', token);
  assert.equal(below.status, 201, JSON.stringify(below.body));
  const colleague = await account(ch.suzhou, 'suzhou-zhao', token);
  assert.equal(colleague.status, 201, 'its own channel too: a colleague');
  const above = await account(ch.east, 'east-sneak', token);
  assert.equal(above.status, 404, 'not above it');

  const list = await env.api('GET', `/v1/channels/${ch.guanqian}/accounts`, undefined, { key: token });
  assert.deepEqual(
    list.body.data.map((a: any) => a.username),
    ['guanqian-li'],
  );
  // the account below acts for its own channel only
  const li = await tokenOf('guanqian-li');
  assert.deepEqual(
    (await env.api('GET', '/v1/channels', undefined, { key: li })).body.data.map((c: any) => c.name),
    ['观前街团长', '平江路KOC'],
  );
  assert.equal((await env.api('GET', `/v1/channels/${ch.suzhou}/accounts`, undefined, { key: li })).status, 404, 'not its parent’s accounts');

  // disabling ends its sessions at once
  const off = await env.api('POST', `/v1/channels/${ch.guanqian}/accounts/${below.body.id}/disable`, {}, { key: token });
  assert.equal(off.status, 200, JSON.stringify(off.body));
  assert.ok(off.body.disabled_at);
  assert.equal((await env.api('GET', '/v1/channels', undefined, { key: li })).status, 401);
  // an account of another channel is not found under this one
  const wrong = await env.api('POST', `/v1/channels/${ch.guanqian}/accounts/${colleague.body.id}/disable`, {}, { key: token });
  assert.equal(wrong.status, 404);
  const self = (await env.api('GET', '/v1/sessions/current', undefined, { key: token })).body.key_id;
  const selfOff = await env.api('POST', `/v1/channels/${ch.suzhou}/accounts/${self}/disable`, {}, { key: token });
  assert.equal(selfOff.body.code, 'CANNOT_DISABLE_SELF');
  const on = await env.api('POST', `/v1/channels/${ch.guanqian}/accounts/${below.body.id}/enable`, {}, { key: token });
  assert.equal(on.body.disabled_at, null);

  // the owner's account list shows partner accounts with their channel; their role stays theirs
  const all = (await env.api('GET', '/v1/operators')).body.data;
  assert.equal(all.find((a: any) => a.username === 'guanqian-li').channel_id, ch.guanqian);
  const promote = await env.api('PATCH', `/v1/operators/${below.body.id}`, { role: 'operator' });
  assert.equal(promote.status, 422);
  assert.equal(promote.body.code, 'PARTNER_ACCOUNT_FIXED');
  // an analyst may not manage partner accounts
  const analyst = (await env.api('POST', '/v1/api-keys', { name: 'a', role: 'analyst' })).body.secret;
  assert.equal((await account(ch.north, 'north-x', analyst)).status, 403);
  // an operator of the brand may, for any channel
  const operator = (await env.api('POST', '/v1/api-keys', { name: 'o', role: 'operator' })).body.secret;
  assert.equal((await account(ch.north, 'north-chen', operator)).status, 201);
});

test('a browser sign-in of a partner account is the partner portal’s cookie, wherever it signs in', async () => {
  for (const screen of ['console', 'partner']) {
    const s = await signIn('north-chen', pw('north-chen'), { 'x-kaquan-screen': screen });
    assert.equal(s.statusCode, 201, s.body);
    assert.equal(s.json().token, undefined);
    assert.match(String(s.headers['set-cookie']), /^kq_partner=kqs_\w+; Path=\/v1;.*HttpOnly; SameSite=Strict/);
    const cookie = String(s.headers['set-cookie']).split(';')[0];
    const me = await env.app.inject({ method: 'GET', url: '/v1/sessions/current', headers: { cookie, 'x-kaquan-screen': 'partner' } });
    assert.equal(me.json().channel_id, ch.north);
    // the partner cookie is honoured only with its screen's header: not as the console's, not without one
    const asConsole = await env.app.inject({ method: 'GET', url: '/v1/sessions/current', headers: { cookie, 'x-kaquan-screen': 'console' } });
    assert.equal(asConsole.statusCode, 401);
    const bare = await env.app.inject({ method: 'GET', url: '/v1/sessions/current', headers: { cookie } });
    assert.equal(bare.json().code, 'CROSS_SITE_REQUEST');
  }
  // the brand's staff signing in on the partner portal get the console's cookie
  await env.api('POST', '/v1/operators', { username: 'ops-zhou', password: pw('ops-zhou'), role: 'operator' });
  const staff = await signIn('ops-zhou', pw('ops-zhou'), { 'x-kaquan-screen': 'partner' });
  assert.match(String(staff.headers['set-cookie']), /^kq_console=/);
  const page = await env.app.inject({ method: 'GET', url: '/partner/channels' });
  assert.ok([200, 503].includes(page.statusCode), 'the portal is served like the other screens');
});
