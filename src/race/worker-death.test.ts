import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, Pool, buildConnector, type Dispatcher } from 'undici';
import { ledgerMismatches } from '../modules/ledger/service.js';
import { SKIP, startCluster, inParallel, childrenOf, holdingConnections, type Cluster, type Reply } from './cluster.js';

/**
 * `serve --workers 3` under redemption load while its workers die. Requests come on keep-alive
 * connections, pipelined ones and a fresh connection each. Whatever worker dies, by SIGKILL at a
 * random moment or by SIGTERM (drain), every request gets an HTTP answer or an error (its connection
 * reset or closed) within seconds, the cluster replaces the worker, and the ledger stays whole.
 */
const LIVENESS_MS = 10_000; // a liveness bound, not a performance figure: a redemption takes milliseconds here

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: string, cond: () => boolean, ms = 20_000, log = () => '') {
  for (const until = Date.now() + ms; !cond(); await sleep(50)) if (Date.now() > until) assert.fail(`timed out: ${what}\n${log()}`);
}

type Via = 'keep-alive' | 'pipelined' | 'fresh';
interface Sent {
  via: Via;
  path: string;
  at: number;
  status?: number;
  error?: string;
}

/** Load from 30 loops over the given kinds of connection until quiet(). */
function startLoad(c: Cluster, vias: Via[], path: (via: Via, i: number) => { method: 'GET' | 'POST'; path: string; body?: unknown }) {
  const origin = `http://127.0.0.1:${c.ports[0]}`;
  const dispatchers: Record<Via, Dispatcher> = {
    'keep-alive': new Pool(origin, { connections: 12 }),
    pipelined: new Pool(origin, { connections: 2, pipelining: 4 }), // undici pipelines idempotent requests only: GETs
    fresh: new Agent(), // with reset: true each request opens its own connection and closes it
  };
  const sent: Sent[] = [];
  const pending = new Set<Sent>();
  const stuck = new Set<Sent>();
  let running = true;
  const abort = new AbortController();
  const watchdog = setInterval(() => {
    for (const s of pending) if (Date.now() - s.at > LIVENESS_MS) stuck.add(s);
  }, 200);
  const one = async (via: Via, i: number) => {
    const r = path(via, i);
    const s: Sent = { via, path: r.path, at: Date.now() };
    sent.push(s);
    pending.add(s);
    try {
      const res = await dispatchers[via].request({
        origin,
        method: r.method,
        path: r.path,
        reset: via === 'fresh',
        signal: abort.signal,
        headers: { authorization: `Bearer ${c.ownerKey}`, ...(r.body ? { 'content-type': 'application/json' } : {}) },
        body: r.body ? JSON.stringify(r.body) : undefined,
      });
      await res.body.text();
      s.status = res.statusCode;
    } catch (e) {
      s.error = (e as { code?: string }).code ?? String(e);
    } finally {
      pending.delete(s);
    }
    return s;
  };
  const loops = Array.from({ length: 30 }, async (_, w) => {
    for (let i = 0; running; i++) if ((await one(vias[w % vias.length], w * 1_000_003 + i)).error) await sleep(20);
  });
  return {
    sent,
    /** stops sending and waits for what is in flight, up to the liveness bound; answers what is still waiting */
    async quiet(): Promise<Sent[]> {
      running = false;
      for (const until = Date.now() + LIVENESS_MS; pending.size && Date.now() < until; ) await sleep(100);
      for (const s of pending) stuck.add(s);
      clearInterval(watchdog);
      return [...stuck];
    },
    /** gives up on whatever is stuck and closes the client's connections */
    async close() {
      running = false;
      clearInterval(watchdog);
      abort.abort();
      await Promise.all(Object.values(dispatchers).map((d) => d.destroy()));
      await Promise.all(loops);
    },
  };
}

