import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import type { TestEnv } from '../testing/harness.js';
import { chromiumMissing, watchCsp, SHOTS, startScreens, type Screens, WIDE as DESKTOP, PHONE } from './browser.js';
import { assertText, shots, signIn } from './journey.js';

/**
 * 卡密交付 in a real browser (issue 12): an operator exports 5 codes of the demo's pre-generated batch,
 * then from the export history makes a safe delivery 安全交付 by a one-time link to 李经理; the link and
 * the password are shown once with the warning to send the password another way. The recipient opens
 * the link on a phone (a page with one button: a link scanner takes nothing), confirms and gets the
 * file; the console then reads 已下载 1/1 with the attempt's time and address, and a second visit is refused.
 * Screenshots `deliveries-…` at 1440×900 and 390×844.
 */
const skip = chromiumMissing;

let env: TestEnv;
let browser: Browser;
let base: string;
let ownerKey: string;
let screens: Screens;
const owner = (method: string, url: string, body?: unknown) => env.api(method, url, body, { key: ownerKey });
const OPERATOR = { username: 'xiaoyu', password: 'operator pass 9' };

before(async () => {
  if (skip) return;
  screens = await startScreens({ bootstrapKey: 'kq_e2e_delivery_owner_key_0123456789' });
  ({ env, base, ownerKey, browser } = screens);
});
after(async () => {
  if (skip) return;
  await screens?.close();
});

test('operator: a link delivery from an export, shown once; the recipient downloads; the console reads 已下载 1/1', { skip }, async () => {
  assert.equal((await owner('POST', '/v1/operators', { ...OPERATOR, role: 'operator', display_name: '小鱼' })).status, 201);
  const batch = (await owner('GET', '/v1/batches?limit=100')).body.data.find((b: any) => b.mode === 'pregenerated');
  const exported = await env.app.inject({
    method: 'POST',
    url: `/v1/batches/${batch.id}/export`,
    headers: { authorization: `Bearer ${ownerKey}` },
    payload: { limit: 5 },
  });
  assert.equal(exported.statusCode, 200);
  const exportId = String(exported.headers['x-kaquan-export-id']);

  const ctx = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
  const csp = await watchCsp(ctx);
  const page = await ctx.newPage();
  await page.goto(`${base}/console`);
  await signIn(page, OPERATOR.username, OPERATOR.password);
  await page.getByRole('menuitem', { name: '批次' }).click();
  await page.getByTestId(`export-${batch.id}`).click();
  await page.getByTestId(`deliver-${exportId}`).click();
  const form = page.getByTestId('delivery-form');
  await assertText(form, new RegExp(`批次「${batch.name}」的导出 · 5 张`));
  await form.getByTestId('delivery-recipient').fill('李经理');
  await form.getByLabel('手机号（可选）').fill('13800001234');
  await shots(page, 'deliveries-create');
  await page.getByTestId('delivery-create').click();

  // the link and the password, once, with the warning
  const secret = page.getByTestId('delivery-secret');
  await assertText(secret, /下载链接[\s\S]*\/d\/[\s\S]*可下载 1 次[\s\S]*文件密码/);
  await assertText(page.getByTestId('delivery-password-hint'), /密码请通过其他渠道（电话、短信）告知收件人/);
  const url = (await page.getByTestId('delivery-url').innerText()).trim();
  const password = (await page.getByTestId('delivery-password').innerText()).trim();
  assert.match(url, new RegExp(`^${base}/d/[A-Za-z0-9_-]{40,}$`));
  assert.match(password, /^([A-Za-z2-9]{4}-){3}[A-Za-z2-9]{4}$/);
  await shots(page, 'deliveries-secret');
  await page.getByTestId('delivery-done').click();

  // the recipient, on a phone: the page first (a scanner's GET takes nothing), then the button
  const phone = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', isMobile: true, hasTouch: true, acceptDownloads: true });
  const recipient = await phone.newPage();
  await recipient.goto(url);
  await assertText(recipient.locator('body'), /领取卡券文件/);
  await recipient.screenshot({ path: `${SHOTS}deliveries-recipient-phone.png` });
  const [download] = await Promise.all([recipient.waitForEvent('download'), recipient.getByRole('button', { name: /确认下载/ }).click()]);
  assert.match(download.suggestedFilename(), /\.xlsx$/);
  // a second visit: used up, said in words, no button
  await recipient.goto(url);
  await assertText(recipient.locator('body'), /无法下载/);
  await recipient.screenshot({ path: `${SHOTS}deliveries-recipient-used-phone.png` });
  await phone.close();

  // the console: 已下载 1/1, the attempts with time and address
  await page.keyboard.press('Escape');
  await page.getByRole('menuitem', { name: '卡密交付' }).click();
  const list = page.getByTestId('deliveries');
  await assertText(list, /李经理[\s\S]*13800001234[\s\S]*下载链接[\s\S]*已下载 1\/1[\s\S]*5/);
  await shots(page, 'deliveries-list');
  await list.getByText('李经理').click();
  const detail = page.getByTestId('delivery-detail');
  await assertText(detail.getByTestId('delivery-state'), /已下载 1\/1/);
  await assertText(detail.getByTestId('delivery-attempts'), /已下载[\s\S]*127\.0\.0\.1/);
  await shots(page, 'deliveries-detail');

  // revoke it: the link was used, so its cards cannot be voided here
  await detail.getByTestId('delivery-revoke').click();
  assert.equal(await page.getByRole('checkbox', { name: '作废未下载的卡券' }).isDisabled(), true);
  await page.getByPlaceholder('撤销原因（可选）').fill('收件人已离职');
  await page.getByTestId('delivery-revoke-ok').click();
  await assertText(detail.getByTestId('delivery-state'), /已撤销/);
  const [d] = (await owner('GET', '/v1/deliveries')).body.data;
  assert.deepEqual([d.state, d.revoke_reason, d.downloads], ['revoked', '收件人已离职', 1]);
  assert.deepEqual(csp, []);
  await ctx.close();
});
