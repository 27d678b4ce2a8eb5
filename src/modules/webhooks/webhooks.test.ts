import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestEnv, type TestEnv } from '../../testing/harness.js';
import { assertBadSort, assertSortedWalk } from '../../testing/lists.js';
import { appendEvents, type CardEvent } from '../cards/events.js';
import { deliverDue as deliver, MAX_ATTEMPTS, RETRY_SCHEDULE_MS } from './deliver.js';
import { verifySignature } from './signature.js';
import { dispatchEvents } from '../../platform/events.js';

/** Events reach the webhook outbox through its subscriber; then the due deliveries go out. */
const deliverDue = async (ctx: Parameters<typeof deliver>[0], limit?: number) => {
  await dispatchEvents(ctx);
  return deliver(ctx, limit);
};

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}
let env: TestEnv;
let server: Server;
let base: string;
const received: Received[] = [];
const statusFor = new Map<string, number>(); // receiver path → status it answers (default 200)
const at = (path: string) => received.filter((r) => r.path === path);

before(async () => {
  env = await startTestEnv({ config: { webhookAllowPrivate: true } }); // the receiver below is on 127.0.0.1
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ path: req.url!, headers: req.headers, body });
      const status = statusFor.get(req.url!) ?? 200;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'receiver exploded');
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

const event = (type: CardEvent['type'], data: Record<string, unknown> = {}, tenantId = env.tenantId): CardEvent => ({
  tenantId,
  cardId: 'crd_test',
  templateId: 'tpl_test',
  batchId: 'bat_test',
  type,
  storeId: 'sto_test',
  data,
  at: env.ctx.clock.now(),
});
const emit = (...events: CardEvent[]) => appendEvents(env.ctx.db, events);
const endpoint = async (path: string, extra: Record<string, unknown> = {}, key?: string) => {
  const r = await env.api('POST', '/v1/webhook-endpoints', { url: `${base}${path}`, ...extra }, { key });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body as { id: string; secret: string };
};
const log = async (endpointId: string, qs = '') => (await env.api('GET', `/v1/webhook-endpoints/${endpointId}/deliveries${qs}`)).body;

test('an endpoint gets signed card events; the secret is shown once and verifies them', async () => {
  const ep = await endpoint('/signed', { description: 'CRM' });
  assert.match(ep.secret, /^whsec_/);
  const got = await env.api('GET', `/v1/webhook-endpoints/${ep.id}`);
  assert.equal(got.status, 200);
  assert.equal(got.body.description, 'CRM');
  assert.ok(!('secret' in got.body));
  assert.ok(!('secret' in (await env.api('GET', '/v1/webhook-endpoints')).body.data[0]));
  const raw = await env.ctx.db.query('SELECT secret_enc FROM webhook_endpoints WHERE id = $1', [ep.id]);
  assert.ok(!String(raw.rows[0].secret_enc).includes(ep.secret.slice(6)));

  await emit(event('redeemed', { amount: 1500, currency: 'CNY' }));
  assert.equal(await deliverDue(env.ctx), 1);
  const [r] = at('/signed');
  assert.equal(r.headers['content-type'], 'application/json');
  assert.equal(r.headers['kaquan-event-type'], 'card.redeemed');
  assert.match(String(r.headers['kaquan-event-id']), /^evt_\d+$/);
  const body = JSON.parse(r.body);
  assert.equal(body.type, 'card.redeemed');
  assert.equal(body.id, r.headers['kaquan-event-id']);
  assert.equal(body.data.card_id, 'crd_test');
  assert.equal(body.data.amount, 1500);

  const sig = String(r.headers['kaquan-signature']);
  const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(sig)!;
  assert.equal(v1, createHmac('sha256', ep.secret).update(`${t}.${r.body}`).digest('hex'));
  assert.ok(verifySignature(ep.secret, sig, r.body, { now: env.ctx.clock.now() }));
  assert.ok(!verifySignature(ep.secret, sig, r.body.replace('1500', '9999'), { now: env.ctx.clock.now() }));
  assert.ok(!verifySignature('whsec_wrong', sig, r.body, { now: env.ctx.clock.now() }));

  const page = await log(ep.id);
  assert.equal(page.data.length, 1);
  const d = page.data[0];
  assert.equal(d.state, 'delivered');
  assert.equal(d.event_type, 'card.redeemed');
  assert.equal(d.event_id, body.id);
  assert.equal(d.attempts, 1);
  assert.equal(d.last_status, 200);
  assert.ok(d.delivered_at);
  assert.equal(d.next_attempt_at, null);
  assert.equal(d.payload.data.amount, 1500);
  assert.equal(await deliverDue(env.ctx), 0, 'a delivered event is not sent again');

  const rotated = await env.api('POST', `/v1/webhook-endpoints/${ep.id}/rotate-secret`);
  assert.equal(rotated.status, 200);
  assert.notEqual(rotated.body.secret, ep.secret);
  await emit(event('issued'));
  await deliverDue(env.ctx);
  const last = at('/signed')[1];
  assert.ok(verifySignature(rotated.body.secret, String(last.headers['kaquan-signature']), last.body, { now: env.ctx.clock.now() }));
  assert.equal((await env.api('DELETE', `/v1/webhook-endpoints/${ep.id}`)).status, 200);
});

