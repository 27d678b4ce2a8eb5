import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { TestEnv } from '../testing/harness.js';
import { DEMO_TENANT } from '../seed/demo.js';
import { chromiumMissing, watchCsp, PHONE, SHOTS, startScreens, type Screens, WIDE as DESKTOP } from './browser.js';

/**
 * The till 核销台 as a store clerk meets it (issue 11: items 4, 5, 6 and 11), on a phone first and on a
 * desktop: the order amount asked for instead of a red refusal, the confirm bar in view (with the
 * keyboard open too), a count card's uses read as uses, a stamp as "+1 → 3/5" with its reward named,
 * a lost answer confirmed under the same Idempotency-Key (one redemption), recent rows told apart and
 * reversed with a reason, and a clerk at the console sent to the clerk page. Screenshots clerk-…-phone
 * and clerk-…-desktop land where screens.test.ts puts its own.
 */
const skip = chromiumMissing;
const SIZES = [
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const;

let env: TestEnv;
let browser: Browser;
let base: string;
let ownerKey: string;
let screens: Screens;
let storeId: string;
let member: { id: string; name: string };
const owner = (method: string, url: string, body?: unknown) => env.api(method, url, body, { key: ownerKey });
const ok = async (method: string, url: string, body?: unknown) => {
  const r = await owner(method, url, body);
  assert.ok(r.status < 300, `${method} ${url}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};

before(async () => {
  if (skip) return;
  screens = await startScreens({ bootstrapKey: 'kq_e2e_demo_owner_key_0123456789' });
  ({ env, base, ownerKey, browser } = screens);
  storeId = (await ok('GET', '/v1/stores?q=SH001')).data[0].id;
  await ok('POST', '/v1/operators', { username: 'till.e2e', password: 'clerk pass 123', role: 'clerk', store_ids: [storeId] });
  await ok('POST', '/v1/operators', { username: 'ops.e2e', password: 'operator pass 1', role: 'operator' });
  member = await ok('GET', '/v1/members/crm-1001'); // 张伟
});
after(async () => {
  if (skip) return;
  await screens?.close();
});

/** A card of a new on-issue batch of this template, issued to 张伟 (or to nobody). */
async function cardOf(templateId: string, memberId: string | null = member.id) {
  const batch = await ok('POST', '/v1/batches', { template_id: templateId, name: `e2e ${templateId}`, mode: 'on_issue' });
  return ok('POST', '/v1/cards/issue', memberId ? { batch_id: batch.id, member_id: memberId } : { batch_id: batch.id });
}
const templateNamed = async (name: string) => (await ok('GET', `/v1/templates?q=${encodeURIComponent(name)}`)).data[0];

async function clerkPage(size: (typeof SIZES)[number]): Promise<{ ctx: BrowserContext; page: Page; csp: string[] }> {
  const [, viewport] = size;
  const ctx = await browser.newContext({ viewport, locale: 'zh-CN', ...(viewport === PHONE ? { isMobile: true, hasTouch: true } : {}) });
  const csp = await watchCsp(ctx);
  const page = await ctx.newPage();
  await page.goto(`${base}/clerk`);
  await page.getByLabel('用户名', { exact: true }).fill('till.e2e');
  await page.getByLabel('密码', { exact: true }).fill('clerk pass 123');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await assertText(page.getByTestId('clerk-store'), /上海南京西路店/);
  return { ctx, page, csp };
}
async function checkCode(page: Page, code: string) {
  await page.getByTestId('clerk-code').fill(code);
  await page.getByTestId('clerk-check').click();
  await page.getByTestId('clerk-verdict').waitFor();
}
/** The confirm button is on the screen, whole, without scrolling. */
async function confirmInView(page: Page, what: string) {
  const box = await page.getByTestId('clerk-confirm').boundingBox();
  const vp = page.viewportSize()!;
  assert.ok(box && box.y >= 0 && box.y + box.height <= vp.height, `${what}: the confirm button is in view (${JSON.stringify(box)} in ${vp.height})`);
}

/** A field is on the screen and not hidden under the sticky confirm bar. */
async function notUnderBar(page: Page, field: Locator, what: string) {
  const [box, bar] = [await field.boundingBox(), await page.getByTestId('clerk-bar').boundingBox()];
  assert.ok(box && bar && box.y >= 0 && box.y + box.height <= bar.y, `${what} is above the confirm bar (${JSON.stringify(box)}, bar ${JSON.stringify(bar)})`);
}
/**
 * Picks an option of an antd Select by its exact label, and waits until the select shows it. The
 * dropdown is a virtual list that may re-render under the pointer while it opens: a click that did not
 * take is made again (at most 3 times), the choice itself is asserted.
 */
async function pick(page: Page, testId: string, label: string) {
  const select = page.getByTestId(testId);
  for (let i = 0; i < 5 && !(await select.innerText()).includes(label); i++) {
    // the form may re-render (its defaults arrive just after it is painted) and close the list mid-pick: try again
    try {
      await select.click({ timeout: 5_000 });
      const option = page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label}"]`);
      await option.waitFor({ timeout: 5_000 });
      await option.click({ timeout: 5_000 });
    } catch {
      await page.keyboard.press('Escape');
    }
    await page
      .locator('.ant-select-dropdown:visible')
      .waitFor({ state: 'hidden' })
      .catch(() => {});
  }
  await assertText(select, new RegExp(label));
}

