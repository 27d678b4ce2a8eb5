import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Locator, Page } from 'playwright-core';
import { fixtures, type TestEnv } from '../testing/harness.js';
import { localClock } from '../modules/cards/periods.js';
import { chromiumMissing, watchCsp, SHOTS, startScreens, type Screens, WIDE as DESKTOP, PHONE } from './browser.js';

/**
 * Refusals as the clerk and the member read them, in the Chinese UI (issue 11, item 1): each is
 * provoked by clicking, its words are the catalogue's (src/platform/problems), and no visible text
 * may be English developer text or a bare problem code (the code shows only in its small grey tag,
 * for support). Screenshots of each at phone and desktop size.
 */
const skip = chromiumMissing;

let screens: Screens;
let env: TestEnv;
let browser: Browser;
let base: string;
let weekdayCard: any, storedValue: any, bobsCard: any, alice: any;

before(async () => {
  if (skip) return;
  screens = await startScreens({ demo: false });
  ({ env, base, browser } = screens);
  // the weekday card is good on Saturdays and Sundays: on a weekend in Shanghai, the server's clock moves on to Monday
  const today = localClock(env.ctx.clock.now(), 'Asia/Shanghai').weekday;
  if (today >= 6) env.ctx.clock.advance((8 - today) * 86_400_000);
  const f = await fixtures(env);
  const store = await f.store({ name: '上海南京西路店' });
  assert.equal(
    (await env.api('POST', '/v1/operators', { username: 'clerk.msgs', password: 'clerk pass 123', role: 'clerk', store_ids: [store.id] })).status,
    201,
  );
  weekdayCard = (await f.card('cash', { amount_off: 2000 }, { name: '周末满减券', rules: { weekdays: [6, 7] } })).card;
  storedValue = (await f.card('stored_value', { initial_balance: 41150 }, { name: '会员储值卡' })).card;
  alice = await f.member({ external_id: 'crm-alice', name: '张伟' });
  const bob = await f.member({ external_id: 'crm-bob', name: '李娜' });
  const t = await f.template('cash', { amount_off: 500 });
  bobsCard = await f.issue((await f.batch(t.id)).id, bob.id);
});
after(async () => {
  if (skip) return;
  await screens?.close();
});

/** The same screen at phone and desktop size. */
async function shots(page: Page, name: string) {
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SHOTS}${name}-phone.png` });
  await page.setViewportSize(DESKTOP);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SHOTS}${name}-desktop.png` });
  await page.setViewportSize(PHONE);
}

