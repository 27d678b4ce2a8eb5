import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fixtures, startTestEnv, type TestEnv } from '../../testing/harness.js';
import { CATALOGUE, problemText } from './catalogue.js';
import { holesOf, type EntryDef } from './words.js';

/**
 * The refusals clerks and members meet, provoked through the API as they would be, and worded by
 * the catalogue as the screens word them: each carries the fields its message needs (weekdays,
 * hours, the balance and the amount asked, the minimum spend, the store names, the validity …),
 * so the Chinese reads "仅限周六、周日使用", "卡内只有 ¥411.50", never "60000 asked, balance is 41150".
 */
let env: TestEnv;
let f: Awaited<ReturnType<typeof fixtures>>;
let nanjing: any, xujiahui: any;
// a Wednesday, 12:00 in Shanghai (the tenant's zone)
const WEDNESDAY_NOON = '2030-01-02T04:00:00Z';

before(async () => {
  env = await startTestEnv();
  env.ctx.clock.set(WEDNESDAY_NOON);
  f = await fixtures(env);
  nanjing = await f.store({ name: '上海南京西路店', tags: ['sh'] });
  xujiahui = await f.store({ name: '上海徐家汇店' });
});
after(async () => {
  await env?.close();
});

/** What the screen shows for an answer, in Chinese; and the answer carries every field its message reads. */
function say(r: { status: number; body: any }, code: string, lang: 'zh-CN' | 'en' = 'zh-CN'): string {
  assert.equal(r.body.code, code, JSON.stringify(r.body));
  const e = (CATALOGUE as Record<string, EntryDef>)[code]!;
  const statuses = Array.isArray(e.status) ? e.status : [e.status];
  assert.ok(statuses.includes(r.status), `${code} answered ${r.status}`);
  for (const h of holesOf(e.zh)) if (!h.optional) assert.ok(r.body[h.name] !== undefined, `${code} carries ${h.name}: ${JSON.stringify(r.body)}`);
  const t = problemText(r.body, lang, { timeZone: 'Asia/Shanghai' });
  assert.equal(t.known, true);
  assert.doesNotMatch(t.text, /[{}[\]]|[A-Z]{3,}_[A-Z_]+/, t.text);
  return t.text;
}
/** The same for a check's answer: its code and params are the problem a redemption would get. */
function sayCheck(r: { status: number; body: any }, code: string): string {
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.redeemable, false);
  return say({ status: (CATALOGUE as Record<string, EntryDef>)[code]!.status as number, body: { code: r.body.code, ...r.body.params } }, code);
}
const redeem = (body: Record<string, unknown>) => env.api('POST', '/v1/redemptions', body);
const check = (body: Record<string, unknown>) => env.api('POST', '/v1/redemptions/check', body);

test('a weekday rule names the days allowed and today', async () => {
  const { card } = await f.card('cash', { amount_off: 500 }, { rules: { weekdays: [6, 7] } });
  const text = sayCheck(await check({ code: card.code, store_id: nanjing.id }), 'RULE_WEEKDAY_NOT_ALLOWED');
  assert.equal(text, '今天不能用这张券（今天周三），仅限周六、周日使用。请让顾客到时再来，或出示其他券。');
  assert.match(say(await redeem({ code: card.code, store_id: nanjing.id }), 'RULE_WEEKDAY_NOT_ALLOWED', 'en'), /only on Sat, Sun/);
});

test('an hours rule names the hours', async () => {
  const { card } = await f.card('cash', { amount_off: 500 }, { rules: { hours: [{ from: '06:00', to: '09:30' }] } });
  assert.match(say(await redeem({ code: card.code, store_id: nanjing.id }), 'RULE_OUTSIDE_HOURS'), /仅限 06:00–09:30 使用/);
});

