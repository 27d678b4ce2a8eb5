import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { startTestEnv, fixtures, type TestEnv } from '../testing/harness.js';
import { buildApp } from '../app.js';
import { loggerOptions } from '../http/logging.js';
import { startWorker } from './jobs.js';

/** What whoever runs the server watches: /healthz, /readyz, /metrics and request ids (docs/operations.md). */
let env: TestEnv;
before(async () => {
  env = await startTestEnv();
});
after(() => env.close());

const raw = (url: string, headers: Record<string, string> = {}) => env.app.inject({ method: 'GET', url, headers });

test('/healthz answers while the process is up; /readyz says the database, the schema and the worker are fine', async () => {
  const h = await raw('/healthz');
  assert.equal(h.statusCode, 200);
  assert.deepEqual(h.json(), { status: 'ok' });

  const r = await raw('/readyz');
  assert.equal(r.statusCode, 200);
  const body = r.json();
  assert.equal(body.status, 'ready');
  assert.equal(body.checks.database.ok, true);
  assert.deepEqual(body.checks.migrations.pending, []);
  assert.equal(body.checks.worker.state, 'disabled', 'a process started with KAQUAN_JOBS=off leaves jobs to another');
});

test('/readyz is 503 while a migration this code has is not applied, naming it', async () => {
  const name = (await env.ctx.db.query<{ name: string }>(`SELECT name FROM schema_migrations WHERE name LIKE 'points/%' ORDER BY name DESC LIMIT 1`)).rows[0]!
    .name;
  await env.ctx.db.query('DELETE FROM schema_migrations WHERE name = $1', [name]);
  try {
    const r = await raw('/readyz');
    assert.equal(r.statusCode, 503);
    assert.equal(r.json().status, 'not_ready');
    assert.deepEqual(r.json().checks.migrations.pending, [name]);
  } finally {
    await env.ctx.db.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
  }
  assert.equal((await raw('/readyz')).statusCode, 200);
});

test('/readyz wants a running worker in a process that runs jobs', async () => {
  const ctx = { ...env.ctx, config: { ...env.ctx.config, runJobs: true } };
  const app = await buildApp(ctx);
  try {
    const before = (await app.inject({ method: 'GET', url: '/readyz' })).json();
    assert.equal(before.checks.worker.state, 'not_started');
    assert.equal(before.status, 'not_ready');
    const stop = startWorker(ctx, 50);
    try {
      const during = await app.inject({ method: 'GET', url: '/readyz' });
      assert.equal(during.statusCode, 200);
      assert.equal(during.json().checks.worker.state, 'running');
    } finally {
      await stop();
    }
  } finally {
    await app.close();
  }
});

test('/metrics counts requests by route pattern, redemptions by outcome, and reads job queues and the pool', async () => {
  const fx = await fixtures(env);
  const { card } = await fx.card('cash', { amount_off: 500 });
  assert.equal((await env.api('POST', '/v1/redemptions', { code: card.code })).status, 201);
  assert.equal((await env.api('POST', '/v1/redemptions', { code: card.code })).status, 409);
  assert.equal((await env.api('GET', `/v1/cards/${card.id}`)).status, 200);

  const m = await raw('/metrics');
  assert.equal(m.statusCode, 200);
  assert.match(String(m.headers['content-type']), /text\/plain/);
  const text = m.body;
  const value = (series: string) => {
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return line ? Number(line.slice(series.length + 1)) : undefined;
  };
  assert.ok(value('kaquan_http_requests_total{method="POST",route="/v1/redemptions",status="201"}')! >= 1);
  assert.ok(value('kaquan_http_requests_total{method="GET",route="/v1/cards/:id",status="200"}')! >= 1, 'a pattern, never the card id');
  assert.ok(!text.includes(card.id), 'no id reaches a label');
  assert.ok(value('kaquan_operations_total{operation="redeem",outcome="ok"}')! >= 1);
  assert.ok(value('kaquan_operations_total{operation="issue",outcome="ok"}')! >= 1);
  const refused = text.split('\n').find((l) => l.startsWith('kaquan_operations_total{operation="redeem",outcome="CARD_'));
  assert.ok(
    refused,
    `a refused redemption is counted under its problem code:\n${text
      .split('\n')
      .filter((l) => l.includes('operations'))
      .join('\n')}`,
  );
  assert.match(text, /kaquan_http_request_duration_seconds_bucket\{le="0.05",method="POST",route="\/v1\/redemptions",status="201"\} \d+/);
  assert.match(text, /kaquan_jobs_due\{type="[a-z._]+"\} \d+/, 'recurring sweeps are due in a fresh database');
  assert.match(text, /kaquan_jobs_lag_seconds\{type="[a-z._]+"\} [\d.e+-]+/);
  assert.match(text, /kaquan_db_pool_connections\{state="max"\} \d+/);
  assert.match(text, /process_cpu_user_seconds_total/);
});

test('/metrics: only a local, unproxied scrape without a token; with a token, only with it', async () => {
  assert.equal((await raw('/metrics', { 'x-forwarded-for': '203.0.113.9' })).statusCode, 404, 'a request a proxy forwarded is not local');
  const ctx = { ...env.ctx, config: { ...env.ctx.config, metricsToken: 's3cret-token' } };
  const app = await buildApp(ctx);
  try {
    assert.equal((await app.inject({ method: 'GET', url: '/metrics' })).statusCode, 404);
    assert.equal((await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer wrong-token!' } })).statusCode, 404);
    assert.equal((await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer s3cret-token' } })).statusCode, 200);
  } finally {
    await app.close();
  }
});

test('every answer carries a request id; a problem names it; a caller’s plain X-Request-Id is kept, an odd one replaced', async () => {
  const ok = await env.api('GET', '/v1/stores');
  assert.match(String(ok.headers['x-request-id']), /^req-[0-9a-f]{8}-[0-9a-z]+$/);
  const missing = await env.api('GET', '/v1/cards/card_nope');
  assert.equal(missing.status, 404);
  assert.equal(missing.body.request_id, missing.headers['x-request-id']);
  const given = await env.api('GET', '/v1/stores', undefined, { headers: { 'x-request-id': 'lb-7f3a.42' } });
  assert.equal(given.headers['x-request-id'], 'lb-7f3a.42');
  const odd = await env.api('GET', '/v1/stores', undefined, { headers: { 'x-request-id': 'x"}\\u0000{"admin":true' } });
  assert.match(String(odd.headers['x-request-id']), /^req-/);
  const bad = await env.api('POST', '/v1/stores', { name: 's', colour: 'red' });
  assert.equal(bad.status, 422);
  assert.equal(bad.body.request_id, bad.headers['x-request-id']);
});

test('every log line of a request names its request id', async () => {
  const lines: any[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      cb();
    },
  });
  const app = await buildApp(env.ctx, { logger: loggerOptions('info', stream) });
  try {
    const r = await app.inject({ method: 'GET', url: '/v1/cards/card_nope', headers: { authorization: `Bearer ${env.ownerKey}` } });
    assert.equal(r.statusCode, 404);
    const id = r.headers['x-request-id'];
    const mine = lines.filter((l) => l.request_id === id);
    assert.ok(mine.length >= 2, 'the request and its answer are logged');
    assert.ok(
      lines.filter((l) => l.req || l.res).every((l) => typeof l.request_id === 'string'),
      'no request log line without an id',
    );
  } finally {
    await app.close();
  }
});
