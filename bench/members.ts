import type { Ctx } from '../src/platform/context.js';
import { createTenant } from '../src/modules/tenants/service.js';
import { createApiKey } from '../src/modules/identity/api-keys.js';
import { newApiKeySecret } from '../src/modules/identity/auth.js';
import { percentile } from './lib.js';

/**
 * member_search: GET /v1/members?q=… by phone, external id and name, in a tenant of `n` members,
 * one request at a time (latency, not throughput). The members are written straight into the
 * database: names from common surnames and given names (so a name matches ~n/1000 members, like
 * a common name does), and a few probe members whose phones are hashed with the server's key.
 */
export interface MemberTenant {
  n: number;
  ownerKey: string;
  phones: string[];
  externalIds: string[];
  names: string[];
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周'];
const MIDDLE = ['小', '大', '建', '志', '明', '伟', '芳', '娜', '静', '丽'];
const LAST = ['明', '华', '强', '军', '平', '红', '玲', '杰', '涛', '斌'];

export async function seedMembers(ctx: Ctx, n: number): Promise<MemberTenant> {
  const tenant = await createTenant(ctx.db, { name: `Bench members ${n}` });
  const ownerKey = newApiKeySecret();
  await createApiKey(ctx.db, tenant.id, { name: 'bench', role: 'owner', secret: ownerKey });
  const arr = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x}'`).join(',')}]`;
  for (let from = 1; from <= n; from += 100_000) {
    await ctx.db.query(
      `INSERT INTO members (tenant_id, id, external_id, name, phone_hash, phone_last4, created_at)
       SELECT $1, 'mem_b' || lpad(i::text, 12, '0'), 'ext-' || i,
              (${arr(SURNAMES)})[1 + i % 10] || (${arr(MIDDLE)})[1 + (i / 10) % 10] || (${arr(LAST)})[1 + (i / 100) % 10],
              substring(sha256(('phone' || i)::bytea) from 1 for 16), lpad((i % 10000)::text, 4, '0'), now()
       FROM generate_series($2::int, $3::int) AS i`,
      [tenant.id, from, Math.min(n, from + 99_999)],
    );
  }
  const phones = Array.from({ length: 50 }, (_, i) => `139${String(10_000_000 + i * 7919).slice(0, 8)}`);
  await ctx.db.query(
    `INSERT INTO members (tenant_id, id, external_id, name, phone_hash, phone_last4, created_at)
     SELECT $1, 'mem_probe' || lpad(k::text, 6, '0'), NULL, '探针会员', h, '0000', now() FROM unnest($2::bytea[]) WITH ORDINALITY AS u(h, k)`,
    [tenant.id, phones.map((p) => ctx.keys.hmac(`phone:${tenant.id}:${p}`))],
  );
  await ctx.db.query('ANALYZE members');
  const pick = (k: number) => 1 + Math.floor((k * 104729) % n);
  const externalIds = Array.from({ length: 50 }, (_, k) => `ext-${pick(k)}`);
  const names = Array.from({ length: 50 }, (_, k) => SURNAMES[k % 10] + MIDDLE[(k * 3) % 10] + LAST[(k * 7) % 10]);
  return { n, ownerKey, phones, externalIds, names };
}

/** p50/p99 of one kind of search, `requests` one after another after a short warm-up. */
export async function searchLatency(port: number, t: MemberTenant, terms: string[], requests: number) {
  const times = new Float64Array(requests);
  for (let i = -20; i < requests; i++) {
    const q = encodeURIComponent(terms[(i + 20) % terms.length]);
    const t0 = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}/v1/members?q=${q}&limit=20`, { headers: { authorization: `Bearer ${t.ownerKey}` } });
    const body = (await res.json()) as { data: unknown[] };
    if (res.status !== 200 || !body.data.length) throw new Error(`member search ${q}: ${res.status}`);
    if (i >= 0) times[i] = performance.now() - t0;
  }
  times.sort();
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return { p50_ms: r2(percentile(times, 50)), p99_ms: r2(percentile(times, 99)) };
}

export async function memberSearch(port: number, t: MemberTenant, requests: number, emit: (line: Record<string, unknown>) => void, engine: string) {
  for (const [kind, terms] of [
    ['phone', t.phones],
    ['external_id', t.externalIds],
    ['name', t.names],
    ['name_prefix', SURNAMES],
  ] as const) {
    emit({ name: 'member_search', engine, members: t.n, kind, requests, ...(await searchLatency(port, t, [...terms], requests)) });
  }
}
