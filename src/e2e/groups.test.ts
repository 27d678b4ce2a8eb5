import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext } from 'playwright-core';
import type { TestEnv } from '../testing/harness.js';
import { chromiumMissing, watchCsp, startScreens, type Screens, WIDE as DESKTOP, PHONE } from './browser.js';
import { assertText, shots, signIn } from './journey.js';

/**
 * 组团解锁 in real browsers (issue 15, item 6): a member starts a group of 3 in her wallet's 活动 section and
 * shares its link (with a QR code); two friends open it in their own wallets and join; the second fills it,
 * the group unlocks for all three at once, and each wallet shows the latte card. The operator then reads
 * the campaign's results and the group's members by name in the console (营销 → 组团活动).
 * Screenshots `group-…` at 1440×900 and 390×844.
 */
const skip = chromiumMissing;

let env: TestEnv;
let browser: Browser;
let base: string;
let ownerKey: string;
let screens: Screens;
const owner = (method: string, url: string, body?: unknown) => env.api(method, url, body, { key: ownerKey });
const OPERATOR = { username: 'group-wu', password: 'group operator pass 7' };

before(async () => {
  if (skip) return;
  screens = await startScreens({ bootstrapKey: 'kq_e2e_groups_owner_key_0123456789' });
  ({ env, base, ownerKey, browser } = screens);
});
after(async () => {
  if (skip) return;
  await screens?.close();
});

