import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Locator, Page } from 'playwright-core';
import type { TestEnv } from '../testing/harness.js';
import { DEMO_TENANT } from '../seed/demo.js';
import { chromiumMissing, watchCsp, PHONE, SHOTS, startScreens, type Screens, WIDE as DESKTOP } from './browser.js';

/**
 * What members and operators expect from the apps they know (issue 11, item 15), walked in Chromium:
 * an operator finds a member's cards by phone and template, picks them and extends their expiry with
 * the count confirmed, then freezes every card of a search (a job, with what it skipped and why) and
 * filters the expiring ones; a member's wallet badges the cards about to expire and lists them first.
 * Screenshots: cards-… and wallet-expiring-…, desktop 1440×900 and phone 390×844.
 */
const skip = chromiumMissing;

let env: TestEnv;
let browser: Browser;
let base: string;
let ownerKey: string;
let screens: Screens;
const owner = async (method: string, url: string, body?: unknown) => {
  const r = await env.api(method, url, body, { key: ownerKey });
  assert.ok(r.status < 300, `${method} ${url}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};

before(async () => {
  if (skip) return;
  screens = await startScreens({ bootstrapKey: 'kq_e2e_cardops_owner_key_0123456789' });
  ({ env, base, ownerKey, browser } = screens);
});
after(async () => {
  if (skip) return;
  await screens?.close();
});

/** The page at desktop size, then at phone size (and back): `<name>-desktop.png`, `<name>-phone.png`. */
async function shots(page: Page, name: string) {
  await page.waitForTimeout(300); // let fonts and transitions settle
  await page.screenshot({ path: `${SHOTS}${name}-desktop.png` });
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SHOTS}${name}-phone.png` });
  await page.setViewportSize(DESKTOP);
}