for (const size of SIZES) {
  const [sz] = size;

  test(`clerk (${sz}): a card with a minimum spend asks for the order amount instead of refusing; the confirm bar stays in view`, { skip }, async () => {
    const cash = await templateNamed('满50减10');
    const card = await cardOf(cash.id);
    const { ctx, page, csp } = await clerkPage(size);
    await checkCode(page, card.code);
    const verdict = page.getByTestId('clerk-verdict');
    await assertText(verdict, /请输入订单金额[\s\S]*满 ¥50\.00 可用/);
    assert.doesNotMatch(await verdict.innerText(), /暂不能核销|ORDER_AMOUNT_REQUIRED/, 'no red refusal for a missing order amount');
    const order = page.getByTestId('clerk-order');
    assert.equal(await order.getAttribute('inputmode'), 'decimal', 'a numeric keypad on a phone');
    assert.equal(await page.getByTestId('clerk-confirm').isDisabled(), true);
    await confirmInView(page, 'asked for the order amount');
    await notUnderBar(page, order, 'the order amount field');
    await shot(page, `clerk-order-amount-${sz}`);
    await order.click();
    if (sz === 'phone') {
      // an on-screen keyboard: Chrome on Android resizes the page (index.html: interactive-widget=resizes-content)
      await page.setViewportSize({ width: 390, height: 508 });
      // …and brings the focused field into view, as far as the page's scroll padding asks (above the bar)
      await order.evaluate((el) => el.scrollIntoView({ block: 'nearest' }));
      await order.fill('68');
      await assertText(verdict, /可以在本店核销[\s\S]*本次优惠 ¥10\.00/);
      await confirmInView(page, 'with the keyboard open');
      await notUnderBar(page, order, 'the order amount field, with the keyboard open');
      await shot(page, 'clerk-order-amount-keyboard-phone');
      await page.setViewportSize(PHONE);
    } else {
      await order.fill('68');
      await assertText(verdict, /可以在本店核销[\s\S]*本次优惠 ¥10\.00/);
    }
    await page.getByTestId('clerk-confirm').click();
    await assertText(page.getByTestId('receipt-taken'), /优惠 ¥10\.00/);
    await assertText(page.getByTestId('clerk-receipt'), /订单金额: ¥68\.00/);

    // a stored-value card asks for the amount to take, not a refusal either
    const sv = await cardOf((await templateNamed('会员储值卡')).id);
    await ok('POST', `/v1/cards/${sv.id}/top-up`, { amount: 30000 });
    await checkCode(page, sv.code);
    await assertText(verdict, /请输入本次扣减金额/);
    assert.equal(await page.getByTestId('clerk-amount').getAttribute('inputmode'), 'decimal');
    await page.getByTestId('clerk-amount').fill('120');
    await assertText(verdict, /本次扣减 ¥120\.00，余额剩 ¥180\.00/);
    await confirmInView(page, 'stored value');
    await shot(page, `clerk-stored-value-${sz}`);
    await page.getByTestId('clerk-confirm').click();
    await assertText(page.getByTestId('receipt-taken'), /扣减 ¥120\.00/);
    await assertText(page.getByTestId('receipt-left'), /余额 ¥180\.00/);
    assert.deepEqual(csp, []);
    await ctx.close();
  });

  test(`clerk (${sz}): a count card is read in uses, the recent rows say which card, whose and what, and a reversal asks why`, { skip }, async () => {
    const tpl = await ok('POST', '/v1/templates', {
      kind: 'count',
      name: `美甲10次卡 ${sz}`,
      value: { uses: 10, card_value: 38800, product_name: '美甲' },
      validity: { type: 'relative', days: 365 },
    });
    const card = await cardOf(tpl.id);
    const { ctx, page, csp } = await clerkPage(size);
    await checkCode(page, card.code);
    await page.getByTestId('clerk-uses').fill('2');
    const verdict = page.getByTestId('clerk-verdict');
    await assertText(verdict, /本次核销 2 次，核销后剩余 8 次/);
    await page.getByTestId('clerk-confirm').click();
    const receipt = page.getByTestId('clerk-receipt');
    await assertText(page.getByTestId('receipt-taken'), /^核销 2 次$/);
    await assertText(page.getByTestId('receipt-left'), /剩余 8 次/);
    await assertText(receipt, new RegExp(`美甲10次卡 ${sz} ···${card.code_tail}[\\s\\S]*张伟`));
    assert.doesNotMatch(await receipt.innerText(), /¥776|¥388/, 'uses, not money');
    await shot(page, `clerk-count-receipt-${sz}`);

    const red = (await ok('GET', `/v1/redemptions?card_id=${card.id}`)).data[0];
    assert.equal(red.amount, 7760, 'the redemption records the 2 uses’ share of ¥388, not ¥776');
    const row = page.getByTestId(`recent-${red.id}`);
    await assertText(row, new RegExp(`美甲10次卡 ${sz}[\\s\\S]*···${card.code_tail}[\\s\\S]*2 次 · 张伟 · \\d{4}-\\d{2}-\\d{2}`));
    await shot(page, `clerk-recent-${sz}`);
    await row.getByRole('button', { name: /撤\s*销/ }).click();
    const dialog = page.locator('.ant-modal', { has: page.getByTestId('reverse-what') });
    await assertText(dialog.getByTestId('reverse-what'), new RegExp(`美甲10次卡 ${sz} ···${card.code_tail} · 张伟[\\s\\S]*本次 2 次[\\s\\S]*卡券将恢复 2 次`));
    assert.doesNotMatch(await dialog.innerText(), /¥/, 'the reverse dialog speaks in uses');
    assert.equal(await page.getByTestId('reverse-ok').isDisabled(), true, 'a reason first');
    await dialog.getByRole('radio', { name: '其他' }).check();
    assert.equal(await page.getByTestId('reverse-ok').isDisabled(), true, 'other: words first');
    await page.getByTestId('reverse-other').fill('顾客改约下周');
    await shot(page, `clerk-reverse-dialog-${sz}`);
    await page.getByTestId('reverse-ok').click();
    await row.getByText('已撤销').waitFor();
    const trace = await ok('GET', `/v1/cards/${card.id}/trace`);
    assert.equal(trace.card.uses_left, 10);
    assert.equal(trace.events.find((e: { event_type: string }) => e.event_type === 'reversed').data.reason, '顾客改约下周');
    assert.deepEqual(csp, []);
    await ctx.close();
  });

  test(`clerk (${sz}): a stamp shows +1 → 3/5 and names the reward; at the goal the reward is issued`, { skip }, async () => {
    const stamp = await templateNamed('集5杯送1杯');
    const card = await cardOf(stamp.id);
    for (let i = 0; i < 2; i++) await ok('POST', '/v1/redemptions', { code: card.code, store_id: storeId });
    const { ctx, page, csp } = await clerkPage(size);
    await checkCode(page, card.code);
    await assertText(page.getByTestId('clerk-verdict'), /本次集点 \+1 → 3\/5/);
    await assertText(page.getByTestId('clerk-reward'), /集满 5 点送：拿铁兑换券 Latte voucher/);
    await page.getByTestId('clerk-confirm').click();
    await assertText(page.getByTestId('receipt-taken'), /^\+1 → 3\/5$/);
    await assertText(page.getByTestId('receipt-reward'), /集满 5 点送：拿铁兑换券 Latte voucher/);
    assert.doesNotMatch(await page.getByTestId('clerk-receipt').innerText(), /¥0\.00/);
    await shot(page, `clerk-stamp-${sz}`);
    // two more: the goal, and the reward card goes to the member
    await ok('POST', '/v1/redemptions', { code: card.code, store_id: storeId });
    await checkCode(page, card.code);
    await assertText(page.getByTestId('clerk-verdict'), /\+1 → 5\/5，集满即发放奖励/);
    await page.getByTestId('clerk-confirm').click();
    await assertText(page.getByTestId('receipt-taken'), /^\+1 → 5\/5$/);
    await assertText(page.getByTestId('receipt-reward'), /集满 5 点，已发放奖励：拿铁兑换券 Latte voucher/);
    const row = page.getByTestId('clerk-recent').locator('.ant-list-item').first();
    await assertText(row, /集5杯送1杯[\s\S]*\+1 点 · 张伟/);
    await shot(page, `clerk-stamp-reward-${sz}`);
    assert.deepEqual(csp, []);
    await ctx.close();
  });

  test(`clerk (${sz}): a lost answer is confirmed with the same Idempotency-Key — one redemption, and the clerk is told`, { skip }, async () => {
    const tpl = await ok('POST', '/v1/templates', { kind: 'count', name: `洗车卡 ${sz}`, value: { uses: 5 }, validity: { type: 'none' } });
    const card = await cardOf(tpl.id);
    const { ctx, page, csp } = await clerkPage(size);
    const keys: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    await page.route(
      (u) => u.pathname === '/v1/redemptions',
      async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        keys.push(route.request().headers()['idempotency-key']!);
        if (keys.length === 1) {
          await route.fetch(); // the server redeems…
          return route.abort('connectionreset'); // …and its answer never reaches the till
        }
        await gate; // hold the retry until the clerk has been told what is going on
        return route.continue();
      },
    );
    await checkCode(page, card.code);
    await page.getByTestId('clerk-confirm').click();
    await assertText(page.getByTestId('clerk-lost'), /网络中断，正在确认是否已核销…/);
    await shot(page, `clerk-lost-answer-${sz}`);
    release();
    await assertText(page.getByTestId('receipt-after-loss'), /网络中断后已确认：这笔核销成功，且只核销了一次/);
    await assertText(page.getByTestId('receipt-taken'), /^核销 1 次$/);
    await shot(page, `clerk-lost-answer-confirmed-${sz}`);
    assert.equal(keys.length, 2, 'one retry');
    assert.equal(keys[1], keys[0], 'the retry carries the first attempt’s key');
    assert.equal((await ok('GET', `/v1/redemptions?card_id=${card.id}`)).data.length, 1, 'exactly one redemption');
    assert.equal((await ok('GET', `/v1/cards/${card.id}`)).uses_left, 4);

    // a proxy's 502 before the server saw it: asked again with the same key, redeemed once
    await page.unroute((u) => u.pathname === '/v1/redemptions');
    const seen: string[] = [];
    await page.route(
      (u) => u.pathname === '/v1/redemptions',
      async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        seen.push(route.request().headers()['idempotency-key']!);
        if (seen.length === 1) return route.fulfill({ status: 502, contentType: 'text/html', body: '<h1>502 Bad Gateway</h1>' });
        return route.continue();
      },
    );
    await checkCode(page, card.code);
    await page.getByTestId('clerk-confirm').click();
    await assertText(page.getByTestId('receipt-after-loss'), /只核销了一次/);
    assert.deepEqual([seen.length, seen[1] === seen[0]], [2, true]);
    assert.equal((await ok('GET', `/v1/redemptions?card_id=${card.id}`)).data.length, 2, 'one more redemption for the second confirm');
    assert.equal((await ok('GET', `/v1/cards/${card.id}`)).uses_left, 3);
    assert.deepEqual(csp, []);
    await ctx.close();
  });

  test(`clerk (${sz}): a clerk signing in to the console is sent to the clerk page, signed in`, { skip }, async () => {
    const [, viewport] = size;
    const ctx = await browser.newContext({ viewport, locale: 'zh-CN', ...(viewport === PHONE ? { isMobile: true, hasTouch: true } : {}) });
    const csp = await watchCsp(ctx);
    const page = await ctx.newPage();
    await page.goto(`${base}/console`);
    await page.getByLabel('商户（名称或 ID，唯一用户名可不填）').fill(DEMO_TENANT);
    await page.getByLabel('用户名', { exact: true }).fill('till.e2e');
    await page.getByLabel('密码', { exact: true }).fill('clerk pass 123');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL(/\/clerk$/);
    await assertText(page.getByTestId('clerk-from-console'), /店员账号只能使用核销台/);
    await assertText(page.getByTestId('clerk-store'), /上海南京西路店/);
    assert.equal(
      (await ctx.cookies()).find((c) => c.name === 'kq_console'),
      undefined,
      'no console session for a clerk',
    );
    await shot(page, `clerk-from-console-${sz}`);
    // and the console itself still has nobody signed in: it shows its sign-in form, no members
    await page.goto(`${base}/console/members`);
    await page.getByTestId('signin-form').waitFor();
    // the clerk's session cannot read members, whatever the page
    const members = await page.evaluate(async () => (await fetch('/v1/members', { headers: { 'x-kaquan-screen': 'clerk' } })).status);
    assert.equal(members, 403);
    assert.deepEqual(csp, []);
    await ctx.close();
  });
}