test('a minimum spend says how much is missing; without the order amount, it asks for it', async () => {
  const { card } = await f.card('cash', { amount_off: 1000 }, { rules: { min_spend: 5000 } });
  assert.match(sayCheck(await check({ code: card.code, store_id: nanjing.id }), 'ORDER_AMOUNT_REQUIRED'), /请先输入订单金额（本券满 ¥50\.00 可用）/);
  const text = say(await redeem({ code: card.code, store_id: nanjing.id, order_amount: 3000 }), 'RULE_MIN_SPEND_NOT_MET');
  assert.match(text, /本单 ¥30\.00，需满 ¥50\.00，还差 ¥20\.00/);
});

test('a balance too small says both amounts in yuan', async () => {
  const { card } = await f.card('stored_value', { initial_balance: 41150 });
  const r = await redeem({ code: card.code, store_id: nanjing.id, amount: 60000 });
  assert.equal(r.body.amount, 60000);
  assert.equal(r.body.balance, 41150);
  assert.match(say(r, 'INSUFFICIENT_BALANCE'), /本次要扣 ¥600\.00，卡内只有 ¥411\.50/);
  assert.match(sayCheck(await check({ code: card.code, store_id: nanjing.id, amount: 60000 }), 'INSUFFICIENT_BALANCE'), /¥411\.50/);
});

test('uses too few say how many are left', async () => {
  const { card } = await f.card('count', { uses: 2 });
  assert.match(say(await redeem({ code: card.code, store_id: nanjing.id, uses: 5 }), 'INSUFFICIENT_USES'), /本次要用 5 次，只剩 2 次/);
});

test('a store rule names this store and the stores the card is good at, by id or by tag', async () => {
  const byId = (await f.card('cash', { amount_off: 500 }, { rules: { store_ids: [nanjing.id] } })).card;
  const r = await redeem({ code: byId.code, store_id: xujiahui.id });
  assert.deepEqual(r.body.allowed_stores, ['上海南京西路店']);
  assert.equal(say(r, 'RULE_STORE_NOT_ALLOWED'), '这张券不能在本店（上海徐家汇店）使用，仅限「上海南京西路店」。请让顾客到可用门店使用，或出示其他券。');
  assert.doesNotMatch(JSON.stringify(say(r, 'RULE_STORE_NOT_ALLOWED')), /sto_/);
  const byTag = (await f.card('cash', { amount_off: 500 }, { rules: { store_tags: ['sh'] } })).card;
  assert.match(sayCheck(await check({ code: byTag.code, store_id: xujiahui.id }), 'RULE_STORE_NOT_ALLOWED'), /仅限「上海南京西路店」/);
});

test('a used-up, frozen, expired or not-yet-valid card says so, with its dates', async () => {
  const used = (await f.card('exchange', { sku: 'tea' })).card;
  assert.equal((await redeem({ code: used.code, store_id: nanjing.id })).status, 201);
  assert.match(say(await redeem({ code: used.code, store_id: nanjing.id }), 'CARD_ALREADY_REDEEMED'), /已经用完了/);
  assert.match(say(await env.api('POST', `/v1/cards/${used.id}/void`, {}), 'CARD_NOT_VOIDABLE'), /这张券目前已用完，已经不能作废/);

  const frozen = (await f.card('cash', { amount_off: 500 })).card;
  assert.equal((await env.api('POST', `/v1/cards/${frozen.id}/freeze`, {})).status, 200);
  assert.match(say(await redeem({ code: frozen.code, store_id: nanjing.id }), 'CARD_FROZEN'), /已被冻结/);
  assert.match(say(await env.api('POST', `/v1/cards/${frozen.id}/freeze`, {}), 'CARD_ALREADY_FROZEN'), /已经是冻结状态/);

  const later = (await f.card('cash', { amount_off: 500 }, { validity: { type: 'fixed', starts_at: '2030-02-01T01:00:00Z', ends_at: '2030-03-01T00:00:00Z' } }))
    .card;
  assert.match(say(await redeem({ code: later.code, store_id: nanjing.id }), 'CARD_NOT_YET_VALID'), /2030-02-01 09:00 起可用/);

  const soon = (await f.card('cash', { amount_off: 500 }, { validity: { type: 'fixed', ends_at: '2030-01-03T04:00:00Z' } })).card;
  env.ctx.clock.advance(2 * 86_400_000);
  try {
    assert.match(say(await redeem({ code: soon.code, store_id: nanjing.id }), 'CARD_EXPIRED'), /已过期（有效期至 2030-01-03 12:00）/);
  } finally {
    env.ctx.clock.set(WEDNESDAY_NOON);
  }
});

