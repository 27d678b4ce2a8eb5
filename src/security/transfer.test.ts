import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../testing/harness.js';
import { ledgerMismatches } from '../modules/ledger/service.js';

/** A gifted card moves under a new code: the giver, who saw the old one, can no longer spend it. */
let env: TestEnv;
before(async () => {
  env = await startTestEnv();
});
after(async () => {
  await env.close();
});

test('after a gift the old code answers as unknown and the recipient’s new code works', async () => {
  const fx = await fixtures(env);
  const store = await fx.store();
  const clerk = (await env.api('POST', '/v1/api-keys', { name: 'c', role: 'clerk', store_ids: [store.id] })).body.secret;
  const { card, member: giver } = await fx.card('gift', { initial_balance: 20_000 });
  const recipient = await fx.member({ external_id: 'crm-friend' });
  const wallet = async (memberId: string) => (await env.api('POST', `/v1/members/${memberId}/wallet-link`, {})).body.token;
  const asGiver = { headers: { authorization: `Wallet ${await wallet(giver.id)}` } };
  const seen = (await env.api('GET', `/v1/wallet/cards/${card.id}`, undefined, asGiver)).body.code;
  assert.equal(seen, card.code);

  const gift = await env.api('POST', `/v1/wallet/cards/${card.id}/gift`, { to_member_external_id: 'crm-friend' }, asGiver);
  assert.equal(gift.status, 200, JSON.stringify(gift.body));
  assert.ok(!JSON.stringify(gift.body).includes(card.code.slice(0, 8)));

  const spend = await env.api('POST', '/v1/redemptions', { code: seen, amount: 5000 }, { key: clerk });
  assert.equal(spend.status, 404, `the giver spends with the old code: ${JSON.stringify(spend.body)}`);
  assert.equal(spend.body.code, 'CARD_NOT_FOUND');
  assert.equal((await env.api('POST', '/v1/cards/lookup', { code: seen })).status, 404);

  const asRecipient = { headers: { authorization: `Wallet ${await wallet(recipient.id)}` } };
  const mine = (await env.api('GET', `/v1/wallet/cards/${card.id}`, undefined, asRecipient)).body;
  assert.notEqual(mine.code, seen);
  assert.equal((await env.api('POST', '/v1/redemptions', { code: mine.code, amount: 5000 }, { key: clerk })).status, 201);
  assert.equal((await env.api('GET', `/v1/cards/${card.id}`)).body.balance, 15_000);
  const revealed = (await env.api('POST', `/v1/cards/${card.id}/reveal`)).body;
  assert.equal(revealed.code, mine.code);
  assert.notEqual(revealed.pin, card.pin, 'a new PIN too');
  assert.deepEqual(await ledgerMismatches(env.ctx.db), []);
});
