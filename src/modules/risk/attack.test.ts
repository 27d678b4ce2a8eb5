import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';
import { generateCode } from '../codes/codes.js';

/**
 * The attacks the default rules (defaults.ts) are for, replayed with honest traffic in the same run
 * and no rule made by hand: a scalper farm 黄牛 (many members on one device and one IP, and a second
 * farm making up a device id per member) claiming a hot campaign through the brand's server, and a
 * code-guessing bot 撞库 (a thousand unknown codes over 40 keys and 2 IPs). Both are stopped;
 * every honest claim and look-up is answered.
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

const call = async (method: string, url: string, body: unknown, opts: { key?: string; ip?: string } = {}) => {
  const r = await env.app.inject({
    method: method as any,
    url,
    payload: body as any,
    remoteAddress: opts.ip ?? '192.0.2.1',
    headers: { authorization: `Bearer ${opts.key ?? env.ownerKey}` },
  });
  return { status: r.statusCode, body: r.json() };
};
const tally = (rs: { status: number; body: any }[]) => {
  const t: Record<string, number> = {};
  for (const r of rs) t[r.body?.code ?? r.status] = (t[r.body?.code ?? r.status] ?? 0) + 1;
  return t;
};

test('a scalper farm claiming a hot campaign is stopped; honest members claiming beside it are not', async () => {
  const t = await fx.template('cash', { amount_off: 2000 }, { name: '爆款满减券' });
  const hot = await fx.batch(t.id);
  const claim = (member_id: string, ip: string, device_id: string) =>
    call('POST', '/v1/cards/issue', { batch_id: hot.id, member_id, client: { ip, device_id } });
  const farm = await Promise.all(Array.from({ length: 40 }, () => fx.member()));
  const honest = await Promise.all(Array.from({ length: 12 }, () => fx.member()));
  const farmOne: { status: number; body: any }[] = []; // one phone farm: every member on one device, one IP
  const farmMany: { status: number; body: any }[] = []; // made-up device ids, one IP
  const ok: { status: number; body: any }[] = [];
  for (let i = 0; i < 40; i++) {
    farmOne.push(await claim(farm[i]!.id, '198.51.100.7', 'farm-device-0001'));
    farmMany.push(await claim(farm[i]!.id, '198.51.100.8', `made-up-device-${i}`));
    if (i < honest.length) for (let k = 0; k < 2; k++) ok.push(await claim(honest[i]!.id, `203.0.113.${i + 1}`, `phone-of-member-${i}`));
  }
  const admitted = (rs: { status: number }[]) => rs.filter((r) => r.status === 201).length;
  assert.equal(admitted(farmOne), 3, `one device serves at most 3 members a day: ${JSON.stringify(tally(farmOne))}`);
  assert.ok(admitted(farmMany) <= 20, `one IP claims at most 20 an hour: ${JSON.stringify(tally(farmMany))}`);
  assert.ok(
    [...farmOne, ...farmMany].every((r) => r.status === 201 || r.body.code === 'RISK_REFUSED'),
    JSON.stringify(tally([...farmOne, ...farmMany])),
  );
  assert.equal(admitted(ok), 24, `every honest claim is answered: ${JSON.stringify(tally(ok))}`);
  const d = await call('GET', '/v1/risk/decisions?action=claim&outcome=refuse&limit=200', undefined);
  assert.equal(d.body.data.length, 80 - admitted(farmOne) - admitted(farmMany));
});

test('a code-guessing bot over many keys and IPs is stopped; a clerk mistyping beside it is answered', async () => {
  const t = await fx.template('cash', { amount_off: 500 }, { name: '咖啡券' });
  const b = await fx.batch(t.id);
  const cards = await Promise.all(Array.from({ length: 10 }, () => fx.issue(b.id)));
  const keys: string[] = [];
  for (let i = 0; i < 40; i++) keys.push((await call('POST', '/v1/api-keys', { name: `bot ${i}`, role: 'operator' }, {})).body.secret);
  const clerk = (await call('POST', '/v1/api-keys', { name: '收银台', role: 'operator' }, {})).body.secret;
  const bot: { status: number; body: any }[] = [];
  const honest: { status: number; body: any }[] = [];
  const guess = () => generateCode({ prefix: '', length: 16, alphabet: 'crockford' });
  for (let round = 0; round < 50; round++) {
    const wave = Array.from({ length: 20 }, (_, i) => {
      const n = round * 20 + i;
      return call('POST', '/v1/cards/lookup', { code: guess() }, { key: keys[n % 40], ip: `198.51.100.${10 + (n % 2)}` });
    });
    bot.push(...(await Promise.all(wave)));
    if (round % 5 === 0) {
      const c = cards[round / 5]!;
      honest.push(await call('POST', '/v1/cards/lookup', { code: c.code }, { key: clerk, ip: '203.0.113.200' }));
      if (round % 25 === 0) honest.push(await call('POST', '/v1/cards/lookup', { code: guess() }, { key: clerk, ip: '203.0.113.200' }));
    }
  }
  assert.equal(bot.length, 1000);
  const answered = bot.filter((r) => r.status === 404).length;
  // without the IP rule the keys' own budgets (20 each) would answer 800; a failure is counted once answered, so the
  // guesses in flight together (10 per IP in a wave) may each be answered past the 200th
  assert.ok(answered <= 2 * (200 + 10), `at most 200 unknown codes an hour are answered per IP: ${JSON.stringify(tally(bot))}`);
  assert.ok(
    bot.slice(500).every((r) => r.status === 403 || r.status === 429),
    `the second half of the bot's guesses are all refused: ${JSON.stringify(tally(bot.slice(500)))}`,
  );
  assert.ok(
    bot.every((r) => r.status !== 200),
    'no guess found a card',
  );
  assert.deepEqual(
    honest.map((r) => r.status),
    honest.map((r) => (r.body.code === 'CARD_NOT_FOUND' ? 404 : 200)),
  );
  assert.equal(honest.filter((r) => r.status === 200).length, 10, JSON.stringify(tally(honest)));
});
