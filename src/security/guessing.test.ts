import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../testing/harness.js';
import { generateCode } from '../modules/codes/codes.js';
import { closeGuard, guardFor, openGuard } from '../modules/risk/guard.js';

/**
 * 撞库: guessing codes (and PINs) from one caller. At most 20 failures of a burst are answered; every
 * other attempt is a 429 whether its code exists or not, counts toward the lock, and the lock comes.
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

const SOFT = 20;
const newKey = async (role = 'operator') => (await env.api('POST', '/v1/api-keys', { name: `guesser ${role}`, role })).body.secret as string;
const unknown = (i: number) => (i % 2 ? generateCode({ prefix: '', length: 16, alphabet: 'crockford' }) : `GUESS${String(i).padStart(12, '0')}`);
const tally = (rs: { status: number; body: any }[]) => {
  const t: Record<string, number> = {};
  for (const r of rs) t[r.status === 429 ? r.body.code : String(r.status)] = (t[r.status === 429 ? r.body.code : String(r.status)] ?? 0) + 1;
  return t;
};
const answered = (rs: { status: number }[]) => rs.filter((r) => r.status !== 429).length;

test('300 concurrent unknown codes to POST /v1/cards/lookup: at most 20 answered, the rest 429, then locked even for a valid code', async () => {
  const key = await newKey();
  const { card } = await fx.card('cash', { amount_off: 100 });
  const rs = await Promise.all(Array.from({ length: 300 }, (_, i) => env.api('POST', '/v1/cards/lookup', { code: unknown(i) }, { key })));
  const t = tally(rs);
  assert.ok(answered(rs) <= SOFT, `at most ${SOFT} answered: ${JSON.stringify(t)}`);
  assert.ok(
    rs.every((r) => [404, 422, 429].includes(r.status)),
    JSON.stringify(t),
  );
  assert.ok(t.CODE_LOOKUPS_LOCKED > 0, `the burst locks the key: ${JSON.stringify(t)}`);
  const valid = await env.api('POST', '/v1/cards/lookup', { code: card.code }, { key });
  assert.equal(valid.status, 429);
  assert.equal(valid.body.code, 'CODE_LOOKUPS_LOCKED');
  assert.ok(valid.body.retry_after > 60, 'retry_after says how long (seconds)');
  assert.equal(valid.headers['retry-after'], String(valid.body.retry_after));
  assert.equal((await env.api('POST', '/v1/cards/lookup', { code: card.code })).status, 200, 'another key is not locked');
});

test('300 concurrent unknown codes to POST /v1/redemptions from one clerk: at most 20 answered, then locked', async () => {
  const store = await fx.store();
  const key = (await env.api('POST', '/v1/api-keys', { name: 'clerk', role: 'clerk', store_ids: [store.id] })).body.secret;
  const { card } = await fx.card('cash', { amount_off: 100 });
  const rs = await Promise.all(Array.from({ length: 300 }, (_, i) => env.api('POST', '/v1/redemptions', { code: unknown(i) }, { key })));
  assert.ok(answered(rs) <= SOFT, JSON.stringify(tally(rs)));
  const valid = await env.api('POST', '/v1/redemptions', { code: card.code }, { key });
  assert.equal(valid.body.code, 'CODE_LOOKUPS_LOCKED');
  assert.equal((await env.api('GET', `/v1/cards/${card.id}`)).body.uses_left, 1, 'the refused redemption took nothing');
});

test('guessing on past the soft limit is throttled, then locked; the lock holds its time, and a repeat lock lasts longer', async () => {
  const key = await newKey();
  const { card } = await fx.card('count', { uses: 10 });
  env.ctx.clock.set(new Date()); // the level drains one attempt per 3 s: hold the clock so the count is exact
  const codes: string[] = [];
  for (let i = 0; i < 60; i++) codes.push((await env.api('POST', '/v1/cards/lookup', { code: unknown(i) }, { key })).body.code ?? '');
  assert.deepEqual(
    codes.slice(0, SOFT).filter((c) => !['CARD_NOT_FOUND', 'CODE_MISTYPED'].includes(c)),
    [],
    'the first 20 are answered',
  );
  assert.deepEqual([...new Set(codes.slice(SOFT, 59))], ['CODE_LOOKUPS_THROTTLED']);
  assert.equal(codes[59], 'CODE_LOOKUPS_LOCKED', 'throttled attempts count: the 60th attempt locks');
  env.ctx.clock.advance(14 * 60_000);
  const still = await env.api('POST', '/v1/redemptions', { code: card.code }, { key });
  assert.equal(still.body.code, 'CODE_LOOKUPS_LOCKED', 'still locked after 14 minutes');
  assert.ok(still.body.retry_after <= 60);
  env.ctx.clock.advance(2 * 60_000);
  assert.equal((await env.api('POST', '/v1/redemptions', { code: card.code }, { key })).status, 201, 'unlocked after 15 minutes');
  let last = '';
  let n = 0;
  while (last !== 'CODE_LOOKUPS_LOCKED' && n < 200) last = (await env.api('POST', '/v1/cards/lookup', { code: unknown(n++) }, { key })).body.code;
  assert.equal(n, 60, 'a fresh budget after the lock, then the same 60 attempts');
  const again = await env.api('POST', '/v1/cards/lookup', { code: card.code }, { key });
  assert.ok(again.body.retry_after > 29 * 60 && again.body.retry_after <= 30 * 60, `the second lock lasts 30 minutes (${again.body.retry_after}s)`);
  env.ctx.clock.reset();
});

test('a valid code that arrives while the caller is over budget is refused like an unknown one', async () => {
  const key = await newKey();
  const b = await fx.batch((await fx.template('cash', { amount_off: 100 })).id);
  const cards = await Promise.all(Array.from({ length: 5 }, () => fx.issue(b.id)));
  assert.equal((await env.api('GET', '/v1/cards?limit=1', undefined, { key })).status, 200); // the key is known: the burst needs no sign-in reads
  // 100 unknown codes and then, in the same burst, 5 codes that exist
  const bodies = [...Array.from({ length: 100 }, (_, i) => unknown(i)), ...cards.map((c) => c.code)];
  const rs = await Promise.all(bodies.map((code) => env.api('POST', '/v1/cards/lookup', { code }, { key })));
  assert.deepEqual(
    rs.slice(100).map((r) => r.status),
    [429, 429, 429, 429, 429],
    'the valid codes came after the budget was spent',
  );
  assert.ok(answered(rs) <= SOFT, JSON.stringify(tally(rs)));
});

test('a wrong PIN counts like an unknown code: 300 concurrent wrong PINs, at most 20 answered, then the right PIN is refused too', async () => {
  const t = await fx.template('gift', { initial_balance: 20000 });
  const b = await fx.batch(t.id);
  const bearer = await fx.issue(b.id);
  const wrong = (i: number) => String((Number(bearer.pin) + 1 + i) % 1e8).padStart(8, '0');
  for (const [path, extra] of [
    ['/v1/cards/bind', { member_id: (await fx.member()).id }],
    ['/v1/redemptions', { amount: 100 }],
  ] as const) {
    const key = await newKey();
    const rs = await Promise.all(Array.from({ length: 300 }, (_, i) => env.api('POST', path, { code: bearer.code, pin: wrong(i), ...extra }, { key })));
    const tl = tally(rs);
    assert.ok(answered(rs) <= SOFT, `${path}: ${JSON.stringify(tl)}`);
    assert.ok(
      rs.every((r) => r.status === 429 || r.body.code === 'PIN_INVALID'),
      `${path}: ${JSON.stringify(tl)}`,
    );
    const right = await env.api('POST', path, { code: bearer.code, pin: bearer.pin, ...extra }, { key });
    assert.equal(right.body.code, 'CODE_LOOKUPS_LOCKED', `${path}: the right PIN from a locked caller is refused`);
  }
  assert.equal((await env.api('GET', `/v1/cards/${bearer.id}`)).body.balance, 20000, 'nothing was taken');
});

test('a busy honest key is never throttled and does not read the guard’s store per request; one typo does not change that', async () => {
  const key = await newKey();
  const t = await fx.template('count', { uses: 1000 });
  const b = await fx.batch(t.id);
  const cards = await Promise.all(Array.from({ length: 30 }, () => fx.issue(b.id)));
  const g = guardFor(env.ctx.db);
  const calls = { peek: 0, count: 0 };
  const { peek, count } = g.store;
  g.store.peek = (...a) => (calls.peek++, peek(...a));
  g.store.count = (...a) => (calls.count++, count(...a));
  env.ctx.clock.set(new Date()); // the clock stands still: the process's view of the key stays fresh
  try {
    const typo = await env.api('POST', '/v1/redemptions', { code: unknown(1) }, { key });
    assert.equal(typo.status, 404);
    const rs = await Promise.all(Array.from({ length: 300 }, (_, i) => env.api('POST', '/v1/redemptions', { code: cards[i % 30].code }, { key })));
    assert.deepEqual(tally(rs), { 201: 300 });
    assert.deepEqual(calls, { peek: 0, count: 1 }, 'one step for the typo; the 300 redemptions were admitted from the view it left');
  } finally {
    Object.assign(g.store, { peek, count });
    env.ctx.clock.reset();
  }
});

test('with Redis configured but down, the budget is counted in the database, not in this process', async () => {
  await closeGuard(env.ctx.db);
  openGuard(env.ctx.db, 'redis://127.0.0.1:9'); // nothing listens there
  const key = await newKey();
  const rs = await Promise.all(Array.from({ length: 300 }, (_, i) => env.api('POST', '/v1/cards/lookup', { code: unknown(i) }, { key })));
  assert.ok(answered(rs) <= SOFT, JSON.stringify(tally(rs)));
  const rows = await env.ctx.db.query(`SELECT locked_until_ms FROM guess_counters WHERE tenant_id = $1 AND who LIKE 'key:%' AND locked_until_ms > $2`, [
    env.tenantId,
    Date.now(),
  ]);
  assert.ok(rows.rows.length >= 1, 'the lock is in guess_counters');
});

test('import: a value-carrying code needs 80 bits or a PIN; refusals do not echo the code; supplier codes are exempt', async () => {
  const sv = await fx.template('stored_value', { initial_balance: 5000 });
  const b = await fx.batch(sv.id, { mode: 'imported' });
  const imp = (batch: string, csv: string) => env.api('POST', `/v1/batches/${batch}/import?state=active`, csv, { headers: { 'content-type': 'text/csv' } });
  const weak = await imp(b.id, '7731');
  assert.equal(weak.status, 200);
  assert.equal(weak.body.accepted, 0);
  assert.deepEqual(
    weak.body.refusals.map((r: any) => r.reason),
    ['weak_code'],
  );
  assert.ok(!JSON.stringify(weak.body).includes('7731'), 'the refusal does not echo the code');
  assert.match(weak.body.refusals[0].detail, /16\+ letters and digits.*25\+ digits.*PIN/);
  assert.notEqual((await env.api('POST', '/v1/cards/lookup', { code: '7731' })).status, 200, 'nothing was stored');
  const lines = ['7731,48291735', '1'.repeat(24), '2'.repeat(25), 'ABCDEFGHIJKLMNOPQ', 'ABCDEFGHIJKLMNOPQR', 'A1B2C3D4E5F6G7H', 'A1B2C3D4E5F6G7H8'];
  const mixed = await imp(b.id, lines.join('\n'));
  assert.deepEqual(
    mixed.body.refusals.map((r: any) => [r.line, r.reason]),
    [
      [2, 'weak_code'],
      [4, 'weak_code'],
      [6, 'weak_code'],
    ],
  );
  assert.equal(mixed.body.accepted, 4);
  const ext = await fx.batch((await fx.template('external', { supplier: 'S', product_name: 'P' })).id, { mode: 'imported' });
  assert.equal((await imp(ext.id, '4412')).body.accepted, 1, 'a supplier code is delivered, never redeemed here');
});