async function assertText(loc: Locator, re: RegExp) {
  const deadline = Date.now() + 15_000;
  let last = '';
  while (Date.now() < deadline) {
    last = await loc.innerText().catch(() => '');
    if (re.test(last)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.match(last, re);
}
async function expectCount(loc: Locator, n: number) {
  const deadline = Date.now() + 15_000;
  while ((await loc.count()) !== n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  assert.equal(await loc.count(), n);
}
/** Picks an option of an antd Select by typing into it (its search) and choosing the option with that text. */
async function choose(page: Page, select: Locator, type: string, option: RegExp) {
  await select.click();
  await page.keyboard.type(type);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

test('operator: search a member’s cards by phone and template, extend the selected with the count confirmed, freeze a whole search, filter the expiring', {
  skip,
}, async () => {
  await owner('POST', '/v1/operators', { username: 'kefu', password: 'operator pass 1', role: 'operator', display_name: '客服小李' });
  const spring = await owner('POST', '/v1/templates', {
    kind: 'cash',
    name: '春季满100减20',
    value: { amount_off: 2000 },
    validity: { type: 'relative', days: 2 },
    rules: { min_spend: 10000 },
  });
  const batch = await owner('POST', '/v1/batches', { template_id: spring.id, name: '春季会员日', mode: 'on_issue' });
  const wang = await owner('POST', '/v1/members', { name: '王小明', phone: '13912345678', external_id: 'crm-e2e-1' });
  const other = await owner('POST', '/v1/members', { name: '赵六', phone: '13700001111' });
  const mine = [];
  for (let i = 0; i < 3; i++) mine.push(await owner('POST', '/v1/cards/issue', { batch_id: batch.id, member_id: wang.id }));
  await owner('POST', '/v1/cards/issue', { batch_id: batch.id, member_id: other.id });
  const latte = (await owner('GET', `/v1/templates?q=${encodeURIComponent('拿铁')}`)).data[0];
  const latteBatch =
    (await owner('GET', `/v1/batches?template_id=${latte.id}`)).data.find((b: any) => b.mode === 'on_issue') ??
    (await owner('POST', '/v1/batches', { template_id: latte.id, name: '拿铁', mode: 'on_issue' }));
  await owner('POST', '/v1/cards/issue', { batch_id: latteBatch.id, member_id: wang.id });

  const ctx = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
  const csp = await watchCsp(ctx);
  const page = await ctx.newPage();
  await page.goto(`${base}/console`);
  await page.getByLabel('商户（名称或 ID，唯一用户名可不填）').fill(DEMO_TENANT);
  await page.getByLabel('用户名', { exact: true }).fill('kefu');
  await page.getByLabel('密码', { exact: true }).fill('operator pass 1');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByRole('menuitem', { name: '卡券查询' }).click();
  const table = page.getByTestId('cards-table');
  await table.locator('.ant-table-row').first().waitFor();

  // search: the member by phone (the member search), then the template
  await choose(page, page.getByTestId('cards-filter-member'), '13912345678', /王小明 · 尾号 5678/);
  await expectCount(table.locator('.ant-table-row'), 4);
  await choose(page, page.getByTestId('cards-filter-template'), '春季', /春季满100减20/);
  await expectCount(table.locator('.ant-table-row'), 3);
  await assertText(table, /王小明 · 尾号 5678/);
  assert.equal(await table.getByText('赵六').count(), 0, 'another member’s card is not in the search');
  assert.equal(await table.getByText(/^mem_/).count(), 0, 'members by name, never by id');
  await shots(page, 'cards-search');

  // pick all three, extend by 30 days: the dialog says how many before it does anything
  await table.locator('thead .ant-checkbox-input').check();
  await assertText(page.getByTestId('cards-bulk-scope'), /已选 3 张/);
  await page.getByTestId('cards-bulk-extend').click();
  await assertText(page.getByTestId('bulk-count'), /将对已选的 3 张卡券执行「延长有效期」/);
  await page.locator('input[data-testid=bulk-extend-days], [data-testid=bulk-extend-days] input').first().fill('30');
  await assertText(page.getByTestId('bulk-confirm'), /确认延长有效期 3 张/);
  await shots(page, 'cards-bulk-extend');
  await page.getByTestId('bulk-confirm').click();
  await assertText(page.getByTestId('bulk-summary'), /已延长有效期 3 张，跳过 0 张/);
  for (const c of mine) {
    const now = await owner('GET', `/v1/cards/${c.id}`);
    assert.equal(Date.parse(now.valid_until) - Date.parse(c.valid_until), 30 * 86_400_000, 'each card’s own expiry, 30 days later');
  }
  await page.getByTestId('bulk-done').click();

  // every card of the search, frozen by the job: one was frozen already, and the result says so
  await owner('POST', `/v1/cards/${mine[0].id}/freeze`, { reason: '客诉' });
  await page.getByTestId('cards-bulk-scope').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '全部符合搜索条件的卡券' }).click();
  await page.getByTestId('cards-bulk-freeze').click();
  await assertText(page.getByTestId('bulk-count'), /将对符合当前搜索条件的 3 张卡券执行「冻结」/);
  await page.getByTestId('bulk-reason').fill('会员申请暂停使用');
  await page.getByTestId('bulk-confirm').click();
  await assertText(page.getByTestId('bulk-summary'), /已冻结 2 张，跳过 1 张/);
  await assertText(page.getByTestId('bulk-skipped'), new RegExp(`${mine[0].code_tail}[\\s\\S]*已是冻结状态`));
  await shots(page, 'cards-bulk-result');
  await page.getByTestId('bulk-done').click();
  await expectCount(table.getByText('已冻结'), 3);

  // 即将过期: another member's spring card (2 days) is expiring; the extended ones no longer are
  await page.getByTestId('cards-filter-member').locator('.ant-select-clear').click({ force: true });
  await page.getByTestId('cards-filter-expiring').click();
  await expectCount(table.locator('.ant-table-row'), 1);
  await assertText(table, /赵六[\s\S]*即将过期/);
  await shots(page, 'cards-expiring');
  assert.deepEqual(csp, []);
  await ctx.close();
});

test('member: the wallet badges the cards about to expire, says in how many days, and lists them first', { skip }, async () => {
  const lina = await owner('POST', '/v1/members', { name: '李娜', phone: '13600002222' });
  const tpl = (name: string, days: number, amount: number) =>
    owner('POST', '/v1/templates', { kind: 'cash', name, value: { amount_off: amount }, validity: { type: 'relative', days } });
  const issue = async (t: any) =>
    owner('POST', '/v1/cards/issue', {
      batch_id: (await owner('POST', '/v1/batches', { template_id: t.id, name: t.name, mode: 'on_issue' })).id,
      member_id: lina.id,
    });
  const later = await issue(await tpl('夏日满200减50', 60, 5000));
  const soon = await issue(await tpl('会员日满50减10', 2, 1000));
  const link = await owner('POST', `/v1/members/${lina.id}/wallet-link`, { ttl_hours: 1 });

  const ctx = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', isMobile: true, hasTouch: true });
  const csp = await watchCsp(ctx);
  const page = await ctx.newPage();
  await page.goto(`${base}/wallet#t=${link.token}`);
  const cards = page.getByTestId('wallet-cards');
  await cards.waitFor();
  const order = await cards.locator('button').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-testid')));
  assert.deepEqual(order, [`wallet-card-${soon.code_tail}`, `wallet-card-${later.code_tail}`], 'the expiring card first');
  const first = page.getByTestId(`wallet-card-${soon.code_tail}`);
  await assertText(first.getByTestId('wallet-expiring-badge'), /即将过期/);
  await assertText(first, /(明天到期|2 天后过期) · \d{4}-\d{2}-\d{2} 前有效/);
  assert.equal(await page.getByTestId(`wallet-card-${later.code_tail}`).getByTestId('wallet-expiring-badge').count(), 0);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SHOTS}wallet-expiring-phone.png` });
  await page.setViewportSize(DESKTOP);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SHOTS}wallet-expiring-desktop.png` });
  await page.setViewportSize(PHONE);
  await first.click();
  await assertText(page.getByTestId('wallet-detail-expiring'), /即将过期/);
  await assertText(page.getByTestId('wallet-detail'), /可用 · (明天到期|2 天后过期)/);
  await page
    .getByRole('button', { name: 'EN' })
    .or(page.getByText('EN', { exact: true }))
    .first()
    .click();
  await assertText(page.getByTestId('wallet-detail-expiring'), /Expiring soon/);
  assert.deepEqual(csp, []);
  await ctx.close();
});
