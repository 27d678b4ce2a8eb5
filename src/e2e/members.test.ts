import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import type { TestEnv } from '../testing/harness.js';
import { DEMO_TENANT } from '../seed/demo.js';
import { chromiumMissing, watchCsp, startScreens, type Screens, WIDE as DESKTOP, PHONE } from './browser.js';
import { assertText, choose, shots } from './journey.js';

/**
 * Members and gifts in a real browser (issue 11, items 3 and 10), on the demo data:
 *  - an operator opens a member's profile from the list, issues a stored-value card, tops it up with
 *    the template's bonus tier (充 ¥500 送 ¥50，到账 ¥550), opens its trace, shows the wallet as a QR
 *    code, and issues from an on-issue batch to a member found by phone;
 *  - a member gives a gift card by a share link, the friend (first without a wallet, then in hers)
 *    accepts it; the member gives another card to a phone number, the friend sees it, the giver takes it back.
 * Screenshots `member-…` and `wallet-gift-…` at 1440×900 and 390×844 (SCREENSHOTS=docs/screenshots keeps them).
 */
const skip = chromiumMissing;

let env: TestEnv;
let browser: Browser;
let base: string;
let ownerKey: string;
let screens: Screens;
const owner = (method: string, url: string, body?: unknown) => env.api(method, url, body, { key: ownerKey });

before(async () => {
  if (skip) return;
  screens = await startScreens({ bootstrapKey: 'kq_e2e_members_owner_key_0123456789' });
  ({ env, base, ownerKey, browser } = screens);
});
after(async () => {
  if (skip) return;
  await screens?.close();
});

