import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import type { TestEnv } from '../testing/harness.js';
import { chromiumMissing, watchCsp, startScreens, type Screens, WIDE as DESKTOP } from './browser.js';
import { assertText, shots, signIn } from './journey.js';

/**
 * 积分规则 in a real browser (issue 13): an operator opens 积分规则 from the console menu, makes a rule of
 * 1 point per ¥1 with wine at 2× and a month-end expiry, sees it listed in Chinese, pauses it, and sets the
 * refund setting to 欠分; the API agrees with what the screen said. Screenshots `points-rules-…`.
 */
const skip = chromiumMissing;
let env: TestEnv;
let browser: Browser;
let base: string;
let ownerKey: string;
let screens: Screens;
const owner = (method: string, url: string, body?: unknown) => env.api(method, url, body, { key: ownerKey });
const OPERATOR = { username: 'jifen-wang', password: 'points pass 2026', display_name: '王积分' };

before(async () => {
  if (skip) return;
  screens = await startScreens({ bootstrapKey: 'kq_e2e_points_owner_key_0123456789ab' });
  ({ env, base, ownerKey, browser } = screens);
  const r = await owner('POST', '/v1/operators', { ...OPERATOR, role: 'operator' });
  assert.equal(r.status, 201, JSON.stringify(r.body));
});
after(async () => {
  if (skip) return;
  await screens?.close();
});

test('operator: an earning rule made, listed, paused; the refund setting changed', { skip }, async () => {
  const ctx = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
  const csp = await watchCsp(ctx);
  const page = await ctx.newPage();
  await page.goto(`${base}/console`);
  await signIn(page, OPERATOR.username, OPERATOR.password);
  await page.getByTestId('console-menu').waitFor();
  await page.getByRole('menuitem', { name: '积分规则' }).click();
  await page.getByTestId('new-point-rule').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('名称').fill('消费积分');
  await dialog.getByRole('button', { name: '添加倍数' }).click();
  await dialog.getByPlaceholder('品类').fill('酒水');
  await dialog.locator('.ant-select', { hasText: '永不过期' }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '当月月底' }).click();
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  const table = page.getByTestId('point-rules-table');
  await assertText(table, /消费积分[\s\S]*每消费 ¥1 得 1[\s\S]*当月月底[\s\S]*启用/);
  await shots(page, 'points-rules', ['desktop']);
  const rules = (await owner('GET', '/v1/points/rules')).body.data;
  assert.equal(rules.length, 1);
  assert.deepEqual(
    [rules[0].per_fen, rules[0].points, rules[0].expiry, rules[0].multipliers],
    [100, 1, { type: 'month_end' }, [{ category: '酒水', multiplier: 2 }]],
  );

  await table.getByRole('button', { name: /编\s*辑/ }).click();
  await page.getByRole('dialog').getByRole('switch').click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await assertText(table, /已暂停/);
  assert.equal((await owner('GET', `/v1/points/rules/${rules[0].id}`)).body.status, 'paused');

  await page
    .getByTestId('refund-shortfall')
    .getByText(/记为欠分/)
    .click();
  await page.waitForTimeout(500);
  assert.equal((await owner('GET', '/v1/points/settings')).body.refund_shortfall, 'negative');
  await shots(page, 'points-settings', ['desktop']);
  assert.deepEqual(csp, [], 'no CSP violations');
  await ctx.close();
});
