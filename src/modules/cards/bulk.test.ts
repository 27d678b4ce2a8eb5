import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';
import { ledgerMismatches } from '../ledger/service.js';

/**
 * 批量操作 bulk actions: a selection done in the request with each card's outcome; every card of a
 * search done by a job with progress; each card through its single action (same events, ledger and
 * audit action); idempotent; refused before anything changes when the request is wrong or the count
 * confirmed is no longer the count. The races with redemptions are in bulk-race.test.ts.
 */
let env: TestEnv;
let fx: Awaited<ReturnType<typeof fixtures>>;
before(async () => {
  env = await startTestEnv();
  fx = await fixtures(env);
});
after(async () => {
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
const bulk = (body: Record<string, unknown>, opts?: { key?: string; headers?: Record<string, string> }) => env.api('POST', '/v1/cards/bulk', body, opts);
const card = async (id: string) => ok(await env.api('GET', `/v1/cards/${id}`), 'card');
const outcomes = (op: any) => Object.fromEntries(op.results.map((r: any) => [r.card_id, r.code ? `${r.outcome} ${r.code} ${r.card_state}` : r.outcome]));
const events = async (cardId: string, type: string) =>
  (await env.ctx.db.query('SELECT * FROM events WHERE tenant_id = $1 AND card_id = $2 AND event_type = $3', [env.tenantId, cardId, type])).rows;

async function cards(n: number, kind = 'stored_value', value: Record<string, unknown> = { initial_balance: 5000 }) {
  const t = await fx.template(kind, value);
  const b = await fx.batch(t.id);
  const m = await fx.member({ name: '王小明' });
  const out: any[] = [];
  for (let i = 0; i < n; i++) out.push(await fx.issue(b.id, m.id));
  return { template: t, batch: b, member: m, cards: out };
}

test('a selection: each card done through its single action, or skipped with why', async () => {
  const {
    cards: [a, b, c],
  } = await cards(3);
  ok(await env.api('POST', `/v1/cards/${b.id}/freeze`, {}), 'freeze b');
  ok(await env.api('POST', `/v1/cards/${c.id}/void`, { reason: '测试' }), 'void c');
  const op = ok(await bulk({ action: 'freeze', card_ids: [a.id, b.id, c.id, 'card_nope', a.id], reason: '盗刷排查' }), 'bulk');
  assert.equal(op.state, 'done');
  assert.deepEqual([op.total, op.done, op.skipped], [4, 1, 3], 'a repeated id counts once');
  assert.deepEqual(outcomes(op), {
    [a.id]: 'done',
    [b.id]: 'skipped CARD_ALREADY_FROZEN frozen',
    [c.id]: 'skipped CARD_NOT_ACTIVE voided',
    card_nope: 'skipped CARD_NOT_FOUND null',
  });
  assert.equal(op.results.find((r: any) => r.card_id === a.id).code_tail, a.code_tail, 'people recognise a card by its code’s tail');
  assert.equal((await card(a.id)).state, 'frozen');
  assert.equal((await card(a.id)).state_reason, '盗刷排查');
  // the same event and audit action as the single freeze, and one entry for the request
  const [ev] = await events(a.id, 'card.frozen');
  assert.deepEqual(ev.data, { reason: '盗刷排查' });
  assert.ok(ev.key_id, 'the event names who did it');
  const audit = ok(await env.api('GET', `/v1/audit?target_id=${a.id}`), 'audit').data;
  assert.deepEqual(
    audit.map((e: any) => [e.action, e.data.bulk_id]),
    [
      ['card.freeze', op.id],
      ['card.issue', undefined],
    ],
  );
  assert.equal(ok(await env.api('GET', `/v1/audit?target_id=${op.id}`), 'audit').data[0].action, 'card.bulk');

  const un = ok(await bulk({ action: 'unfreeze', card_ids: [a.id, b.id, c.id] }), 'unfreeze');
  assert.deepEqual(outcomes(un), { [a.id]: 'done', [b.id]: 'done', [c.id]: 'skipped CARD_NOT_FROZEN voided' });
});

test('void writes off what each card holds, as the single void does; it needs a reason', async () => {
  const {
    cards: [a, b],
  } = await cards(2);
  const noReason = await bulk({ action: 'void', card_ids: [a.id] });
  assert.equal(noReason.status, 422);
  assert.equal(noReason.body.errors[0].field, 'reason');
  const op = ok(await bulk({ action: 'void', card_ids: [a.id, b.id], reason: '活动取消' }), 'void');
  assert.deepEqual([op.done, op.skipped], [2, 0]);
  for (const c of [a, b]) {
    const trace = ok(await env.api('GET', `/v1/cards/${c.id}/trace`), 'trace');
    assert.equal(trace.card.state, 'voided');
    assert.equal(trace.card.balance, 0);
    assert.deepEqual(
      trace.ledger.map((l: any) => [l.entry_type, l.amount]),
      [
        ['issue', 5000],
        ['void', -5000],
      ],
    );
  }
  const again = ok(await bulk({ action: 'void', card_ids: [a.id], reason: '再次' }), 'again');
  assert.deepEqual(outcomes(again), { [a.id]: 'skipped CARD_NOT_VOIDABLE voided' }, 'already voided');
  assert.equal((await events(a.id, 'card.voided')).length, 1);
});

test('extend: to a day on the tenant’s calendar, or by days; cards it cannot extend are skipped with why', async () => {
  env.ctx.clock.set('2026-03-01T02:00:00Z');
  const {
    cards: [a, b, used],
  } = await cards(3, 'cash', { amount_off: 500 });
  const none = await fx.issue((await fx.batch((await fx.template('cash', { amount_off: 100 }, { validity: { type: 'none' } })).id)).id);
  ok(await env.api('POST', '/v1/redemptions', { code: used.code }), 'redeem');
  const to = ok(await bulk({ action: 'extend', card_ids: [a.id, used.id, none.id], to_date: '2026-06-30' }), 'extend');
  assert.deepEqual(outcomes(to), {
    [a.id]: 'done',
    [used.id]: 'skipped CARD_NOT_EXTENDABLE used',
    [none.id]: 'skipped CARD_NO_EXPIRY active',
  });
  assert.equal((await card(a.id)).valid_until, '2026-06-30T16:00:00.000Z', 'valid through 30 June in Shanghai');
  const [ev] = await events(a.id, 'card.extended');
  assert.deepEqual(ev.data, { from: '2026-03-31T02:00:00.000Z', to: '2026-06-30T16:00:00.000Z' });
  const by = ok(await bulk({ action: 'extend', card_ids: [a.id, b.id], days: 7 }), 'by days');
  assert.deepEqual([by.done, by.skipped], [2, 0]);
  assert.equal((await card(a.id)).valid_until, '2026-07-07T16:00:00.000Z');
  assert.equal((await card(b.id)).valid_until, '2026-04-07T02:00:00.000Z');
  const earlier = ok(await bulk({ action: 'extend', card_ids: [a.id], to_date: '2026-05-01' }), 'earlier');
  assert.deepEqual(outcomes(earlier), { [a.id]: 'skipped EXPIRY_NOT_LATER active' }, 'extending never shortens');
  // the single action answers the same refusal
  const single = await env.api('POST', `/v1/cards/${a.id}/extend`, { to_date: '2026-05-01' });
  assert.deepEqual([single.status, single.body.code, single.body.errors[0].field], [422, 'EXPIRY_NOT_LATER', 'to_date']);
  const both = await env.api('POST', `/v1/cards/${a.id}/extend`, { to_date: '2026-12-01', days: 3 });
  assert.deepEqual([both.status, both.body.errors[0].field], [422, 'to_date']);
});

test('a bad request changes nothing and names the field', async () => {
  const {
    cards: [a],
    batch,
  } = await cards(1);
  for (const [body, field] of [
    [{ action: 'freeze' }, 'card_ids'],
    [{ action: 'freeze', card_ids: [a.id], filter: { batch_id: batch.id } }, 'card_ids'],
    [{ action: 'extend', card_ids: [a.id] }, 'to_date'],
    [{ action: 'extend', card_ids: [a.id], days: 3, to_date: '2026-12-01' }, 'to_date'],
    [{ action: 'freeze', card_ids: [a.id], days: 3 }, 'days'],
    [{ action: 'extend', card_ids: [a.id], to_date: '2026-02-30' }, 'body.to_date'],
    [{ action: 'delete', card_ids: [a.id] }, 'body.action'],
    [{ action: 'freeze', card_ids: [a.id], filtre: {} }, 'body.filtre'],
    [{ action: 'freeze', filter: { batch: batch.id } }, 'body.filter.batch'],
    [{ action: 'freeze', card_ids: [] }, 'body.card_ids'],
  ] as const) {
    const r = await bulk(body);
    assert.ok([400, 422].includes(r.status), `${JSON.stringify(body)}: ${r.status}`);
    assert.equal(r.body.errors?.[0]?.field, field, JSON.stringify(r.body));
  }
  assert.equal((await card(a.id)).state, 'active');
  const analyst = ok(await env.api('POST', '/v1/api-keys', { name: 'bi', role: 'analyst' }), 'key').secret;
  assert.equal((await bulk({ action: 'freeze', card_ids: [a.id] }, { key: analyst })).status, 403);
});

test('idempotent: the same Idempotency-Key answers the first result again and changes nothing more', async () => {
  const {
    cards: [a],
  } = await cards(1);
  const h = { headers: { 'idempotency-key': 'bulk-freeze-1' } };
  const first = ok(await bulk({ action: 'freeze', card_ids: [a.id] }, h), 'first');
  const again = await bulk({ action: 'freeze', card_ids: [a.id] }, h);
  assert.equal(again.status, 200);
  assert.equal(again.headers['idempotent-replayed'], 'true');
  assert.deepEqual(again.body, first);
  assert.equal((await events(a.id, 'card.frozen')).length, 1);
  assert.equal((await bulk({ action: 'void', card_ids: [a.id], reason: 'x' }, h)).body.code, 'IDEMPOTENCY_KEY_REUSED');
});

test('every card of a search: counted first, confirmed, then done by a job with progress and pages of outcomes', async () => {
  const { batch, cards: list } = await cards(7);
  ok(await env.api('POST', `/v1/cards/${list[0].id}/void`, { reason: 'x' }), 'void one');
  const filter = { batch_id: batch.id };
  const count = ok(await env.api('GET', `/v1/cards/count?batch_id=${batch.id}`), 'count');
  assert.deepEqual(count, { count: 7, over_cap: false, cap: 10_000 });
  const changed = await bulk({ action: 'freeze', filter, expected_count: 6 });
  assert.deepEqual([changed.status, changed.body.code, changed.body.count], [409, 'BULK_COUNT_CHANGED', 7], 'the confirmed count is no longer true');
  const started = await bulk({ action: 'freeze', filter, expected_count: 7, reason: '风控' });
  assert.equal(started.status, 202, JSON.stringify(started.body));
  assert.deepEqual([started.body.state, started.body.total, started.body.done], ['running', 7, 0]);
  const before = ok(await env.api('GET', `/v1/cards/bulk/${started.body.id}?limit=3`), 'progress');
  assert.deepEqual([before.state, before.results.length, before.results[0].outcome], ['running', 3, 'pending']);
  await env.jobs();
  const done = ok(await env.api('GET', `/v1/cards/bulk/${started.body.id}?limit=3`), 'done');
  assert.deepEqual([done.state, done.done, done.skipped], ['done', 6, 1]);
  assert.ok(done.finished_at);
  let all = done.results;
  for (let cur = done.next_cursor; cur; ) {
    const p = ok(await env.api('GET', `/v1/cards/bulk/${started.body.id}?limit=3&cursor=${cur}`), 'page');
    all = all.concat(p.results);
    cur = p.next_cursor;
  }
  assert.deepEqual(all.map((r: any) => r.card_id).sort(), list.map((c) => c.id).sort(), 'every card once');
  const skipped = ok(await env.api('GET', `/v1/cards/bulk/${started.body.id}?outcome=skipped`), 'skipped').results;
  assert.deepEqual(
    skipped.map((r: any) => [r.card_id, r.code, r.card_state]),
    [[list[0].id, 'CARD_NOT_ACTIVE', 'voided']],
  );
  assert.equal((await env.api('GET', `/v1/cards/bulk/${started.body.id}?cursor=abc`)).body.code, 'INVALID_CURSOR');
  const other = await env.newTenant('别家');
  assert.equal((await env.api('GET', `/v1/cards/bulk/${started.body.id}`, undefined, { key: other.ownerKey })).status, 404);
});

test('more than 10,000 matching cards: refused, the search must be narrowed', async () => {
  const t = await fx.template('cash', { amount_off: 100 });
  const b = await fx.batch(t.id, { mode: 'pregenerated', quantity: 10_001 });
  await env.jobs();
  assert.equal((await env.api('GET', `/v1/batches/${b.id}`)).body.status, 'ready');
  assert.deepEqual(ok(await env.api('GET', `/v1/cards/count?batch_id=${b.id}`), 'count'), { count: 10_000, over_cap: true, cap: 10_000 });
  const r = await bulk({ action: 'void', filter: { batch_id: b.id }, reason: '作废整批' });
  assert.deepEqual([r.status, r.body.code, r.body.errors[0].field], [422, 'BULK_TOO_MANY', 'filter']);
  assert.equal(ok(await env.api('GET', `/v1/cards/count?batch_id=${b.id}&state=voided`), 'count').count, 0);
});
