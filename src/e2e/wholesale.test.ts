import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import type { TestEnv } from '../testing/harness.js';
import { chromiumMissing, watchCsp, startScreens, type Screens, WIDE as DESKTOP, PHONE } from './browser.js';
import { assertText, choose, shots, signIn } from './journey.js';

/**
 * Wholesale 批发, channel stats 渠道数据 and leakage alerts 窜货预警 in a real browser (issue 12), on the demo data:
 *  - an operator sets a price with a floor, adds an enterprise buyer and recharges its prepaid balance, is
 *    refused a line below the floor (in Chinese), creates an order at the list price, confirms it, pays it from
 *    the prepaid balance and fulfils it, and sees it fulfilled (20 of 20 codes);
 *  - the channel stats page shows a subtree's figures (华东总代 and, drilled into, 苏州区域代理) as the API counts them;
 *  - a card of 苏州区域代理 redeemed in Beijing raises an alert, listed with names and why, and handled;
 *  - a partner of 华东总代 on a phone sees its 数据 section (its subtree only) and its alerts, read only.
 * Screenshots `wholesale-…`, `channel-stats-…`, `leakage-…`, `partner-stats-…` at 1440×900 and 390×844.
 */
const skip = chromiumMissing;

let env: TestEnv;
let browser: Browser;
let base: string;
let ownerKey: string;
let screens: Screens;
const owner = (method: string, url: string, body?: unknown) => env.api(method, url, body, { key: ownerKey });
const OPERATOR = { username: 'pifa-wang', password: 'wholesale pass 7', display_name: '王批发' };
const PARTNER = { username: 'huadong-chen', password: 'Huadong 2026 chen' };

before(async () => {
  if (skip) return;
  screens = await startScreens({ bootstrapKey: 'kq_e2e_wholesale_owner_key_0123456789' });
  ({ env, base, ownerKey, browser } = screens);
  const op = await owner('POST', '/v1/operators', { ...OPERATOR, role: 'operator' });
  assert.equal(op.status, 201, JSON.stringify(op.body));
});
after(async () => {
  if (skip) return;
  await screens?.close();
});

async function consolePage(path: string) {
  const ctx = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
  const csp = await watchCsp(ctx);
  const page = await ctx.newPage();
  await page.goto(`${base}/console`);
  await signIn(page, OPERATOR.username, OPERATOR.password);
  await page.getByTestId('console-menu').waitFor();
  await page.getByRole('menuitem', { name: path }).click();
  return { ctx, csp, page };
}

