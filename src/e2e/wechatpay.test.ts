import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestEnv } from '../testing/harness.js';
import { DEMO_TENANT } from '../seed/demo.js';
import { chromiumMissing, SHOTS, startScreens, type Screens, WIDE as DESKTOP } from './browser.js';
import { startWechatSim, type WechatSim } from '../modules/wechatpay/simulator.js';

/**
 * 镜像到微信支付商家券 on the batch page, as the owner works it: a batch not mirrored says so and offers
 * to start; started, the mirror's state and the count WeChat acknowledged appear (against the local
 * APIv3 server), in words, not API values. Then 对账: WeChat counts claims Kaquan never heard of;
 * 立即对账 in the batch's panel makes a report that says so in words, also listed on 手机卡包与微信支付.
 */
const skip = chromiumMissing;
let env: TestEnv;
let browser: Browser;
let base: string;
let ownerKey: string;
let screens: Screens;
let ctx: BrowserContext;
let page: Page;
let sim: WechatSim;
const owner = (method: string, url: string, body?: unknown) => env.api(method, url, body, { key: ownerKey });

before(async () => {
  if (skip) return;
  screens = await startScreens({ bootstrapKey: 'kq_e2e_wechat_owner_key_0123456789', config: { supplierAllowPrivate: true } });
  ({ env, base, ownerKey, browser } = screens);
  sim = await startWechatSim();
  const s = await owner('PUT', '/v1/wechatpay/settings', {
    mchid: sim.mchid,
    appid: sim.appid,
    serial_no: sim.serial,
    api_v3_key: sim.apiV3Key,
    private_key: sim.merchantKeyPem,
    platform_certificates: [sim.platformPublicPem],
    base_url: sim.url,
  });
  assert.equal(s.status, 200, JSON.stringify(s.body));
  const op = await owner('POST', '/v1/operators', { username: 'laoban.wang', password: 'owner pass 7 wx', role: 'owner', display_name: '王老板' });
  assert.equal(op.status, 201, JSON.stringify(op.body));
  ctx = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN', timezoneId: 'UTC' });
  page = await ctx.newPage();
  await page.goto(`${base}/console`);
  await page.getByLabel('商户（名称或 ID，唯一用户名可不填）').fill(DEMO_TENANT);
  await page.getByLabel('用户名', { exact: true }).fill('laoban.wang');
  await page.getByLabel('密码', { exact: true }).fill('owner pass 7 wx');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('dashboard').waitFor();
});
after(async () => {
  if (skip) return;
  await ctx?.close();
  await sim?.close();
  await screens?.close();
});

test('the owner mirrors a batch to WeChat Pay from the batch page and sees the codes go up', { skip }, async () => {
  const tpl = await owner('POST', '/v1/templates', { kind: 'cash', name: '微信满减券', value: { amount_off: 500 }, validity: { type: 'relative', days: 30 } });
  assert.equal(tpl.status, 201, JSON.stringify(tpl.body));
  const made = await owner('POST', '/v1/batches', { template_id: tpl.body.id, name: '微信镜像批次', mode: 'pregenerated', quantity: 250 });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  for (let i = 0; i < 100 && (await owner('GET', `/v1/batches/${made.body.id}`)).body.status !== 'ready'; i++) await page.waitForTimeout(200);
  await page.getByRole('menuitem', { name: '批次' }).click();
  const row = page.getByTestId('batches-table').locator('tr', { hasText: '微信镜像批次' });
  await row.getByTestId(`wechat-${made.body.id}`).click();
  await page.getByTestId('wechat-none').getByText('这个批次还没有镜像到微信支付商家券').waitFor();
  await page.getByTestId('wechat-start').click();
  const panel = page.getByTestId('wechat-stock');
  await panel.getByText('已完成').waitFor({ timeout: 20_000 });
  await panel.getByText('250 / 250').waitFor();
  const text = await panel.innerText();
  assert.doesNotMatch(text, /\bready\b|\buploading\b/, 'states in words');
  const s = (await owner('GET', `/v1/batches/${made.body.id}/wechat-stock`)).body;
  assert.equal(s.uploaded, 250);
  assert.equal(sim.stocks.get(s.stock_id)!.codes.size, 250);
});

test('立即对账 in the batch panel: the report counts each difference and says it in words; the settings page lists it by batch name', { skip }, async () => {
  const made = (await owner('GET', '/v1/batches')).body.data.find((b: { name: string }) => b.name === '微信镜像批次');
  const s = (await owner('GET', `/v1/batches/${made.id}/wechat-stock`)).body;
  sim.stocks.get(s.stock_id)!.sendNum = 2; // two claims at WeChat whose notifications never came
  const recon = page.getByTestId('wechat-recon');
  await recon.getByText('还没有对账报告').waitFor();
  await recon.getByTestId('recon-run').click();
  await page.getByText('已开始对账，报告稍后出现在列表中').waitFor();
  await recon.getByTestId('recon-kind-claim_count').waitFor({ timeout: 20_000 });
  assert.match(await recon.getByTestId('recon-kind-claim_count').innerText(), /领取数量不一致 1/);
  await recon.getByTestId('recon-open').first().click();
  const detail = page.getByTestId('recon-detail');
  await detail.getByText('微信统计已领取 2 张，卡券系统只收到 0 张的领取通知（相差 2 张）', { exact: false }).waitFor();
  assert.match(await detail.innerText(), /微信镜像批次/);
  assert.doesNotMatch(await detail.innerText(), /claim_count|WeChat counts/, 'in words, not the API’s');
  await page.screenshot({ path: `${SHOTS}wechat-recon-desktop.png` });

  await page.goto(`${base}/console/wallet-settings`);
  const row = page.getByTestId('wechat-recon').locator('tr', { hasText: '微信镜像批次' });
  await row.getByText('领取数量不一致 1').waitFor();
});
