import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';
import { openDb } from '../../db/index.js';
import { dispatchEvents } from '../../platform/events.js';
import { ledgerMismatches } from '../ledger/service.js';
import { deliverDue } from '../webhooks/deliver.js';
import { noticeExpiring } from './expiring.js';

/**
 * 即将过期 expiring soon: the tenant's setting, the card.expiring reminder (once per card and expiry
 * date, however often or by however many processes the sweep runs), the wallet's badge and order,
 * and the card list's filter.
 */
let env: TestEnv;
let fx: Awaited<ReturnType<typeof fixtures>>;
let server: Server;
let hookUrl: string;
const received: any[] = [];
const DAY = 86_400_000;
const T0 = '2026-03-01T02:00:00Z'; // 10:00 in Shanghai

before(async () => {
  env = await startTestEnv({ config: { webhookAllowPrivate: true } }); // the receiver below is on 127.0.0.1
  fx = await fixtures(env);
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push(JSON.parse(body));
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
after(async () => {
  server.closeAllConnections();
  server.close();
  await env.close();
});
afterEach(async () => {
  assert.deepEqual(await ledgerMismatches(env.ctx.db), [], 'every card’s cached holdings equal its ledger');
  env.ctx.clock.reset();
});

const ok = (r: { status: number; body: any }, what: string) => {
  assert.ok(r.status < 300, `${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};
/** card.expiring events of a card, oldest first, as the event log holds them */
const reminders = async (cardId: string) =>
  (
    await env.ctx.db.query<{ data: any; member_id: string }>(
      `SELECT data, member_id FROM events WHERE tenant_id = $1 AND card_id = $2 AND event_type = 'card.expiring' ORDER BY id`,
      [env.tenantId, cardId],
    )
  ).rows;
const cashBatch = async (days: number) => {
  const t = await fx.template('cash', { amount_off: 500 }, { validity: { type: 'relative', days } });
  return fx.batch(t.id);
};

test('the setting: 3 days by default, 1–90 whole days, refused otherwise with the field named', async () => {
  assert.equal((await env.api('GET', '/v1/tenant')).body.expiring_soon_days, 3);
  assert.equal((await env.api('GET', '/v1/sessions/current')).body.tenant.expiring_soon_days, 3, 'the console reads it with the session');
  for (const bad of [0, 91, 2.5, '5', null]) {
    const r = await env.api('PATCH', '/v1/tenant', { expiring_soon_days: bad });
    assert.equal(r.status, 400, `${JSON.stringify(bad)}: ${JSON.stringify(r.body)}`);
    assert.equal(r.body.errors[0].field, 'body.expiring_soon_days');
  }
  const analyst = ok(await env.api('POST', '/v1/api-keys', { name: 'bi', role: 'analyst' }), 'key').secret;
  assert.equal((await env.api('PATCH', '/v1/tenant', { expiring_soon_days: 7 }, { key: analyst })).status, 403);
  assert.equal(ok(await env.api('PATCH', '/v1/tenant', { expiring_soon_days: 7 }), 'patch').expiring_soon_days, 7);
  assert.equal(ok(await env.api('PATCH', '/v1/tenant', { expiring_soon_days: 3 }), 'patch').expiring_soon_days, 3);
});

test('card.expiring: once per card and expiry date; extended and near again, once more; not for frozen cards or bearer codes', async () => {
  env.ctx.clock.set(T0);
  const batch = await cashBatch(5);
  const m = await fx.member({ name: '王小明' });
  const card = await fx.issue(batch.id, m.id);
  const frozen = await fx.issue(batch.id, m.id);
  ok(await env.api('POST', `/v1/cards/${frozen.id}/freeze`, {}), 'freeze');
  const bearer = await fx.issue(batch.id);
  assert.equal(await noticeExpiring(env.ctx), 0, 'five days out is not soon');

  env.ctx.clock.set(new Date(Date.parse(T0) + 2.5 * DAY)); // 2.5 days left, within 3
  assert.equal(await noticeExpiring(env.ctx), 1);
  const [first] = await reminders(card.id);
  assert.equal(first!.member_id, m.id, 'the event names the member to remind');
  assert.equal(first!.data.valid_until, new Date(card.valid_until).toISOString());
  assert.equal(first!.data.expires_in_days, 3, 'last day 03-06, today 03-03 (Shanghai)');
  assert.equal(await noticeExpiring(env.ctx), 0, 'a re-run reminds no one again');
  assert.deepEqual(await reminders(frozen.id), [], 'a frozen card cannot be used: no reminder');
  assert.deepEqual(await reminders(bearer.id), [], 'a bearer code has nobody to remind');

  // extended by 10 days: no longer soon; when its new expiry comes near, a second reminder
  ok(await env.api('POST', `/v1/cards/${card.id}/extend`, { days: 10 }), 'extend');
  assert.equal(await noticeExpiring(env.ctx), 0);
  env.ctx.clock.set(new Date(Date.parse(T0) + 13 * DAY));
  ok(await env.api('POST', `/v1/cards/${frozen.id}/unfreeze`, {}), 'unfreeze'); // expired by now: still no reminder
  assert.equal(await noticeExpiring(env.ctx), 1);
  const all = await reminders(card.id);
  assert.equal(all.length, 2);
  assert.equal(Date.parse(all[1]!.data.valid_until) - Date.parse(all[0]!.data.valid_until), 10 * DAY, 'one reminder per expiry date');
  assert.deepEqual(await reminders(frozen.id), []);
});

test('concurrent sweeps, in two connection pools at once, remind each card exactly once', async () => {
  env.ctx.clock.set(T0);
  const batch = await cashBatch(2);
  const cards: string[] = [];
  for (let i = 0; i < 40; i++) cards.push((await fx.issue(batch.id, (await fx.member({ name: `会员${i}` })).id)).id);
  // a second "process": its own pool on the same PostgreSQL schema (PGlite is one connection: the sweeps take turns)
  const schema = (await env.ctx.db.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]!.s;
  const db2 = env.ctx.config.databaseUrl ? await openDb({ databaseUrl: env.ctx.config.databaseUrl, schema, poolSize: 4 }) : env.ctx.db;
  try {
    const other = { ...env.ctx, db: db2 };
    const runs = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => noticeExpiring(i % 2 ? env.ctx : other, 3 + i)));
    assert.equal(
      runs.reduce((a, b) => a + b, 0),
      40,
      `reminders per run: ${runs.join(', ')}`,
    );
    const n = await env.ctx.db.query<{ card_id: string; n: number }>(
      `SELECT card_id, count(*)::int AS n FROM events WHERE tenant_id = $1 AND event_type = 'card.expiring' AND card_id = ANY($2) GROUP BY card_id`,
      [env.tenantId, cards],
    );
    assert.equal(n.rows.length, 40, 'every card reminded');
    assert.ok(
      n.rows.every((r) => r.n === 1),
      'no card twice',
    );
    assert.deepEqual(await Promise.all([noticeExpiring(env.ctx), noticeExpiring(other)]), [0, 0]);
  } finally {
    if (db2 !== env.ctx.db) await db2.close();
  }
});

test('a webhook endpoint subscribes to card.expiring and receives it signed, with the member to message', async () => {
  const types = ok(await env.api('GET', '/v1/event-types'), 'types').data;
  assert.deepEqual(
    types.find((t: any) => t.type === 'card.expiring'),
    { type: 'card.expiring', zh: '即将过期', en: 'Expiring soon' },
  );
  const ep = ok(await env.api('POST', '/v1/webhook-endpoints', { url: hookUrl, event_types: ['card.expiring'] }), 'endpoint');
  env.ctx.clock.set(T0);
  const m = await fx.member({ name: '李雷', phone: '13800001111' });
  const card = await fx.issue((await cashBatch(1)).id, m.id);
  await noticeExpiring(env.ctx);
  await dispatchEvents(env.ctx);
  await deliverDue(env.ctx);
  const got = received.filter((e) => e.type === 'card.expiring' && e.data.card_id === card.id);
  assert.equal(got.length, 1, JSON.stringify(received));
  assert.equal(got[0].data.member_id, m.id);
  assert.equal(got[0].data.valid_until, new Date(card.valid_until).toISOString());
  assert.equal(got[0].data.expires_in_days, 1);
  ok(await env.api('DELETE', `/v1/webhook-endpoints/${ep.id}`), 'delete endpoint');
});

test('the wallet badges expiring cards, says in how many days, and lists them first; the card list filters by it', async () => {
  env.ctx.clock.set(T0);
  const m = await fx.member({ name: '韩梅梅' });
  const later = await fx.issue((await cashBatch(30)).id, m.id);
  const frozenSoonest = await fx.issue((await cashBatch(4)).id, m.id);
  ok(await env.api('POST', `/v1/cards/${frozenSoonest.id}/freeze`, {}), 'freeze');
  env.ctx.clock.set(new Date(Date.parse(T0) + 60_000));
  const soon = await fx.issue((await cashBatch(5)).id, m.id);
  const fixedEnd = await fx.issue(
    (await fx.batch((await fx.template('cash', { amount_off: 100 }, { validity: { type: 'fixed', ends_at: '2026-05-01T00:00:00+08:00' } })).id)).id,
    m.id,
  );
  const noExpiry = await fx.issue((await fx.batch((await fx.template('cash', { amount_off: 100 }, { validity: { type: 'none' } })).id)).id, m.id);
  env.ctx.clock.set(new Date(Date.parse(T0) + 2.5 * DAY));
  const link = ok(await env.api('POST', `/v1/members/${m.id}/wallet-link`, {}), 'link');
  const w = ok(await env.api('GET', '/v1/wallet/cards', undefined, { headers: { authorization: `Wallet ${link.token}` } }), 'wallet');
  assert.deepEqual(
    w.data.map((c: any) => [c.id, c.expiring_soon, c.expires_in_days]),
    [
      [soon.id, true, 3],
      [frozenSoonest.id, false, 2], // frozen: not usable now, so no badge; after the expiring card though it ends sooner
      [later.id, false, 28], // valid until 03-31 10:00: its last day is 28 days after 03-03
      [fixedEnd.id, false, 58], // valid until midnight 05-01: its last day is 04-30
      [noExpiry.id, false, null],
    ],
  );
  const detail = ok(await env.api('GET', `/v1/wallet/cards/${soon.id}`, undefined, { headers: { authorization: `Wallet ${link.token}` } }), 'detail');
  assert.equal(detail.expiring_soon, true);
  assert.equal(detail.expires_in_days, 3);

  const list = ok(await env.api('GET', `/v1/cards?member_id=${m.id}&expiring_soon=true`), 'list').data;
  assert.deepEqual(
    list.map((c: any) => c.id),
    [soon.id],
  );
  assert.equal(ok(await env.api('GET', `/v1/cards/count?member_id=${m.id}&expiring_soon=true`), 'count').count, 1);
  ok(await env.api('PATCH', '/v1/tenant', { expiring_soon_days: 30 }), 'patch');
  const wider = ok(await env.api('GET', `/v1/cards?member_id=${m.id}&expiring_soon=true`), 'list').data;
  assert.deepEqual(wider.map((c: any) => c.id).sort(), [soon.id, later.id].sort(), 'the tenant’s setting decides what is soon');
  ok(await env.api('PATCH', '/v1/tenant', { expiring_soon_days: 3 }), 'patch');
  assert.equal((await env.api('GET', '/v1/cards?expiring_soon=maybe')).status, 400);
});
