import type { Ctx } from '../src/platform/context.js';
import { round } from './ceiling.js';
import type { Server } from './lib.js';
import type { Fixture } from './setup.js';

/**
 * `fulfil_order`: a wholesale order of `n` codes from a pre-generated pool, fulfilled by its job
 * (chunks of reserved units issued as bearer cards, docs/wholesale.md) on a serving process. The
 * clock runs from the fulfil request to the order's `fulfilled`; the pool is generated before it.
 * Peak RSS is the server's (a 100,000-code order must not be held in memory at once).
 */
export async function fulfilOrderBench(server: Server, f: Fixture, ctx: Ctx, n: number) {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`http://127.0.0.1:${server.port}${path}`, {
      method,
      headers: { authorization: `Bearer ${f.ownerKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const out = await res.json();
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(out)}`);
    return out as any;
  };
  const until = async (sql: string, params: unknown[], done: (row: any) => boolean) => {
    for (;;) {
      const row = (await ctx.db.query(sql, params)).rows[0];
      if (done(row)) return row;
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const batch = await call('POST', '/v1/batches', { template_id: f.cashTemplateId, name: 'bench wholesale pool', mode: 'pregenerated', quantity: n });
  await until('SELECT status FROM batches WHERE tenant_id = $1 AND id = $2', [f.tenantId, batch.id], (b) => b.status === 'ready' || b.status === 'failed');
  await call('PUT', `/v1/price-lists/BENCH/prices/${f.cashTemplateId}`, { wholesale_price: 900, floor_price: 800 });
  const buyer = await call('POST', '/v1/buyers', { name: 'bench buyer', price_level: 'BENCH' });
  const order = await call('POST', '/v1/wholesale-orders', { buyer_id: buyer.id, lines: [{ batch_id: batch.id, quantity: n }] });
  await call('POST', `/v1/wholesale-orders/${order.id}/confirm`);
  await call('POST', `/v1/wholesale-orders/${order.id}/payments`, { method: 'offline', reference: 'bench', amount: order.total });
  const t0 = performance.now();
  await call('POST', `/v1/wholesale-orders/${order.id}/fulfil`);
  const o = await until(
    'SELECT state, fulfilled_units FROM wholesale_orders WHERE tenant_id = $1 AND id = $2',
    [f.tenantId, order.id],
    (x) => x.state !== 'paid',
  );
  const seconds = (performance.now() - t0) / 1000;
  if (o.fulfilled_units !== n) throw new Error(`fulfil_order: ${o.fulfilled_units} of ${n} units (${o.state})`);
  // its n card.issued events go through every event subscriber of the server afterwards: the lines
  // after this one measure requests, so they wait until the subscribers have caught up (timed here)
  const t1 = performance.now();
  await until(
    `SELECT count(*)::int AS behind FROM event_cursors c
     WHERE (c.xid, c.id) < (SELECT xid, id FROM events ORDER BY xid DESC, id DESC LIMIT 1)`,
    [],
    (x) => x.behind === 0 || performance.now() - t1 > 300_000,
  );
  return {
    codes: n,
    seconds: round(seconds),
    codes_per_s: Math.round(n / seconds),
    peak_rss_mb: server.peakRssMb(),
    subscribers_caught_up_s: round((performance.now() - t1) / 1000),
  };
}
