import { load } from './lib.js';

/**
 * points_earn 订单积分: members' orders coming in over HTTP (POST /v1/orders, each a new order number,
 * three lines, one earning rule of points and one of growth), `connections` clients for `durationMs`.
 * Figures: orders in per second, p50 and p99, and exactness — the points the stats say were issued
 * equal the orders answered 201 times what each earns.
 */
export async function pointsEarn(opts: { port: number; key: string; connections: number; durationMs: number; members: number }) {
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
  await call('POST', '/v1/points/rules', {
    kind: 'order',
    name: 'bench 消费积分',
    points: 1,
    per_fen: 100,
    multipliers: [{ category: 'wine', multiplier: 2 }],
  });
  await call('POST', '/v1/points/rules', { kind: 'order', name: 'bench 成长值', asset: 'growth', points: 1, per_fen: 1000 });
  const members: string[] = [];
  for (let i = 0; i < opts.members; i++) members.push((await call('POST', '/v1/members', { name: `bench 会员 ${i}` })).id);
  const run = Date.now().toString(36);
  // ¥123 paid: ¥23 of wine at 2× and ¥100 of food → 146 points, 12 growth
  const lines = [
    { sku: 'W1', category: 'wine', quantity: 1, amount: 2_300 },
    { sku: 'F1', category: 'food', quantity: 2, amount: 6_000 },
    { sku: 'F2', category: 'food', quantity: 1, amount: 4_000 },
  ];
  const r = await load({
    port: opts.port,
    path: '/v1/orders',
    key: opts.key,
    connections: opts.connections,
    durationMs: opts.durationMs,
    body: (i) => ({ order_no: `bench-${run}-${i}`, member_id: members[i % members.length], amount: 12_300, lines }),
    ok: (s) => s === 201,
  });
  const day = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
  const stats = await call('GET', `/v1/points/stats?from=${day(-1)}&to=${day(1)}`);
  const issued = stats.days.reduce((s: number, d: any) => s + d.issued, 0);
  const placed = r.statuses['201'] ?? 0;
  return {
    rps: r.rps,
    p50_ms: r.p50_ms,
    p99_ms: r.p99_ms,
    requests: r.requests,
    placed,
    members: opts.members,
    points_issued: issued,
    exact: issued === placed * 146,
    errors: r.errors,
  };
}
