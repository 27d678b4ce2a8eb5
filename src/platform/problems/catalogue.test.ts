import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { CATALOGUE, PARTS, errorTable, message, problemText } from './catalogue.js';
import { holesOf, type EntryDef } from './words.js';
import { fieldError, fieldErrors } from './fields.js';
import { API_DOC, withErrorTable } from './docs.js';

/**
 * The catalogue covers every problem the server can answer with: the sources are scanned (as the
 * architecture test scans them) for the codes they throw, and each needs a message in both
 * languages that reads whole, and the API docs' table must be the one the catalogue writes.
 */
const root = fileURLToPath(new URL('../../', import.meta.url)); // src/
const walk = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
const sources = walk(root).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !/\/(testing|race|e2e)\/|\/problems\//.test(f));
const text = new Map(sources.map((f) => [relative(root, f), readFileSync(f, 'utf8')]));
const entries = Object.entries(CATALOGUE as Record<string, EntryDef>);
const statuses = (e: EntryDef) => (Array.isArray(e.status) ? e.status : [e.status]) as number[];

/**
 * Constants that look like codes but are no problem's code: environment variables, Node, undici and fastify's own (mapped in http/errors.ts),
 * WeChat Pay's vocabulary (its error codes and enum values, and the adapter's own WX_ outcomes: modules/wechatpay, never answered as problems),
 * and Google Wallet's enum values (modules/passes/google.ts).
 */
const NOT_PROBLEM_CODES =
  /^(KAQUAN_\w+|UND_ERR_\w+|EAI_AGAIN|FST_ERR_\w+|WX_\w+|PUB_KEY_ID_\w+|STATEMENT_CREATING|SYSTEM_ERROR|FREQUENCY_LIMIT(ED|_EXCEED)|RESOURCE_ALREADY_LOCKED|RESOURCE_NOT_EXISTS|SIGN_ERROR|PARAM_ERROR|INVALID_REQUEST|NOT_FOUND|AEAD_AES_256_GCM|MERCHANT_UPLOAD|OFF_LINE|QR_CODE|UNDER_REVIEW|TOTP_SHA1)$/;