test('operator: a price with a floor, a buyer recharged, a below-floor line refused, an order confirmed, paid from prepaid and fulfilled', {
  skip,
}, async () => {
  const { ctx, csp, page } = await consolePage('批发');
  await page.waitForURL(/\/console\/wholesale/);

  // 价格表: L1 sells 满50减10 at ¥8.00, never below ¥7.00
  await page.getByRole('tab', { name: '价格表' }).click();
  await page.getByTestId('price-new').click();
  const pform = page.getByTestId('price-form');
  await pform.getByLabel('价格等级').fill('L1');
  await pform.getByLabel('价格等级').press('Tab'); // close the level suggestions (the demo's L1–L3), which cover the next field
  await choose(page, page.getByTestId('price-template'), '满50', /满50减10 代金券/);
  await pform.getByLabel('批发价（元）').fill('8');
  await pform.getByLabel('建议零售价（元）').fill('10');
  await pform.getByLabel('限价（元）').fill('7');
  await page.getByTestId('price-save').click();
  await assertText(page.getByTestId('prices-table'), /L1[\s\S]*满50减10 代金券[\s\S]*¥8\.00[\s\S]*¥10\.00[\s\S]*¥7\.00[\s\S]*拒绝/);
  await shots(page, 'wholesale-prices');

  // 企业客户: 星河科技 at L1, recharged ¥1,000.00
  await page.getByRole('tab', { name: '企业客户' }).click();
  await page.getByTestId('buyer-new').click();
  const bform = page.getByTestId('buyer-form');
  await bform.getByLabel('名称').fill('星河科技有限公司');
  await bform.getByLabel('联系人').fill('赵经理');
  await bform.getByLabel('价格等级').fill('L1');
  await page.getByTestId('buyer-save').click();
  await assertText(page.getByTestId('buyers-table'), /星河科技有限公司[\s\S]*赵经理[\s\S]*L1[\s\S]*¥0\.00/);
  await page.getByTestId('buyer-recharge').first().click();
  const rform = page.getByTestId('recharge-form');
  await rform.getByLabel('金额（元）').fill('1000');
  await rform.getByLabel('银行流水号 / 凭证号').fill('ICBC-20261125-001');
  await page.getByTestId('recharge-save').click();
  await assertText(page.getByTestId('buyers-table'), /星河科技有限公司[\s\S]*¥1,000\.00/);
  await shots(page, 'wholesale-buyers');
  const buyer = (await owner('GET', '/v1/buyers')).body.data.find((b: any) => b.name === '星河科技有限公司');
  assert.equal(buyer.balance, 100_000);

  // 批发订单: 20 codes at ¥5.00 is below the floor — refused in Chinese, nothing made
  await page.getByRole('tab', { name: '批发订单' }).click();
  await page.getByTestId('order-new').click();
  await choose(page, page.getByTestId('order-buyer'), '星河', /星河科技有限公司/);
  await choose(page, page.getByTestId('order-line-template'), '满50', /满50减10 代金券/);
  const oform = page.getByTestId('order-form');
  await oform.getByLabel('数量').fill('20');
  await oform.getByLabel('单价（元，不填按价格表）').fill('5');
  await page.getByTestId('order-create').click();
  await assertText(page.getByTestId('wholesale-error'), /单价\s*¥5\.00\s*低于限价\s*¥7\.00，不能这样卖。/);
  const xinghe = async () => (await owner('GET', '/v1/wholesale-orders')).body.data.filter((o: { buyer_id: string }) => o.buyer_id === buyer.id);
  assert.equal((await xinghe()).length, 0, 'a refused order is not made'); // (the demo has an order of its own buyer)
  await shots(page, 'wholesale-below-floor');

  // at the list price (the field emptied) the order is made and opens
  await oform.getByLabel('单价（元，不填按价格表）').fill('');
  await page.getByTestId('order-create').click();
  const drawer = page.getByTestId('order-drawer');
  await assertText(drawer.getByTestId('order-state'), /草稿/);
  await assertText(drawer.getByTestId('order-total'), /¥160\.00/);
  await assertText(drawer.getByTestId('order-lines'), /满50减10 代金券[\s\S]*20[\s\S]*¥8\.00/);
  await drawer.getByTestId('order-confirm').click();
  await assertText(drawer.getByTestId('order-state'), /已确认/);
  await shots(page, 'wholesale-order-confirmed');
  await drawer.getByTestId('order-pay-prepaid').click();
  await assertText(drawer.getByTestId('order-state'), /已付款/);
  await drawer.getByTestId('order-fulfil').click();
  await assertText(drawer.getByTestId('order-state'), /已履约/);
  await assertText(drawer.getByTestId('order-progress'), /已履约 20 \/ 20 张/);
  assert.ok(!/wso_|tpl_|byr_/.test(await drawer.getByTestId('order-lines').innerText()), 'names, never ids');
  await page.waitForTimeout(3200); // the toasts of each step have gone
  await shots(page, 'wholesale-order-fulfilled');

  const orders = await xinghe();
  assert.equal(orders.length, 1);
  assert.equal(orders[0].state, 'fulfilled');
  assert.equal(orders[0].fulfilled_units, 20);
  assert.equal((await owner('GET', `/v1/buyers/${buyer.id}`)).body.balance, 100_000 - 16_000, 'paid from the prepaid balance once');

  // 安全交付: a one-time link to the order's 20 codes, the password shown once
  await drawer.getByTestId('order-deliver').click();
  const dform = page.getByTestId('delivery-form');
  await assertText(dform, /批发订单 · 星河科技有限公司 · 20 张/);
  await page.getByTestId('delivery-create').click();
  await assertText(page.getByTestId('delivery-password-hint'), /密码请通过其他渠道（电话、短信）告知收件人/);
  const made = (await owner('GET', `/v1/deliveries?reference_type=wholesale_order&reference_id=${orders[0].id}`)).body.data;
  assert.deepEqual(
    made.map((d: { cards: number; state: string }) => [d.cards, d.state]),
    [[20, 'created']],
  );
  await shots(page, 'wholesale-order-deliver');
  await page.getByTestId('delivery-done').click();
  await page.keyboard.press('Escape');
  await assertText(page.getByTestId('orders-table'), /星河科技有限公司[\s\S]*已履约[\s\S]*¥160\.00[\s\S]*20 \/ 20[\s\S]*预存款/);

  // a second order worth more than the balance left: paying from prepaid is refused in words, then it is cancelled
  const tpl = (await owner('GET', '/v1/templates?limit=100')).body.data.find((x: any) => x.name === '满50减10 代金券');
  const big = await owner('POST', '/v1/wholesale-orders', { buyer_id: buyer.id, lines: [{ template_id: tpl.id, quantity: 200 }] });
  assert.equal(big.status, 201, JSON.stringify(big.body));
  assert.equal((await owner('POST', `/v1/wholesale-orders/${big.body.id}/confirm`)).status, 200);
  await page.reload();
  await page.getByTestId('orders-table').locator('tbody tr', { hasText: '已确认' }).click();
  await drawer.getByTestId('order-pay-prepaid').click();
  await assertText(drawer.getByTestId('order-error'), /预存款余额不足：余额\s*¥840\.00，需要\s*¥1,600\.00。请先充值或线下付款。/);
  await shots(page, 'wholesale-prepaid-short');
  await drawer.getByTestId('order-cancel').click();
  await page.getByTestId('order-reason').fill('客户改为线下采购');
  await page.waitForTimeout(300); // the dialog has finished opening
  await page.getByTestId('order-ask-ok').click();
  await page.getByTestId('order-reason').waitFor({ state: 'detached' }); // the dialog closes once the order is cancelled
  await assertText(drawer.getByTestId('order-state'), /已取消/);
  await assertText(drawer, /原因[\s\S]*客户改为线下采购/);
  assert.equal((await owner('GET', `/v1/buyers/${buyer.id}`)).body.balance, 84_000, 'nothing charged');
  assert.deepEqual(csp, []);
  await ctx.close();
});

