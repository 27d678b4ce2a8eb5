/// <reference types="node" />
// Type-checked with the web app (web/tsconfig.json): these test its pure modules, run by `npm test` like any test under src/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tsImport } from 'tsx/esm/api';
import type { Offer } from '../../web/src/rules.ts';

// the web's own module, loaded as TypeScript whether this file runs through tsx or compiled (npm test's .test-build)
const { conditions, faceFigure, offerHeadline, rulesInWords, todayHint, validityWords, weekdaysWords }: typeof import('../../web/src/rules.ts') =
  await tsImport('../../web/src/rules.ts', import.meta.url);

/**
 * The wording of offers (issue 11, item 14): the one module the console preview, the clerk page and
 * the wallet say a card with (web/src/rules.ts). Every kind's headline names its key conditions,
 * "not usable today" is judged in the tenant's zone, validity reads naturally and a periodic card
 * never says 长期有效 beside a fixed number of periods.
 */
const zh = (a: string, _b: string) => a;
const en = (_a: string, b: string) => b;
const none = { type: 'none' } as const;
const offer = (kind: Offer['kind'], value: Offer['value'], rules: Offer['rules'] = {}, validity: Offer['validity'] = none): Offer => ({
  kind,
  value,
  rules,
  validity,
});
const SH = 'Asia/Shanghai';

test('every kind has a headline with its key conditions, in both languages', () => {
  const weekend = { min_spend: 10000, weekdays: [6, 7] };
  assert.equal(offerHeadline(zh, offer('cash', { amount_off: 2000 }, weekend)), '满¥100减¥20 · 周末可用');
  assert.equal(offerHeadline(en, offer('cash', { amount_off: 2000 }, weekend)), '¥20 off ¥100+ · Weekends only');
  assert.equal(offerHeadline(zh, offer('cash', { amount_off: 1050 })), '立减¥10.50');
  assert.equal(offerHeadline(zh, offer('discount', { percent_off: 15, max_off: 3000 }, { min_spend: 10000 })), '8.5折 最高减¥30 满¥100可用');
  assert.equal(offerHeadline(en, offer('discount', { percent_off: 15 })), '15% off');
  assert.equal(
    offerHeadline(zh, offer('exchange', { sku: 'LATTE', product_name: '拿铁' }, { hours: [{ from: '07:00', to: '10:00' }] })),
    '兑换「拿铁」 · 07:00–10:00 可用',
  );
  assert.equal(offerHeadline(zh, offer('count', { uses: 10, product_name: '洗车' })), '共 10 次「洗车」');
  assert.equal(offerHeadline(zh, offer('periodic', { uses_per_period: 8, period: 'month', periods: 6 })), '每月 8 次 · 共 6 个月');
  assert.equal(offerHeadline(en, offer('periodic', { uses_per_period: 2, period: 'week', periods: 4 })), '2 a week · 4 weeks');
  assert.equal(offerHeadline(zh, offer('stored_value', { initial_balance: 50000 })), '储值 ¥500');
  assert.equal(offerHeadline(zh, offer('stored_value', { initial_balance: 0 })), '储值卡 · 充值后按金额使用', 'sold empty: not 储值 ¥0');
  assert.equal(offerHeadline(zh, offer('gift', { initial_balance: 20000 })), '礼品卡 ¥200');
  assert.equal(offerHeadline(zh, offer('stamp', { goal: 10, reward_template_id: 'tpl_x' })), '集满 10 点得奖励');
  assert.equal(offerHeadline(zh, offer('external', { supplier: '某视频', product_name: '月卡' })), '某视频 · 月卡');
  assert.equal(
    offerHeadline(zh, offer('cash', { amount_off: 2000 }, { store_ids: ['sto_a'], store_names: ['南京西路店'] })),
    '立减¥20 · 限南京西路店',
    'stores by the names the server sends',
  );
  assert.deepEqual(conditions(zh, { store_ids: ['a', 'b', 'c'] }), ['限 3 家门店']);
});

test('a card face shows its figure and what is left of a card', () => {
  assert.deepEqual(faceFigure(zh, offer('cash', { amount_off: 2000 }, { min_spend: 10000 })), { big: '¥20.00', small: '满¥100可用' });
  assert.deepEqual(faceFigure(zh, offer('cash', { amount_off: 2000 })), { big: '¥20.00', small: '无门槛' });
  assert.deepEqual(faceFigure(zh, offer('discount', { percent_off: 12, max_off: 5000 })), { big: '8.8折', small: '最高减¥50' });
  assert.deepEqual(faceFigure(zh, offer('count', { uses: 10 }), { uses_left: 8 }), { big: '8', small: '次可用（共 10 次）' });
  assert.deepEqual(faceFigure(zh, offer('periodic', { uses_per_period: 8, period: 'month', periods: 6 }), { uses_left: 3, period_no: 2 }), {
    big: '3',
    small: '本月剩余次数 · 第 2/6 期',
  });
  assert.deepEqual(faceFigure(zh, offer('stored_value', { initial_balance: 50000 }), { balance: 32000 }), { big: '¥320.00', small: '余额' });
  assert.deepEqual(faceFigure(zh, offer('gift', { initial_balance: 20000 })), { big: '¥200.00', small: '面值' });
  assert.deepEqual(faceFigure(zh, offer('stamp', { goal: 10 }), { stamps: 3 }), { big: '3/10', small: '点，集满得奖励' });
  assert.deepEqual(faceFigure(zh, offer('exchange', { sku: 'LATTE', product_name: '拿铁' })), { big: '拿铁', small: '兑换 1 份' });
  assert.deepEqual(faceFigure(zh, offer('external', { supplier: '某视频', product_name: '月卡' })), { big: '月卡', small: '某视频' });
});

