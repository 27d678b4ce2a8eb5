import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import type { TestEnv } from '../testing/harness.js';
import { flushLog } from '../modules/risk/actionlog.js';
import { chromiumMissing, watchCsp, startScreens, type Screens, WIDE as DESKTOP } from './browser.js';
import { assertText, choose, shots, signIn } from './journey.js';

/**
 * 风控 in a real browser (issue 14): a member claimed five cards today; an operator opens 风控 › 风控规则,
 * fills a rule of at most 2 claims per member per day, and 试运行 says it would have refused 3 claims
 * before it is saved; the rule is saved and listed. In 名单 they black-list another member; that
 * member's claim is refused, and 风控看板 shows the refusal by rule, with the member's name in the
 * latest decisions. Screenshots `risk-…`.
 */
const skip = chromiumMissing;
let env: TestEnv;
let browser: Browser;
let base: string;
let ownerKey: string;
let screens: Screens;
const owner = (method: string, url: string, body?: unknown) => env.api(method, url, body, { key: ownerKey });
const OPERATOR = { username: 'fengkong-li', password: 'risk pass 2026', display_name: '李风控' };
let batch: string;
let scalper: any;

before(async () => {
  if (skip) return;
  screens = await startScreens({ bootstrapKey: 'kq_e2e_risk_owner_key_0123456789abcd' });
  ({ env, base, ownerKey, browser } = screens);
  assert.equal((await owner('POST', '/v1/operators', { ...OPERATOR, role: 'operator' })).status, 201);
  const tpl = await owner('POST', '/v1/templates', { kind: 'cash', name: '满100减20', value: { amount_off: 2000 }, validity: { type: 'relative', days: 30 } });
  batch = (await owner('POST', '/v1/batches', { template_id: tpl.body.id, name: '双十二领券', mode: 'on_issue' })).body.id;
  const busy = (await owner('POST', '/v1/members', { name: '钱多多' })).body;
  scalper = (await owner('POST', '/v1/members', { name: '赵黄牛' })).body;
  for (let i = 0; i < 5; i++) {
    const r = await owner('POST', '/v1/cards/issue', { batch_id: batch, member_id: busy.id, client: { ip: '203.0.113.7', device_id: 'dev-qian' } });
    assert.equal(r.status, 201, JSON.stringify(r.body));
  }
  await flushLog(env.ctx.db); // the action log is written once a second: the dry run reads it now
});
after(async () => {
  if (skip) return;
  await screens?.close();
});

test('operator: a limit rule dry run, saved; a black-listed member refused; the dashboard shows it', { skip }, async () => {
  const ctx = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
  const csp = await watchCsp(ctx);
  const page = await ctx.newPage();
  await page.goto(`${base}/console`);
  await signIn(page, OPERATOR.username, OPERATOR.password);
  await page.getByTestId('console-menu').waitFor();
  await page.getByRole('menuitem', { name: /(^|\s)风控$/ }).click(); // the submenu, beside 风控规则 and 风控看板
  await page.getByRole('menuitem', { name: '风控规则' }).click();
  await page.getByTestId('new-risk-rule').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('名称').fill('每人每天限领 2 张');
  await dialog.getByLabel('最多次数').fill('2');
  await page.getByTestId('rule-dry-run').click();
  await assertText(page.getByTestId('dry-run-result'), /这条规则在过去一天会拒绝 3 次领取/);
  await assertText(page.getByTestId('dry-run-result'), /钱多多 ×3/);
  await shots(page, 'risk-rule-dry-run');
  await page.getByTestId('rule-save').click();
  const table = page.getByTestId('risk-rules-table');
  await assertText(table, /每人每天限领 2 张[\s\S]*领取[\s\S]*每会员 1 天（自然周期）最多 2 次[\s\S]*拒绝/);
  await shots(page, 'risk-rules', ['desktop']);
  const rules = (await owner('GET', '/v1/risk/rules')).body.data;
  const made = rules.find((r: any) => r.name === '每人每天限领 2 张');
  assert.deepEqual(
    [made.kind, made.subject, made.window, made.limit, made.outcome],
    ['limit', 'member', { size: 1, unit: 'day', mode: 'calendar' }, 2, 'refuse'],
  );

  await page.getByRole('menuitem', { name: '名单' }).click();
  await page.getByTestId('new-list-entry').click();
  await choose(page, page.getByTestId('list-member'), '赵黄牛', /赵黄牛/);
  await page.getByTestId('list-reason').fill('黄牛囤券');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await assertText(page.getByTestId('risk-list-table'), /会员[\s\S]*赵黄牛[\s\S]*黄牛囤券[\s\S]*长期/);
  await shots(page, 'risk-lists');

  const refused = await owner('POST', '/v1/cards/issue', { batch_id: batch, member_id: scalper.id, client: { ip: '198.51.100.9', device_id: 'dev-zhao' } });
  assert.equal(refused.status, 403, JSON.stringify(refused.body));
  assert.equal(refused.body.code, 'RISK_REFUSED');

  await page.getByRole('menuitem', { name: '风控看板' }).click();
  await assertText(page.getByTestId('risk-totals'), /拒绝\s*1/);
  await assertText(page.getByTestId('risk-by-rule'), /黑名单/);
  await assertText(page.getByTestId('risk-recent'), /领取[\s\S]*拒绝[\s\S]*黑名单[\s\S]*赵黄牛/);
  await shots(page, 'risk-dashboard');
  assert.deepEqual(csp, [], 'no CSP violations');
  await ctx.close();
});
