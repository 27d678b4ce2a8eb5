import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv } from '../../testing/harness.js';
import { sqlCounters, redisCounters, type CounterStore } from './counters.js';
import { groupedSqlCounters } from './counters-grouped.js';
import { bucketOf } from './windows.js';

/**
 * The counters themselves: a take never goes past the limit, a give-back frees one in its own
 * bucket, a sliding window forgets a sub-bucket once it leaves; calendar windows follow the tenant's
 * day. In the database (both engines) and in Redis when REDIS_URL is set.
 */
test('calendar windows follow the tenant’s day; sliding windows move by tenths', () => {
  const day = { window_size: 1, window_unit: 'day', window_mode: 'calendar' } as const;
  // 23:30 and 00:30 Shanghai time are two days; 15:00 and 15:59 UTC are one Shanghai day (23:00, 23:59)
  const a = bucketOf(day, new Date('2026-03-01T15:30:00Z'), 'Asia/Shanghai');
  const b = bucketOf(day, new Date('2026-03-01T16:30:00Z'), 'Asia/Shanghai');
  assert.equal(b.b, a.b + 1);
  assert.equal(b.since.toISOString(), '2026-03-01T16:00:00.000Z');
  const month = bucketOf({ window_size: 1, window_unit: 'month', window_mode: 'calendar' }, new Date('2026-03-31T16:30:00Z'), 'Asia/Shanghai');
  assert.equal(month.since.toISOString(), '2026-03-31T16:00:00.000Z', 'April 1st in Shanghai');
  const week = bucketOf({ window_size: 1, window_unit: 'week', window_mode: 'calendar' }, new Date('2026-03-04T12:00:00Z'), 'UTC');
  assert.equal(week.since.toISOString(), '2026-03-02T00:00:00.000Z', 'weeks start on Monday');
  const hour = { window_size: 1, window_unit: 'hour', window_mode: 'sliding' } as const;
  const h = bucketOf(hour, new Date('2026-03-01T10:00:00Z'), 'UTC');
  assert.equal(h.k, 10);
  assert.equal(bucketOf(hour, new Date('2026-03-01T10:06:00Z'), 'UTC').b, h.b + 1);
});

async function exercise(s: CounterStore) {
  const tenant = `t${Math.random()}`;
  const t = { rule: 'r1', subject: 'member:a', k: 10, idx: 3, b: 102, lim: 2, ttlMs: 60_000 };
  const u = { rule: 'r2', subject: 'ip:1', k: 1, idx: 1, b: 7, lim: 1, ttlMs: 60_000 };
  const now = Date.now();
  assert.deepEqual(await s.take(tenant, [t, u], now), [true, true]);
  assert.deepEqual(await s.take(tenant, [t, u], now), [true, false]);
  assert.deepEqual(await s.take(tenant, [t], now), [false]);
  assert.deepEqual(await s.peek(tenant, [t, u]), [2, 1]);
  await s.give(tenant, [t]);
  assert.deepEqual(await s.peek(tenant, [t, u]), [1, 1]);
  const next = { ...t, idx: 4, b: 103 };
  assert.deepEqual(await s.take(tenant, [next], now), [true]);
  assert.deepEqual(await s.take(tenant, [next], now), [false]);
  const later = { ...t, idx: 3, b: 112 }; // bucket 102 has left the window, 103 has not
  assert.deepEqual(await s.peek(tenant, [later]), [1]);
  assert.deepEqual(await s.take(tenant, [later], now), [true]);
  assert.deepEqual(await s.take(tenant, [later], now), [false]);
}

test('counters in the database', async () => {
  const env = await startTestEnv();
  try {
    await exercise(sqlCounters(env.ctx.db));
  } finally {
    await env.close();
  }
});

test('counters in the database taken in groups: alone as before; 60 takes at once of a limit of 25 admit exactly 25', async () => {
  const env = await startTestEnv();
  try {
    const s = groupedSqlCounters(env.ctx.db);
    await exercise(s);
    const tenant = `t${Math.random()}`;
    const store = { rule: 'r9', subject: 'store:s1', k: 1, idx: 1, b: 5, lim: 25, ttlMs: 60_000 };
    const member = (i: number) => ({ rule: 'r8', subject: `member:m${i % 3}`, k: 1, idx: 1, b: 5, lim: 4, ttlMs: 60_000 });
    const got = await Promise.all(Array.from({ length: 60 }, (_, i) => s.take(tenant, [member(i), store], Date.now())));
    assert.equal(got.filter((g) => g[1]).length, 25, 'the store counter admits exactly its limit');
    for (let m = 0; m < 3; m++) assert.equal(got.filter((g, i) => i % 3 === m && g[0]).length, 4, `member m${m} admits exactly 4`);
    assert.deepEqual(await s.peek(tenant, [store, member(0), member(1), member(2)]), [25, 4, 4, 4]);
  } finally {
    await env.close();
  }
});

test('counters in Redis', { skip: process.env.REDIS_URL ? false : 'needs REDIS_URL' }, async () => {
  const s = redisCounters(process.env.REDIS_URL!);
  try {
    await exercise(s);
  } finally {
    await s.close();
  }
});