test('member: starts a group, two friends join through the link, it unlocks and every wallet shows the card; the console names them', { skip }, async () => {
  const tpl = await owner('POST', '/v1/templates', { kind: 'exchange', name: '团购拿铁', value: { sku: 'LATTE' }, validity: { type: 'relative', days: 30 } });
  assert.equal(tpl.status, 201, JSON.stringify(tpl.body));
  const made = await owner('POST', '/v1/group-campaigns', {
    name: '三人拼团 · 每人一杯拿铁',
    size: 3,
    time_limit_minutes: 24 * 60,
    stock: 50,
    rewards: [{ type: 'card', template_id: tpl.body.id }],
  });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const campaign = made.body;
  assert.equal((await owner('POST', `/v1/group-campaigns/${campaign.id}/publish`, {})).status, 200);
  const people = [];
  for (const name of ['周小雨', '林青', '陈晨']) {
    const m = (await owner('POST', '/v1/members', { name })).body;
    people.push({ ...m, link: (await owner('POST', `/v1/members/${m.id}/wallet-link`, { ttl_hours: 1 })).body.url as string });
  }
  const phone = () => browser.newContext({ viewport: PHONE, locale: 'zh-CN', isMobile: true, hasTouch: true });
  const contexts: BrowserContext[] = [];
  const csps: string[][] = [];

  // 周小雨 starts a group in her wallet's 活动 section and gets the link to send
  const lead = await phone();
  contexts.push(lead);
  csps.push(await watchCsp(lead));
  const page = await lead.newPage();
  await page.goto(people[0].link);
  await page.getByTestId('wallet-sections').getByText('活动').click();
  await assertText(page.getByTestId(`wallet-group-campaign-${campaign.id}`), /三人拼团 · 每人一杯拿铁[\s\S]*3 人成团，24 小时内凑齐，每人得 团购拿铁 × 1/);
  await page.getByTestId(`wallet-group-start-${campaign.id}`).click();
  const link = await page.getByTestId('wallet-group-link').inputValue();
  assert.match(link, /\/wallet\/group#g=kqj_/);
  await page.getByTestId('wallet-group-qr').waitFor();
  await assertText(page.getByTestId('wallet-group-share'), /还差 2 人成团[\s\S]*剩余 23:59/);
  await shots(page, 'group-share', ['phone']);
  await page.keyboard.press('Escape');
  const groupId = (await env.api('GET', `/v1/group-campaigns/${campaign.id}/groups`, undefined, { key: ownerKey })).body.data[0].id;
  await assertText(page.getByTestId(`wallet-group-${groupId}`), /拼团中[\s\S]*1\/3 人[\s\S]*周小雨/);

  // the friends open the link in their own wallets and join
  for (const [i, friend] of people.slice(1).entries()) {
    const ctx = await phone();
    contexts.push(ctx);
    csps.push(await watchCsp(ctx));
    const fp = await ctx.newPage();
    await fp.goto(friend.link);
    await fp.getByTestId('wallet-member').waitFor();
    await fp.goto(link);
    await assertText(fp.getByTestId('wallet-group-landing'), new RegExp(`周\\*\\* 邀请你参加「三人拼团 · 每人一杯拿铁」[\\s\\S]*已有 ${i + 1} 人参团`));
    assert.equal(new URL(fp.url()).hash, '', 'the token has left the address bar');
    if (i === 0) await shots(fp, 'group-landing', ['phone']);
    await fp.getByTestId('wallet-group-join').click();
    if (i === 0) {
      await assertText(fp.getByTestId(`wallet-group-${groupId}`), /拼团中[\s\S]*2\/3 人[\s\S]*周\*\*、林青/);
      continue;
    }
    // the last seat: unlocked for everyone at once, and her card is one tap away
    await assertText(fp.getByTestId(`wallet-group-${groupId}`), /已成团[\s\S]*3\/3 人/);
    await shots(fp, 'group-unlocked', ['phone']);
    await fp.getByTestId(`wallet-group-card-${groupId}`).click();
    await assertText(fp.getByTestId('wallet-detail'), /团购拿铁/);
  }

  // every wallet shows the card: the starter's, and the first friend's
  for (const [i, p] of people.entries()) {
    const cards = (await env.api('GET', `/v1/cards?member_id=${p.id}`, undefined, { key: ownerKey })).body.data;
    assert.equal(cards.length, 1, `${p.name} holds one card`);
    if (i === 2) continue;
    const wp = contexts[i]!.pages()[0]!;
    await wp.goto(`${base}/wallet`);
    await assertText(wp.getByTestId('wallet-cards'), /团购拿铁/);
  }
  const wp = contexts[0]!.pages()[0]!;
  await wp.getByTestId('wallet-sections').getByText('活动').click();
  await assertText(wp.getByTestId(`wallet-group-${groupId}`), /已成团[\s\S]*3\/3 人[\s\S]*查看卡券/);
  await shots(wp, 'group-wallet-unlocked', ['phone']);

  // the operator: 营销 → 组团活动, the results and the group's members by name
  assert.equal((await owner('POST', '/v1/operators', { ...OPERATOR, role: 'operator', display_name: '小吴' })).status, 201);
  const ctx = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
  const csp = await watchCsp(ctx);
  const console = await ctx.newPage();
  await console.goto(`${base}/console`);
  await signIn(console, OPERATOR.username, OPERATOR.password);
  await console.getByRole('menuitem', { name: /(^|\s)营销$/ }).click();
  await console.getByRole('menuitem', { name: /组团活动/ }).click();
  const row = console.getByTestId('group-campaigns-table').locator('tr', { hasText: '三人拼团 · 每人一杯拿铁' });
  await assertText(row, /3 人成团 · 24 小时内[\s\S]*团购拿铁 × 1[\s\S]*剩 49 \/ 50[\s\S]*1 \/ 1 \/ 0[\s\S]*3 · 3 · 0[\s\S]*进行中/);
  await console.getByTestId(`group-campaign-groups-${campaign.id}`).click();
  await assertText(console.getByTestId('group-list'), /周小雨[\s\S]*周小雨[\s\S]*林青[\s\S]*陈晨[\s\S]*3 \/ 3[\s\S]*已成团/);
  assert.ok(!/mem_|grp_|gpc_|tpl_/.test(await console.getByTestId('group-list').innerText()), 'names, never ids');
  await shots(console, 'group-campaigns', ['desktop']);
  for (const c of [...csps, csp]) assert.deepEqual(c, []);
  for (const c of [...contexts, ctx]) await c.close();
});
