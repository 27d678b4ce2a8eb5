/**
 * A small cache for what every request reads (API keys, tenant settings): a value is served for
 * `ms` from when its read began, and the misses of one key that come while a read is under way
 * share that read. Without sharing, a value expiring under load sent one query per request that
 * arrived before the first answer — a burst of round trips at the moment the cache was cold,
 * several times a second at a few hundred requests a second. A read that fails is not kept, and
 * whoever shared it reads again alone. `delete` forgets a key at once: a read begun before it does
 * not put the old value back.
 */
export interface TtlCache<V> {
  get(key: string, read: () => Promise<V>): Promise<V>;
  delete(key: string): void;
}

export function ttlCache<V>(ms: number, max = 10_000): TtlCache<V> {
  const hits = new Map<string, { at: number; value: V }>();
  const reading = new Map<string, Promise<V>>();
  const forgotten = new Map<string, number>(); // how often each key was deleted: a read begun before keeps nothing
  return {
    async get(key, read) {
      const at = Date.now();
      const hit = hits.get(key);
      if (hit && at - hit.at < ms) return hit.value;
      const shared = reading.get(key);
      if (shared) return shared.catch(() => read());
      const epoch = forgotten.get(key) ?? 0;
      const p = read();
      reading.set(key, p);
      try {
        const value = await p;
        if ((forgotten.get(key) ?? 0) === epoch) {
          if (hits.size >= max) hits.clear();
          hits.set(key, { at, value });
        }
        return value;
      } finally {
        if (reading.get(key) === p) reading.delete(key);
      }
    },
    delete(key) {
      hits.delete(key);
      reading.delete(key);
      if (forgotten.size >= max) forgotten.clear();
      forgotten.set(key, (forgotten.get(key) ?? 0) + 1);
    },
  };
}