/** Every code the sources can answer with, and where; with the statuses written beside it. */
function thrownCodes() {
  const found = new Map<string, { where: Set<string>; statuses: Set<number> }>();
  const add = (code: string, where: string, status?: number) => {
    const f = found.get(code) ?? { where: new Set(), statuses: new Set() };
    f.where.add(where);
    if (status) f.statuses.add(status);
    found.set(code, f);
  };
  for (const [file, src] of text) {
    // any constant shaped like a code (A_B): a code however it is made (AppError, refusal, a ternary, a default argument)
    for (const m of src.matchAll(/'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'/g)) if (!NOT_PROBLEM_CODES.test(m[1]!)) add(m[1]!, file);
    // one-word codes, and the status written with a code
    for (const m of src.matchAll(/(?:AppError|problem|fail|refuse)\(\s*(\d{3}),\s*'([A-Z][A-Z0-9_]*)'/g)) add(m[2]!, file, +m[1]!);
    for (const m of src.matchAll(/notFound\('([a-z_]+)'/g)) add(`${m[1]!.toUpperCase()}_NOT_FOUND`, file, 404);
    for (const m of src.matchAll(/conflict\('([A-Z_]+)'/g)) add(m[1]!, file, 409);
    if (/\bforbidden\(/.test(src.replace(/export const forbidden/, ''))) add('FORBIDDEN', file, 403);
  }
  // http/errors.ts answers fastify's client errors as their code without FST_ERR_ (the body parser's, in practice)
  const fastifyErrors = createRequire(import.meta.url)('fastify/lib/errors.js') as Record<string, new () => { code: string; statusCode?: number }>;
  for (const E of Object.values(fastifyErrors)) {
    let e: { code: string; statusCode?: number };
    try {
      e = new E();
    } catch {
      continue;
    }
    if (!/^FST_ERR_CTP_/.test(e.code) || !e.statusCode || e.statusCode >= 500 || e.code === 'FST_ERR_CTP_INSTANCE_ALREADY_STARTED') continue;
    const code = e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? 'MALFORMED_JSON' : e.code.replace(/^FST_ERR_/, '');
    add(code, 'fastify (http/errors.ts)', e.statusCode);
  }
  return found;
}

test('every code thrown anywhere in src/ has a catalogue entry, with the status it is thrown with', () => {
  const found = thrownCodes();
  assert.ok(found.size > 90, `the scan finds the codes (${found.size})`);
  const missing = [...found].filter(([code]) => !Object.hasOwn(CATALOGUE, code)).map(([code, f]) => `${code} (${[...f.where].join(', ')})`);
  assert.deepEqual(missing, [], 'codes with no message in src/platform/problems');
  const wrongStatus = [...found].flatMap(([code, f]) =>
    [...f.statuses].filter((s) => !statuses((CATALOGUE as Record<string, EntryDef>)[code]!).includes(s)).map((s) => `${code} ${s}`),
  );
  assert.deepEqual(wrongStatus, [], 'thrown with a status the catalogue does not list');
  // and nothing in the catalogue that no source answers with (but the web app's own)
  const unused = entries.filter(([code, e]) => !e.client && !found.has(code)).map(([code]) => code);
  assert.deepEqual(unused, [], 'catalogue entries no source throws: take them out');
});

test('no code is in two parts of the catalogue', () => {
  const n = Object.values(PARTS).reduce((sum, p) => sum + Object.keys(p).length, 0);
  assert.equal(n, entries.length);
});

test('every message reads whole in Chinese and English, from the same fields', () => {
  for (const [code, e] of entries) {
    assert.match(e.zh, /[\u4e00-\u9fff]/, `${code}: zh is Chinese`);
    assert.doesNotMatch(e.zh, /[A-Z]{3,}_[A-Z_]+/, `${code}: zh shows no code`);
    assert.ok(e.en.trim().length > 5, `${code}: en`);
    const holes = (t: string) =>
      holesOf(t)
        .map((h) => `${h.name}${h.optional ? '?' : ''}:${h.kind}`)
        .sort();
    assert.deepEqual(holes(e.zh), holes(e.en), `${code}: zh and en read the same fields`);
    // a field named like a problem's own member would overwrite it (http/errors.ts spreads the fields after them)
    for (const name of [...holesOf(e.zh).map((h) => h.name), ...(e.also ?? []).map((a) => a.replace('?', ''))])
      assert.ok(!['type', 'title', 'status', 'code', 'detail'].includes(name), `${code}: a field may not be named ${name}`);
    for (const h of holesOf(e.zh))
      assert.ok(
        [
          'text',
          'int',
          'money',
          'list',
          'stores',
          'weekdays',
          'weekday',
          'hours',
          'time',
          'duration',
          'state',
          'kind',
          'batch_status',
          'batch_mode',
          'order_state',
          'errors',
        ].includes(h.kind),
        `${code}: kind ${h.kind}`,
      );
    for (const lang of ['zh-CN', 'en'] as const) {
      // from an older server without the fields, or a problem without them: still a whole sentence
      const bare = message(code as never, {} as never, lang);
      assert.doesNotMatch(bare, /[{}[\]]/, `${code} ${lang} without fields: ${bare}`);
      assert.ok(bare.length > 3);
    }
  }
});

test('values are written for the person: ¥ from fen, 周六、周日, 10:00–22:00, durations, names', () => {
  assert.equal(
    message('RULE_WEEKDAY_NOT_ALLOWED', { weekdays: [6, 7], today: 3 }, 'zh-CN'),
    '今天不能用这张券（今天周三），仅限周六、周日使用。请让顾客到时再来，或出示其他券。',
  );
  assert.match(message('RULE_WEEKDAY_NOT_ALLOWED', { weekdays: [1, 2, 3, 4, 5] }, 'zh-CN'), /仅限周一至周五使用/);
  assert.match(message('RULE_WEEKDAY_NOT_ALLOWED', { weekdays: [6, 7] }, 'en'), /only on Sat, Sun/);
  assert.match(message('INSUFFICIENT_BALANCE', { amount: 60000, balance: 41150 }, 'zh-CN'), /本次要扣 ¥600\.00，卡内只有 ¥411\.50/);
  assert.match(message('RULE_OUTSIDE_HOURS', { hours: [{ from: '10:00', to: '22:00' }] }, 'zh-CN'), /仅限 10:00–22:00 使用/);
  assert.match(message('CODE_LOOKUPS_LOCKED', { retry_after: 900 }, 'zh-CN'), /请 15 分钟后再试/);
  assert.match(message('CODE_LOOKUPS_THROTTLED', { retry_after: 3 }, 'en'), /in 3 seconds/);
  assert.match(message('CARD_NOT_YET_VALID', { valid_from: '2030-03-05T02:00:00Z' }, 'zh-CN', { timeZone: 'Asia/Shanghai' }), /2030-03-05 10:00 起可用/);
  assert.match(
    message('RULE_STORE_NOT_ALLOWED', { store_name: '徐家汇店', allowed_stores: ['甲', '乙', '丙', '丁', '戊', '己'] }, 'zh-CN'),
    /本店（徐家汇店）.*仅限「甲」、「乙」、「丙」、「丁」、「戊」 等 6 家门店/,
  );
  assert.match(message('CARD_NOT_VOIDABLE', { state: 'used' }, 'zh-CN'), /目前已用完/);
  // a value of the wrong shape is left out, never shown raw
  assert.doesNotMatch(problemText({ code: 'INSUFFICIENT_BALANCE', amount: '600', balance: 1 }, 'zh-CN').text, /600/);
});

test('an unknown code (a newer server) reads as a general sentence with its detail', () => {
  const p = problemText({ code: 'SOMETHING_NEW', status: 409, detail: 'the new rule says no' }, 'zh-CN');
  assert.equal(p.known, false);
  assert.equal(p.text, '操作没有完成。（the new rule says no）');
  assert.match(problemText({ code: 'HTTP_502', status: 502 }, 'zh-CN').text, /服务器暂时无法完成/);
});

test('field errors name the field as the form does, in both languages', () => {
  const zh = (field: string, reason: string, more = {}) => fieldError({ field, reason, ...more }, 'zh-CN');
  assert.equal(zh('body.nme', 'unknown field (check its spelling)', { rule: 'unknown' }), '「nme」不是可填写的字段（请检查拼写）');
  assert.equal(zh('body.value.amount_off', 'must be integer', { rule: 'type', expected: 'integer' }), '「减免金额」应为整数');
  assert.equal(zh('body.name', 'must NOT have more than 200 characters'), '「名称」最多 200 个字符');
  assert.equal(zh('body.kind', 'must be one of cash, discount'), '「券种」只能是：cash、discount');
  assert.equal(zh('body.rules.weekdays.0', 'must be <= 7'), '「可用星期」不能大于 7');
  assert.equal(zh('body.phone', 'must match pattern "^x$"'), '「手机号」的格式不对');
  assert.equal(zh('body', "must have required property 'name'", { rule: 'required' }), '请填写「body」');
  assert.equal(fieldErrors([{ field: 'body.x', reason: 'a reason nobody wrote down' }], 'zh-CN'), '「x」填写有误');
  assert.equal(fieldErrors([{ field: 'body.x', reason: 'a reason nobody wrote down' }], 'en'), 'x: a reason nobody wrote down');
});

test('every reason the hand-written checks give is worded in Chinese', () => {
  const reasons = new Set<string>([
    // made by functions rather than written at the throw
    'is one of the most common passwords; choose one that is not',
    'is a simple pattern (a repeated or consecutive run of characters); choose one that is not',
    'give the head as `audit-head` prints it (one JSON line) or as SEAL:MAC',
  ]);
  const lit = `${String.raw`'((?:[^'\\]|\\.)+)'|`}\`([^\`]+)\``;
  const patterns = [
    new RegExp(String.raw`(?:invalid|refuse|bad)\(\s*(?!\d)[^,()]+,\s*(?:${lit})`, 'g'),
    new RegExp(String.raw`field:\s*[^,{}]+,\s*reason:\s*(?:${lit})`, 'g'),
    new RegExp(`const reason = (?:${lit})`, 'g'),
  ];
  for (const [file, src] of text) {
    if (file === 'http/errors.ts') continue; // the schema checks: worded by rule (tested above)
    for (const re of patterns) for (const m of src.matchAll(re)) reasons.add((m[1] ?? m[2]!).replace(/\$\{[^}]+\}/g, '10'));
  }
  assert.ok(reasons.size > 40, `the scan finds the reasons (${reasons.size})`);
  const unknown = [...reasons].filter((r) => fieldError({ field: 'x', reason: r }, 'zh-CN') === null);
  assert.deepEqual(unknown, [], 'reasons with no Chinese wording in src/platform/problems/fields.ts');
});

test('the API docs error table is the one the catalogue writes (npm run gen:errors)', () => {
  const md = readFileSync(API_DOC, 'utf8');
  assert.equal(md, withErrorTable(md), 'docs/api.md is stale: run npm run gen:errors');
  for (const [code, e] of entries) if (!e.client) assert.ok(errorTable().includes(`| ${code} |`));
});

test('a wholesale order out of order names its state in words, never the API value', () => {
  assert.equal(message('ORDER_STATE', { state: 'cancelled' }, 'zh-CN'), '这张订单目前是“已取消”状态，不能这样操作。');
  assert.equal(message('ORDER_STATE', { state: 'fulfilling' }, 'zh-CN'), '这张订单目前是“履约中”状态，不能这样操作。');
  assert.equal(message('ORDER_STATE', { state: 'draft' }, 'en'), 'The order cannot do that while it is a draft.');
});
