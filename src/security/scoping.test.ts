import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../testing/harness.js';

/**
 * A caller sees and acts on its own slice of the tenant: a clerk presents codes (and PINs) and sees
 * its stores' redemptions; a channel binds and reads only its channel's cards and redemptions.
 * The probe's findings, replayed over HTTP.
 */
let env: TestEnv;
let fx: Awaited<ReturnType<typeof fixtures>>;
let storeA: any, storeB: any, clerkA: string, clerkB: string;
before(async () => {
  env = await startTestEnv();
  fx = await fixtures(env);
  storeA = await fx.store({ name: '门店 A' });
  storeB = await fx.store({ name: '门店 B' });
  clerkA = (await env.api('POST', '/v1/api-keys', { name: 'clerk A', role: 'clerk', store_ids: [storeA.id] })).body.secret;
  clerkB = (await env.api('POST', '/v1/api-keys', { name: 'clerk B', role: 'clerk', store_ids: [storeB.id] })).body.secret;
});
after(async () => {
  await env.close();
});

test('a clerk redeems by presenting the code, never by card id', async () => {
  const { card } = await fx.card('stored_value', { initial_balance: 50_000 });
  const byId = await env.api('POST', '/v1/redemptions', { card_id: card.id, amount: 9999 }, { key: clerkA });
  assert.equal(byId.status, 403, JSON.stringify(byId.body));
  assert.equal((await env.api('POST', '/v1/redemptions/check', { card_id: card.id, amount: 1 }, { key: clerkA })).status, 403);
  assert.equal((await env.api('GET', `/v1/cards/${card.id}`)).body.balance, 50_000, 'nothing was taken');
  const byCode = await env.api('POST', '/v1/redemptions', { code: card.code, amount: 100 }, { key: clerkA });
  assert.equal(byCode.status, 201);
  assert.equal((await env.api('POST', '/v1/redemptions', { card_id: card.id, amount: 100 })).status, 201, 'the owner may name the card');
});

test('an unbound card that came with a PIN needs its PIN at the till, whatever its kind', async () => {
  const t = await fx.template('stored_value', { initial_balance: 30_000 });
  const batch = await fx.batch(t.id, { mode: 'imported' });
  const code = 'SVIMPORTED00000000001';
  const imp = await env.api('POST', `/v1/batches/${batch.id}/import?state=active`, `${code},4821`, { headers: { 'content-type': 'text/csv' } });
  assert.equal(imp.body.accepted, 1, JSON.stringify(imp.body));
  const peek = await env.api('POST', '/v1/redemptions/check', { code, amount: 100 }, { key: clerkA });
  assert.equal(peek.status, 403, 'a check shows nothing of a PIN card without its PIN');
  assert.ok(!JSON.stringify(peek.body).includes('30000'));
  const noPin = await env.api('POST', '/v1/redemptions', { code, amount: 100 }, { key: clerkA });
  assert.equal(noPin.status, 403);
  assert.equal(noPin.body.code, 'PIN_INVALID');
  assert.equal((await env.api('POST', '/v1/redemptions', { code, amount: 100, pin: '1111' }, { key: clerkA })).body.code, 'PIN_INVALID');
  assert.equal((await env.api('POST', '/v1/redemptions', { code, amount: 100, pin: '4821' }, { key: clerkA })).status, 201);
});

test('a channel binds and reads only its own channel’s cards and redemptions', async () => {
  const chA = (await env.api('POST', '/v1/channels', { name: '渠道 A' })).body;
  const chB = (await env.api('POST', '/v1/channels', { name: '渠道 B' })).body;
  const keyA = (await env.api('POST', '/v1/api-keys', { name: 'a', role: 'channel', channel_id: chA.id })).body.secret;
  const keyB = (await env.api('POST', '/v1/api-keys', { name: 'b', role: 'channel', channel_id: chB.id })).body.secret;
  const batch = await fx.batch((await fx.template('cash', { amount_off: 500 })).id);
  const member = await fx.member();
  const bCard = (await env.api('POST', '/v1/cards/issue', { batch_id: batch.id }, { key: keyB })).body;
  const aCard = (await env.api('POST', '/v1/cards/issue', { batch_id: batch.id }, { key: keyA })).body;

  const steal = await env.api('POST', '/v1/cards/bind', { code: bCard.code, member_id: member.id }, { key: keyA });
  assert.equal(steal.status, 404, JSON.stringify(steal.body));
  assert.equal(steal.body.code, 'CARD_NOT_FOUND', 'answered exactly like an unknown code');
  assert.equal((await env.api('GET', `/v1/cards/${bCard.id}`)).body.member_id, null, 'B’s card is still unbound');
  assert.equal((await env.api('POST', '/v1/cards/bind', { code: aCard.code, member_id: member.id }, { key: keyA })).status, 200);

  const redA = (await env.api('POST', '/v1/redemptions', { code: aCard.code, store_id: storeA.id })).body;
  const redB = (await env.api('POST', '/v1/redemptions', { code: bCard.code, store_id: storeA.id })).body;
  const listA = await env.api('GET', '/v1/redemptions?limit=200', undefined, { key: keyA });
  assert.deepEqual(
    listA.body.data.map((r: any) => r.id),
    [redA.id],
    'A lists only its cards’ redemptions',
  );
  assert.equal((await env.api('GET', `/v1/redemptions/${redB.id}`, undefined, { key: keyA })).status, 404);
  assert.equal((await env.api('GET', `/v1/redemptions/${redA.id}`, undefined, { key: keyA })).status, 200);
});

test('a clerk’s view of a card’s trace holds its own stores’ redemptions only', async () => {
  const { card } = await fx.card('count', { uses: 5 });
  const atA = (await env.api('POST', '/v1/redemptions', { code: card.code }, { key: clerkA })).body;
  const atB = (await env.api('POST', '/v1/redemptions', { code: card.code }, { key: clerkB })).body;
  const trace = (await env.api('GET', `/v1/cards/${card.id}/trace`, undefined, { key: clerkA })).body;
  assert.deepEqual(
    trace.redemptions.map((r: any) => r.id),
    [atA.id],
  );
  assert.ok(!JSON.stringify(trace).includes(atB.id), 'store B’s redemption appears nowhere (events, ledger)');
  assert.ok(!trace.events.some((e: any) => e.store_id === storeB.id));
  assert.ok(
    trace.events.some((e: any) => e.event_type === 'issued'),
    'what happened at no store is shown',
  );
  const mine = await env.api('GET', `/v1/redemptions?card_id=${card.id}`, undefined, { key: clerkA });
  assert.deepEqual(
    mine.body.data.map((r: any) => r.id),
    [atA.id],
  );
  const owner = (await env.api('GET', `/v1/cards/${card.id}/trace`)).body;
  assert.equal(owner.redemptions.length, 2, 'the owner sees everything');
});
