import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { TestEnv } from '../testing/harness.js';
import { DEMO_TENANT } from '../seed/demo.js';
import { chromiumMissing, watchCsp, SHOTS, startScreens, type Screens, WIDE as DESKTOP, PHONE } from './browser.js';

/**
 * Batches, exports and the dashboard in a real browser, as an operator works them (issue 11, items
 * 7–9): a big batch's progress moves while it generates and 暂停 stops it part way; an export says
 * what it will contain and "已导出 N 张" after, a second one says nothing is left, and the history
 * gives the same file again; the dashboard explains each figure, compares with the previous period,
 * keeps stock apart from cards in members' hands and downloads its reports. The browser runs in UTC
 * while the tenant is in Asia/Shanghai: times must be the tenant's. Screenshots batches-… and dashboard-….
 */
const skip = chromiumMissing;

let env: TestEnv;
let browser: Browser;
let base: string;
let ownerKey: string;
let screens: Screens;
let ctx: BrowserContext;
let page: Page;
let csp: string[];
const owner = (method: string, url: string, body?: unknown) => env.api(method, url, body, { key: ownerKey });

before(async () => {
  if (skip) return;
  screens = await startScreens({ bootstrapKey: 'kq_e2e_batches_owner_key_0123456789' });
  ({ env, base, ownerKey, browser } = screens);
  const op = await owner('POST', '/v1/operators', { username: 'yunying.li', password: 'operator pass 7', role: 'operator', display_name: '运营小李' });
  assert.equal(op.status, 201, JSON.stringify(op.body));
  ctx = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN', timezoneId: 'UTC', acceptDownloads: true });
  csp = await watchCsp(ctx);
  page = await ctx.newPage();
  await page.goto(`${base}/console`);
  await page.getByLabel('商户（名称或 ID，唯一用户名可不填）').fill(DEMO_TENANT);
  await page.getByLabel('用户名', { exact: true }).fill('yunying.li');
  await page.getByLabel('密码', { exact: true }).fill('operator pass 7');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('dashboard').waitFor();
});
after(async () => {
  if (skip) return;
  await ctx?.close();
  await screens?.close();
});