test('a failing receiver is retried on the backoff schedule, then failed; resend sends it again', async () => {
  env.ctx.clock.set(new Date('2030-01-01T00:00:00Z'));
  statusFor.set('/flaky', 500);
  const ep = await endpoint('/flaky');
  await emit(event('topped_up', { amount: 10000, currency: 'CNY' }));
  for (let n = 1; n <= MAX_ATTEMPTS; n++) {
    await deliverDue(env.ctx);
    assert.equal(at('/flaky').length, n);
    const [d] = (await log(ep.id)).data;
    assert.equal(d.attempts, n);
    assert.equal(d.last_status, 500);
    assert.equal(d.last_error, 'HTTP 500', "the status only: the receiver's answer is never stored");
    if (n === MAX_ATTEMPTS) {
      assert.equal(d.state, 'failed');
      assert.equal(d.next_attempt_at, null);
      break;
    }
    assert.equal(d.state, 'pending');
    const wait = RETRY_SCHEDULE_MS[n - 1];
    assert.equal(new Date(d.next_attempt_at).getTime() - env.ctx.clock.now().getTime(), wait);
    env.ctx.clock.advance(wait - 1000);
    await deliverDue(env.ctx);
    assert.equal(at('/flaky').length, n, 'not retried before its time');
    env.ctx.clock.advance(1000);
  }
  env.ctx.clock.advance(24 * 3600_000);
  await deliverDue(env.ctx);
  assert.equal(at('/flaky').length, MAX_ATTEMPTS, 'a failed delivery stays failed');
  assert.equal((await log(ep.id, '?state=failed')).data.length, 1);

  statusFor.set('/flaky', 200);
  const [failed] = (await log(ep.id)).data;
  const resent = await env.api('POST', `/v1/webhook-deliveries/${failed.id}/resend`);
  assert.equal(resent.status, 200);
  assert.equal(resent.body.state, 'pending');
  assert.equal(resent.body.attempts, 0);
  await deliverDue(env.ctx);
  assert.equal(at('/flaky').length, MAX_ATTEMPTS + 1);
  const delivered = (await env.api('GET', `/v1/webhook-deliveries/${failed.id}`)).body;
  assert.equal(delivered.state, 'delivered');
  assert.equal(delivered.last_status, 200);

  assert.equal((await env.api('POST', `/v1/webhook-deliveries/${failed.id}/resend`)).status, 200, 'a delivered one can be resent too');
  await deliverDue(env.ctx);
  const again = at('/flaky');
  assert.equal(again.length, MAX_ATTEMPTS + 2);
  assert.equal(again.at(-1)!.headers['kaquan-event-id'], again[0].headers['kaquan-event-id'], 'same event id, so receivers can dedupe');
  const audit = await env.ctx.db.query(`SELECT count(*)::int AS n FROM audit_entries WHERE action = 'webhook_delivery.resend' AND target_id = $1`, [failed.id]);
  assert.equal(audit.rows[0].n, 2);
  assert.equal((await env.api('DELETE', `/v1/webhook-endpoints/${ep.id}`)).status, 200);
});

test('event_types filter what an endpoint receives; the log pages newest first and filters by state', async () => {
  const only = await endpoint('/only-redeemed', { event_types: ['card.redeemed'] });
  const all = await endpoint('/all');
  await emit(event('issued'), event('redeemed', { amount: 300 }), event('reversed', { amount: 300 }));
  await deliverDue(env.ctx);
  assert.deepEqual(
    at('/only-redeemed').map((r) => r.headers['kaquan-event-type']),
    ['card.redeemed'],
  );
  assert.deepEqual(
    at('/all')
      .map((r) => r.headers['kaquan-event-type'])
      .sort(),
    ['card.issued', 'card.redeemed', 'card.reversed'],
  );

  const p1 = await log(all.id, '?limit=2');
  assert.equal(p1.data.length, 2);
  const p2 = await log(all.id, `?limit=2&cursor=${p1.next_cursor}`);
  assert.equal(p2.data.length, 1);
  assert.equal(p2.next_cursor, null);
  const paged = [...p1.data, ...p2.data];
  assert.deepEqual(paged.map((d: any) => d.event_type).sort(), ['card.issued', 'card.redeemed', 'card.reversed']);
  assert.ok(
    paged.every((d: any, i: number) => i === 0 || Number(d.id.slice(4)) < Number(paged[i - 1].id.slice(4))),
    'newest first',
  );
  assert.equal((await log(all.id, '?state=pending')).data.length, 0);
  assert.equal((await log(all.id, '?state=delivered')).data.length, 3);

  const patched = await env.api('PATCH', `/v1/webhook-endpoints/${only.id}`, { event_types: ['card.frozen', 'card.frozen'] });
  assert.equal(patched.status, 200);
  assert.deepEqual(patched.body.event_types, ['card.frozen']);
  await emit(event('redeemed'), event('frozen'));
  await deliverDue(env.ctx);
  assert.deepEqual(
    at('/only-redeemed').map((r) => r.headers['kaquan-event-type']),
    ['card.redeemed', 'card.frozen'],
  );
  for (const ep of [only, all]) await env.api('DELETE', `/v1/webhook-endpoints/${ep.id}`);
});

