import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../testing/harness.js';

/**
 * Idempotency keys belong to their caller: a stored answer replays only to the principal that made
 * it. The probe: channel B sends channel A's Idempotency-Key and receives A's card with its clear
 * code; or B sends A's predictable next key first and A is handed B's card.
 */
let env: TestEnv;
let keyA: string;
let keyB: string;
let batchId: string;
before(async () => {
  env = await startTestEnv();
  const fx = await fixtures(env);
  const [chA, chB] = [(await env.api('POST', '/v1/channels', { name: 'A 渠道' })).body, (await env.api('POST', '/v1/channels', { name: 'B 渠道' })).body];
  keyA = (await env.api('POST', '/v1/api-keys', { name: 'a', role: 'channel', channel_id: chA.id })).body.secret;
  keyB = (await env.api('POST', '/v1/api-keys', { name: 'b', role: 'channel', channel_id: chB.id })).body.secret;
  batchId = (await fx.batch((await fx.template('cash', { amount_off: 500 })).id)).id;
});
after(async () => {
  await env.close();
});

const issue = (key: string, idem: string) => env.api('POST', '/v1/cards/issue', { batch_id: batchId }, { key, headers: { 'idempotency-key': idem } });

test('another caller reusing my key gets a fresh answer, never mine', async () => {
  const a = await issue(keyA, 'order-0001');
  assert.equal(a.status, 201);
  const again = await issue(keyA, 'order-0001');
  assert.equal(again.headers['idempotent-replayed'], 'true', 'my own retry still replays');
  assert.equal(again.body.code, a.body.code);

  const b = await issue(keyB, 'order-0001');
  assert.equal(b.status, 201, JSON.stringify(b.body));
  assert.equal(b.headers['idempotent-replayed'], undefined, 'not a replay');
  assert.notEqual(b.body.id, a.body.id);
  assert.notEqual(b.body.code, a.body.code, 'B never sees A’s code');
  const bCard = await env.api('GET', `/v1/cards/${b.body.id}`, undefined, { key: keyB });
  assert.equal(bCard.status, 200, 'B’s card is in B’s channel');
});

test('a key taken first by another caller does not hand me their card', async () => {
  const b = await issue(keyB, 'order-0002'); // B guesses A's next key and uses it first
  const a = await issue(keyA, 'order-0002');
  assert.equal(a.status, 201);
  assert.equal(a.headers['idempotent-replayed'], undefined);
  assert.notEqual(a.body.id, b.body.id);
  assert.equal((await env.api('GET', `/v1/cards/${a.body.id}`, undefined, { key: keyA })).status, 200, 'A got a card of its own channel');
  // request_no in the body is scoped the same way
  const viaBodyA = await env.api('POST', '/v1/cards/issue', { batch_id: batchId, request_no: 'rn-1' }, { key: keyA });
  const viaBodyB = await env.api('POST', '/v1/cards/issue', { batch_id: batchId, request_no: 'rn-1' }, { key: keyB });
  assert.notEqual(viaBodyA.body.code, viaBodyB.body.code);
  assert.equal(viaBodyB.headers['idempotent-replayed'], undefined);
});