test('"not usable today" is judged in the tenant’s zone', () => {
  const weekends = { weekdays: [6, 7] };
  const friday = new Date('2026-05-15T02:00:00Z'); // Friday 10:00 in Shanghai
  assert.equal(todayHint(zh, weekends, friday, SH), '今日不可用（仅周六、周日）');
  assert.equal(todayHint(en, weekends, friday, SH), 'Not usable today (Sat, Sun only)');
  const lateFridayUtc = new Date('2026-05-15T17:00:00Z'); // Saturday 01:00 in Shanghai, still Friday in UTC
  assert.equal(todayHint(zh, weekends, lateFridayUtc, SH), null);
  assert.equal(todayHint(zh, weekends, lateFridayUtc, 'UTC'), '今日不可用（仅周六、周日）');
  const lunch = { hours: [{ from: '11:00', to: '14:00' }] };
  assert.equal(todayHint(zh, lunch, new Date('2026-05-15T07:00:00Z'), SH), '现在不可用（仅 11:00–14:00）'); // 15:00
  assert.equal(todayHint(zh, lunch, new Date('2026-05-15T04:00:00Z'), SH), null); // 12:00
  assert.equal(todayHint(zh, { hours: [{ from: '22:00', to: '02:00' }] }, new Date('2026-05-15T17:00:00Z'), SH), null, 'a window across midnight');
  assert.equal(todayHint(zh, {}, friday, SH, { valid_from: '2026-06-01T00:00:00+08:00' }), '2026-06-01 起可用');
  assert.equal(todayHint(zh, {}, friday, SH), null);
});

test('validity reads naturally; a periodic card says until when, never 长期有效', () => {
  const cash = (validity: Offer['validity']) => offer('cash', { amount_off: 100 }, {}, validity);
  assert.equal(validityWords(zh, cash({ type: 'relative', days: 30 }), SH), '领取后 30 天内有效');
  assert.equal(validityWords(zh, cash({ type: 'relative', days: 7, from: 'bind' }), SH), '绑定后 7 天内有效');
  assert.equal(validityWords(zh, cash({ type: 'fixed', ends_at: '2026-12-31T15:59:59.999Z' }), SH), '2026-12-31 前有效');
  assert.equal(
    validityWords(zh, cash({ type: 'fixed', starts_at: '2026-10-31T16:00:00.000Z', ends_at: '2026-12-31T15:59:59.999Z' }), SH),
    '2026-11-01 起，2026-12-31 前有效',
  );
  assert.equal(validityWords(en, cash({ type: 'fixed', ends_at: '2026-12-31T15:59:59.999Z' }), SH), 'Valid through 2026-12-31');
  assert.equal(validityWords(zh, cash({ type: 'period_end', unit: 'month' }), SH), '领取当月月底前有效');
  assert.equal(validityWords(zh, cash(none), SH), '长期有效');

  const periodic = offer('periodic', { uses_per_period: 8, period: 'month', periods: 6 });
  assert.equal(validityWords(zh, periodic, SH), '领取当月起 6 个月内有效');
  // an issued card ends at local midnight of the 1st after its last period: its last day is the day before
  assert.equal(validityWords(zh, periodic, SH, { valid_until: '2026-06-30T16:00:00.000Z' }), '2026-06-30 前有效');
  const words = rulesInWords(zh, periodic.kind, periodic.value, periodic.validity, periodic.rules, undefined, { tz: SH });
  assert.ok(!words.some((w) => w.includes('长期有效')), words.join(' / '));
  assert.match(words[0]!, /^每月 8 次，共 6 个月（领取当月为第 1 期）；每月 1 日补满，当期未用完的次数不结转$/);
});

test('weekdays and stores in words', () => {
  assert.equal(weekdaysWords(zh, [1, 2, 3, 4, 5]), '工作日');
  assert.equal(weekdaysWords(zh, [7, 6]), '周末');
  assert.equal(weekdaysWords(zh, [1, 2, 3]), '周一至周三');
  assert.equal(weekdaysWords(en, [1, 2, 3]), 'Mon–Wed');
  assert.equal(weekdaysWords(zh, [2, 4]), '周二、周四');
  const words = rulesInWords(
    zh,
    'cash',
    { amount_off: 2000 },
    { type: 'relative', days: 30 },
    {
      min_spend: 10000,
      weekdays: [6, 7],
      store_ids: ['sto_a', 'sto_b'],
      store_names: ['南京西路店', '徐汇店'],
    },
  );
  assert.deepEqual(words, ['订单满 ¥100 减 ¥20', '领取后 30 天内有效', '仅周六、周日可用', '限以下门店使用：南京西路店、徐汇店']);
});
