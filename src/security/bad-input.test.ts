import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../testing/harness.js';

/**
 * The outside probe's bad bodies, replayed: typed values are never coerced, a field the API does
 * not know is refused (a typo must never give coupons away), and odd text never reaches a 500.
 * Every refusal changes nothing.
 */
let env: TestEnv;
let fx: Awaited<ReturnType<typeof fixtures>>;
before(async () => {
  env = await startTestEnv();
  fx = await fixtures(env);
});
after(async () => {
  await env.close();
});

const raw = (method: string, url: string, payload: string) =>
  env.app.inject({ method: method as any, url, payload, headers: { authorization: `Bearer ${env.ownerKey}`, 'content-type': 'application/json' } });

test('numbers are JSON numbers: booleans, arrays and numeric strings are refused, and nothing is taken', async () => {
  const { card } = await fx.card('stored_value', { initial_balance: 10_000 });
  for (const amount of [true, [500], '5e2', '500']) {
    const r = await env.api('POST', '/v1/redemptions', { card_id: card.id, amount });
    assert.equal(r.status, 400, `amount ${JSON.stringify(amount)}: ${JSON.stringify(r.body)}`);
    assert.equal(r.body.errors[0].field, 'body.amount');
  }
  const top = await env.api('POST', `/v1/cards/${card.id}/top-up`, { amount: '0x64' });
  assert.equal(top.status, 400);
  assert.equal((await env.api('GET', `/v1/cards/${card.id}`)).body.balance, 10_000, 'the balance is untouched');

  const before = (await env.api('GET', '/v1/tenant')).body.reverse_window_minutes;
  assert.equal((await env.api('PATCH', '/v1/tenant', { reverse_window_minutes: true })).status, 400);
  assert.equal((await env.api('GET', '/v1/tenant')).body.reverse_window_minutes, before);

  const t = await fx.template('cash', { amount_off: 500 });
  const b = await env.api('POST', '/v1/batches', { template_id: t.id, name: 'x', mode: 'on_issue', stock: true });
  assert.equal(b.status, 400);
  assert.equal(b.body.errors[0].field, 'body.stock');
});

test('a misspelt field is refused with 422 naming it, at any depth; nothing is created', async () => {
  const count = async (url: string) => (await env.api('GET', `${url}?limit=200`)).body.data.length;
  const tpl = { kind: 'cash', name: '满50减10', value: { amount_off: 1000 }, validity: { type: 'relative', days: 30 } };
  const templates = await count('/v1/templates');
  const typo = await env.api('POST', '/v1/templates', { ...tpl, rules: { per_member_limt: 1 } });
  assert.equal(typo.status, 422, JSON.stringify(typo.body));
  assert.equal(typo.body.code, 'VALIDATION_FAILED');
  assert.equal(typo.body.errors[0].field, 'body.rules.per_member_limt');
  assert.match(typo.body.errors[0].reason, /unknown field/);
  assert.equal((await env.api('POST', '/v1/templates', { ...tpl, valu: 1 })).body.errors[0].field, 'body.valu');
  assert.equal(await count('/v1/templates'), templates, 'no template was made');

  const t = await fx.template('cash', { amount_off: 500 });
  const batches = await count('/v1/batches');
  const stok = await env.api('POST', '/v1/batches', { template_id: t.id, name: 'x', mode: 'on_issue', stok: 10 });
  assert.equal(stok.status, 422);
  assert.equal(stok.body.errors[0].field, 'body.stok');
  assert.equal(await count('/v1/batches'), batches, 'no unlimited batch was made');

  const batch = await fx.batch(t.id);
  const cards = await count('/v1/cards');
  const memberid = await env.api('POST', '/v1/cards/issue', { batch_id: batch.id, memberid: 'mem_x' });
  assert.equal(memberid.status, 422);
  assert.equal(memberid.body.errors[0].field, 'body.memberid');
  assert.equal(await count('/v1/cards'), cards, 'no bearer card went to nobody');

  const hook = await env.api('POST', '/v1/webhook-endpoints', { url: 'https://example.com/hook', evnt_types: ['card.redeemed'] });
  assert.equal(hook.status, 422);
  assert.equal(hook.body.errors[0].field, 'body.evnt_types');
  assert.equal(await count('/v1/webhook-endpoints'), 0);

  const q = await env.api('GET', '/v1/cards?membr_id=mem_x');
  assert.equal(q.status, 422, 'an unknown filter is refused, not ignored (it would list every card)');
  assert.equal(q.body.errors[0].field, 'querystring.membr_id');
});