/** The page at desktop size, then at phone size (the same screen, as a phone shows it). */
async function shots(name: string) {
  await page.waitForTimeout(300); // charts and fonts settle
  await page.screenshot({ path: `${SHOTS}${name}-desktop.png` });
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SHOTS}${name}-phone.png` });
  await page.setViewportSize(DESKTOP);
}
async function assertText(loc: Locator, re: RegExp) {
  let last = '';
  for (let i = 0; i < 100; i++) {
    last = await loc.innerText({ timeout: 1000 }).catch(() => '');
    if (re.test(last)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.match(last, re);
}
const digits = (s: string) => Number(s.replace(/[^\d]/g, ''));
/** A time as Shanghai reads it: what the page must show, though the browser runs in UTC. */
const shanghai = (iso: string) => {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
};

test('a big batch: the progress moves while it generates, the table stays usable, 暂停 stops it part way', { skip }, async () => {
  const total = 1_000_000; // paused long before it is done
  await page.getByRole('menuitem', { name: '批次' }).click();
  await page.getByTestId('new-batch').click();
  await page.getByLabel('模板').click();
  await page.keyboard.type('满50减10 代金券');
  await page.keyboard.press('Enter');
  await page.getByLabel('批次名称').fill('双十一 大批量');
  await page.getByLabel('数量（最多 100 万）').fill(String(total));
  await page.getByTestId('batch-submit').click();
  const row = page.getByTestId('batches-table').locator('tr', { hasText: '双十一 大批量' });
  await row.waitFor();
  const batch = (await owner('GET', `/v1/batches?q=${encodeURIComponent('双十一 大批量')}`)).body.data[0];
  const progress = page.getByTestId(`progress-${batch.id}`);
  // watch the numbers on screen: two different counts strictly between 0 and the total, with no spinner over the table
  const seen = new Set<number>();
  for (let i = 0; i < 600 && seen.size < 2; i++) {
    const m = /([\d,]+)\s*\/\s*[\d,]+/.exec(await progress.innerText().catch(() => ''));
    const done = m ? digits(m[1]) : 0;
    if (done > 0 && done < total) {
      seen.add(done);
      assert.equal(await page.getByTestId('batches-table').locator('.ant-spin-spinning').count(), 0, 'no spinner over the rows while progress refreshes');
    }
    await page.waitForTimeout(250);
  }
  assert.ok(seen.size >= 2, `the progress moved on screen (saw ${[...seen].join(', ')})`);
  await assertText(page.getByTestId(`status-${batch.id}`), /生成中/);
  await shots('batches-progress');
  // 暂停 is clickable mid-way and stops the generation part way
  await row.getByRole('button', { name: /暂\s*停/ }).click();
  await assertText(page.getByTestId(`status-${batch.id}`), /已暂停/);
  const paused = (await owner('GET', `/v1/batches/${batch.id}`)).body;
  assert.equal(paused.status, 'paused');
  assert.ok(paused.generated > 0 && paused.generated < total, `paused part way (${paused.generated} of ${total})`);
  await assertText(progress, new RegExp(`${paused.generated.toLocaleString('zh-CN')} / ${total.toLocaleString('zh-CN')}`));
  await shots('batches-paused');
});

test('export: it says what it will contain and how many were exported; a second export says nothing is left; the history gives the file again', {
  skip,
}, async () => {
  const tpl = (await owner('GET', `/v1/templates?q=${encodeURIComponent('满50减10 代金券')}`)).body.data[0];
  const made = await owner('POST', '/v1/batches', { template_id: tpl.id, name: '门店海报码', mode: 'pregenerated', quantity: 300 });
  assert.equal(made.status, 201);
  for (let i = 0; i < 100 && (await owner('GET', `/v1/batches/${made.body.id}`)).body.status !== 'ready'; i++) await page.waitForTimeout(200);
  await page.getByRole('menuitem', { name: '批次' }).click();
  await page
    .getByTestId('batches-table')
    .getByRole('button', { name: /刷\s*新/ })
    .click();
  const row = page.getByTestId('batches-table').locator('tr', { hasText: '门店海报码' });
  await assertText(row, /已就绪/);

  await row.getByRole('button', { name: /导出券码/ }).click();
  await assertText(page.getByTestId('export-summary'), /从未导出的 300 张中按生成顺序取出 300 张/);
  await page.getByTestId('export-ack').click();
  await shots('batches-export');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-confirm').click()]);
  const file = readFileSync((await download.path())!, 'utf8');
  assert.equal(file.trim().split('\n').length, 301, 'the header and 300 codes');
  await assertText(page.getByTestId('export-done'), /已导出 300 张/);
  // every code is out: the row offers the history, not another export
  await row.getByRole('button', { name: /导出记录/ }).waitFor();
  await shots('batches-exported');

  await row.getByRole('button', { name: /导出记录/ }).click();
  await assertText(page.getByTestId('export-summary'), /未导出的 0 张；已全部导出，可在导出记录中重新下载/);
  assert.equal(await page.getByTestId('export-confirm').count(), 0, 'no export button when nothing is left');
  const [rec] = (await owner('GET', `/v1/batches/${made.body.id}/exports`)).body.data;
  const history = page.getByTestId('export-history');
  await assertText(history, /运营小李/);
  await assertText(history, /第 1–300 张/);
  await assertText(history, new RegExp(shanghai(rec.created_at)));
  await assertText(history, new RegExp(shanghai(rec.refetch_until)));
  await shots('batches-export-history');
  const [again] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`refetch-${rec.id}`).click()]);
  assert.equal(readFileSync((await again.path())!, 'utf8'), file, 'the same file: the same codes in the same order');
  await assertText(page.getByTestId('refetch-done'), /已重新下载 300 张/);
  assert.equal((await owner('GET', `/v1/batches/${made.body.id}/exports`)).body.data[0].refetches, 1);
  await page.getByTestId('export-close').click();
  const audit = (await owner('GET', '/v1/audit?limit=100')).body.data.map((a: any) => a.action);
  assert.ok(audit.includes('batch.export_refetch'), 'the download again is audited');
});

test('dashboard: each figure defined, compared with the previous period, stock apart from cards in hands, every day charted, reports as CSV and Excel', {
  skip,
}, async () => {
  await page.getByRole('menuitem', { name: '数据概览' }).click();
  await page.getByTestId('dashboard').waitFor();
  const api = (await owner('GET', '/v1/stats')).body;
  assert.ok(api.totals.exported >= 300, 'the 300 exported codes are counted as exported');
  await assertText(page.getByTestId('stat-exported'), new RegExp(api.totals.exported.toLocaleString('zh-CN')));
  await assertText(page.getByTestId('stat-in_hands'), new RegExp(`^[\\s\\S]*${api.totals.in_hands}`));
  // the rate is over cards in members' hands: 300 exported codes do not sink it to 0.0 %
  assert.ok(api.totals.redemption_rate > 0);
  await assertText(page.getByTestId('stat-redemption_rate'), new RegExp(`${(api.totals.redemption_rate * 100).toFixed(1)}%`));
  await assertText(page.getByTestId('change-issued'), /较上期/);
  await assertText(page.getByTestId('dashboard-period'), /Asia\/Shanghai/);
  // every day of the 30 is on the trend line (days without data are zeros, not gaps)
  const path = await page.locator('.recharts-line-curve').first().getAttribute('d');
  assert.ok((path?.match(/[LC]/g) ?? []).length >= 20, `the trend is a line over the period, not a dot (${path?.slice(0, 60)})`);
  await page.getByTestId('stat-redemption_rate').getByTestId('term-redemption_rate').hover();
  await assertText(page.getByTestId('def-redemption_rate'), /到达会员手中的卡券里，到期末已核销/);
  await shots('dashboard-definitions');
  await page.mouse.move(5, 5);

  await page.getByTestId('report-dim').click();
  await page.getByTitle('按模板').click();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-csv').click()]);
  assert.match(csv.suggestedFilename(), /^kaquan-report-template-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = readFileSync((await csv.path())!);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 BOM, so Excel reads the Chinese');
  const text = bytes.toString('utf8');
  assert.match(text, /^\uFEFF模板,发放,发给会员,导出 \/ 无记名,/);
  assert.match(text, /满50减10 代金券/);
  assert.ok(!/tpl_/.test(text), 'names, not ids');
  assert.match(text, /\n合计,/);
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-xlsx').click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync((await xlsx.path())!) as any);
  assert.deepEqual(
    wb.worksheets.map((w) => w.name),
    ['报表', '概况', '指标说明'],
  );
  await shots('dashboard');
  assert.deepEqual(csp, [], 'no Content-Security-Policy violation');
});