test('operator: channel stats show each subtree’s figures, and drill down', { skip }, async () => {
  const chans = (await owner('GET', '/v1/channels')).body.data;
  const by = (n: string) => chans.find((c: any) => c.name === n);
  // more cards through the tree: two of 观前街团长 (below 苏州区域代理), one of 杭州区域代理
  const batch = (await owner('GET', '/v1/batches?limit=100')).body.data.find((b: any) => b.mode === 'on_issue' && /满50/.test(b.name));
  for (const c of ['观前街团长', '观前街团长', '杭州区域代理'])
    assert.equal((await owner('POST', '/v1/cards/issue', { batch_id: batch.id, channel_id: by(c).id })).status, 201);
  const top = (await owner('GET', '/v1/stats/channels')).body;
  const east = top.rows.find((r: any) => r.name === '华东总代');
  assert.ok(east.subtree.issued >= 5, JSON.stringify(east));

  const { ctx, csp, page } = await consolePage('渠道数据');
  await page.waitForURL(/\/console\/channel-stats/);
  const table = page.getByTestId('channel-stats-table');
  await assertText(page.getByTestId('cell-华东总代-issued'), new RegExp(`^${east.subtree.issued}$`));
  await assertText(table, /华东总代[\s\S]*第 1 级 · 总代[\s\S]*华北总代[\s\S]*未归属渠道/);
  // every figure is named in Chinese with its definition on hover
  await page.getByTestId('stat-channel-issued').getByTestId('term-issued').hover();
  await assertText(page.getByTestId('def-issued'), /期间发出的卡券总数[\s\S]*含下级/);
  await page.mouse.move(0, 0); // the definition closes
  await page.getByTestId('def-issued').waitFor({ state: 'hidden' });
  await shots(page, 'channel-stats');

  // into 华东总代: its regions, 苏州区域代理 with 观前街团长 below it
  await page.getByTestId('stats-open-华东总代').click();
  const inside = (await owner('GET', `/v1/stats/channels?parent_id=${by('华东总代').id}`)).body;
  const suzhou = inside.rows.find((r: any) => r.name === '苏州区域代理');
  await assertText(page.getByTestId('channel-stats-trail'), /全部渠道[\s\S]*华东总代/);
  await assertText(page.getByTestId('cell-苏州区域代理-issued'), new RegExp(`^${suzhou.subtree.issued}$`));
  assert.ok(suzhou.subtree.issued > suzhou.own.issued, 'the subtree counts 观前街团长 too');
  await page.getByTestId('channel-stats-scope').getByText('仅本级').click();
  await assertText(page.getByTestId('cell-苏州区域代理-issued'), new RegExp(`^${suzhou.own.issued}$`));
  await page.getByTestId('channel-stats-scope').getByText('含下级').click();
  await assertText(page.getByTestId('channel-funnel'), /苏州区域代理[\s\S]*发出 \d+ · 到达会员 \d+ · 核销 \d+/);
  assert.ok(!/chn_/.test(await page.getByTestId('channel-stats').innerText()), 'names, never ids');
  await shots(page, 'channel-stats-drill');
  assert.deepEqual(csp, []);
  await ctx.close();
});

