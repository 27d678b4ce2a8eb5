import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ttlCache } from './cache.js';

const later = <T>(v: T) => new Promise<T>((r) => setImmediate(() => r(v)));

test('the misses of one key that come while it is being read share that read', async () => {
  const c = ttlCache<number>(60_000);
  let reads = 0;
  const read = () => (reads++, later(42));
  const got = await Promise.all(Array.from({ length: 50 }, () => c.get('k', read)));
  assert.deepEqual([reads, new Set(got).size, got[0]], [1, 1, 42]);
  assert.equal(await c.get('k', read), 42);
  assert.equal(reads, 1, 'served from the cache while fresh');
  await c.get('other', read);
  assert.equal(reads, 2, 'each key is read for itself');
});

test('a value is read again once it is older than its time', async () => {
  const c = ttlCache<number>(5);
  let reads = 0;
  await c.get('k', () => later(++reads));
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(await c.get('k', () => later(++reads)), 2);
});

test('a read that fails is not kept, and those who shared it read again by themselves', async () => {
  const c = ttlCache<string>(60_000);
  let n = 0;
  const failing = () => (n++, Promise.reject(new Error('gone')));
  const [a, b] = await Promise.allSettled([c.get('k', failing), c.get('k', () => (n++, later('mine')))]);
  assert.equal(a.status, 'rejected');
  assert.deepEqual(b, { status: 'fulfilled', value: 'mine' });
  assert.equal(await c.get('k', () => later('fresh')), 'fresh', 'nothing was kept from the failure');
  assert.equal(n, 2);
});

test('delete forgets a key at once, and a read begun before it does not put the old value back', async () => {
  const c = ttlCache<string>(60_000);
  let release!: (v: string) => void;
  const old = c.get('k', () => new Promise<string>((r) => (release = r)));
  c.delete('k');
  release('old');
  assert.equal(await old, 'old');
  assert.equal(await c.get('k', () => later('new')), 'new');
});
