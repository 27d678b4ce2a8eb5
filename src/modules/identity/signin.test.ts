import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, type TestEnv } from '../../testing/harness.js';
import { attemptStats, IP_MAX_FAILURES, MAX_FAILURES, WINDOW_MINUTES } from './attempts.js';
import { backfillUsernameKeys } from './username.js';
import { buildApp } from '../../app.js';

/** The attacks on operator sign-in from the security issue, replayed over HTTP. */
let env: TestEnv;
let sameAnswer: { code: string; detail: string };
before(async () => {
  env = await startTestEnv({ cheapPasswords: true });
  sameAnswer = (await signIn({ username: 'no-such-person', password: 'whatever it is' })).json();
});
after(async () => {
  await env.close();
});

// Each attempt comes from its own address unless a test says otherwise, so the address limit stays out of the way.
let n = 0;
const freshIp = () => (n++, `10.7.${n >> 8}.${n & 255}`);
const signIn = (body: Record<string, unknown>, ip = freshIp()) =>
  env.app.inject({ method: 'POST', url: '/v1/sessions', payload: { tenant_id: env.tenantId, ...body }, remoteAddress: ip });
const account = async (username: string, password: string) => {
  const r = await env.api('POST', '/v1/operators', { username, password, role: 'operator' });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body as { id: string };
};
const checked = () => attemptStats.checked;
function refusedAlike(answers: { statusCode: number; headers: Record<string, unknown>; json(): any }[]) {
  for (const a of answers) {
    assert.equal(a.statusCode, 401);
    assert.deepEqual({ code: a.json().code, detail: a.json().detail }, { code: sameAnswer.code, detail: sameAnswer.detail });
    assert.equal(a.headers['retry-after'], undefined, 'nothing tells a lock from a wrong password');
  }
}

test('a right password racing 99 wrong ones: at most MAX_FAILURES wrong passwords are ever checked', async () => {
  await account('race1', 'race pass one');
  const before = checked();
  const answers = await Promise.all([
    signIn({ username: 'race1', password: 'race pass one' }),
    ...Array.from({ length: 99 }, (_, i) => signIn({ username: 'race1', password: `wrong guess ${i}` })),
  ]);
  const ok = answers.filter((a) => a.statusCode === 201).length;
  const evaluated = checked() - before;
  assert.ok(ok <= 1);
  assert.ok(evaluated - ok <= MAX_FAILURES, `${evaluated - ok} wrong passwords were checked; the budget is ${MAX_FAILURES}`);
  refusedAlike(answers.filter((a) => a.statusCode !== 201));
});

test('after the budget is spent, 100 parallel attempts (the right one among them) check no password; the window ends it', async () => {
  await account('race2', 'race pass two');
  for (let i = 0; i < MAX_FAILURES; i++) refusedAlike([await signIn({ username: 'race2', password: `guess ${i}` })]);
  const before = checked();
  const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => signIn({ username: 'race2', password: i === 50 ? 'race pass two' : `guess ${i}` })));
  refusedAlike(answers);
  assert.equal(checked() - before, 0, 'no password is checked once the budget is spent');

  env.ctx.clock.advance(WINDOW_MINUTES * 60_000 + 1000);
  try {
    // a new window; a success forgives the typos before it, so the person is not locked by their own past
    for (let i = 0; i < MAX_FAILURES - 1; i++) refusedAlike([await signIn({ username: 'race2', password: `typo ${i}` })]);
    assert.equal((await signIn({ username: 'race2', password: 'race pass two' })).statusCode, 201);
    for (let i = 0; i < MAX_FAILURES - 1; i++) refusedAlike([await signIn({ username: 'race2', password: `typo again ${i}` })]);
    assert.equal((await signIn({ username: 'race2', password: 'race pass two' })).statusCode, 201);
  } finally {
    env.ctx.clock.reset();
  }
});

