import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { DEMO_TENANT } from '../seed/demo.js';
import { SHOTS, WIDE as DESKTOP, PHONE } from './browser.js';

/**
 * What the allocation, delivery and supplier journeys share (issue 12): screenshots at both sizes,
 * waiting for text, picking an antd option, signing in as a demo-tenant account.
 */
export async function shots(page: Page, name: string, sizes: ('desktop' | 'phone')[] = ['desktop', 'phone']) {
  const own = page.viewportSize()!;
  // the toasts of what was just done fade first: they would cover the page's title
  await page
    .locator('.ant-message-notice')
    .first()
    .waitFor({ state: 'detached', timeout: 8000 })
    .catch(() => {});
  for (const size of sizes) {
    await page.setViewportSize(size === 'desktop' ? DESKTOP : PHONE);
    await page.waitForTimeout(400); // layout and fonts settle
    await page.screenshot({ path: `${SHOTS}${name}-${size}.png` });
  }
  await page.setViewportSize(own);
  await page.waitForTimeout(200);
}

export async function assertText(loc: Locator, re: RegExp, ms = 10_000) {
  const deadline = Date.now() + ms;
  let last = '';
  while (Date.now() < deadline) {
    last = await loc.innerText().catch(() => '');
    if (re.test(last)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.match(last, re);
}

/** Picks an option of an antd Select by typing, then the option whose text matches. */
export async function choose(page: Page, select: Locator, type: string, option: RegExp) {
  await select.click();
  if (type) await page.keyboard.type(type);
  const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first();
  await item.waitFor();
  await page.waitForTimeout(300); // the dropdown has settled (a click during its animation can miss)
  await item.click();
}

export async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel('商户（名称或 ID，唯一用户名可不填）').fill(DEMO_TENANT);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}
