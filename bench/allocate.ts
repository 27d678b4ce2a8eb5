import { load } from './lib.js';

/**
 * allocate_hot 渠道分配热点: many children are given quota out of one parent at once over HTTP (one
 * unit each, `connections` clients, 3× more asks than the parent holds). Figures: rps and p99 of the
 * asks, and exactness — the 201s equal the parent's holding and the parent is left with 0.
 */
export async function allocateHot(opts: { port: number; key: string; templateId: string; holding: number; children: number; connections: number }) {
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
  const batch = await call('POST', '/v1/batches', { template_id: opts.templateId, name: 'bench allocate', mode: 'on_issue', stock: opts.holding * 2 });
  const parent = await call('POST', '/v1/channels', { name: 'bench 总代' });
  const kids: string[] = [];
  for (let i = 0; i < opts.children; i++) kids.push((await call('POST', '/v1/channels', { name: `bench 团长 ${i}`, parent_id: parent.id })).id);
  await call('POST', '/v1/allocations', { batch_id: batch.id, to_channel_id: parent.id, quantity: opts.holding });
  const r = await load({
    port: opts.port,
    path: '/v1/allocations',
    key: opts.key,
    connections: opts.connections,
    maxRequests: opts.holding * 3,
    body: (i) => ({ batch_id: batch.id, from_channel_id: parent.id, to_channel_id: kids[i % kids.length], quantity: 1 }),
    ok: (s) => s === 201 || s === 409,
  });
  const h = (await call('GET', `/v1/channels/${parent.id}/holdings`)).data.find((x: any) => x.batch_id === batch.id);
  const granted = r.statuses['201'] ?? 0;
  return {
    rps: r.rps,
    p50_ms: r.p50_ms,
    p99_ms: r.p99_ms,
    attempts: r.requests,
    children: opts.children,
    holding: opts.holding,
    granted,
    refused: r.statuses['409'] ?? 0,
    parent_left: h?.available ?? null,
    exact: granted === opts.holding && h?.allocated === opts.holding && h?.available === 0,
    errors: r.errors,
  };
}
