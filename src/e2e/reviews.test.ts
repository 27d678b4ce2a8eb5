import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import type { TestEnv } from '../testing/harness.js';
import { chromiumMissing, SHOTS, startScreens, type Screens, WIDE } from './browser.js';
import { installTestReviewGuard } from '../modules/reviews/test-guard.js';

/**
 * 人工审核 walked in Chromium: a clerk's large redemption answers 已提交人工审核 with its review id and
 * waits; an operator finds it in the console queue said in words and approves it; the till shows it
 * redeemed. A test guard sends redemptions of 300 yuan or more to review (the risk engine does in production).
 */
const skip = chromiumMissing;
let env: TestEnv;
let browser: Browser;
let base: string;
let ownerKey: string;
let screens: Screens;
const ok = async (method: string, url: string, body?: unknown) => {
  const r = await env.api(method, url, body, { key: ownerKey });
  assert.ok(r.status < 300, `${method} ${url}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};

before(async () => {
  if (skip) return;
  installTestReviewGuard(30_000);
  screens = await startScreens({ bootstrapKey: 'kq_e2e_demo_owner_key_0123456789' });
  ({ env, base, ownerKey, browser } = screens);
});
after(async () => {
  if (skip) return;
  await screens?.close();
});

test('a large redemption waits for review; the operator approves it in the console; the till shows it redeemed', { skip }, async () => {
  const store = await ok('POST', '/v1/stores', { name: '审核测试门店' });
  await ok('POST', '/v1/operators', { username: 'till.review', password: 'clerk pass 123', role: 'clerk', store_ids: [store.id] });
  await ok('POST', '/v1/operators', { username: 'ops.review', password: 'operator pass 1', role: 'operator' });
  const tpl = await ok('POST', '/v1/templates', {
    kind: 'stored_value',
    name: '大额储值卡',
    value: { initial_balance: 100_000 },
    validity: { type: 'relative', days: 30 },
  });
  const batch = await ok('POST', '/v1/batches', { template_id: tpl.id, name: 'review e2e', mode: 'on_issue' });
  const member = await ok('POST', '/v1/members', { name: '审核会员' });
  const card = await ok('POST', '/v1/cards/issue', { batch_id: batch.id, member_id: member.id });

  const till = await (await browser.newContext({ viewport: WIDE, locale: 'zh-CN' })).newPage();
  await till.goto(`${base}/clerk`);
  await till.getByLabel('用户名', { exact: true }).fill('till.review');
  await till.getByLabel('密码', { exact: true }).fill('clerk pass 123');
  await till.getByRole('button', { name: /登\s*录/ }).click();
  await till.getByTestId('clerk-code').fill(card.code);
  await till.getByTestId('clerk-check').click();
  await till.getByTestId('clerk-verdict').waitFor();
  await till.getByTestId('clerk-amount').fill('500');
  await till.getByTestId('clerk-confirm').click();
  const pending = till.getByTestId('clerk-review-pending');
  await pending.waitFor();
  assert.match(await pending.innerText(), /已提交人工审核[\s\S]*rev_/);
  await till.screenshot({ path: `${SHOTS}reviews-clerk-pending-desktop.png` });

  const ops = await (await browser.newContext({ viewport: WIDE, locale: 'zh-CN' })).newPage();
  await ops.goto(`${base}/console`);
  await ops.getByLabel('用户名', { exact: true }).fill('ops.review');
  await ops.getByLabel('密码', { exact: true }).fill('operator pass 1');
  await ops.getByRole('button', { name: /登\s*录/ }).click();
  await ops.getByRole('menuitem', { name: /(^|\s)风控$/ }).click(); // the submenu opens
  await ops.getByRole('menuitem', { name: /(^|\s)人工审核$/ }).click();
  const row = ops.getByTestId('reviews-table').locator('tr', { hasText: '大额储值卡' });
  await row.waitFor();
  assert.match(await row.innerText(), /核销[\s\S]*500[\s\S]*审核测试门店[\s\S]*大额核销/);
  await ops.screenshot({ path: `${SHOTS}reviews-queue-desktop.png` });
  await row.getByTestId('review-approve').click();
  await ops.getByRole('button', { name: /确\s*定|OK/ }).click();
  await ops.getByText('已通过，已按申请完成').waitFor();

  const done = till.getByTestId('clerk-review-approved');
  await done.waitFor({ timeout: 20_000 });
  assert.match(await done.innerText(), /审核通过，已核销[\s\S]*500/);
  await till.screenshot({ path: `${SHOTS}reviews-clerk-approved-desktop.png` });
  const after = await ok('GET', `/v1/cards/${card.id}`);
  assert.equal(after.balance, 50_000);
});
