import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext } from 'playwright-core';
import type { Browser } from 'playwright-core';
import type { TestEnv } from '../testing/harness.js';
import { chromiumMissing, watchCsp, startScreens, type Screens, WIDE as DESKTOP, PHONE } from './browser.js';
import { assertText, shots, signIn } from './journey.js';

/**
 * 邀请有礼 and 签到 in real browsers (issue 15, items 5 and 7): a member opens her wallet's 活动 section, checks
 * in (day 1 of the streak, 10 points), and reads her referral code with its link and QR code; a friend
 * enters that code in his own wallet and is shown as invited by her. The operator reads both pages under
 * 营销 (邀请有礼: the campaign's results; 签到与任务: today's check-in). Screenshots `referral-…`.
 */
const skip = chromiumMissing;

let env: TestEnv;
let browser: Browser;
let base: string;
let ownerKey: string;
let screens: Screens;
const owner = (method: string, url: string, body?: unknown) => env.api(method, url, body, { key: ownerKey });
const OPERATOR = { username: 'referral-he', password: 'referral operator pass 7' };

before(async () => {
  if (skip) return;
  screens = await startScreens({ bootstrapKey: 'kq_e2e_referrals_owner_key_0123456789' });
  ({ env, base, ownerKey, browser } = screens);
});
after(async () => {
  if (skip) return;
  await screens?.close();
});

test('member: checks in, sees her referral code; a friend enters it; the console shows both', { skip }, async () => {
  const made = await owner('POST', '/v1/referral-campaigns', {
    name: '邀请好友 · 注册各得积分',
    qualify_on: 'registration',
    referrer_rewards: [{ type: 'points', amount: 200 }],
    referee_rewards: [{ type: 'points', amount: 100 }],
  });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  assert.equal((await owner('POST', `/v1/referral-campaigns/${made.body.id}/publish`, {})).status, 200);
  const set = await owner('PUT', '/v1/checkin-settings', { enabled: true, rewards: [[{ type: 'points', amount: 10 }], [{ type: 'points', amount: 20 }]] });
  assert.equal(set.status, 200, JSON.stringify(set.body));
  const people = [];
  for (const name of ['何小萌', '邓杰']) {
    const m = (await owner('POST', '/v1/members', { name })).body;
    people.push({ ...m, link: (await owner('POST', `/v1/members/${m.id}/wallet-link`, { ttl_hours: 1 })).body.url as string });
  }
  const contexts: BrowserContext[] = [];
  const csps: string[][] = [];
  const phone = async () => {
    const c = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', isMobile: true, hasTouch: true });
    contexts.push(c);
    csps.push(await watchCsp(c));
    return c.newPage();
  };

  // 何小萌 checks in and reads her code
  const page = await phone();
  await page.goto(people[0].link);
  await page.getByTestId('wallet-sections').getByText('活动').click();
  await assertText(page.getByTestId('wallet-checkin'), /已连续签到 0 天[\s\S]*第1天 10 积分[\s\S]*签到领 10 积分/);
  await page.getByTestId('wallet-checkin-button').click();
  await assertText(page.getByTestId('wallet-checkin'), /已连续签到 1 天[\s\S]*今日已签到，获得 10 积分/);
  const code = (await page.getByTestId('wallet-referral-code').innerText()).trim();
  assert.match(code, /^[2-9A-HJKMNP-Z]{8}$/);
  assert.match(await page.getByTestId('wallet-referral-link').inputValue(), new RegExp(`/wallet#r=${code}$`));
  await page.getByTestId('wallet-referral-qr').waitFor();
  await assertText(page.getByTestId('wallet-referral'), /邀请好友 · 注册各得积分[\s\S]*好友注册后你得 200 积分，好友得 100 积分/);
  await shots(page, 'referral-wallet', ['phone']);

  // 邓杰 enters her code in his wallet
  const fp = await phone();
  await fp.goto(people[1].link);
  await fp.getByTestId('wallet-sections').getByText('活动').click();
  await fp.getByTestId('wallet-referral-input').fill(code.toLowerCase());
  await fp.getByTestId('wallet-referral-join').click();
  await assertText(fp.getByTestId('wallet-referral'), /邀请我的好友：何\*\*/);
  const pts = async (id: string) => (await owner('GET', `/v1/members/${id}/points`)).body.points;
  assert.deepEqual([await pts(people[0].id), await pts(people[1].id)], [210, 100], 'check-in 10 + referral 200; the friend 100');
  await page.reload();
  await page.getByTestId('wallet-sections').getByText('活动').click();
  await assertText(page.getByTestId('wallet-referral-invited'), /我邀请的好友（1）[\s\S]*邓\*\*[\s\S]*已发奖/);

  // the operator: 营销 → 邀请有礼 and 签到与任务
  assert.equal((await owner('POST', '/v1/operators', { ...OPERATOR, role: 'operator', display_name: '小何' })).status, 201);
  const ctx = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
  const csp = await watchCsp(ctx);
  const con = await ctx.newPage();
  await con.goto(`${base}/console`);
  await signIn(con, OPERATOR.username, OPERATOR.password);
  await con.getByRole('menuitem', { name: /(^|\s)营销$/ }).click();
  await con.getByRole('menuitem', { name: /邀请有礼/ }).click();
  await assertText(con.getByTestId(`referral-results-${made.body.id}`), /邀请 1 · 已发奖 1/);
  await shots(con, 'referral-campaigns', ['desktop']);
  await con.getByRole('menuitem', { name: /签到与任务/ }).click();
  await assertText(con.getByTestId('checkin-results'), /累计签到 1 次 · 今日 1 人/);
  for (const c of [...csps, csp]) assert.deepEqual(c, []);
  for (const c of [...contexts, ctx]) await c.close();
});