/** What a developer wrote for developers, showing through: a bare problem code or the API's English details. */
const LEAKS = [
  /[A-Z]{3,}_[A-Z_]+/,
  / asked, balance is/,
  /not redeemable/i,
  /check character/i,
  /\bnot found\b/i,
  /must NOT|must be (one of|integer|string)/,
  /unknown field/i,
  /this card (is|has|cannot)/i,
  /wallet link is not valid/i,
  /Cannot open the camera/i,
];
/** The page's text as the person reads it, without the small support tags that carry the code. */
async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const copy = document.body.cloneNode(true) as HTMLElement;
    for (const tag of copy.querySelectorAll('.kq-problem-code, script, style')) tag.remove();
    return copy.textContent ?? '';
  });
}
async function assertNoLeaks(page: Page, where: string) {
  const text = await visibleText(page);
  for (const re of LEAKS) assert.doesNotMatch(text, re, `${where}: developer text on the page`);
}
async function assertText(loc: Locator, re: RegExp) {
  const deadline = Date.now() + 10_000;
  let last = '';
  while (Date.now() < deadline) {
    last = await loc.innerText().catch(() => '');
    if (re.test(last)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.match(last, re);
}

test('clerk, in Chinese: a wrong sign-in, a weekday card on a weekday, a balance too small, a mistyped code, no camera', { skip }, async () => {
  const ctx = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', isMobile: true, hasTouch: true });
  const csp = await watchCsp(ctx);
  const page = await ctx.newPage();
  await page.goto(`${base}/clerk`);
  await page.getByLabel('用户名', { exact: true }).fill('clerk.msgs');
  await page.getByLabel('密码', { exact: true }).fill('wrong password 1');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByText('商户、用户名或密码不正确。若已多次输错，请 15 分钟后再试。').waitFor();
  await page.getByText('INVALID_CREDENTIALS').waitFor(); // small, for support
  await assertNoLeaks(page, 'sign-in');
  await page.getByLabel('密码', { exact: true }).fill('clerk pass 123');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await assertText(page.getByTestId('clerk-store'), /上海南京西路店/);

  // a weekend card on a weekday: the days in Chinese, today named, what to do next
  await page.getByTestId('clerk-code').fill(weekdayCard.code);
  await page.getByTestId('clerk-check').click();
  const verdict = page.getByTestId('clerk-verdict');
  await assertText(verdict, /今天不能用这张券（今天周[一二三四五]），仅限周六、周日使用。请让顾客到时再来，或出示其他券。/);
  assert.equal(await verdict.locator('.kq-problem-code').innerText(), 'RULE_WEEKDAY_NOT_ALLOWED');
  await assertNoLeaks(page, 'weekday refusal');
  await shots(page, 'clerk-refusal-weekday');
  // the same refusal, switched to English, reads in English
  await page.getByTestId('lang-switch').getByText('EN').click();
  await assertText(verdict, /This card cannot be used today \((Mon|Tue|Wed|Thu|Fri)\): only on Sat, Sun\./);
  await page.getByTestId('lang-switch').getByText('中文').click();
  await assertText(verdict, /仅限周六、周日使用/);

  // a stored-value card asked more than it holds: both amounts in yuan
  await page.getByTestId('clerk-code').fill(storedValue.code);
  await page.getByTestId('clerk-check').click();
  await assertText(verdict, /请输入本次扣减金额/); // the till asks for it first (not a refusal)
  await page.getByTestId('clerk-amount').fill('600');
  await assertText(verdict, /余额不足：本次要扣 ¥600\.00，卡内只有 ¥411\.50。请少扣一些，其余让顾客用其他方式支付。/);
  await assertNoLeaks(page, 'balance refusal');
  await shots(page, 'clerk-refusal-balance');

  // a code with one character mistyped
  const last = storedValue.code.at(-1);
  await page.getByTestId('clerk-code').fill(storedValue.code.slice(0, -1) + (last === 'A' ? 'B' : 'A'));
  await page.getByTestId('clerk-check').click();
  await assertText(page.getByTestId('clerk-error'), /券码好像输错了一位（校验位对不上），请逐位核对后重新输入。/);
  await assertNoLeaks(page, 'mistyped code');
  await shots(page, 'clerk-refusal-mistyped');

  // no camera here (headless): what to do, in Chinese
  await page.getByRole('button', { name: /扫\s*码/ }).click();
  await assertText(page.getByTestId('scanner-error'), /摄像头|手动输入券码/);
  await assertNoLeaks(page, 'camera');
  await shots(page, 'clerk-camera-error');
  assert.deepEqual(csp, [], 'no Content-Security-Policy violation');
  await ctx.close();
});

test('member, in Chinese: binding a mistyped or a taken code, and a link that does not work', { skip }, async () => {
  const link = (await env.api('POST', `/v1/members/${alice.id}/wallet-link`, { ttl_hours: 1 })).body;
  const ctx = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', isMobile: true, hasTouch: true });
  const csp = await watchCsp(ctx);
  const page = await ctx.newPage();
  await page.goto(`${base}/wallet#t=${link.token}`);
  await assertText(page.getByTestId('wallet-member'), /张伟/);

  await page.getByTestId('wallet-bind-open').click();
  const typo = bobsCard.code.slice(0, -1) + (bobsCard.code.at(-1) === 'A' ? 'B' : 'A');
  await page.getByTestId('wallet-bind-code').fill(typo);
  await page.getByTestId('wallet-bind-submit').click();
  await assertText(page.getByTestId('wallet-bind-error'), /券码好像输错了一位/);
  await assertNoLeaks(page, 'bind: mistyped');
  await shots(page, 'wallet-bind-mistyped');

  await page.getByTestId('wallet-bind-code').fill(bobsCard.code);
  await page.getByTestId('wallet-bind-submit').click();
  await assertText(page.getByTestId('wallet-bind-error'), /这张券已经绑定到了其他会员/);
  await assertNoLeaks(page, 'bind: taken');

  // a link altered on its way: the page says what to do, in Chinese
  const broken = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', isMobile: true, hasTouch: true });
  const other = await broken.newPage();
  await other.goto(`${base}/wallet#t=${link.token.slice(0, -3)}xyz`);
  await assertText(other.getByTestId('wallet-link-problem'), /链接无效或已过期[\s\S]*请从品牌的公众号、小程序或短信重新打开钱包/);
  await assertNoLeaks(other, 'invalid link');
  await shots(other, 'wallet-link-invalid');
  await broken.close();
  assert.deepEqual(csp, [], 'no Content-Security-Policy violation');
  await ctx.close();
});
