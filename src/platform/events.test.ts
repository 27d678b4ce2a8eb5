import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestEnv, type TestEnv } from '../testing/harness.js';
import { dispatchEvents, emit, installEvents, runSubscriber, type EventRow, type Subscriber } from './events.js';
import { deliverDue } from '../modules/webhooks/deliver.js';

let env: TestEnv;
let hooks: Server;
const received: any[] = [];
before(async () => {
  env = await startTestEnv({ config: { webhookAllowPrivate: true } });
  hooks = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push(JSON.parse(body));
      res.end('ok');
    });
  });
  await new Promise<void>((r) => hooks.listen(0, '127.0.0.1', r));
});
after(async () => {
  hooks.close();
  await env.close();
});

/** A subscriber that records what it was handed; `fail` makes its next call throw. */
function recorder(name: string, types?: string[]) {
  const seen: EventRow[] = [];
  const s: Subscriber & { seen: EventRow[]; fail: boolean } = {
    name,
    types,
    seen,
    fail: false,
    async handle(_c, _q, events) {
      if (s.fail) {
        s.fail = false;
        throw new Error('the handler failed');
      }
      seen.push(...events);
    },
  };
  return s;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/**
 * Runs a subscriber until `done()`. On PostgreSQL, a long transaction anywhere on the server (another
 * test file's, running beside this one) holds every subscriber back until it ends: events of
 * transactions older than every running one are the only ones handed out, by design.
 */
async function drain(s: Subscriber, done: () => boolean, ms = 60_000) {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) if ((await runSubscriber(env.ctx, s)) === 0) await sleep(50);
}

test('other areas emit events too: a member created and changed reaches a webhook, its phone never does', async () => {
  const port = (hooks.address() as AddressInfo).port;
  const ep = await env.api('POST', '/v1/webhook-endpoints', { url: `http://127.0.0.1:${port}/m`, event_types: ['member.created', 'member.updated'] });
  assert.equal(ep.status, 201, JSON.stringify(ep.body));
  const types = (await env.api('GET', '/v1/event-types')).body.data.map((e: any) => e.type);
  for (const t of ['card.redeemed', 'member.created', 'member.updated', 'batch.created', 'batch.ready', 'batch.failed']) assert.ok(types.includes(t), t);

  const m = await env.api('POST', '/v1/members', { name: '周杰', phone: '13900139000', external_id: 'crm-77' });
  assert.equal(m.status, 201);
  await env.api('PATCH', `/v1/members/${m.body.id}`, { tier: 'gold', phone: '13900139001' });
  await dispatchEvents(env.ctx);
  await deliverDue(env.ctx);
  const mine = received.filter((e) => e.data.member_id === m.body.id);
  assert.deepEqual(
    mine.map((e) => e.type),
    ['member.created', 'member.updated'],
  );
  assert.deepEqual(mine[0].data, { member_id: m.body.id, external_id: 'crm-77', tier: null });
  assert.deepEqual(mine[1].data, { member_id: m.body.id, changed: ['tier', 'phone'], tier: 'gold' });
  assert.ok(!JSON.stringify(received).includes('1390013900'), 'no phone number in any payload');
  await env.api('DELETE', `/v1/webhook-endpoints/${ep.body.id}`);
});

test('a subscriber gets each event once, in order, whoever runs it and however often', async () => {
  const s = recorder('test-order', ['member.*']);
  await installEvents(env.ctx, [], [s]);
  const at = env.ctx.clock.now();
  for (let i = 0; i < 30; i++) await emit(env.ctx.db, [{ tenantId: env.tenantId, type: 'member.updated', at, memberId: `mem_${i}`, data: { i } }]);
  await emit(env.ctx.db, [{ tenantId: env.tenantId, type: 'card.frozen', at, cardId: 'crd_x', data: {} }]); // not its type
  // many runners at once (on PostgreSQL, on different connections): the cursor's row lock takes them one at a time
  await Promise.all(Array.from({ length: 8 }, () => runSubscriber(env.ctx, s)));
  await drain(s, () => s.seen.length >= 30);
  while ((await runSubscriber(env.ctx, s)) > 0); // and nothing more, nothing twice
  assert.deepEqual(
    s.seen.map((e) => e.data!.i),
    Array.from({ length: 30 }, (_, i) => i),
  );
  assert.ok(s.seen.every((e) => e.event_type === 'member.updated'));
});