test('console (desktop): a count template says per use or per card; a stamp card offers only coupon and uses rewards; the card timeline reads uses', {
  skip,
}, async () => {
  const ctx = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
  const csp = await watchCsp(ctx);
  const page = await ctx.newPage();
  await page.goto(`${base}/console`);
  await page.getByLabel('商户（名称或 ID，唯一用户名可不填）').fill(DEMO_TENANT);
  await page.getByLabel('用户名', { exact: true }).fill('ops.e2e');
  await page.getByLabel('密码', { exact: true }).fill('operator pass 1');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.locator('.kq-page-title h1', { hasText: '数据概览' }).waitFor(); // landed on the first page before the menu is used
  await go(page, '卡券模板');
  await page.getByTestId('new-template').click();
  await assertText(page.getByTestId('template-kind'), /代金券/); // the form has its defaults (set after it is painted)
  await pick(page, 'template-kind', '次卡');
  await page.getByTestId('template-name').fill('E2E 美甲10次卡');
  await page.getByLabel('总次数').fill('10');
  await pick(page, 'template-worth', '整卡价值');
  await page.getByTestId('template-worth-amount').fill('388');
  await page.getByText('共 10 次，每次约 ¥38.80（按次分摊，合计正好 ¥388.00）').waitFor();
  await shot(page, 'console-template-count-worth-desktop');
  await page.getByTestId('template-save').click();
  await page.getByTestId('templates-table').getByText('E2E 美甲10次卡').waitFor();
  const saved = await templateNamed('E2E 美甲10次卡');
  assert.deepEqual([saved.value.card_value, saved.value.face_value], [38800, undefined]);

  // a stamp card's reward: coupons and uses only
  await page.getByTestId('new-template').click();
  await assertText(page.getByTestId('template-kind'), /代金券/);
  await pick(page, 'template-kind', '集点卡');
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  let offered: string[] = [];
  // the form may re-render as its defaults arrive and close the list just opened: open it again until it reads
  for (let i = 0; i < 5 && !offered.some((o) => /拿铁兑换券/.test(o)); i++) {
    await page.getByTestId('template-reward').click();
    await page.getByTestId('template-reward').locator('input').fill('拿铁'); // the list is virtual: search brings the coupon into it
    await options
      .first()
      .waitFor({ timeout: 5_000 })
      .catch(() => {});
    offered = await options.allInnerTexts();
  }
  assert.ok(
    offered.some((o) => /拿铁兑换券/.test(o)),
    offered.join(' | '),
  );
  await page.getByTestId('template-reward').locator('input').fill('');
  await options.first().waitFor();
  offered = await options.allInnerTexts();
  assert.ok(!offered.some((o) => /储值卡|礼品卡|集点卡|第三方卡密/.test(o)), `no money, stamp or supplier rewards: ${offered.join(' | ')}`);
  await page.getByText('储值卡、礼品卡、集点卡和第三方卡密不能作为奖励').waitFor();
  await shot(page, 'console-template-stamp-reward-desktop');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /取\s*消/ }).click();

  // the card timeline: uses as uses (their worth beside them), and why a reversal happened
  const card = await cardOf(saved.id);
  const r = await ok('POST', '/v1/redemptions', { code: card.code, store_id: storeId, uses: 2 });
  await ok('POST', `/v1/redemptions/${r.id}/reverse`, { reason: '核销错了卡券' });
  await ok('POST', '/v1/redemptions', { code: card.code, store_id: storeId, uses: 2 });
  await go(page, '卡券查询');
  await page.getByTestId('lookup-code').fill(card.code);
  await page.getByTestId('lookup-go').click();
  await page.getByTestId('trace-taken').nth(2).waitFor();
  const taken = await page.getByTestId('trace-taken').allInnerTexts();
  assert.deepEqual(taken, ['2 次（计 ¥77.60）', '恢复 2 次（计 ¥77.60） · 原因：核销错了卡券', '2 次（计 ¥77.60）']);
  await shot(page, 'console-card-count-trace-desktop');
  assert.deepEqual(csp, []);
  await ctx.close();
});

/** A console page by its menu item's exact words (its name is its icon's label and its words), once its title shows. */
async function go(page: Page, item: string) {
  await page.getByRole('menuitem', { name: new RegExp(`(^|\\s)${item}$`) }).click();
  await page.locator('.kq-page-title h1', { hasText: item }).waitFor();
}

async function shot(page: Page, name: string) {
  await page.waitForTimeout(300); // let fonts settle
  await page.screenshot({ path: `${SHOTS}${name}.png` });
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
