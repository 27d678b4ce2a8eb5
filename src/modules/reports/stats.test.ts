import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';

/**
 * The dashboard's numbers as an operator reads them (reports/definitions.ts): exported codes are
 * stock, not cards in members' hands; a card issued straight to a member is in hands; the rate is over
 * cards in hands; every local day of the period is a row; the previous period sits beside; any report
 * downloads as CSV or XLSX with names and yuan.
 */
let env: TestEnv;
before(async () => {
  env = await startTestEnv();
});
after(async () => {
  await env.close();
});
afterEach(() => env.ctx.clock.reset());

async function tenant(name: string) {
  const t = await env.newTenant(name);
  const fx = await fixtures(env, t.ownerKey);
  const call = (method: string, url: string, body?: unknown) => env.api(method, url, body, { key: t.ownerKey });
  const ok = async (method: string, url: string, body?: unknown) => {
    const r = await call(method, url, body);
    assert.ok(r.status < 300, `${method} ${url}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  return { ...t, fx, call, ok };
}

test('exported codes are stock, not cards in members’ hands; the rate is over cards in hands; a card issued to a member is in hands', async () => {
  const a = await tenant('Stock');
  const t = await a.fx.template('cash', { amount_off: 500 });
  const b = await a.fx.batch(t.id, { mode: 'pregenerated', quantity: 100 });
  await env.jobs();
  const exported = await env.app.inject({
    method: 'POST',
    url: `/v1/batches/${b.id}/export`,
    headers: { authorization: `Bearer ${a.ownerKey}` },
    payload: { limit: 80 },
  });
  const codes = exported.body
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',')[0]);
  assert.equal(codes.length, 80);
  const m = await a.fx.member();
  const mine = [];
  for (let i = 0; i < 10; i++) mine.push(await a.fx.issue(b.id, m.id));
  for (const c of codes.slice(0, 2)) await a.ok('POST', '/v1/cards/bind', { code: c, member_id: m.id });
  for (const c of [...mine.slice(0, 3).map((x) => x.code), codes[0], codes[50]]) await a.ok('POST', '/v1/redemptions', { code: c, order_amount: 3000 });

  const s = (await a.ok('GET', `/v1/stats?group_by=template`)) as any;
  assert.deepEqual(s.totals, {
    issued: 90,
    issued_to_members: 10,
    exported: 80,
    bound: 2,
    in_hands: 12, // 10 issued to the member + 2 bound
    in_hands_redeemed: 4, // 3 of the member's + 1 bound; the bearer code redeemed unbound is not in hands
    redeemed: 5,
    redeemed_cards: 5,
    redemption_rate: 0.3333,
    redeemed_amount: 2500,
    order_gmv: 15000,
  });
  assert.deepEqual(s.stock, { unissued: 10, bearer: 77 }, '100 − 80 exported − 10 issued in stock; 80 − 2 bound − 1 used out as bearer codes');
  assert.equal(s.rows[0].name, t.name, 'rows carry names');
  assert.deepEqual(
    s.definitions.map((d: any) => d.key),
    [
      'issued',
      'issued_to_members',
      'exported',
      'bound',
      'in_hands',
      'redeemed',
      'redeemed_cards',
      'redemption_rate',
      'redeemed_amount',
      'order_gmv',
      'stock_unissued',
      'stock_bearer',
    ],
  );
  assert.match(s.definitions.find((d: any) => d.key === 'redemption_rate').zh, /到达会员手中/);

  // a 100,000-code export used to read as 核销率 0.0 %: a big export alone changes neither the base nor the rate
  await env.app.inject({ method: 'POST', url: `/v1/batches/${b.id}/export`, headers: { authorization: `Bearer ${a.ownerKey}` }, payload: {} });
  const after = (await a.ok('GET', '/v1/stats?group_by=template')) as any;
  assert.equal(after.totals.exported, 90);
  assert.equal(after.totals.redemption_rate, 0.3333);
  assert.deepEqual(after.stock, { unissued: 0, bearer: 87 });
});

test('every local day of the period is a row, zeros included; the previous period of the same length is beside it', async () => {
  const a = await tenant('Days');
  const { card, batch } = await a.fx.card('cash', { amount_off: 500 }); // today: outside the periods below
  const m = await a.fx.member();
  // 2026-03-03 17:30Z is 01:30 on the 4th in Shanghai (the tenant's zone)
  env.ctx.clock.set('2026-03-03T17:30:00Z');
  const c1 = await a.fx.issue(batch.id, m.id);
  await a.ok('POST', '/v1/redemptions', { code: c1.code, order_amount: 1000 });
  env.ctx.clock.set('2026-03-06T02:00:00Z');
  await a.fx.issue(batch.id, m.id);
  env.ctx.clock.set('2026-02-27T02:00:00Z'); // the previous week
  await a.fx.issue(batch.id, m.id);
  await a.fx.issue(batch.id, m.id);
  env.ctx.clock.reset();
  assert.ok(card);

  const from = '2026-03-01T16:00:00Z'; // Shanghai 2026-03-02 00:00
  const to = '2026-03-08T16:00:00Z'; // Shanghai 2026-03-09 00:00: seven days
  const s = (await a.ok('GET', `/v1/stats?group_by=day&from=${from}&to=${to}`)) as any;
  assert.deepEqual(
    s.rows.map((r: any) => [r.key, r.issued, r.redeemed]),
    [
      ['2026-03-02', 0, 0],
      ['2026-03-03', 0, 0],
      ['2026-03-04', 1, 1],
      ['2026-03-05', 0, 0],
      ['2026-03-06', 1, 0],
      ['2026-03-07', 0, 0],
      ['2026-03-08', 0, 0],
    ],
  );
  assert.equal(s.rows[0].redemption_rate, null, 'no card reached a member that day: no rate, not 0 %');
  assert.equal(s.totals.issued, 2);
  assert.equal(s.totals.redemption_rate, 0.5);
  assert.deepEqual([s.previous.from, s.previous.to], ['2026-02-22T16:00:00.000Z', '2026-03-01T16:00:00.000Z']);
  assert.equal(s.previous.totals.issued, 2);
  assert.equal(s.previous.totals.redemption_rate, 0);
  // an empty period is all zeros, day by day
  const empty = (await a.ok('GET', '/v1/stats?group_by=day&from=2025-01-01T16:00:00Z&to=2025-01-04T16:00:00Z')) as any;
  assert.deepEqual(
    empty.rows.map((r: any) => [r.key, r.issued]),
    [
      ['2025-01-02', 0],
      ['2025-01-03', 0],
      ['2025-01-04', 0],
    ],
  );
  assert.equal((await a.call('GET', '/v1/stats?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z')).status, 422, 'a period of years is refused');
});

test('any report downloads as CSV (UTF-8 BOM) and XLSX: names not ids, yuan with 2 decimals, totals, previous period, definitions', async () => {
  const a = await tenant('Files');
  const t = await a.fx.template('cash', { amount_off: 1250 }, { name: '满50减12.5' });
  const b = await a.fx.batch(t.id, { mode: 'on_issue', name: '三月会员日' });
  const store = await a.fx.store({ name: '南京西路店' });
  const m = await a.fx.member();
  const c = await a.fx.issue(b.id, m.id);
  await a.ok('POST', '/v1/redemptions', { code: c.code, store_id: store.id, order_amount: 5999 });
  const get = (q: string) => env.app.inject({ method: 'GET', url: `/v1/stats/export?${q}`, headers: { authorization: `Bearer ${a.ownerKey}` } });

  const csv = await get('format=csv&group_by=batch');
  assert.equal(csv.statusCode, 200);
  assert.match(String(csv.headers['content-type']), /text\/csv; charset=utf-8/);
  assert.match(String(csv.headers['content-disposition']), /kaquan-report-batch-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv/);
  assert.equal(csv.rawPayload[0], 0xef, 'starts with the UTF-8 byte order mark');
  const lines = csv.body
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  assert.equal(lines[0], '批次,发放,发给会员,导出 / 无记名,绑定,到达会员,核销笔数,核销卡数,核销率,核销金额（元）,带动交易额（元）');
  assert.equal(lines[1], '三月会员日,1,1,0,0,1,1,1,100.00%,12.50,59.99');
  assert.ok(!csv.body.includes(b.id), 'names, not ids');
  assert.match(lines[2], /^合计,1,/);
  assert.match(lines[3], /^上期合计,0,/);
  assert.match(lines[4], /^较上期变化,1,/);
  const en = await get('format=csv&group_by=store&lang=en');
  assert.match(en.body, /^\uFEFFStore,Issued,/);
  assert.match(en.body, /南京西路店,0,0,0,0,0,1,1,,12\.50,59\.99/);

  const xlsx = await get('format=xlsx&group_by=template');
  assert.equal(xlsx.statusCode, 200);
  assert.equal(String(xlsx.headers['content-type']), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.rawPayload as any);
  assert.deepEqual(
    wb.worksheets.map((w) => w.name),
    ['报表', '概况', '指标说明'],
  );
  const sheet = wb.getWorksheet('报表')!;
  assert.equal(sheet.getCell('A2').value, '满50减12.5');
  assert.equal(sheet.getCell('J2').value, 12.5);
  assert.equal(sheet.getCell('J2').numFmt, '#,##0.00');
  assert.equal(sheet.getCell('I2').value, 1);
  assert.equal(sheet.getCell('I2').numFmt, '0.00%');
  assert.equal(sheet.getCell('A3').value, '合计');
  assert.match(String(wb.getWorksheet('概况')!.getCell('B2').value), /\(Asia\/Shanghai\)$/);
  assert.match(String(wb.getWorksheet('指标说明')!.getCell('B9').value), /到达会员手中/);

  assert.equal((await get('format=pdf')).statusCode, 400, 'only csv or xlsx');
  const clerkKey = (await a.ok('POST', '/v1/api-keys', { name: 'c', role: 'clerk', store_ids: [store.id] })).secret;
  const denied = await env.app.inject({ method: 'GET', url: '/v1/stats/export?format=csv', headers: { authorization: `Bearer ${clerkKey}` } });
  assert.equal(denied.statusCode, 403);
});
