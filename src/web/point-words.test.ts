/// <reference types="node" />
// Type-checked with the web app (web/tsconfig.json): these test its pure modules, run by `npm test` like any test under src/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tsImport } from 'tsx/esm/api';
import type { MoveKind } from '../modules/points/post.ts';

const { lastDay, moveKindWords, reasonWords, signed }: typeof import('../../web/src/pages/members/pointWords.ts') = await tsImport(
  '../../web/src/pages/members/pointWords.ts',
  import.meta.url,
);

/**
 * How the wallet and the member profile say a points movement (issue 13, item 7): every kind the points
 * module writes has words in both languages, and a stored reason (`order:<no>`, `activity:<type>`, `mall` …)
 * is never shown as it is stored; an adjustment shows the operator's own reason, which the member reads too.
 */
const zh = (a: string, _b: string) => a;
const en = (_a: string, b: string) => b;

test('every movement kind the points module writes has words in both languages', () => {
  const kinds: Record<MoveKind, true> = { earn: true, spend: true, return: true, expire: true, clawback: true, adjust: true };
  for (const k of Object.keys(kinds)) {
    assert.notEqual(moveKindWords(zh, k), k, `${k} in Chinese`);
    assert.notEqual(moveKindWords(en, k), k, `${k} in English`);
    assert.match(moveKindWords(zh, k), /\p{Script=Han}/u);
  }
});

test('stored reasons are said in words, never as stored', () => {
  const cases: [string, string, string][] = [
    ['order:SO20261128004', '订单 SO20261128004', 'Order SO20261128004'],
    ['activity:signed_in', '活动奖励 · 签到', 'Activity · Daily sign-in'],
    ['activity:liked', '活动奖励 · liked', 'Activity · liked'],
    ['refund:ref_01', '订单退款', 'Order refunded'],
    ['redeem:rdm_01', '核销卡券奖励', 'Card redeemed'],
    ['reversed:rdm_01', '核销撤销', 'Redemption reversed'],
    ['mall', '积分商城兑换', 'Points mall exchange'],
    ['mall_refund', '积分商城退款', 'Points mall refund'],
    ['expired', '到期失效', 'Expired'],
  ];
  for (const [stored, z, e] of cases) {
    assert.equal(reasonWords(zh, stored), z);
    assert.equal(reasonWords(en, stored), e);
  }
  assert.equal(reasonWords(zh, '外卖超时补偿', 'adjust'), '外卖超时补偿', 'the operator’s own reason');
});

test('a movement reads with its sign', () => {
  assert.deepEqual([signed(1200), signed(-300)], ['+1,200', '−300']);
});

test('an expiry reads as the last day the points can be used, on the tenant’s calendar', () => {
  // 30 days from 2026-11-01 in Shanghai: usable through 2026-12-01, gone at its midnight (16:00Z the day before)
  assert.equal(lastDay('2026-12-01T16:00:00.000Z', 'Asia/Shanghai'), '2026-12-01');
  // a month-end lot: gone at the first instant of January, usable through 31 December
  assert.equal(lastDay('2026-12-31T16:00:00.000Z', 'Asia/Shanghai'), '2026-12-31');
  assert.equal(lastDay('2027-01-01T00:00:00.000Z', 'UTC'), '2026-12-31');
});
