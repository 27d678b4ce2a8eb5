import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestEnv, type TestEnv } from '../../testing/harness.js';
import { freePort } from '../../testing/ports.js';
import { deliverDue as deliver } from './deliver.js';
import { dispatchEvents } from '../../platform/events.js';

/** Events reach the webhook outbox through its subscriber; then the due deliveries go out. */
const deliverDue = async (ctx: Parameters<typeof deliver>[0], limit?: number) => {
  await dispatchEvents(ctx);
  return deliver(ctx, limit);
};

/** Replays the review's attack: webhooks used to reach loopback, cloud metadata and private hosts, and to read their answers. */
let env: TestEnv;
let receiver: Server;
let port: number;
const received: string[] = [];
const SECRET_BODY = 'db_password=hunter2 internal-admin-token';

before(async () => {
  env = await startTestEnv(); // default settings: private targets refused
  receiver = createServer((req, res) => {
    received.push(req.url!);
    req.resume();
    req.on('end', () => res.writeHead(req.url === '/boom' ? 500 : 200, { 'content-type': 'text/plain' }).end(SECRET_BODY));
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  port = (receiver.address() as AddressInfo).port;
});
after(async () => {
  receiver.closeAllConnections();
  receiver.close();
  await env.close();
});

const allowPrivate = (on: boolean) => (env.ctx.config.webhookAllowPrivate = on);
const create = (url: string) => env.api('POST', '/v1/webhook-endpoints', { url });
const ping = async (endpointId: string) => {
  const r = await env.api('POST', `/v1/webhook-endpoints/${endpointId}/test`);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  await deliverDue(env.ctx);
  return (await env.api('GET', `/v1/webhook-deliveries/${r.body.id}`)).body;
};

test('an endpoint URL whose host is a private, loopback or internal address, in any spelling, is refused (422 url)', async () => {
  const refused = [
    'http://127.0.0.1:8080/hook',
    'http://169.254.169.254/latest/meta-data/',
    'http://0x7f000001/',
    'http://2130706433/',
    'http://0177.0.0.1/',
    'http://127.1/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://0.0.0.0:5432/',
    'http://0/',
    'http://10.0.0.5/',
    'https://192.168.1.1/',
    'http://100.64.0.1/',
    'http://[fd00::1]/',
    'http://[fe80::1]/',
    'http://[64:ff9b::a9fe:a9fe]/',
    'http://224.0.0.1/',
    'http://localhost:6379/',
    'http://LOCALHOST./',
    'http://admin.localhost/',
    'http://metadata.google.internal/',
    'http://printer.local/',
  ];
  for (const url of refused) {
    const r = await create(url);
    assert.equal(r.status, 422, url);
    assert.match(String(r.headers['content-type']), /application\/problem\+json/);
    assert.equal(r.body.errors[0].field, 'url', url);
  }
  const count = await env.ctx.db.query('SELECT count(*)::int AS n FROM webhook_endpoints WHERE tenant_id = $1', [env.tenantId]);
  assert.equal(count.rows[0].n, 0, 'nothing was created');

  const ok = await create('https://hooks.example.com/kaquan');
  assert.equal(ok.status, 201);
  for (const url of ['http://127.0.0.1/', 'http://[::1]/', 'http://metadata.google.internal/']) {
    const patched = await env.api('PATCH', `/v1/webhook-endpoints/${ok.body.id}`, { url });
    assert.equal(patched.status, 422, url);
    assert.equal(patched.body.errors[0].field, 'url');
  }
  assert.equal((await env.api('GET', `/v1/webhook-endpoints/${ok.body.id}`)).body.url, 'https://hooks.example.com/kaquan', 'unchanged');
  for (const url of ['https://8.8.8.8/hook', 'https://[2606:4700:4700::1111]/hook', 'https://localhost.example.com/']) {
    assert.equal((await env.api('PATCH', `/v1/webhook-endpoints/${ok.body.id}`, { url })).status, 200, `${url} is public`);
  }
  await env.api('DELETE', `/v1/webhook-endpoints/${ok.body.id}`);
});

test('with private targets off, a delivery to loopback (by address or by name) is refused at connect time; nothing arrives', async () => {
  allowPrivate(true); // e.g. created while a developer had the setting on, or a name that later resolves inward
  const byAddress = await create(`http://127.0.0.1:${port}/by-address`);
  const byName = await create(`http://localhost:${port}/by-name`);
  const mapped = await create(`http://[::ffff:127.0.0.1]:${port}/mapped`);
  for (const r of [byAddress, byName, mapped]) assert.equal(r.status, 201, JSON.stringify(r.body));
  allowPrivate(false);

  for (const ep of [byAddress, byName, mapped]) {
    const d = await ping(ep.body.id);
    assert.equal(d.state, 'pending', 'a refused attempt is a failed attempt, retried later');
    assert.equal(d.attempts, 1);
    assert.equal(d.last_status, null);
    assert.equal(d.last_error, 'refused: not a public address');
    assert.ok(Number.isInteger(d.last_duration_ms));
  }
  assert.deepEqual(received, [], 'the receiver got nothing');

  allowPrivate(true); // the same endpoints work when the development setting is on: the guard refused them, nothing else
  await ping(byAddress.body.id);
  assert.deepEqual(received.splice(0), ['/by-address']);
  allowPrivate(false);
  for (const ep of [byAddress, byName, mapped]) await env.api('DELETE', `/v1/webhook-endpoints/${ep.body.id}`);
});

test('the delivery log keeps the status and the time taken, never the answer body nor socket details', async () => {
  allowPrivate(true);
  const boom = (await create(`http://127.0.0.1:${port}/boom`)).body;
  const closedPort = await freePort();
  const closed = (await create(`http://127.0.0.1:${closedPort}/nobody-home`)).body;
  const analyst = (await env.api('POST', '/v1/api-keys', { name: 'bi', role: 'analyst' })).body.secret;

  const failed = await ping(boom.id);
  assert.deepEqual(
    received.splice(0).filter((p) => p === '/boom'),
    ['/boom'],
  );
  assert.equal(failed.last_status, 500);
  assert.equal(failed.last_error, 'HTTP 500');
  assert.ok(Number.isInteger(failed.last_duration_ms) && failed.last_duration_ms >= 0);

  const unreachable = await ping(closed.id);
  assert.equal(unreachable.last_status, null);
  assert.equal(unreachable.last_error, 'could not connect');

  for (const ep of [boom, closed]) {
    const seen = JSON.stringify((await env.api('GET', `/v1/webhook-endpoints/${ep.id}/deliveries`, undefined, { key: analyst })).body);
    for (const leak of ['hunter2', 'internal-admin-token', 'ECONNREFUSED', String(closedPort)]) assert.ok(!seen.includes(leak), `${leak} in ${seen}`);
  }
  const stored = await env.ctx.db.query(
    `SELECT count(*)::int AS n FROM webhook_deliveries WHERE last_error LIKE '%hunter2%' OR last_error LIKE '%${closedPort}%'`,
  );
  assert.equal(stored.rows[0].n, 0);
  allowPrivate(false);
});
