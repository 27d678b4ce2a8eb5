import { test } from 'node:test';
import assert from 'node:assert/strict';
import { batcher } from './batcher.js';

const tick = () => new Promise((r) => setImmediate(r));

test('an idle batcher runs each call at once, alone; under load the waiting calls go together', async () => {
  const runs: number[][] = [];
  const gates: (() => void)[] = [];
  const b = batcher(
    async (items: number[]) => {
      runs.push(items);
      await new Promise<void>((r) => gates.push(r));
      return items.map((x) => x * 10);
    },
    { lanes: 1, max: 3, key: (x) => String(x) },
  );
  const first = b(1);
  await tick();
  assert.deepEqual(runs, [[1]], 'the first call did not wait for company');
  const rest = [b(2), b(3), b(4), b(5)];
  await tick();
  assert.equal(runs.length, 1, 'the one lane is busy: the others queue');
  gates.shift()!();
  assert.equal(await first, 10);
  await tick();
  assert.deepEqual(runs[1], [2, 3, 4], 'then up to max of them together, in order');
  gates.shift()!();
  await tick();
  gates.shift()!();
  assert.deepEqual(await Promise.all(rest), [20, 30, 40, 50]);
  assert.deepEqual(runs[2], [5]);
});

test('two calls with the same key never share a statement, nor run at once', async () => {
  const runs: string[][] = [];
  let inFlight = new Set<string>();
  const b = batcher(
    async (items: { card: string; n: number }[]) => {
      const cards = items.map((i) => i.card);
      for (const c of cards) assert.ok(!inFlight.has(c), `card ${c} is in two statements at once`);
      inFlight = new Set([...inFlight, ...cards]);
      runs.push(cards);
      await tick();
      for (const c of cards) inFlight.delete(c);
      return items.map((i) => i.n);
    },
    { lanes: 2, max: 10, key: (x) => x.card },
  );
  const out = await Promise.all(['a', 'a', 'b', 'a', 'c', 'b'].map((card, n) => b({ card, n })));
  assert.deepEqual(out, [0, 1, 2, 3, 4, 5]);
  for (const r of runs) assert.equal(new Set(r).size, r.length, `no card twice in one statement: ${r}`);
});

test('a failed statement fails every call in it, and the batcher goes on', async () => {
  let fail = true;
  const b = batcher(
    async (items: number[]) => {
      await tick();
      if (fail) throw new Error('boom');
      return items;
    },
    { lanes: 1, max: 5, key: (x) => String(x) },
  );
  const failing = [b(1), b(2)].map((p) =>
    p.then(
      () => 'ok',
      (e) => e.message,
    ),
  );
  assert.deepEqual(await Promise.all(failing), ['boom', 'boom']);
  fail = false;
  assert.equal(await b(3), 3);
});
