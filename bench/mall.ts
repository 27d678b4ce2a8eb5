import type { Ctx } from '../src/platform/context.js';
import { earn, pointBalances } from '../src/modules/points/service.js';
import { load } from './lib.js';

/**
 * mall_exchange_hot 积分商城热点: one item of limited stock exchanged by many members at once over HTTP,
 * ten times more requests than stock (`connections` clients; each member asks several times against a
 * limit of one). Figures: rps and p99 of the requests, and exactness — the 201s equal the stock, the
 * item's sold equals the stock, no member got more than one, and the points charged are exactly
 * stock × price.
 */
export async function mallExchangeHot(opts: { port: number; key: string; ctx: Ctx; tenantId: string; templateId: string; stock: number; connections: number }) {
  const base = `http://127.0.0.1:${opts.port}`;
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${opts.key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = (await res.json()) as any;
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const price = 100;
  const batch = await call('POST', '/v1/batches', { template_id: opts.templateId, name: 'bench mall', mode: 'on_issue' });
  const item = await call('POST', '/v1/mall/items', {
    name: 'bench 兑换券',
    kind: 'card',
    batch_id: batch.id,
    points: price,
    stock: opts.stock,
    per_member_limit: 1,
  });
  await call('POST', `/v1/mall/items/${item.id}/publish`);
  const members: string[] = [];
  const count = opts.stock * 2;
  for (let i = 0; i < count; i += 50) {
    const made = await Promise.all(Array.from({ length: Math.min(50, count - i) }, (_, k) => call('POST', '/v1/members', { name: `bench 会员 ${i + k}` })));
    members.push(...made.map((m) => m.id as string));
  }
  await opts.ctx.db.tx(async (q) => {
    for (const m of members)
      await earn(q, opts.tenantId, { memberId: m, asset: 'points', amount: 2 * price, reason: 'bench', reference: `bench:${item.id}:${m}` }, new Date());
  });
  const r = await load({
    port: opts.port,
    path: `/v1/mall/items/${item.id}/exchange`,
    key: opts.key,
    connections: opts.connections,
    maxRequests: opts.stock * 10,
    body: (i) => ({ member_id: members[i % members.length] }),
    ok: (s) => s === 201 || s === 409,
  });
  const after = await call('GET', `/v1/mall/items/${item.id}`);
  let charged = 0;
  let overLimit = 0;
  for (const m of members) {
    const spent = 2 * price - (await pointBalances(opts.ctx.db, opts.tenantId, m)).points;
    charged += spent;
    if (spent > price) overLimit++;
  }
  const exchanged = r.statuses['201'] ?? 0;
  return {
    rps: r.rps,
    p50_ms: r.p50_ms,
    p99_ms: r.p99_ms,
    attempts: r.requests,
    members: members.length,
    stock: opts.stock,
    exchanged,
    refused: r.statuses['409'] ?? 0,
    item_sold: after.sold,
    points_charged: charged,
    exact: exchanged === opts.stock && after.sold === opts.stock && charged === opts.stock * price && overLimit === 0,
    errors: r.errors,
  };
}