test('admİn (U+0130) is not admin: neither its account nor its counter; ADMIN and ａｄｍｉｎ are', async () => {
  const admin = await account('admin', 'tea house 2031');
  refusedAlike([await signIn({ username: 'admİn', password: 'tea house 2031' })]);
  const upper = await signIn({ username: 'ADMIN', password: 'tea house 2031' });
  assert.equal(upper.statusCode, 201);
  assert.equal(upper.json().operator.id, admin.id);
  assert.equal((await signIn({ username: 'ａｄｍｉｎ', password: 'tea house 2031' })).json().operator.id, admin.id, 'full-width is the same name (NFKC)');

  // the dotted İ is another name: it may be its own account, and it never reaches admin's
  const dotted = await env.api('POST', '/v1/operators', { username: 'admİn', password: 'another house 7', role: 'analyst' });
  assert.equal(dotted.status, 201, JSON.stringify(dotted.body));
  assert.notEqual(dotted.body.id, admin.id);

  for (let i = 0; i < MAX_FAILURES; i++) refusedAlike([await signIn({ username: 'admin', password: `guess ${i}` })]);
  refusedAlike([
    await signIn({ username: 'admin', password: 'tea house 2031' }),
    await signIn({ username: 'admİn', password: 'tea house 2031' }),
    await signIn({ username: 'ＡＤＭＩＮ', password: 'tea house 2031' }),
  ]);
  assert.equal((await signIn({ username: 'admİn', password: 'another house 7' })).json().operator?.id, dotted.body.id, 'admin’s lock is not admİn’s');
});

test('a wrong password, an unknown name, a disabled account and a lock all answer the same', async () => {
  await account('qian2', 'qian pass 55');
  const off = await account('zhao2', 'zhao pass 66');
  assert.equal((await env.api('POST', `/v1/operators/${off.id}/disable`)).status, 200);
  for (let i = 0; i < MAX_FAILURES; i++) {
    await signIn({ username: 'qian2', password: `guess ${i}` });
    await signIn({ username: 'made-up-name', password: `guess ${i}` });
  }
  await account('sun2', 'sun pass 77');
  const answers = [
    await signIn({ username: 'sun2', password: 'not it at all' }),
    await signIn({ username: 'nobody2', password: 'sun pass 77' }),
    await signIn({ username: 'zhao2', password: 'zhao pass 66' }),
    await signIn({ username: 'qian2', password: 'qian pass 55' }),
    await signIn({ username: 'made-up-name', password: 'qian pass 55' }),
    await signIn({ tenant_id: 'ten_nope', username: 'sun2', password: 'sun pass 77' }),
  ];
  refusedAlike(answers);
  assert.match(sameAnswer.detail, new RegExp(`wait ${WINDOW_MINUTES} minutes`));
});

test('one address trying many names is cut off, whoever the names are; other addresses are not', async () => {
  await account('ipvictim', 'right pass 88');
  const before = checked();
  const answers = await Promise.all(
    Array.from({ length: IP_MAX_FAILURES + 30 }, (_, i) => signIn({ username: i % 10 ? `someone${i}` : 'ipvictim', password: `spray ${i}` }, '203.0.113.9')),
  );
  refusedAlike(answers);
  assert.ok(checked() - before <= IP_MAX_FAILURES, `${checked() - before} passwords checked from one address`);
  refusedAlike([await signIn({ username: 'ipvictim', password: 'right pass 88' }, '203.0.113.9')]);
  assert.equal((await signIn({ username: 'ipvictim', password: 'right pass 88' }, '198.51.100.4')).statusCode, 201);
});

test('X-Forwarded-For is believed only from the proxies KAQUAN_TRUST_PROXY names', async () => {
  await account('proxied', 'via the proxy 93');
  const spray = (app: typeof env.app, from: string, i: number) =>
    app.inject({
      method: 'POST',
      url: '/v1/sessions',
      remoteAddress: from,
      headers: { 'x-forwarded-for': `198.18.${i >> 8}.${i & 255}` },
      payload: { tenant_id: env.tenantId, username: `sprayed${i}`, password: `spray ${i}` },
    });
  // not behind a trusted proxy: a made-up header does not make a new address
  for (let i = 0; i < IP_MAX_FAILURES; i++) await spray(env.app, '203.0.113.50', i);
  const direct = await env.app.inject({
    method: 'POST',
    url: '/v1/sessions',
    remoteAddress: '203.0.113.50',
    headers: { 'x-forwarded-for': '198.18.200.1' },
    payload: { tenant_id: env.tenantId, username: 'proxied', password: 'via the proxy 93' },
  });
  refusedAlike([direct]);

  const behindProxy = await buildApp({ ...env.ctx, config: { ...env.ctx.config, trustProxy: ['203.0.113.60'] } });
  try {
    for (let i = 0; i < IP_MAX_FAILURES; i++) await spray(behindProxy, '203.0.113.60', 1000 + i);
    const viaProxy = await behindProxy.inject({
      method: 'POST',
      url: '/v1/sessions',
      remoteAddress: '203.0.113.60',
      headers: { 'x-forwarded-for': '198.18.201.1' },
      payload: { tenant_id: env.tenantId, username: 'proxied', password: 'via the proxy 93' },
    });
    assert.equal(viaProxy.statusCode, 201, 'each person behind the proxy has their own address budget');
  } finally {
    await behindProxy.close();
  }
});

