import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import type { TestEnv } from '../testing/harness.js';
import { chromiumMissing, watchCsp, startScreens, type Screens, WIDE as DESKTOP, PHONE } from './browser.js';
import { assertText, choose, shots, signIn } from './journey.js';

/**
 * 领券中心与分享领券 in a real browser (issue 15): an operator opens 营销 › 领券中心, sees the demo's
 * 「新品尝鲜 · 限量1000张」 with its results, makes a share campaign in the form (a card picked by template
 * name, friends credited with points on claim), publishes it and opens its link's QR code. A member
 * claims it from the claim center in their wallet (the card opens), shares a link, and a friend opens
 * that link in their own wallet and claims from it; the member's share list counts the friend.
 * Screenshots `campaigns-…`.
 */
const skip = chromiumMissing;
let env: TestEnv;
let browser: Browser;
let base: string;
let ownerKey: string;
let screens: Screens;
const owner = (method: string, url: string, body?: unknown) => env.api(method, url, body, { key: ownerKey });
const OPERATOR = { username: 'lingquan-wang', password: 'campaign pass 2026', display_name: '王运营' };

before(async () => {
  if (skip) return;
  screens = await startScreens({ bootstrapKey: 'kq_e2e_campaigns_owner_key_0123456789', membership: true });
  ({ env, base, ownerKey, browser } = screens);
  assert.equal((await owner('POST', '/v1/operators', { ...OPERATOR, role: 'operator' })).status, 201);
});
after(async () => {
  if (skip) return;
  await screens?.close();
});

test('operator makes a share campaign; a member claims and shares; a friend claims from the link', { skip }, async () => {
  const ctx = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
  const csp = await watchCsp(ctx);
  const page = await ctx.newPage();
  await page.goto(`${base}/console`);
  await signIn(page, OPERATOR.username, OPERATOR.password);
  await page.getByTestId('console-menu').waitFor();
  await page.getByRole('menuitem', { name: /(^|\s)营销$/ }).click();
  await page.getByRole('menuitem', { name: '领券中心' }).click();
  const table = page.getByTestId('campaigns-table');
  await assertText(table.locator('tr', { hasText: '新品尝鲜 · 限量1000张' }), /拿铁兑换券[\s\S]*剩 998 \/ 1,000[\s\S]*领取 2 · 会员 2[\s\S]*进行中/);

  // a share campaign in the form: 50 cards of the latte voucher, a friend's claim credits 20 points, up to 5 friends
  await page.getByTestId('campaign-new').click();
  const form = page.getByTestId('campaign-form');
  await form.getByTestId('campaign-name').fill('好友同享拿铁');
  await form.getByTestId('campaign-kind').getByText('分享领券').click();
  await form.getByTestId('campaign-stock').fill('50');
  await choose(page, form.getByTestId('campaign-rewards-0-template'), '拿铁', /拿铁兑换券/);
  await form.getByTestId('campaign-credit-rewards-0-amount').fill('20');
  await form.getByTestId('campaign-credit-cap').fill('5');
  await shots(page, 'campaigns-new', ['desktop']);
  await page.getByTestId('campaign-save').click();
  const row = table.locator('tr', { hasText: '好友同享拿铁' });
  await assertText(row, /分享领券[\s\S]*好友领取后，分享人得：20 积分[\s\S]*剩 50 \/ 50[\s\S]*草稿/);
  const made = (await owner('GET', '/v1/campaigns?status=draft')).body.data.find((c: any) => c.name === '好友同享拿铁');
  await page.getByTestId(`campaign-publish-${made.id}`).click();
  await assertText(row, /进行中/);
  await page.getByTestId(`campaign-link-${made.id}`).click();
  await page.getByTestId('campaign-qr').waitFor();
  assert.equal(await page.getByTestId('campaign-url').inputValue(), `${base}/wallet/claim#c=${made.id}`);
  await shots(page, 'campaigns-link', ['desktop']);
  await page.keyboard.press('Escape');
  await shots(page, 'campaigns', ['desktop']);
  assert.ok(!/cmp_|tpl_|mem_/.test(await table.innerText()), 'names, never ids');
  assert.deepEqual(csp, []);
  await ctx.close();

  // the member: 活动 › 领券中心, 领取 (the card opens), then 分享给好友
  const member = (await owner('POST', '/v1/members', { name: '林小满' })).body;
  const friend = (await owner('POST', '/v1/members', { name: '周一一' })).body;
  const mctx = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
  const mcsp = await watchCsp(mctx);
  const m = await mctx.newPage();
  await m.goto(`${base}/wallet#t=${(await owner('POST', `/v1/members/${member.id}/wallet-link`, { ttl_hours: 1 })).body.token}`);
  await m.getByTestId('wallet-sections').getByText('活动').click();
  const center = m.getByTestId('wallet-claim-center');
  await assertText(
    center.getByTestId(`wallet-campaign-${made.id}`),
    /好友同享拿铁[\s\S]*领取得：拿铁兑换券[\s\S]*每位好友领取后，你得：20 积分[\s\S]*剩余 50 \/ 50 张/,
  );
  await shots(m, 'campaigns-wallet-center', ['phone']);
  await m.getByTestId(`wallet-claim-${made.id}`).click();
  await assertText(m.getByTestId('wallet-detail'), /拿铁兑换券/);
  await m
    .getByRole('button', { name: /返回|我的卡券/ })
    .first()
    .click();
  await m.getByTestId('wallet-sections').getByText('活动').click();
  await assertText(center.getByTestId(`wallet-campaign-${made.id}`), /剩余 49 \/ 50 张 · 已领 1\/1/);
  await m.getByTestId(`wallet-share-${made.id}`).click();
  const url = await m.getByTestId('wallet-share-url').inputValue();
  assert.match(url, new RegExp(`^${base}/wallet/claim#s=kqs_`));
  await shots(m, 'campaigns-wallet-share', ['phone']);

  // the friend: their own wallet first, then the link
  const fctx = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
  const fcsp = await watchCsp(fctx);
  const f = await fctx.newPage();
  await f.goto(`${base}/wallet#t=${(await owner('POST', `/v1/members/${friend.id}/wallet-link`, { ttl_hours: 1 })).body.token}`);
  await f.getByTestId('wallet-member').waitFor();
  await f.goto(url);
  const landing = f.getByTestId('wallet-claim-landing');
  await assertText(landing, /林小满 分享给你一张券[\s\S]*好友同享拿铁/);
  assert.ok(!/kqs_/.test(f.url()), 'the token is taken out of the address bar');
  await shots(f, 'campaigns-friend-landing', ['phone']);
  await landing.getByTestId(`wallet-claim-${made.id}`).click();
  await assertText(f.getByTestId('wallet-detail'), /拿铁兑换券/);

  // the member's share list counts the friend; they were credited 20 points
  await m.keyboard.press('Escape');
  await m.reload();
  await m.getByTestId('wallet-sections').getByText('活动').click();
  await assertText(m.getByTestId('wallet-my-shares'), /好友同享拿铁 · 1 位好友已领取 · 已获奖励 1 次/);
  assert.equal((await owner('GET', `/v1/members/${member.id}/points`)).body.points, 20);
  await shots(m, 'campaigns-wallet-shares', ['phone']);
  assert.deepEqual([...mcsp, ...fcsp], []);
  await mctx.close();
  await fctx.close();
});
