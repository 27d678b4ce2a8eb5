import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, type TestEnv } from '../testing/harness.js';
import { createPlatformKey } from '../modules/provisioning/service.js';

/**
 * The access matrix, generated from the OpenAPI document: every route × every kind of principal.
 * Tenant A has two stores, two channels and two members, a card and a redemption on each side.
 * Each principal has records it must never see (another tenant's; another store's redemptions
 * for a clerk; another channel's cards for a channel key; another member's for a wallet). A route
 * that forgets its scope answers one of them with a 2xx naming it, and this test fails; a
 * change by such a principal to such a record must never succeed.
 */
let env: TestEnv;
const A: Record<string, string> = {};
const principals: { name: string; auth: string; forbidden: string[] }[] = [];

before(async () => {
  env = await startTestEnv();
  const ok = async (method: string, url: string, body?: unknown) => {
    const r = await env.api(method, url, body);
    assert.ok(r.status < 300, `${method} ${url}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  A.store1 = (await ok('POST', '/v1/stores', { name: '一号店' })).id;
  A.store2 = (await ok('POST', '/v1/stores', { name: '二号店' })).id;
  A.channel1 = (await ok('POST', '/v1/channels', { name: '渠道一' })).id;
  A.channel2 = (await ok('POST', '/v1/channels', { name: '渠道二' })).id;
  A.member1 = (await ok('POST', '/v1/members', { name: '会员一', external_id: 'm1', birthday: '1981-02-03' })).id;
  A.member2 = (await ok('POST', '/v1/members', { name: '会员二', external_id: 'm2', birthday: '1982-03-04' })).id;
  A.template = (await ok('POST', '/v1/templates', { kind: 'count', name: '次卡', value: { uses: 10 }, validity: { type: 'relative', days: 30 } })).id;
  A.batch = (await ok('POST', '/v1/batches', { template_id: A.template, name: 'b', mode: 'on_issue' })).id;
  const c1 = await ok('POST', '/v1/cards/issue', { batch_id: A.batch, member_id: A.member1, channel_id: A.channel1 });
  const c2 = await ok('POST', '/v1/cards/issue', { batch_id: A.batch, member_id: A.member2, channel_id: A.channel2 });
  A.card1 = c1.id;
  A.card2 = c2.id;
  A.redemption1 = (await ok('POST', '/v1/redemptions', { code: c1.code, store_id: A.store1 })).id;
  A.redemption2 = (await ok('POST', '/v1/redemptions', { code: c2.code, store_id: A.store2 })).id;
  A.webhook = (await ok('POST', '/v1/webhook-endpoints', { url: 'https://example.com/hook' })).id;
  // member 1 offers a gift card by link (转赠): its offer is member 1's alone
  const giftTpl = (await ok('POST', '/v1/templates', { kind: 'gift', name: '礼品卡', value: { initial_balance: 1000 }, validity: { type: 'none' } })).id;
  const giftBatch = (await ok('POST', '/v1/batches', { template_id: giftTpl, name: 'g', mode: 'on_issue' })).id;
  A.card3 = (await ok('POST', '/v1/cards/issue', { batch_id: giftBatch, member_id: A.member1 })).id;
  const wallet1 = (await ok('POST', `/v1/members/${A.member1}/wallet-link`, {})).token as string;
  const offer = await env.api('POST', `/v1/wallet/cards/${A.card3}/gift-offers`, {}, { headers: { authorization: `Wallet ${wallet1}` } });
  assert.equal(offer.status, 201, JSON.stringify(offer.body));
  A.offer = offer.body.id;
  // member 1 starts a group 组团 of a published campaign: the group is member 1's (and its friends'), never member 2's to see
  A.campaign = (
    await ok('POST', '/v1/group-campaigns', { name: '双人团', size: 2, time_limit_minutes: 60, rewards: [{ type: 'card', template_id: A.template }] })
  ).id;
  await ok('POST', `/v1/group-campaigns/${A.campaign}/publish`, {});
  const group = await env.api('POST', `/v1/wallet/group-campaigns/${A.campaign}/groups`, {}, { headers: { authorization: `Wallet ${wallet1}` } });
  assert.equal(group.status, 201, JSON.stringify(group.body));
  A.group = group.body.id;
  const key = async (body: object) => (await ok('POST', '/v1/api-keys', { name: 'k', ...body })).secret as string;
  const operator = await key({ role: 'operator' });
  const analyst = await key({ role: 'analyst' });
  const clerk = await key({ role: 'clerk', store_ids: [A.store2] });
  const channel = await key({ role: 'channel', channel_id: A.channel2 });
  // partner accounts 渠道商账号: a person of channel 2 signed in with a password (its session acts like the channel key)
  const partner = async (channel: string, username: string) => {
    const password = `pw ${username} 渠道 2026`.split('').reverse().join('');
    A[`account ${username}`] = (await ok('POST', `/v1/channels/${channel}/accounts`, { username, password })).id;
    const s = await env.app.inject({ method: 'POST', url: '/v1/sessions', payload: { tenant_id: env.tenantId, username, password } });
    return s.json().token as string;
  };
  await partner(A.channel1!, 'partner-one');
  const partner2 = await partner(A.channel2!, 'partner-two');
  const wallet = (await ok('POST', `/v1/members/${A.member2}/wallet-link`, {})).token as string;
  const other = await env.newTenant('B');
  const platform = (await createPlatformKey(env.ctx.db, 'ops')).secret;

  const all = Object.values(A);
  principals.push(
    { name: 'owner of tenant B', auth: `Bearer ${other.ownerKey}`, forbidden: all },
    { name: 'platform key', auth: `Bearer ${platform}`, forbidden: all },
    { name: 'no credentials', auth: '', forbidden: all },
    // a clerk reads a member's name only on a redemption at its store (member 2's), never a profile: no
    // other member's name, and no member's birthday (members' ids it may see: cards name their holder)
    { name: 'clerk of store 2', auth: `Bearer ${clerk}`, forbidden: [A.redemption1, '会员一', '1981-02-03', '1982-03-04'] },
    { name: 'channel 2', auth: `Bearer ${channel}`, forbidden: [A.card1, A.redemption1] },
    {
      name: 'partner account of channel 2',
      auth: `Bearer ${partner2}`,
      forbidden: [A.card1, A.redemption1, A.channel1, A['account partner-one']!, 'partner-one'],
    },
    { name: 'wallet of member 2', auth: `Wallet ${wallet}`, forbidden: [A.card1, A.card3, A.redemption1, A.member1, A.offer, A.group] },
    // staff roles see the whole tenant; they are here so every route is called by every kind
    { name: 'operator', auth: `Bearer ${operator}`, forbidden: [] },
    { name: 'analyst', auth: `Bearer ${analyst}`, forbidden: [] },
  );
});
after(async () => {
  await env.close();
});

/** The tenant-A records a path's {id} can name, by the collection it follows. */
function idsFor(path: string): string[] {
  const m = /\/v1\/(?:wallet\/)?([a-z-]+)\/\{id\}/.exec(path);
  const by: Record<string, string[]> = {
    cards: [A.card1!, A.card2!],
    redemptions: [A.redemption1!, A.redemption2!],
    members: [A.member1!, A.member2!],
    stores: [A.store1!, A.store2!],
    channels: [A.channel1!, A.channel2!],
    templates: [A.template!],
    batches: [A.batch!],
    'webhook-endpoints': [A.webhook!],
    'gift-offers': [A.offer!],
    'group-campaigns': [A.campaign!],
  };
  return m ? (by[m[1]!] ?? ['nope_123']) : [''];
}

test('no principal is answered with a record outside its scope, on any route', async () => {
  const spec: any = env.app.swagger();
  let calls = 0;
  const leaks: string[] = [];
  for (const [path, ops] of Object.entries<any>(spec.paths)) {
    for (const method of Object.keys(ops)) {
      for (const id of idsFor(path)) {
        const url = path.replace(/\{id\}/g, id).replace(/\{[^}]+\}/g, 'x');
        for (const p of principals) {
          const read = method === 'get' || path.endsWith('/check') || path.endsWith('/lookup');
          const aimed = p.forbidden.includes(id);
          if (!read && !aimed) continue; // changes are tried only against what the principal must not touch
          const res = await env.app.inject({
            method: method.toUpperCase() as any,
            url,
            headers: { ...(p.auth ? { authorization: p.auth } : {}), 'content-type': 'application/json' },
            payload: method === 'get' ? undefined : '{}',
          });
          calls++;
          if (res.statusCode >= 300) continue;
          if (!read) leaks.push(`${p.name}: ${method.toUpperCase()} ${url} changed a record it must not touch (${res.statusCode})`);
          for (const f of p.forbidden) if (res.body.includes(f)) leaks.push(`${p.name}: ${method.toUpperCase()} ${url} answered with ${f}`);
        }
      }
    }
  }
  assert.deepEqual(leaks, []);
  assert.ok(calls > 300, `exercised ${calls} requests`);
});
