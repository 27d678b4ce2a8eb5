/**
 * Group commit in the application: calls that arrive while `lanes` statements are already running
 * wait and then go together, as one statement (one round trip, one commit) for up to `max` of them.
 * Nothing waits on a timer: an idle process runs each call at once, alone; batches form only under
 * load, out of the queue that load builds anyway. `conflicts` keeps two items that must not share a
 * statement (the same card twice) apart, and keeps an item out while another statement holds its key.
 */
export function batcher<I, O>(run: (items: I[]) => Promise<O[]>, opts: { lanes: number; max: number; key: (item: I) => string }): (item: I) => Promise<O> {
  const queue: { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  const busy = new Set<string>(); // keys inside a running statement
  let running = 0;
  const kick = () => {
    while (running < opts.lanes && queue.length) {
      const taken: typeof queue = [];
      const keys = new Set<string>();
      for (let i = 0; i < queue.length && taken.length < opts.max; ) {
        const k = opts.key(queue[i].item);
        if (busy.has(k) || keys.has(k)) {
          i++;
          continue;
        }
        keys.add(k);
        taken.push(queue.splice(i, 1)[0]);
      }
      if (!taken.length) return; // everything waiting is behind a running statement
      running++;
      for (const k of keys) busy.add(k);
      run(taken.map((t) => t.item))
        .then(
          (outs) => taken.forEach((t, i) => t.resolve(outs[i])),
          (e) => taken.forEach((t) => t.reject(e)),
        )
        .finally(() => {
          running--;
          for (const k of keys) busy.delete(k);
          kick();
        });
    }
  };
  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      kick();
    });
}
