import { load } from './lib.js';

/**
 * redeem_risk 风控下的核销: redemptions over HTTP with three active risk rules on `redeem` (per card
 * per day, per store per minute, per key per day — limits high enough never to refuse, so every
 * redemption takes three counters in one round trip) against the same load with those rules paused.
 * Measured twice each, alternating, so drift falls on both sides. Target: ratio ≥ 0.8.
 */
export async function redeemRisk(opts: { port: number; key: string; codes: string[]; connections: number; durationMs: number }) {
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
  const store = await call('POST', '/v1/stores', { name: 'bench 风控门店' });
  const rule = (name: string, subject: string, unit: string, limit: number) =>
    call('POST', '/v1/risk/rules', {
      name,
      actions: ['redeem'],
      kind: 'limit',
      subject,
      window: { size: 1, unit },
      limit,
      outcome: 'refuse',
      status: 'paused',
    });
  const rules = [
    await rule('bench 每卡每天', 'card', 'day', 1_000_000),
    await rule('bench 每店每分钟', 'store', 'minute', 100_000_000),
    await rule('bench 每密钥每天', 'key', 'day', 100_000_000),
  ];
  const set = async (status: string) => {
    for (const r of rules) await call('PATCH', `/v1/risk/rules/${r.id}`, { status });
  };
  let offset = 0;
  const run = async () => {
    const r = await load({
      port: opts.port,
      path: '/v1/redemptions',
      key: opts.key,
      connections: opts.connections,
      durationMs: opts.durationMs,
      body: (i) => ({ code: opts.codes[((i + offset) * 7919) % opts.codes.length], store_id: store.id }),
      ok: (s) => s === 201,
    });
    offset += r.requests;
    return r;
  };
  const settle = () => new Promise((r) => setTimeout(r, 2_100)); // the tenant's rules are cached 2 s
  const without = [await run()];
  await set('active');
  await settle();
  const withRules = [await run()];
  await set('paused');
  await settle();
  without.push(await run());
  await set('active');
  await settle();
  withRules.push(await run());
  await set('paused');
  const rps = (rs: typeof without) => Math.round(rs.reduce((s, r) => s + r.rps, 0) / rs.length);
  const errors = [...without, ...withRules].reduce((s, r) => s + r.errors, 0);
  return {
    rps_without_rules: rps(without),
    rps_with_3_rules: rps(withRules),
    ratio: Math.round((rps(withRules) / rps(without)) * 100) / 100,
    p99_ms_without: Math.max(...without.map((r) => r.p99_ms)),
    p99_ms_with: Math.max(...withRules.map((r) => r.p99_ms)),
    errors,
  };
}
