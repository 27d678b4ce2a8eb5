import type { Ctx } from '../src/platform/context.js';
import { campaignInvariants } from '../src/modules/campaigns/invariants.js';
import { load } from './lib.js';
import { seedMembers } from './members.js';

/**
 * claim_rush 领券中心秒杀: one claim-center campaign of `stock` cards (full 1,000) rushed by `members`
 * members (full 10,000; quick mode fewer, said in the line), each member asking twice at once against a
 * limit of one, through the brand's API (`POST /v1/campaigns/{id}/claims`) on `connections` clients.
 * Figures: rps and p50/p99 of all the requests, and exactness — the 201s equal the stock, the campaign's
 * claimed equals the stock, as many cards were given, no member claimed twice, and the module's
 * invariants (claimed = claims, member counts = their claims) hold.
 */
export async function claimRush(opts: { port: number; ctx: Ctx; members: number; stock: number; connections: number }) {
  const t = await seedMembers(opts.ctx, opts.members);
  const base = `http://127.0.0.1:${opts.port}`;
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${t.ownerKey}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = (await res.json()) as any;
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const tpl = await call('POST', '/v1/templates', { kind: 'cash', name: '秒杀券', value: { amount_off: 1000 }, validity: { type: 'relative', days: 30 } });
  const c = await call('POST', '/v1/campaigns', {
    name: 'bench 秒杀',
    stock: opts.stock,
    per_member_limit: 1,
    rewards: [{ type: 'card', template_id: tpl.id }],
  });
  await call('POST', `/v1/campaigns/${c.id}/publish`);
  const member = (k: number) => `mem_b${String(1 + (k % opts.members)).padStart(12, '0')}`;
  const r = await load({
    port: opts.port,
    path: `/v1/campaigns/${c.id}/claims`,
    key: t.ownerKey,
    connections: opts.connections,
    maxRequests: opts.members * 2,
    body: (i) => ({ member_id: member(Math.floor(i / 2)) }), // a member's two requests side by side
    ok: (s) => s === 201 || s === 409,
  });
  const after = await call('GET', `/v1/campaigns/${c.id}`);
  const tenantId = (await opts.ctx.db.query<{ tenant_id: string }>('SELECT tenant_id FROM campaigns WHERE id = $1', [c.id])).rows[0]!.tenant_id;
  const twice = Number(
    (
      await opts.ctx.db.query<{ n: string }>('SELECT count(*) AS n FROM campaign_member_counts WHERE tenant_id = $1 AND campaign_id = $2 AND claimed > 1', [
        tenantId,
        c.id,
      ])
    ).rows[0]!.n,
  );
  let broken = 0;
  for (const inv of campaignInvariants) broken += (await inv.violations(opts.ctx.db, tenantId)).length;
  const claimed = r.statuses['201'] ?? 0;
  return {
    rps: r.rps,
    p50_ms: r.p50_ms,
    p99_ms: r.p99_ms,
    attempts: r.requests,
    members: opts.members,
    stock: opts.stock,
    claimed,
    refused: r.statuses['409'] ?? 0,
    campaign_claimed: after.claimed,
    cards: after.results.cards,
    members_twice: twice,
    invariants_broken: broken,
    exact: claimed === opts.stock && after.claimed === opts.stock && after.results.cards === opts.stock && twice === 0 && broken === 0,
    errors: r.errors,
  };
}