test('a code with a wrong check character, an unknown code and a wrong PIN read as such', async () => {
  const { card } = await f.card('cash', { amount_off: 500 });
  const last = card.code.at(-1);
  const typo = card.code.slice(0, -1) + (last === 'A' ? 'B' : 'A');
  assert.match(say(await env.api('POST', '/v1/cards/lookup', { code: typo }), 'CODE_MISTYPED'), /券码好像输错了一位/);
  assert.match(say(await redeem({ code: typo, store_id: nanjing.id }), 'CODE_MISTYPED'), /逐位核对/);
  const gift = await f.template('gift', { initial_balance: 10000 });
  const bearer = await f.issue((await f.batch(gift.id)).id);
  assert.match(say(await redeem({ code: bearer.code, store_id: nanjing.id, amount: 100, pin: '000000' }), 'PIN_INVALID'), /卡密不正确/);
});

test('the wallet: binding a wrong or taken code, gifting to nobody, to oneself, a card that is not giftable, a broken link', async () => {
  const alice = await f.member({ external_id: 'crm-alice' });
  const bob = await f.member({ external_id: 'crm-bob' });
  const token = (await env.api('POST', `/v1/members/${alice.id}/wallet-link`, {})).body.token;
  const wallet = (method: string, url: string, body?: unknown) => env.api(method, url, body, { headers: { authorization: `Wallet ${token}` } });

  const t = await f.template('cash', { amount_off: 500 });
  const b = await f.batch(t.id);
  const bobs = await f.issue(b.id, bob.id);
  const typo = bobs.code.slice(0, -1) + (bobs.code.at(-1) === 'A' ? 'B' : 'A');
  assert.match(say(await wallet('POST', '/v1/wallet/bind', { code: typo }), 'CODE_MISTYPED'), /输错了一位/);
  assert.match(say(await wallet('POST', '/v1/wallet/bind', { code: bobs.code }), 'CARD_ALREADY_BOUND'), /已经绑定到了其他会员/);

  const mine = await f.issue(b.id, alice.id);
  assert.match(say(await wallet('POST', `/v1/wallet/cards/${mine.id}/gift`, { to_member_external_id: 'crm-bob' }), 'CARD_NOT_TRANSFERABLE'), /不能转赠/);
  const giftable = await f.issue((await f.batch((await f.template('cash', { amount_off: 500 }, { rules: { transferable: true } })).id)).id, alice.id);
  assert.match(say(await wallet('POST', `/v1/wallet/cards/${giftable.id}/gift`, { to_member_external_id: 'nobody' }), 'MEMBER_NOT_FOUND'), /没有找到这位会员/);
  assert.match(
    say(await wallet('POST', `/v1/wallet/cards/${giftable.id}/gift`, { to_member_external_id: 'crm-alice' }), 'TRANSFER_TO_SELF'),
    /已经在这位会员名下/,
  );
  const broken = await env.api('GET', '/v1/wallet/me', undefined, { headers: { authorization: `Wallet ${token.slice(0, -3)}xyz` } });
  assert.match(say(broken, 'WALLET_LINK_INVALID'), /钱包链接已经失效/);
});