const summary = (sent: Sent[]) => {
  const t: Record<string, number> = {};
  for (const s of sent) {
    const k = `${s.via} ${s.status ?? s.error}`;
    t[k] = (t[k] ?? 0) + 1;
  }
  return JSON.stringify(t);
};
/** The promise's value, or a failure when it takes longer than the liveness bound. */
async function within<T>(what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: nothing within ${LIVENESS_MS} ms`)), LIVENESS_MS)));
  try {
    return await Promise.race([p, late]);
  } finally {
    clearTimeout(timer);
  }
}
const late = (stuck: Sent[]) => stuck.map((s) => `${s.via} ${s.path} pending since ${new Date(s.at).toISOString()}`);

describe('serve --workers 3: workers die under load', { skip: SKIP }, () => {
  let c: Cluster;
  let primary: number;
  let load: (via: Via, i: number) => { method: 'GET' | 'POST'; path: string; body?: unknown };
  let held: { id: string; code: string }; // a count card the drain test holds a row lock on
  const ok = (r: Reply) => {
    assert.ok(r.status < 300, `${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };

  before(
    async () => {
      c = await startCluster(1, { workers: 3 });
      primary = c.pid(0)!;
      await waitFor(
        'three workers',
        () => childrenOf(primary).length === 3,
        20_000,
        () => c.log(0),
      );
      const issueMany = async (kind: string, value: Record<string, unknown>, n: number) => {
        const t = ok(await c.call('POST', '/v1/templates', { kind, name: kind, value, validity: { type: 'relative', days: 30 } }));
        const b = ok(await c.call('POST', '/v1/batches', { template_id: t.id, name: kind, mode: 'on_issue' }));
        return inParallel(n, 8, async () => ok(await c.call('POST', '/v1/cards/issue', { batch_id: b.id })));
      };
      const singles = await issueMany('cash', { amount_off: 300 }, 60);
      const counts = await issueMany('count', { uses: 100_000 }, 6);
      const values = await issueMany('stored_value', { initial_balance: 1_000_000_000 }, 6);
      [held] = await issueMany('count', { uses: 1000 }, 1);
      load = (via, i) => {
        if (via === 'pipelined') return { method: 'GET', path: `/v1/cards/${counts[i % counts.length].id}` };
        const r = i % 10;
        if (r < 4) return { method: 'POST', path: '/v1/redemptions', body: { code: singles[i % singles.length].code } };
        if (r < 7) return { method: 'POST', path: '/v1/redemptions', body: { code: counts[i % counts.length].code } };
        return { method: 'POST', path: '/v1/redemptions', body: { code: values[i % values.length].code, amount: 100 } };
      };
    },
    { timeout: 120_000 },
  );
  after(() => c?.stop());

  test('SIGKILL of one worker after another: every request is answered or reset within seconds', { timeout: 120_000 }, async (t) => {
    const serving = () => holdingConnections(c.ports[0], childrenOf(primary));
    const killed: number[] = [];
    const running = startLoad(c, ['keep-alive', 'keep-alive', 'fresh', 'pipelined', 'keep-alive', 'fresh'], load);
    let stuck: Sent[];
    try {
      for (let k = 0; k < 4; k++) {
        await sleep(300 + Math.random() * 1200);
        // a worker that holds connections at this moment, never the last one serving
        let up: number[] = [];
        await waitFor(
          'two workers serving',
          () => {
            up = serving();
            return up.length >= 2;
          },
          30_000,
        );
        const victim = up[Math.floor(Math.random() * up.length)];
        process.kill(victim, 'SIGKILL');
        killed.push(victim);
        await waitFor(`worker ${victim} replaced`, () => {
          const now = childrenOf(primary);
          return now.length === 3 && !now.includes(victim);
        });
      }
      await waitFor('the replacements serve', () => serving().length === 3, 30_000);
    } finally {
      stuck = await running.quiet();
      await running.close();
    }
    t.diagnostic(`killed ${killed.join(', ')}; ${running.sent.length} requests: ${summary(running.sent)}`);
    assert.deepEqual(late(stuck), [], 'no request is left waiting: each is answered or its connection reset');
    assert.deepEqual(
      running.sent.filter((s) => s.status && s.status >= 500).map((s) => `${s.via} ${s.status}`),
      [],
      'no 5xx',
    );
    assert.ok(running.sent.filter((s) => s.status === 201).length > 100, 'the load ran');
    assert.deepEqual(await ledgerMismatches(c.ctx.db, c.tenantId), []);
  });

  test('SIGTERM of one worker: it answers what it holds, closes its keep-alive connections and exits', { timeout: 120_000 }, async (t) => {
    const running = startLoad(c, ['keep-alive', 'keep-alive', 'fresh', 'pipelined', 'keep-alive', 'fresh'], load);
    // requests that wait on a row lock are in flight when the worker is told to stop
    let locked!: () => void;
    let release!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const lock = c.ctx.db.tx(async (q) => {
      await q.query('SELECT 1 FROM cards WHERE tenant_id = $1 AND id = $2 FOR UPDATE', [c.tenantId, held.id]);
      locked();
      await new Promise<void>((r) => (release = r));
    });
    await Promise.race([isLocked, lock]);
    const ports = new Set<number>();
    const connector = buildConnector({});
    const waiting = new Pool(`http://127.0.0.1:${c.ports[0]}`, {
      connections: 6,
      connect: (opts, cb) =>
        connector(opts, (...args) => {
          if (args[1]) ports.add(args[1].localPort!);
          cb(...args);
        }),
    });
    let victim = 0;
    let stuck: Sent[] = [];
    try {
      const answers = Array.from({ length: 6 }, () =>
        waiting
          .request({
            path: '/v1/redemptions',
            method: 'POST',
            body: JSON.stringify({ code: held.code }),
            headers: { authorization: `Bearer ${c.ownerKey}`, 'content-type': 'application/json' },
          })
          .then(
            async (r) => (await r.body.text(), r.statusCode),
            (e) => String(e.code ?? e),
          ),
      );
      await waitFor('a worker holding a waiting request', () => {
        victim = holdingConnections(c.ports[0], childrenOf(primary), ports)[0];
        return victim > 0;
      });
      await sleep(1000); // its request has reached the database and waits for the lock
      process.kill(victim, 'SIGTERM');
      await sleep(500);
      release();
      await lock;
      assert.deepEqual(await within('the waiting requests', Promise.all(answers)), Array(6).fill(201), 'the stopping worker answers what it holds');
      stuck = await running.quiet(); // the clients keep their connections, idle now
      t.diagnostic(`${running.sent.length} requests: ${summary(running.sent)}`);
      assert.deepEqual(late(stuck), []);
      assert.deepEqual(
        running.sent.filter((s) => s.status && s.status >= 500).map((s) => `${s.via} ${s.status}`),
        [],
        'a draining worker serves what reaches it; no 503',
      );
      await waitFor(`worker ${victim} closes its connections and exits`, () => !childrenOf(primary).includes(victim), LIVENESS_MS);
    } finally {
      release?.();
      await lock.catch(() => {});
      await waiting.destroy();
      await running.close();
    }
    await waitFor('the stopped worker replaced', () => childrenOf(primary).length === 3);
    assert.deepEqual(await ledgerMismatches(c.ctx.db, c.tenantId), []);
  });
});