test('common passwords are refused at create and at change, naming password; nothing is made', async () => {
  const weak = [
    '1234567890',
    '123456789a',
    'woaini1314',
    'qwertyuiop',
    'password123',
    'a123456789',
    'Password123',
    'aaaaaaaaaa',
    '1212121212',
    '9876543210',
    'abcdefghijk',
  ];
  for (const [i, password] of weak.entries()) {
    const r = await env.api('POST', '/v1/operators', { username: `weak${i}`, password, role: 'operator' });
    assert.equal(r.status, 422, password);
    assert.equal(r.body.errors[0].field, 'password');
  }
  const names = (await env.api('GET', '/v1/operators')).body.data.map((o: any) => o.username);
  assert.ok(!names.some((u: string) => u.startsWith('weak')));
  const op = await account('strong1', 'a good passphrase');
  const set = await env.api('POST', `/v1/operators/${op.id}/password`, { password: 'woaini1314' });
  assert.equal(set.status, 422);
  assert.equal(set.body.errors[0].field, 'password');
  assert.equal((await signIn({ username: 'strong1', password: 'a good passphrase' })).statusCode, 201);
});

test('changing your own password needs the current one; guessing it spends the sign-in budget', async () => {
  const op = await account('self1', 'first pass 71');
  const ip = '192.0.2.77';
  const token = (await signIn({ username: 'self1', password: 'first pass 71' }, ip)).json().token;
  const change = (body: Record<string, unknown>) =>
    env.app.inject({
      method: 'POST',
      url: `/v1/operators/${op.id}/password`,
      payload: body,
      remoteAddress: ip,
      headers: { authorization: `Bearer ${token}` },
    });

  const missing = await change({ password: 'second pass 72' });
  assert.equal(missing.statusCode, 422);
  assert.equal(missing.json().errors[0].field, 'current_password');
  const wrong = await change({ password: 'second pass 72', current_password: 'not my pass' });
  assert.equal(wrong.statusCode, 403);
  assert.equal(wrong.json().code, 'CURRENT_PASSWORD_INVALID');
  assert.equal(wrong.json().errors[0].field, 'current_password');
  assert.equal((await change({ password: '1234567890', current_password: 'first pass 71' })).statusCode, 422);
  assert.equal((await change({ password: 'second pass 72', current_password: 'first pass 71' })).statusCode, 200);
  const audit = await env.ctx.db.query(`SELECT data FROM audit_entries WHERE action = 'operator.password' AND target_id = $1`, [op.id]);
  assert.deepEqual(
    audit.rows.map((r: any) => r.data.body.current_password),
    ['[redacted]'],
  );
  assert.equal((await signIn({ username: 'self1', password: 'second pass 72' })).statusCode, 201);

  // a stolen session guessing the password in parallel gets the sign-in budget, no more, and locks sign-in too
  const before = checked();
  const guesses = await Promise.all(Array.from({ length: 40 }, (_, i) => change({ password: 'third pass 73', current_password: `guess ${i}` })));
  assert.ok(guesses.every((g) => g.statusCode === 403));
  assert.ok(checked() - before <= MAX_FAILURES, `${checked() - before} current passwords checked`);
  assert.equal((await change({ password: 'third pass 73', current_password: 'second pass 72' })).statusCode, 403);
  refusedAlike([await signIn({ username: 'self1', password: 'second pass 72' })]);

  // an owner setting someone else's password does not need theirs
  assert.equal((await env.api('POST', `/v1/operators/${op.id}/password`, { password: 'owner set pass 74' })).status, 200);
});

test('accounts made before username keys are keyed in JS at start, and sign in by them', async () => {
  const a = await account('İlker', 'ilker pass 91');
  const b = await account('Σofia', 'sofia pass 92');
  // as migration 015 leaves rows that existed before it
  await env.ctx.db.query('UPDATE operators SET username_key = NULL WHERE id = ANY ($1::text[])', [[a.id, b.id]]);
  refusedAlike([await signIn({ username: 'i\u0307lker', password: 'ilker pass 91' })]);
  assert.equal(await backfillUsernameKeys(env.ctx.db), 2);
  assert.equal((await signIn({ username: 'i\u0307lker', password: 'ilker pass 91' })).json().operator?.id, a.id);
  assert.equal((await signIn({ username: 'İLKER', password: 'ilker pass 91' })).json().operator?.id, a.id);
  refusedAlike([await signIn({ username: 'ilker', password: 'ilker pass 91' })]);
  assert.equal((await signIn({ username: 'σofia', password: 'sofia pass 92' })).json().operator?.id, b.id);
});
