import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';
import { installTestReviewGuard } from './test-guard.js';

/**
 * The requester's system hears how its review ended through webhooks: review.requested when the
 * action is sent to review, review.approved (with the action's result) or review.rejected (with the
 * reason) when an operator decides.
 */
let env: TestEnv;
let server: Server;
let base: string;
const received: { type: string; body: any }[] = [];
before(async () => {
  env = await startTestEnv({ config: { webhookAllowPrivate: true } }); // the receiver below is on 127.0.0.1
  installTestReviewGuard(3000);
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ type: String(req.headers['kaquan-event-type']), body: JSON.parse(body) });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  server.closeAllConnections();
  server.close();
  await env.close();
});

test('review.requested, then review.approved with the redemption, and review.rejected with the reason, reach a subscribed endpoint', async () => {
  const fx = await fixtures(env);
  const ep = await env.api('POST', '/v1/webhook-endpoints', {
    url: `${base}/risk`,
    event_types: ['review.requested', 'review.approved', 'review.rejected', 'review.expired'],
  });
  assert.equal(ep.status, 201, JSON.stringify(ep.body));
  const store = await fx.store({ name: '门店' });
  const { card } = await fx.card('stored_value', { initial_balance: 10_000 });
  const a = await env.api('POST', '/v1/redemptions', { code: card.code, store_id: store.id, amount: 4000 });
  assert.equal(a.status, 202, JSON.stringify(a.body));
  assert.equal((await env.api('POST', `/v1/reviews/${a.body.review_id}/approve`, {})).status, 200);
  const b = await env.api('POST', '/v1/redemptions', { code: card.code, store_id: store.id, amount: 5000 });
  assert.equal(b.status, 202, JSON.stringify(b.body));
  assert.equal((await env.api('POST', `/v1/reviews/${b.body.review_id}/reject`, { reason: '金额异常' })).status, 200);
  await env.jobs();
  const ofReview = (id: string) => received.filter((r) => JSON.stringify(r.body).includes(id)).map((r) => r.type);
  assert.deepEqual(ofReview(a.body.review_id), ['review.requested', 'review.approved']);
  assert.deepEqual(ofReview(b.body.review_id), ['review.requested', 'review.rejected']);
  const approved = received.find((r) => r.type === 'review.approved')!;
  assert.equal(JSON.stringify(approved.body).includes('"amount":4000'), true, JSON.stringify(approved.body));
  const rejected = received.find((r) => r.type === 'review.rejected')!;
  assert.ok(JSON.stringify(rejected.body).includes('金额异常'));
  assert.ok(!JSON.stringify(received).includes(card.code), 'no code in a webhook');
});