test('operator: open a member, issue a card, top up with the bonus, see the trace, show the wallet QR, issue from a batch', { skip }, async () => {
  const op = await owner('POST', '/v1/operators', { username: 'xiaoli', password: 'operator pass 2', role: 'operator', display_name: '小李' });
  assert.equal(op.status, 201, JSON.stringify(op.body));
  const ctx = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
  const csp = await watchCsp(ctx);
  const page = await ctx.newPage();
  await page.goto(`${base}/console`);
  await page.getByLabel('商户（名称或 ID，唯一用户名可不填）').fill(DEMO_TENANT);
  await page.getByLabel('用户名', { exact: true }).fill('xiaoli');
  await page.getByLabel('密码', { exact: true }).fill('operator pass 2');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByRole('menuitem', { name: /(^|\s)会员$/ }).click();

  // the list opens a member's profile: details, cards by name, history by name
  await page.getByTestId('member-open-crm-1002').click();
  await page.waitForURL(/\/console\/members\/mem_/);
  const profile = page.getByTestId('member-profile');
  await assertText(page.getByTestId('member-details'), /王芳[\s\S]*crm-1002[\s\S]*••• 8001/);
  const cards = page.getByTestId('member-cards');
  await assertText(cards, /洗车10次卡[\s\S]*10 次/);
  await assertText(page.getByTestId('member-history'), /发放[\s\S]*洗车10次卡/);
  assert.ok(!/mem_|tpl_|bat_/.test(await profile.innerText()), 'names, not ids');
  await assertText(page.getByTestId('member-points'), /可用积分[\s\S]*待生效[\s\S]*成长值/);
  await shots(page, 'member-profile');

  // issue a stored-value card from an on-issue batch
  await page.getByTestId('member-issue').click();
  await choose(page, page.getByTestId('issue-batch'), '会员储值卡', /会员储值卡/);
  await assertText(page.getByTestId('issue-summary'), /将向 王芳 · 尾号 8001 · crm-1002 发放 1 张「会员储值卡 Stored value」/);
  await shots(page, 'member-issue');
  await page.getByTestId('issue-confirm').click();
  await page.getByText(/已发放给 王芳：会员储值卡 Stored value（尾号 \w{4}）/).waitFor();
  const svRow = cards.locator('tr', { hasText: '会员储值卡' });
  await assertText(svRow, /储值卡[\s\S]*可用[\s\S]*¥0\.00/);

  // top up ¥500 with the template's tier: 送 ¥50, 到账 ¥550
  await svRow.getByRole('button', { name: /充\s*值/ }).click();
  await page.getByTestId('topup-tier-50000').click();
  await assertText(page.getByTestId('topup-summary'), /充 ¥500\.00 送 ¥50\.00，到账 ¥550\.00[\s\S]*余额 ¥0\.00 → ¥550\.00/);
  await shots(page, 'member-topup');
  await page.getByTestId('topup-confirm').click();
  await page.getByText('充值成功：充 ¥500.00 送 ¥50.00，到账 ¥550.00，余额 ¥550.00').waitFor();
  await assertText(svRow, /¥550\.00/);
  await assertText(page.getByTestId('member-history'), /充值[\s\S]*会员储值卡[\s\S]*充 ¥500\.00 送 ¥50\.00，到账 ¥550\.00/);
  const member = (await owner('GET', '/v1/members/crm-1002')).body;
  const sv = (await owner('GET', `/v1/cards?member_id=${member.id}&limit=200`)).body.data.find((c: any) => c.kind === 'stored_value');
  assert.equal(sv.balance, 55000);

  // its trace: the bonus is its own ledger entry
  await svRow.getByRole('button', { name: '轨迹' }).click();
  const drawer = page.locator('.ant-drawer');
  await assertText(drawer.getByTestId('trace'), /充值/);
  await assertText(drawer, /充值赠送[\s\S]*¥50\.00/);
  await shots(page, 'member-card-trace');
  await drawer.locator('.ant-drawer-close').click();

  // the wallet as a QR code to scan at the counter
  await page.getByTestId('member-wallet-qr').click();
  await page.getByTestId('make-wallet-link').click();
  await page.getByTestId('wallet-link-qr').waitFor();
  const url = await page.getByTestId('wallet-link-url').inputValue();
  assert.match(url, /\/wallet#t=/);
  await shots(page, 'member-wallet-qr');
  await page.locator('.ant-modal-close').click();

  // the batches page: an on-issue batch issues to a member found by phone
  await page.getByRole('menuitem', { name: '批次' }).click();
  const giftBatch = page.getByTestId('batches-table').locator('tr', { hasText: '200元礼品卡 Gift card · 发放' });
  await giftBatch.getByRole('button', { name: /发放给会员/ }).click();
  await choose(page, page.getByTestId('member-picker'), '13800138002', /李娜/);
  await assertText(page.getByTestId('issue-summary'), /李娜 · 尾号 8002/);
  await shots(page, 'member-batch-issue');
  await page.getByTestId('issue-confirm').click();
  await page.getByText(/已发放给 李娜：200元礼品卡 Gift card/).waitFor();
  const lina = (await owner('GET', '/v1/members/crm-1003')).body;
  const linaCards = (await owner('GET', `/v1/cards?member_id=${lina.id}&limit=200`)).body.data;
  assert.ok(
    linaCards.some((c: any) => c.kind === 'gift'),
    'the gift card is 李娜’s',
  );

  // the template form shows the bonus tiers
  await page.getByRole('menuitem', { name: '卡券模板' }).click();
  await page
    .getByTestId('templates-table')
    .locator('tr', { hasText: '会员储值卡' })
    .getByRole('button', { name: /编\s*辑/ })
    .click();
  await page.getByTestId('bonus-tiers').scrollIntoViewIfNeeded();
  assert.equal(await page.getByTestId('bonus-min-0').inputValue(), '500.00');
  assert.equal(await page.getByTestId('bonus-amount-0').inputValue(), '50.00');
  await assertText(page.locator('.ant-drawer'), /充值赠送：充 ¥500\.00 送 ¥50\.00，充 ¥1,000\.00 送 ¥150\.00/);
  await shots(page, 'member-template-bonus');
  assert.deepEqual(csp, [], 'no Content-Security-Policy violation');
  await ctx.close();
});

test('member: gift by link, the friend accepts it in her wallet; a gift to a phone number the giver takes back', { skip }, async () => {
  const zhang = (await owner('GET', '/v1/members/crm-1001')).body;
  const wang = (await owner('GET', '/v1/members/crm-1002')).body;
  const li = (await owner('GET', '/v1/members/crm-1003')).body;
  const link = async (id: string) => (await owner('POST', `/v1/members/${id}/wallet-link`, { ttl_hours: 1 })).body.url as string;
  const giftBatch = (await owner('GET', `/v1/batches?q=${encodeURIComponent('礼品卡')}&mode=on_issue`)).body.data[0];
  const first = (await owner('POST', '/v1/cards/issue', { batch_id: giftBatch.id, member_id: zhang.id })).body;

  const giver = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', isMobile: true, hasTouch: true });
  const csp = await watchCsp(giver);
  const page = await giver.newPage();
  await page.goto(await link(zhang.id));
  await page.getByTestId(`wallet-card-${first.code_tail}`).click();
  await page.getByTestId('wallet-gift-open').click();
  await page.getByTestId('wallet-gift-submit').click();
  const shareLink = await page.getByTestId('wallet-gift-link').inputValue();
  assert.match(shareLink, /\/wallet\/gift#g=kqg_/);
  await page.getByTestId('wallet-gift-qr').waitFor();
  await shots(page, 'wallet-gift-link');
  await page.getByRole('button', { name: /完\s*成/ }).click();
  await assertText(page.getByTestId('wallet-gift-pending'), /转赠中，等待好友领取[\s\S]*前未领取将自动退回/);
  assert.equal(await page.getByTestId('wallet-qr').count(), 0, 'no code to show while it is being given');
  await shots(page, 'wallet-gift-pending');

  // the friend opens the link with no wallet in this browser: told what to do
  const friend = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', isMobile: true, hasTouch: true });
  const fcsp = await watchCsp(friend);
  const fp = await friend.newPage();
  await fp.goto(shareLink);
  await assertText(fp.getByTestId('wallet-gift-needs-wallet'), /好友送了你一张卡券[\s\S]*先打开你的会员钱包/);
  assert.equal(new URL(fp.url()).hash, '', 'the secret has left the address bar');
  await shots(fp, 'wallet-gift-no-wallet');
  // she opens her wallet, then the link again: the card, from whom, and 领取
  await fp.goto(await link(wang.id));
  await fp.getByTestId('wallet-member').waitFor();
  await fp.goto(shareLink);
  await assertText(fp.getByTestId('wallet-gift-landing'), /张伟 送你一张卡券[\s\S]*200元礼品卡[\s\S]*前领取/);
  await shots(fp, 'wallet-gift-offer');
  await fp.getByTestId('wallet-gift-accept').click();
  await fp.getByTestId('wallet-detail').waitFor();
  await fp.getByTestId('wallet-qr').waitFor();
  await shots(fp, 'wallet-gift-accepted');
  const moved = (await owner('GET', `/v1/cards/${first.id}`)).body;
  assert.equal(moved.member_id, wang.id);
  // the giver's wallet no longer holds it
  await page.getByRole('button', { name: '返回' }).click();
  await page.getByTestId('wallet-cards').waitFor();
  assert.equal(await page.getByTestId(`wallet-card-${first.code_tail}`).count(), 0);

  // another card, to a phone number: a number that is no member's is told in words; 李娜's works
  const second = (await owner('POST', '/v1/cards/issue', { batch_id: giftBatch.id, member_id: zhang.id })).body;
  await page.reload();
  await page.getByTestId(`wallet-card-${second.code_tail}`).click();
  await page.getByTestId('wallet-gift-open').click();
  await page.getByText('按手机号').click();
  await page.getByTestId('wallet-gift-phone').fill('13600000000');
  await page.getByTestId('wallet-gift-submit').click();
  await assertText(page.getByTestId('wallet-gift-error'), /没有找到使用这个手机号的会员/);
  await shots(page, 'wallet-gift-phone-unknown');
  await page.getByTestId('wallet-gift-phone').fill('138 0013 8002');
  await page.getByTestId('wallet-gift-submit').click();
  await assertText(page.getByTestId('wallet-gift-sent'), /已转赠给尾号 8002 的会员/);
  await page.getByRole('button', { name: /知道了/ }).click();
  await assertText(page.getByTestId('wallet-gift-pending'), /已转赠给尾号 8002 的会员/);

  // 李娜 sees it in her wallet …
  const li_ = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', isMobile: true, hasTouch: true });
  const lp = await li_.newPage();
  await lp.goto(await link(li.id));
  await assertText(lp.getByTestId('wallet-gifts-received'), /好友送你的卡券[\s\S]*200元礼品卡[\s\S]*张伟 送你的/);
  await shots(lp, 'wallet-gift-inbox');
  // … and the giver takes it back before she accepts
  await page.getByTestId('wallet-gift-cancel').click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /取消转赠/ })
    .click();
  await page.getByText('已取消转赠，卡券可以继续使用').waitFor();
  await page.getByTestId('wallet-qr').waitFor();
  assert.equal(await page.getByTestId('wallet-gift-pending').count(), 0);
  await shots(page, 'wallet-gift-cancelled');
  const back = (await owner('GET', `/v1/cards/${second.id}`)).body;
  assert.deepEqual([back.member_id, back.state], [zhang.id, 'active']);
  await lp.reload();
  await lp.getByTestId('wallet-cards').waitFor();
  assert.equal(await lp.getByTestId('wallet-gifts-received').count(), 0, 'the offer left her wallet');
  await li_.close();

  assert.deepEqual([...csp, ...fcsp], [], 'no Content-Security-Policy violation');
  await friend.close();
  await giver.close();
});
