import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv } from '../../testing/harness.js';

test('the event catalogue lists what can be subscribed to, named for people; only those are accepted', async () => {
  const env = await startTestEnv();
  try {
    const r = await env.api('GET', '/v1/event-types');
    assert.equal(r.status, 200);
    const redeemed = r.body.data.find((e: any) => e.type === 'card.redeemed');
    assert.deepEqual(redeemed, { type: 'card.redeemed', zh: '核销', en: 'Redeemed' });
    const all = r.body.data.map((e: any) => e.type);
    const ok = await env.api('POST', '/v1/webhook-endpoints', { url: 'https://example.com/hook', event_types: all });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    // documented once but never emitted: no longer offered, and refused by name
    for (const dead of ['card.generated', 'card.lapsed']) {
      assert.ok(!all.includes(dead));
      const no = await env.api('POST', '/v1/webhook-endpoints', { url: 'https://example.com/hook', event_types: [dead] });
      assert.equal(no.status, 422);
    }
  } finally {
    await env.close();
  }
});