test('bodies are small except on import, and nesting is bounded', async () => {
  const big = await env.api('POST', '/v1/members', { name: 'x'.repeat(100), external_id: 'e'.repeat(100), note: 'y'.repeat(2 * 1024 * 1024) });
  assert.equal(big.status, 413);
  assert.match(String(big.headers['content-type']), /problem\+json/);
  const deep = await raw('POST', '/v1/members', `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
  assert.equal(deep.statusCode, 400, deep.body.slice(0, 200));
  assert.equal(deep.json().code, 'MALFORMED_JSON');
  const deepObject = await raw('POST', '/v1/members', `{"name":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`);
  assert.equal(deepObject.statusCode, 400);
  // an import of a few megabytes is still fine
  const t = await fx.template('exchange', { sku: 'LATTE' });
  const batch = await fx.batch(t.id, { mode: 'imported' });
  // the longest lines an import takes (a 64-character code and a 32-character PIN): megabytes in few codes
  const lines = Array.from({ length: 17_000 }, (_, i) => `IMPORTCODE${String(i).padStart(54, '0')},PIN${String(i).padStart(29, '0')}`).join('\n');
  const imp = await env.app.inject({
    method: 'POST',
    url: `/v1/batches/${batch.id}/import`,
    payload: lines,
    headers: { authorization: `Bearer ${env.ownerKey}`, 'content-type': 'text/csv' },
  });
  assert.equal(imp.statusCode, 200, imp.body.slice(0, 300));
  assert.ok(lines.length > 1.5 * 1024 * 1024);
  assert.equal(imp.json().accepted, 17_000);
});

test('a NUL or a lone surrogate anywhere is a 400 naming the field, never a 500', async () => {
  const store = await fx.store();
  const t = await fx.template('cash', { amount_off: 500 });
  const cases: [string, string, unknown, string][] = [
    ['POST', '/v1/members', { name: 'a\u0000b' }, 'body.name'],
    ['POST', '/v1/members', { external_id: 'crm\u0000-1' }, 'body.external_id'],
    ['POST', '/v1/members', { name: 'half \ud800 a pair' }, 'body.name'],
    ['POST', '/v1/stores', { name: 'store\u0000' }, 'body.name'],
    ['PATCH', `/v1/stores/${store.id}`, { tags: ['ok', 'bad\udc00'] }, 'body.tags.1'],
    ['POST', '/v1/templates', { kind: 'cash', name: 'x\u0000', value: { amount_off: 1 }, validity: { type: 'none' } }, 'body.name'],
    ['PATCH', `/v1/templates/${t.id}`, { description: 'd\u0000' }, 'body.description'],
    ['POST', '/v1/webhook-endpoints', { url: 'https://example.com/\u0000' }, 'body.url'],
  ];
  for (const [method, url, body, field] of cases) {
    // JSON.stringify writes a lone surrogate as an escape, exactly as a client would send it
    const r = await raw(method, url, JSON.stringify(body));
    assert.equal(r.statusCode, 400, `${method} ${url}: ${r.body.slice(0, 200)}`);
    assert.equal(r.json().errors[0].field, field);
  }
  const q = await env.api('GET', '/v1/members?q=abc%00def');
  assert.equal(q.status, 400);
  assert.equal(q.body.errors[0].field, 'querystring.q');
  for (const url of ['/v1/stores?q=%00', '/v1/templates?q=x%00', `/v1/cards/card%00x`]) assert.equal((await env.api('GET', url)).status, 400, url);
  assert.equal((await env.api('GET', '/v1/members?limit=200')).body.data.filter((m: any) => m.name?.includes('b')).length, 0, 'nothing was created');
});

test('cursor keys and ids out of range are a clean 400, never a 500', async () => {
  await fx.store();
  const b64 = (x: unknown) => Buffer.from(JSON.stringify(x)).toString('base64url');
  for (const url of [
    `/v1/cards?sort=balance&cursor=${b64(['balance', '9999999999999999999', 'card_01'])}`,
    `/v1/batches?sort=issued&cursor=${b64(['issued', '-9999999999999999999', 'bat_01'])}`,
    `/v1/templates?sort=updated_at&cursor=${b64(['updated_at', '2026-13-45T00:00:00.000000Z', 'tpl_01'])}`,
    `/v1/templates?sort=updated_at&cursor=${b64(['updated_at', '2026-02-30T00:00:00.000000Z', 'tpl_01'])}`,
    `/v1/cards?sort=valid_until&cursor=${b64(['valid_until', '2026-02-29T25:61:00.000000Z', 'card_01'])}`,
  ]) {
    const r = await env.api('GET', url);
    assert.equal(r.status, 400, `${url}: ${JSON.stringify(r.body)}`);
    assert.equal(r.body.code, 'INVALID_CURSOR');
  }
  const audit = await env.api('GET', '/v1/audit?before_id=99999999999999999999');
  assert.equal(audit.status, 400, JSON.stringify(audit.body));
  assert.equal(audit.body.errors[0].field, 'querystring.before_id');
});

test('a template patch changes only what may change: kind is refused and its cards still redeem', async () => {
  const { template, card } = await fx.card('cash', { amount_off: 500 });
  const r = await env.api('PATCH', `/v1/templates/${template.id}`, { kind: 'stored_value', name: '改名' });
  assert.equal(r.status, 422, JSON.stringify(r.body));
  assert.equal(r.body.errors[0].field, 'body.kind');
  const t = (await env.api('GET', `/v1/templates/${template.id}`)).body;
  assert.equal(t.kind, 'cash');
  assert.equal(t.name, template.name, 'a refused patch changes nothing');
  const red = await env.api('POST', '/v1/redemptions', { code: card.code, order_amount: 1000 });
  assert.equal(red.status, 201, JSON.stringify(red.body));
});
