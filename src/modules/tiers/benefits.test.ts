import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEnv, fixtures, type TestEnv } from '../../testing/harness.js';
import { earn } from '../points/service.js';
import { grantChunk } from './benefits.js';

/**
 * Tier benefits 等级权益: a pack to every member of a tier on a day of each month — a durable job that
 * resumes after a crash, works in chunks, and never grants a member twice for one month.
 */
let env: TestEnv;
let fx: Awaited<ReturnType<typeof fixtures>>;
const tiers: Record<string, string> = {};
let pack: any;
before(async () => {
  env = await startTestEnv();
  fx = await fixtures(env);
  env.ctx.clock.set('2026-03-10T04:00:00Z');
  const made = ok(
    await env.api('PUT', '/v1/tiers', {
      tiers: [
        { name: '普通', threshold: 0 },
        { name: '银卡', threshold: 1000 },
        { name: '金卡', threshold: 5000 },
        { name: '黑卡', threshold: 20000 },
      ],
    }),
  ).data;
  for (const t of made) tiers[t.name] = t.id;
  const coffee = await fx.template('cash', { amount_off: 500 }, { name: '金卡咖啡券' });
  const draft = ok(await env.api('POST', '/v1/packs', { name: '金卡月礼', kind: 'fixed', items: [{ template_id: coffee.id, quantity: 1 }] }), 201);
  pack = ok(await env.api('POST', `/v1/packs/${draft.id}/publish`, {}));
});
after(async () => {
  await env.close();
});

function ok(r: { status: number; body: any }, status = 200) {
  assert.equal(r.status, status, JSON.stringify(r.body));
  return r.body;
}
const gold = async (name: string) => {
  const m = await fx.member({ name });
  await env.ctx.db.tx((q) =>
    earn(q, env.tenantId, { memberId: m.id, asset: 'growth', amount: 6000, reason: 'order', reference: `g-${m.id}` }, env.ctx.clock.now()),
  );
  return m.id as string;
};
/** grants of the pack per member */
const grants = async () => {
  const rows = ok(await env.api('GET', `/v1/pack-grants?pack_id=${pack.id}&limit=100`)).data as any[];
  const per = new Map<string, string[]>();
  for (const g of rows) per.set(g.member_id, [...(per.get(g.member_id) ?? []), g.reference]);
  return per;
};

test('bad input: an unknown pack or tier, a day past the 28th, named by field; nothing made', async () => {
  const r = await env.api('POST', '/v1/tier-benefits', { tier_id: tiers.金卡, pack_id: 'pck_nope' });
  assert.equal(r.status, 422);
  assert.equal(r.body.code, 'TIER_INVALID');
  assert.deepEqual(
    r.body.errors.map((e: any) => e.field),
    ['pack_id'],
  );
  const d = await env.api('POST', '/v1/tier-benefits', { tier_id: 'tier_nope', pack_id: pack.id, day_of_month: 31 });
  assert.deepEqual(
    d.body.errors.map((e: any) => e.field),
    ['tier_id', 'day_of_month'],
  );
  assert.equal(ok(await env.api('GET', '/v1/tiers')).benefits.length, 0);
});

test('monthly to every member of the tier: once per month, even when the job runs twice or dies mid-way', async () => {
  const members = [];
  for (let i = 0; i < 5; i++) members.push(await gold(`金卡会员${i}`));
  const silver = await fx.member({ name: '银卡会员' });
  await env.ctx.db.tx((q) =>
    earn(q, env.tenantId, { memberId: silver.id, asset: 'growth', amount: 1500, reason: 'order', reference: 'silver' }, env.ctx.clock.now()),
  );
  const b = ok(await env.api('POST', '/v1/tier-benefits', { tier_id: tiers.金卡, pack_id: pack.id, day_of_month: 1 }), 201);
  assert.equal(b.pack_name, '金卡月礼');

  // made on 10 March: March's 1st has passed, the first grant is on 1 April (local midnight)
  await env.jobs();
  assert.equal((await grants()).size, 0);
  env.ctx.clock.set('2026-03-31T16:00:00Z'); // 1 April 00:00 Shanghai

  // a process dies in the middle of a chunk: the grants it made are rolled back with its progress
  await env.ctx.db.query(`CREATE FUNCTION fail_third() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      IF NEW.member_id = '${members[2]}' THEN RAISE EXCEPTION 'the process died'; END IF; RETURN NEW; END $$`);
  await env.ctx.db.query('CREATE TRIGGER fail_third BEFORE INSERT ON pack_grants FOR EACH ROW EXECUTE FUNCTION fail_third()');
  await env.jobs();
  await env.ctx.db.query('DROP TRIGGER fail_third ON pack_grants');
  await env.ctx.db.query('DROP FUNCTION fail_third');
  const run = (await env.ctx.db.query(`SELECT granted, done_at, after_member_id FROM tier_benefit_grants WHERE benefit_id = $1`, [b.id])).rows[0];
  assert.equal(run.done_at, null, 'the run is still open');
  assert.equal((await grants()).size, 0, 'the failed chunk granted nothing');

  // a small chunk commits with its progress; then the job resumes after it
  assert.equal(await grantChunk(env.ctx, env.ctx.clock.now(), 2), true);
  assert.equal((await grants()).size, 2);
  env.ctx.clock.advance(60_000);
  await env.jobs();
  let per = await grants();
  assert.deepEqual([...per.keys()].sort(), [...members].sort(), 'every 金卡 member, not the 银卡 one');
  for (const [m, refs] of per) assert.deepEqual(refs, [`tier:${b.id}:2026-04:${m}`]);

  // the job runs again — and even with its progress lost — nobody gets April twice
  await env.jobs();
  await env.ctx.db.query(`UPDATE tier_benefit_grants SET done_at = NULL, after_member_id = '' WHERE benefit_id = $1`, [b.id]);
  await env.jobs();
  per = await grants();
  for (const refs of per.values()) assert.equal(refs.length, 1);
  const listed = ok(await env.api('GET', '/v1/tiers')).benefits[0];
  assert.equal(listed.last_run.period, '2026-04');
  assert.equal(listed.last_run.done, true);

  // May's 1st: a second grant each
  env.ctx.clock.set('2026-04-30T16:00:05Z');
  await env.jobs();
  per = await grants();
  for (const [m, refs] of per) assert.deepEqual(refs.sort(), [`tier:${b.id}:2026-04:${m}`, `tier:${b.id}:2026-05:${m}`]);
  // a stopped benefit grants no more
  ok(await env.api('POST', `/v1/tier-benefits/${b.id}/stop`, {}));
  env.ctx.clock.set('2026-05-31T16:00:05Z');
  await env.jobs();
  for (const refs of (await grants()).values()) assert.equal(refs.length, 2);
});