test('the operator’s refusals carry their numbers and states too', async () => {
  const t = await f.template('cash', { amount_off: 500 }, { rules: { per_member_limit: 1 } });
  const b = await f.batch(t.id);
  const m = await f.member();
  await f.issue(b.id, m.id);
  assert.match(say(await env.api('POST', '/v1/cards/issue', { batch_id: b.id, member_id: m.id }), 'MEMBER_LIMIT_REACHED'), /每人限 1 张/);
  const sv = (await f.card('stored_value', { initial_balance: 1000, max_balance: 5000 })).card;
  assert.match(
    say(await env.api('POST', `/v1/cards/${sv.id}/top-up`, { amount: 4500 }), 'MAX_BALANCE_EXCEEDED'),
    /上限 ¥50\.00：当前余额 ¥10\.00，本次入账 ¥45\.00/,
  );
  const cash = (await f.card('cash', { amount_off: 500 })).card;
  assert.match(say(await env.api('POST', `/v1/cards/${cash.id}/top-up`, { amount: 100 }), 'CARD_KIND_NOT_TOPPABLE'), /代金券没有余额/);
  assert.match(say(await env.api('POST', `/v1/batches/${b.id}/resume`, {}), 'BATCH_NOT_PAUSED'), /没有暂停/);
  const hi = (await f.card('stored_value', { initial_balance: 100000 }, { rules: { verification: { threshold: 50000 } } })).card;
  assert.match(sayCheck(await check({ code: hi.code, store_id: nanjing.id, amount: 60000 }), 'VERIFICATION_REQUIRED'), /（¥500\.00 及以上）/);
  const done = await redeem({ code: (await f.card('cash', { amount_off: 500 })).card.code, store_id: nanjing.id });
  env.ctx.clock.advance(24 * 3600_000);
  try {
    assert.match(say(await env.api('POST', `/v1/redemptions/${done.body.id}/reverse`, {}), 'REVERSAL_WINDOW_CLOSED'), /核销后 [\d,]+ 分钟内可撤销/);
  } finally {
    env.ctx.clock.set(WEDNESDAY_NOON);
  }
});

test('bad input names the field in Chinese: unknown, too long, of the wrong type, not a phone', async () => {
  assert.match(say(await env.api('POST', '/v1/stores', { name: 'x', nme: 1 }), 'VALIDATION_FAILED'), /「nme」不是可填写的字段/);
  assert.match(say(await env.api('POST', '/v1/stores', { name: 'x'.repeat(500) }), 'VALIDATION_FAILED'), /「名称」最多 200 个字符/);
  const wrongType = await env.api('POST', '/v1/templates', { kind: 'cash', name: 'x', value: { amount_off: 'a' }, validity: { type: 'relative', days: 3 } });
  assert.equal(wrongType.body.errors[0].rule, 'type');
  assert.match(say(wrongType, 'VALIDATION_FAILED'), /「减免金额」应为整数/);
  assert.match(say(await env.api('POST', '/v1/members', { name: 'm', phone: 'abc' }), 'VALIDATION_FAILED'), /「手机号」不是有效的手机号/);
  assert.match(say(await env.api('POST', '/v1/stores', { name: 'x', time_zone: 'Mars/Base' }), 'VALIDATION_FAILED'), /「时区」不是已知的时区/);
  const badTemplate = await env.api('POST', '/v1/templates', {
    kind: 'cash',
    name: 'x',
    value: { amount_off: 2000 },
    validity: { type: 'relative', days: 3 },
    rules: { min_spend: 1000 },
  });
  assert.match(say(badTemplate, 'TEMPLATE_INVALID'), /「减免金额」不能超过最低消费 ¥10\.00/);
  const media = await env.app.inject({
    method: 'POST',
    url: '/v1/stores',
    payload: '<store/>',
    headers: { authorization: `Bearer ${env.ownerKey}`, 'content-type': 'application/xml' },
  });
  assert.match(say({ status: media.statusCode, body: media.json() }, 'CTP_INVALID_MEDIA_TYPE'), /内容类型不受支持/);
});

test('too many wrong codes: the wait is said in seconds or minutes', async () => {
  const { ownerKey } = await env.newTenant('guesser');
  let last: any;
  for (let i = 0; i < 22; i++) last = await env.api('POST', '/v1/cards/lookup', { code: `ZZZZZZZZZZZZZZZZ${i % 10}` }, { key: ownerKey });
  assert.equal(last.status, 429);
  assert.match(say(last, last.body.code), /(\d+ 秒|\d+ 分钟)后/);
});
