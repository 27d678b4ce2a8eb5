import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, type TestEnv } from '../testing/harness.js';

/**
 * Names, not ids, where a person reads (issue 11, item 2): the audit log and a card's trace name
 * who acted and what was touched, card lists name the member, a template's rules name their stores
 * for the wallet and the clerk (who may list no stores, or only their own), import refusals say
 * which line a repeat repeats, and a template change says beforehand what it does to issued cards.
 */
let env: TestEnv;
let nanjing: any, xuhui: any, member: any, tpl: any, batch: any, till: string, session: string;

before(async () => {
  env = await startTestEnv();
  const ok = async (method: string, url: string, body?: unknown, key?: string) => {
    const r = await env.api(method, url, body, key ? { key } : {});
    assert.ok(r.status < 300, `${method} ${url}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  nanjing = await ok('POST', '/v1/stores', { name: '南京西路店' });
  xuhui = await ok('POST', '/v1/stores', { name: '徐汇店' });
  member = await ok('POST', '/v1/members', { name: '王小明', external_id: 'crm-7' });
  tpl = await ok('POST', '/v1/templates', {
    kind: 'cash',
    name: '满100减20',
    value: { amount_off: 2000 },
    validity: { type: 'relative', days: 30 },
    rules: { min_spend: 10000, store_ids: [nanjing.id], transferable: true },
  });
  batch = await ok('POST', '/v1/batches', { template_id: tpl.id, name: '会员日', mode: 'on_issue' });
  till = (await ok('POST', '/v1/api-keys', { name: '南京西路收银机', role: 'operator' })).secret;
  await ok('POST', '/v1/operators', { username: 'xiaowang', password: 'operator pass 1', role: 'operator', display_name: '小王' });
  const s = await env.app.inject({
    method: 'POST',
    url: '/v1/sessions',
    payload: { tenant_id: env.tenantId, username: 'xiaowang', password: 'operator pass 1' },
  });
  session = s.json().token;
});
after(async () => {
  await env.close();
});

async function issueAndRedeem() {
  const card = (await env.api('POST', '/v1/cards/issue', { batch_id: batch.id, member_id: member.id }, { key: session })).body;
  const red = await env.api('POST', '/v1/redemptions', { code: card.code, store_id: nanjing.id, order_amount: 12000 }, { key: till });
  assert.equal(red.status, 201, JSON.stringify(red.body));
  return { card, redemption: red.body };
}

test('the audit log names who acted, what they acted on and the ids in what they sent', async () => {
  const { card, redemption } = await issueAndRedeem();
  const log = (await env.api('GET', '/v1/audit?limit=20')).body.data as any[];
  const redeem = log.find((e) => e.action === 'card.redeem' && e.target_id === redemption.id);
  assert.match(redeem.actor, /^key:key_/);
  assert.equal(redeem.actor_name, '南京西路收银机', 'an API key by the name it was given');
  assert.equal(redeem.target_name, `满100减20 •••• ${card.code_tail}`, 'a redemption by its card: template name and code tail');
  assert.equal(redeem.names[nanjing.id], '南京西路店', 'the store in the request, by name');
  const issue = log.find((e) => e.action === 'card.issue' && e.target_id === card.id);
  assert.equal(issue.actor, 'operator:xiaowang');
  assert.equal(issue.actor_name, '小王', 'an operator by display name');
  assert.equal(issue.names[member.id], '王小明');
  assert.equal(issue.names[batch.id], '会员日');
});

test('a card’s trace names each event in both languages, who acted, and every id in it; card lists name the member', async () => {
  const { card } = await issueAndRedeem();
  const tr = (await env.api('GET', `/v1/cards/${card.id}/trace`)).body;
  const issued = tr.events.find((e: any) => e.event_type === 'issued');
  assert.equal(issued.zh, '发放');
  assert.equal(issued.en, 'Issued');
  assert.equal(issued.key_id.startsWith('opr_'), true, 'an operator session acts as the operator');
  assert.equal(issued.actor_name, '小王');
  const redeemed = tr.events.find((e: any) => e.event_type === 'redeemed');
  assert.equal(redeemed.zh, '核销');
  assert.equal(redeemed.actor_name, '南京西路收银机');
  assert.equal(tr.names[redeemed.store_id], '南京西路店');
  assert.equal(tr.events[0].event_type, 'generated');
  assert.equal(tr.events[0].zh, '生成');
  assert.equal(tr.card.member_name, '王小明');
  assert.equal(tr.names[member.id], '王小明');
  assert.equal(tr.names[tpl.id], '满100减20');

  const list = (await env.api('GET', '/v1/cards?limit=50')).body.data as any[];
  const row = list.find((c) => c.id === card.id);
  assert.equal(row.member_name, '王小明');
  const bearer = (await env.api('POST', '/v1/cards/issue', { batch_id: batch.id })).body;
  const again = (await env.api('GET', '/v1/cards?limit=50')).body.data as any[];
  assert.equal(again.find((c) => c.id === bearer.id).member_name, null, 'a bearer code has no member to name');

  // a clerk reads no member profiles (members.read): no member names in lists or traces either
  const clerk = (await env.api('POST', '/v1/api-keys', { name: '南京西路店员', role: 'clerk', store_ids: [nanjing.id] })).body.secret;
  const theirs = (await env.api('GET', '/v1/cards?limit=50', undefined, { key: clerk })).body.data as any[];
  assert.equal(theirs.find((c) => c.id === card.id).member_name, null);
  const ctr = (await env.api('GET', `/v1/cards/${card.id}/trace`, undefined, { key: clerk })).body;
  assert.equal(ctr.card.member_name, null);
  assert.equal(ctr.names[member.id], undefined);
  assert.equal(ctr.names[nanjing.id], '南京西路店', 'stores are named for a clerk');
});

test('rules name their stores for the console, the clerk and the wallet', async () => {
  const got = (await env.api('GET', `/v1/templates/${tpl.id}`)).body;
  assert.deepEqual(got.rules.store_ids, [nanjing.id]);
  assert.deepEqual(got.rules.store_names, ['南京西路店']);
  const listed = (await env.api('GET', '/v1/templates?limit=50')).body.data.find((t: any) => t.id === tpl.id);
  assert.deepEqual(listed.rules.store_names, ['南京西路店']);

  // a clerk of another store checks the card: told where it can be used, by name
  const clerk = (await env.api('POST', '/v1/api-keys', { name: '徐汇收银', role: 'clerk', store_ids: [xuhui.id] })).body.secret;
  const card = (await env.api('POST', '/v1/cards/issue', { batch_id: batch.id, member_id: member.id })).body;
  const check = await env.api('POST', '/v1/redemptions/check', { code: card.code, store_id: xuhui.id, order_amount: 20000 }, { key: clerk });
  assert.equal(check.status, 200);
  assert.equal(check.body.redeemable, false);
  assert.deepEqual(check.body.template.rules.store_names, ['南京西路店']);

  // the member's wallet
  const token = (await env.api('POST', `/v1/members/${member.id}/wallet-link`, {})).body.token;
  const w = (url: string) => env.api('GET', url, undefined, { headers: { authorization: `Wallet ${token}` } });
  const detail = (await w(`/v1/wallet/cards/${card.id}`)).body;
  assert.deepEqual(detail.template_rules.store_names, ['南京西路店']);
  assert.equal(detail.history[0].zh, '发放');
  const cards = (await w('/v1/wallet/cards?state=usable')).body.data;
  assert.equal(cards[0].template_rules.min_spend, 10000, 'the list carries the rules its card faces headline');
  assert.equal(cards[0].validity.type, 'relative');
  // input never takes a name: rules are ids
  const bad = await env.api('PATCH', `/v1/templates/${tpl.id}`, { rules: { store_ids: [nanjing.id], store_names: ['x'] } });
  assert.equal(bad.status, 422);
  assert.equal(bad.body.errors[0].field, 'body.rules.store_names');
});

test('import refusals say which line a repeated code repeats and which column is malformed', async () => {
  const ext = (
    await env.api('POST', '/v1/templates', {
      kind: 'external',
      name: '视频月卡',
      value: { supplier: '某视频', product_name: '月卡' },
      validity: { type: 'none' },
    })
  ).body;
  const b = (await env.api('POST', '/v1/batches', { template_id: ext.id, name: '供应商', mode: 'imported' })).body;
  const csv = 'AAAA1111\nBBBB2222\nAAAA1111\nCCCC3333,!!\n';
  const r = await env.app.inject({
    method: 'POST',
    url: `/v1/batches/${b.id}/import`,
    headers: { authorization: `Bearer ${env.ownerKey}`, 'content-type': 'text/csv' },
    payload: csv,
  });
  assert.equal(r.statusCode, 200, r.body);
  const refusals = r.json().refusals;
  assert.deepEqual(
    refusals.map((x: any) => [x.line, x.reason, x.same_as_line ?? null, x.field ?? null]),
    [
      [3, 'duplicate_in_file', 1, null],
      [4, 'malformed', null, 'pin'],
    ],
  );
});

test('a template change says beforehand what it does to the cards already issued', async () => {
  const t = (
    await env.api('POST', '/v1/templates', {
      kind: 'cash',
      name: '周末券',
      value: { amount_off: 1000 },
      validity: { type: 'relative', days: 30 },
      rules: { weekdays: [6, 7], per_member_limit: 5 },
    })
  ).body;
  const fresh = await env.api('POST', `/v1/templates/${t.id}/impact`, { value: { amount_off: 500 }, name: '周末券' });
  assert.equal(fresh.status, 200);
  assert.deepEqual(fresh.body, { batches: 0, cards_issued: 0, changes: [{ field: 'value', effect: 'new_cards' }] }, 'no batch: the value may change');

  const b = (await env.api('POST', '/v1/batches', { template_id: t.id, name: 'b', mode: 'on_issue' })).body;
  for (let i = 0; i < 3; i++) assert.equal((await env.api('POST', '/v1/cards/issue', { batch_id: b.id })).status, 201);
  const r = await env.api('POST', `/v1/templates/${t.id}/impact`, {
    name: '周末狂欢券',
    value: { amount_off: 500 },
    rules: { weekdays: [5, 6, 7], per_member_limit: 2, min_spend: 5000 },
  });
  assert.equal(r.status, 200);
  assert.equal(r.body.batches, 1);
  assert.equal(r.body.cards_issued, 3);
  assert.deepEqual(r.body.changes, [
    { field: 'name', effect: 'issued_cards' },
    { field: 'value', effect: 'refused' },
    { field: 'rules.min_spend', effect: 'issued_cards' },
    { field: 'rules.per_member_limit', effect: 'new_cards' },
    { field: 'rules.weekdays', effect: 'issued_cards' },
  ]);
  // what it said is what saving does: the value is refused, the rules apply
  assert.equal((await env.api('PATCH', `/v1/templates/${t.id}`, { value: { amount_off: 500 } })).body.code, 'TEMPLATE_IN_USE');
  const archive = await env.api('POST', `/v1/templates/${t.id}/impact`, { status: 'archived' });
  assert.deepEqual(archive.body.changes, [{ field: 'status', effect: 'new_cards' }]);
  const unchanged = await env.api('PATCH', `/v1/templates/${t.id}`, { name: '周末狂欢券' });
  assert.equal(unchanged.status, 200);
  assert.equal((await env.api('GET', `/v1/templates/${t.id}`)).body.version, 2, 'asking changed nothing');

  const other = await env.newTenant('B');
  assert.equal((await env.api('POST', `/v1/templates/${t.id}/impact`, { name: 'x' }, { key: other.ownerKey })).status, 404);
  const analyst = (await env.api('POST', '/v1/api-keys', { name: 'a', role: 'analyst' })).body.secret;
  assert.equal((await env.api('POST', `/v1/templates/${t.id}/impact`, { name: 'x' }, { key: analyst })).status, 403);
  const typo = await env.api('POST', `/v1/templates/${t.id}/impact`, { nmae: 'x' });
  assert.equal(typo.status, 422, 'unknown fields refused');
  assert.equal(typo.body.errors[0].field, 'body.nmae');
});