test('concurrent delivery rounds send each event once; a redirect counts as a failure', async () => {
  const ep = await endpoint('/once');
  statusFor.set('/moved', 302);
  const moved = await endpoint('/moved');
  await emit(...Array.from({ length: 30 }, (_, i) => event('stamped', { stamps: i + 1 })));
  const claimed = await Promise.all([deliverDue(env.ctx, 7), deliverDue(env.ctx, 7), deliverDue(env.ctx, 7)]);
  while ((await deliverDue(env.ctx, 7)) > 0);
  assert.ok(claimed.every((n) => n > 0));
  const ids = at('/once').map((r) => r.headers['kaquan-event-id']);
  assert.equal(ids.length, 30);
  assert.equal(new Set(ids).size, 30);
  assert.equal((await log(ep.id, '?state=delivered&limit=100')).data.length, 30);
  const [redirected] = (await log(moved.id, '?limit=1')).data;
  assert.equal(redirected.state, 'pending');
  assert.equal(redirected.last_status, 302);
  for (const e of [ep, moved]) await env.api('DELETE', `/v1/webhook-endpoints/${e.id}`);
});

test('a test ping goes out through the durable job; inactive endpoints get nothing; delete removes the log', async () => {
  const ep = await endpoint('/ping');
  const ping = await env.api('POST', `/v1/webhook-endpoints/${ep.id}/test`);
  assert.equal(ping.status, 201);
  assert.equal(ping.body.event_type, 'ping');
  assert.equal(ping.body.state, 'pending');
  await env.jobs();
  const [r] = at('/ping');
  assert.equal(r.headers['kaquan-event-type'], 'ping');
  assert.ok(verifySignature(ep.secret, String(r.headers['kaquan-signature']), r.body, { now: env.ctx.clock.now() }));
  assert.equal((await env.api('GET', `/v1/webhook-deliveries/${ping.body.id}`)).body.state, 'delivered');

  await emit(event('voided'));
  const off = await env.api('PATCH', `/v1/webhook-endpoints/${ep.id}`, { active: false });
  assert.equal(off.body.active, false);
  await emit(event('expired'));
  await deliverDue(env.ctx);
  assert.equal(at('/ping').length, 1, 'nothing goes to an inactive endpoint');
  const [queued] = (await log(ep.id, '?state=failed')).data;
  assert.equal(queued.event_type, 'card.voided');
  assert.equal(queued.last_error, 'endpoint inactive');
  assert.equal((await log(ep.id)).data.length, 2, 'no delivery was queued while inactive');
  const refused = await env.api('POST', `/v1/webhook-endpoints/${ep.id}/test`);
  assert.equal(refused.status, 409);
  assert.equal(refused.body.code, 'WEBHOOK_ENDPOINT_INACTIVE');

  const del = await env.api('DELETE', `/v1/webhook-endpoints/${ep.id}`);
  assert.deepEqual(del.body, { id: ep.id, deleted: true });
  assert.equal((await env.api('GET', `/v1/webhook-endpoints/${ep.id}`)).status, 404);
  assert.equal((await env.api('GET', `/v1/webhook-deliveries/${ping.body.id}`)).status, 404);
});