test('a handler that fails holds its subscriber back; the same events come again, nothing is lost', async () => {
  const s = recorder('test-retry');
  await installEvents(env.ctx, [], [s]);
  await emit(env.ctx.db, [{ tenantId: env.tenantId, type: 'member.created', at: env.ctx.clock.now(), memberId: 'mem_retry' }]);
  s.fail = true;
  let failed = false;
  for (const deadline = Date.now() + 60_000; !failed && Date.now() < deadline; await sleep(50))
    await runSubscriber(env.ctx, s).catch((e) => {
      assert.match(String(e), /the handler failed/);
      failed = true;
    });
  assert.ok(failed, 'the handler was called and threw');
  assert.equal(s.seen.length, 0);
  await drain(s, () => s.seen.length > 0);
  assert.deepEqual(
    s.seen.map((e) => e.member_id),
    ['mem_retry'],
  );
});

test('an event of a transaction that commits late is waited for, never skipped', {
  skip: !process.env.DATABASE_URL && 'PGlite runs one transaction at a time',
}, async () => {
  const s = recorder('test-late');
  await installEvents(env.ctx, [], [s]);
  const at = env.ctx.clock.now();
  let commit!: () => void;
  const held = new Promise<void>((r) => (commit = r));
  let wrote!: () => void;
  const written = new Promise<void>((r) => (wrote = r));
  // the slow transaction writes its event first (lower id), then waits
  const slow = env.ctx.db.tx(async (q) => {
    await emit(q, [{ tenantId: env.tenantId, type: 'member.created', at, memberId: 'mem_slow' }]);
    wrote();
    await held;
  });
  await written;
  await emit(env.ctx.db, [{ tenantId: env.tenantId, type: 'member.created', at, memberId: 'mem_fast' }]);
  await runSubscriber(env.ctx, s);
  assert.equal(s.seen.length, 0, 'nothing after a transaction still running is handed out');
  commit();
  await slow;
  await drain(s, () => s.seen.length >= 2);
  assert.deepEqual(
    s.seen.map((e) => e.member_id),
    ['mem_slow', 'mem_fast'],
  );
});

test('a new subscriber starts at the head of the log', async () => {
  await emit(env.ctx.db, [{ tenantId: env.tenantId, type: 'member.created', at: env.ctx.clock.now(), memberId: 'mem_before' }]);
  const s = recorder('test-head');
  await installEvents(env.ctx, [], [s]);
  await emit(env.ctx.db, [{ tenantId: env.tenantId, type: 'member.created', at: env.ctx.clock.now(), memberId: 'mem_after' }]);
  await drain(s, () => s.seen.length > 0);
  while ((await runSubscriber(env.ctx, s)) > 0);
  assert.deepEqual(
    s.seen.map((e) => e.member_id),
    ['mem_after'],
  );
});

test('a batch tells when it is created and when its codes are ready', async () => {
  const t = await env.api('POST', '/v1/templates', { kind: 'cash', name: '满100减10', value: { amount_off: 1_000 }, validity: { type: 'relative', days: 30 } });
  const b = await env.api('POST', '/v1/batches', { template_id: t.body.id, name: '门店活动', mode: 'pregenerated', quantity: 20 });
  assert.equal(b.status, 201, JSON.stringify(b.body));
  await env.jobs(); // generation runs
  const events = await env.ctx.db.query('SELECT event_type, template_id, data FROM events WHERE batch_id = $1 ORDER BY id', [b.body.id]);
  assert.deepEqual(
    events.rows.map((e) => [e.event_type, e.template_id]),
    [
      ['batch.created', t.body.id],
      ['batch.ready', t.body.id],
    ],
  );
  assert.equal(events.rows[1].data.generated, 20);
});