test('operator: a card of 苏州区域代理 redeemed in Beijing is listed as 窜货 with names and why, and handled', { skip }, async () => {
  const chans = (await owner('GET', '/v1/channels')).body.data;
  const suzhou = chans.find((c: any) => c.name === '苏州区域代理');
  const stores = (await owner('GET', '/v1/stores?limit=100')).body.data;
  const beijing = stores.find((s: any) => s.name === '北京三里屯店');
  assert.equal((await owner('PATCH', `/v1/stores/${beijing.id}`, { province: '北京市', city: '北京市' })).status, 200);
  const member = (await owner('GET', '/v1/members?limit=1')).body.data[0];
  const batch = (await owner('GET', '/v1/batches?limit=100')).body.data.find((b: any) => b.mode === 'on_issue' && /满50/.test(b.name));
  const card = (await owner('POST', '/v1/cards/issue', { batch_id: batch.id, channel_id: suzhou.id, member_id: member.id })).body;
  const r = await owner('POST', '/v1/redemptions', { code: card.code, store_id: beijing.id, order_amount: 8800 });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  // the subscriber raises the alert a moment after (the worker runs beside the server)
  let alerts: any[] = [];
  for (let i = 0; i < 100 && !alerts.length; i++) {
    alerts = (await owner('GET', '/v1/leakage-alerts')).body.data;
    if (!alerts.length) await new Promise((res) => setTimeout(res, 100));
  }
  assert.equal(alerts.length, 1);

  const { ctx, csp, page } = await consolePage('窜货预警');
  await page.waitForURL(/\/console\/leakage/);
  const table = page.getByTestId('leakage-table');
  await assertText(
    table,
    /满50减10 代金券[\s\S]*苏州区域代理[\s\S]*华东总代 › 苏州区域代理[\s\S]*核销[\s\S]*北京三里屯店[\s\S]*允许并预警[\s\S]*门店不在渠道区域内[\s\S]*北京市[\s\S]*渠道区域：苏州市/,
  );
  assert.ok(!/chn_|sto_|tpl_/.test(await table.innerText()), 'names, never ids');
  await shots(page, 'leakage-list');
  await table.getByTestId('leakage-handle').click();
  await page.getByRole('button', { name: '已处理', exact: true }).click();
  await assertText(table.getByTestId('leakage-handled-by'), /已处理[\s\S]*王批发/);
  const after = (await owner('GET', '/v1/leakage-alerts')).body.data[0];
  assert.ok(after.handled_at, 'handled on the server');
  await page.getByTestId('leakage-handled').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '未处理' }).click();
  await assertText(table, /暂无数据|No data/);
  await page.getByTestId('leakage-handled').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '已处理' }).click();
  await assertText(table, /北京三里屯店[\s\S]*已处理/);
  await shots(page, 'leakage-handled');

  // the template form offers the leakage rule, 允许并预警 by default
  await page.getByRole('menuitem', { name: '卡券模板' }).click();
  await page.getByRole('button', { name: /新建模板/ }).click();
  await assertText(page.getByTestId('template-leakage'), /允许并预警（默认）/);
  assert.deepEqual(csp, []);
  await ctx.close();
});

test('partner: on a phone, its 数据 section shows its subtree’s figures and its 窜货预警, read only', { skip }, async () => {
  const chans = (await owner('GET', '/v1/channels')).body.data;
  const east = chans.find((c: any) => c.name === '华东总代');
  const acct = await owner('POST', `/v1/channels/${east.id}/accounts`, { ...PARTNER, display_name: '陈经理' });
  assert.equal(acct.status, 201, JSON.stringify(acct.body));

  const ctx = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', isMobile: true, hasTouch: true });
  const csp = await watchCsp(ctx);
  const page = await ctx.newPage();
  await page.goto(`${base}/partner`);
  await signIn(page, PARTNER.username, PARTNER.password);
  await page.getByTestId('partner-portal').waitFor();
  await page.getByRole('tab', { name: '数据' }).click();
  const stats = page.getByTestId('channel-stats');
  await assertText(stats, /华东总代/);
  const text = await stats.innerText();
  for (const other of ['华北总代', '未归属渠道']) assert.ok(!text.includes(other), `${other} is not its to see`);
  const mine = (await owner('GET', `/v1/stats/channels?parent_id=${east.id}`)).body;
  await page.getByTestId('stats-open-华东总代').click();
  const suzhou = mine.rows.find((r: any) => r.name === '苏州区域代理');
  await assertText(page.getByTestId('cell-苏州区域代理-issued'), new RegExp(`^${suzhou.subtree.issued}$`));
  await page.evaluate(() => window.scrollTo(0, 0));
  await shots(page, 'partner-stats');

  await page.getByRole('tab', { name: '窜货预警' }).click();
  const leakage = page.getByTestId('leakage');
  // a phone shows each alert stacked in one column: when and where, the card, the channel, why, handled
  await assertText(leakage, /核销 · 北京三里屯店[\s\S]*满50减10 代金券[\s\S]*苏州区域代理[\s\S]*门店不在渠道区域内[\s\S]*已处理/);
  assert.equal(await leakage.getByTestId('leakage-handle').count(), 0, 'read only');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shots(page, 'partner-leakage');
  assert.deepEqual(csp, []);
  await ctx.close();
});