test('another tenant sees none of it (404); an analyst reads but cannot write', async () => {
  const ep = await endpoint('/mine');
  await env.api('POST', `/v1/webhook-endpoints/${ep.id}/test`);
  const [d] = (await log(ep.id)).data;
  const other = await env.newTenant('Other');
  const key = other.ownerKey;
  for (const [method, url, body] of [
    ['GET', `/v1/webhook-endpoints/${ep.id}`],
    ['GET', `/v1/webhook-endpoints/${ep.id}/deliveries`],
    ['PATCH', `/v1/webhook-endpoints/${ep.id}`, { active: false }],
    ['DELETE', `/v1/webhook-endpoints/${ep.id}`],
    ['POST', `/v1/webhook-endpoints/${ep.id}/test`],
    ['POST', `/v1/webhook-endpoints/${ep.id}/rotate-secret`],
    ['GET', `/v1/webhook-deliveries/${d.id}`],
    ['POST', `/v1/webhook-deliveries/${d.id}/resend`],
  ] as const) {
    const r = await env.api(method, url, body, { key });
    assert.equal(r.status, 404, `${method} ${url}`);
    assert.match(String(r.headers['content-type']), /application\/problem\+json/);
  }
  assert.equal((await env.api('GET', '/v1/webhook-endpoints', undefined, { key })).body.data.length, 0);
  assert.equal((await env.api('GET', `/v1/webhook-deliveries/whd_nope`)).status, 404);

  const analyst = await env.api('POST', '/v1/api-keys', { name: 'bi', role: 'analyst' });
  assert.equal((await env.api('GET', `/v1/webhook-endpoints/${ep.id}/deliveries`, undefined, { key: analyst.body.secret })).status, 200);
  const denied = await env.api('POST', '/v1/webhook-endpoints', { url: `${base}/x` }, { key: analyst.body.secret });
  assert.equal(denied.status, 403);
  assert.equal((await env.api('POST', `/v1/webhook-deliveries/${d.id}/resend`, undefined, { key: analyst.body.secret })).status, 403);
  await env.api('DELETE', `/v1/webhook-endpoints/${ep.id}`);
});

test('bad input is a 4xx problem naming the field; creation is idempotent and audited', async () => {
  const cases: [unknown, number, string][] = [
    [{ url: 'ftp://example.com/hook' }, 400, 'body.url'],
    [{}, 400, 'body.url'],
    [{ url: 'http://' }, 422, 'url'],
    [{ url: 'https://user:pw@example.com/' }, 422, 'url'],
    [{ url: 'https://example.com/', event_types: ['card.redeemed', 'card.teleported'] }, 422, 'event_types.1'],
    [{ url: 'https://example.com/', event_types: ['Card.Redeemed'] }, 400, 'body.event_types.0'],
    [{ url: 'https://example.com/', event_types: ['order.paid'] }, 422, 'event_types.0'], // no module has orders yet
  ];
  for (const [body, status, field] of cases) {
    const r = await env.api('POST', '/v1/webhook-endpoints', body);
    assert.equal(r.status, status, JSON.stringify(body));
    assert.match(String(r.headers['content-type']), /application\/problem\+json/);
    assert.equal(r.body.errors[0].field, field, JSON.stringify(body));
  }
  assert.equal((await env.api('GET', '/v1/webhook-endpoints/whe_nope/deliveries?state=lost')).status, 400);
  const count = await env.ctx.db.query('SELECT count(*)::int AS n FROM webhook_endpoints WHERE tenant_id = $1', [env.tenantId]);
  assert.equal(count.rows[0].n, 0, 'nothing was created');

  const h = { 'idempotency-key': 'wh-create-1' };
  const a = await env.api('POST', '/v1/webhook-endpoints', { url: 'https://example.com/hook' }, { headers: h });
  const b = await env.api('POST', '/v1/webhook-endpoints', { url: 'https://example.com/hook' }, { headers: h });
  assert.equal(a.status, 201);
  assert.equal(b.body.id, a.body.id);
  assert.equal(b.headers['idempotent-replayed'], 'true');
  const audit = await env.ctx.db.query(`SELECT count(*)::int AS n FROM audit_entries WHERE action = 'webhook_endpoint.create' AND target_id = $1`, [a.body.id]);
  assert.equal(audit.rows[0].n, 1);
  await env.api('DELETE', `/v1/webhook-endpoints/${a.body.id}`);
});

test('endpoints sort on the server by URL, across pages, both ways', async () => {
  const { ownerKey: key } = await env.newTenant('Sorting');
  for (const host of ['crm', 'app', 'pos', 'bi']) {
    assert.equal((await env.api('POST', '/v1/webhook-endpoints', { url: `https://${host}.example.com/kaquan` }, { key })).status, 201);
  }
  const byUrl = await assertSortedWalk(env, { url: '/v1/webhook-endpoints', sort: 'url', value: (e) => e.url, key });
  assert.deepEqual(
    byUrl.map((e) => e.url.split('.')[0]),
    ['https://app', 'https://bi', 'https://crm', 'https://pos'],
  );
  await assertSortedWalk(env, { url: '/v1/webhook-endpoints', sort: 'created_at', value: (e) => e.id, key });
  await assertBadSort(env, '/v1/webhook-endpoints', key);
});
