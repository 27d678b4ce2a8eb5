import { test } from 'node:test';
import assert from 'node:assert/strict';
import { benefitPeriod, floorEnd, graceEnd, higher, ladderProblems, qualifyingPeriod, tierForGrowth, type Tier } from './policy.js';

/** The tier rules alone: which tier growth reaches, periods and grace in the tenant's zone, the ladder's checks. */
const ladder: Tier[] = [
  { id: 'tier_1', name: '普通', rank: 0, threshold: 0 },
  { id: 'tier_2', name: '银卡', rank: 1, threshold: 1000 },
  { id: 'tier_3', name: '金卡', rank: 2, threshold: 5000 },
  { id: 'tier_4', name: '黑卡', rank: 3, threshold: 20000 },
];
const tz = 'Asia/Shanghai';

test('growth reaches the highest tier whose threshold it meets: a jump can skip levels', () => {
  assert.equal(tierForGrowth(ladder, 0)?.name, '普通');
  assert.equal(tierForGrowth(ladder, 999)?.name, '普通');
  assert.equal(tierForGrowth(ladder, 1000)?.name, '银卡');
  assert.equal(tierForGrowth(ladder, 25000)?.name, '黑卡', 'from 普通 straight to 黑卡');
  assert.equal(tierForGrowth(ladder.slice(1), 10), null, 'below every threshold: no tier');
  assert.equal(higher(ladder, 'tier_2', 'tier_3'), 'tier_3');
  assert.equal(higher(ladder, 'tier_3', null), 'tier_3');
});

test('qualifying periods are calendar months from 1 January in the tenant’s zone', () => {
  // 2026-03-31 20:00 UTC is already 1 April in Shanghai: the second quarter
  const q = qualifyingPeriod(new Date('2026-03-31T20:00:00Z'), tz, 3);
  assert.equal(q.start.toISOString(), '2026-03-31T16:00:00.000Z'); // 1 April 00:00 +08:00
  assert.equal(q.end.toISOString(), '2026-06-30T16:00:00.000Z'); // 1 July 00:00 +08:00
  const y = qualifyingPeriod(new Date('2026-07-15T00:00:00Z'), tz, 12);
  assert.equal(y.start.toISOString(), '2025-12-31T16:00:00.000Z');
  assert.equal(y.end.toISOString(), '2026-12-31T16:00:00.000Z');
});

test('grace ends N local days after the decision; a manual tier holds through its end date', () => {
  assert.equal(graceEnd(new Date('2026-06-30T16:00:00Z'), tz, 30).toISOString(), '2026-07-30T16:00:00.000Z');
  assert.equal(floorEnd('2026-12-31', tz)!.toISOString(), '2026-12-31T16:00:00.000Z', 'until the end of 31 December, Shanghai');
  assert.equal(floorEnd('2026-02-30', tz), null);
});

test('a monthly benefit’s period is the month of its latest day at or before now', () => {
  assert.deepEqual(benefitPeriod(new Date('2026-05-01T00:00:00Z'), tz, 1), { period: '2026-05', dueAt: new Date('2026-04-30T16:00:00Z') });
  // 30 April 23:00 Shanghai: May's 1st has not come yet
  assert.equal(benefitPeriod(new Date('2026-04-30T15:00:00Z'), tz, 1).period, '2026-04');
  assert.equal(benefitPeriod(new Date('2026-01-10T00:00:00Z'), tz, 15).period, '2025-12', 'across the year');
});

test('the ladder: thresholds strictly increase, names are unique, each problem names its field', () => {
  assert.deepEqual(ladderProblems(ladder), []);
  assert.deepEqual(
    ladderProblems([
      { name: '普通', threshold: 0 },
      { name: '银卡', threshold: 1000 },
      { name: '金卡', threshold: 1000 },
      { name: '银卡', threshold: 2000 },
    ]).map((p) => p.field),
    ['tiers[2].threshold', 'tiers[3].name'],
  );
});
