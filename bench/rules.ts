import type { Ctx } from '../src/platform/context.js';
import { emit as emitEvents, type EventRow } from '../src/platform/events.js';
import { createRule } from '../src/modules/automation/manage.js';
import { evaluateEvents } from '../src/modules/automation/subscriber.js';
import { round } from './ceiling.js';
import { seedMembers } from './members.js';

/**
 * rules_throughput 自动化规则吞吐: order events per second through `rules` (50) active rules on
 * order.placed, evaluated by the rules' subscriber's handler (every rule whose trigger and conditions
 * take the event claiming its firing row, then a per-member limit, points given through the rewards
 * module, tags), a page of 50 events per transaction (the subscriber reads up to 500; shorter here so
 * the bench holds no transaction open long on a PostgreSQL shared with other work). The rules differ in an amount threshold, so some
 * fire and some are skipped for their conditions, as in a real brand. Then every event is delivered
 * again: exactness is that the second delivery makes no firing (once per rule and event).
 */
export async function rulesThroughput(opts: { ctx: Ctx; members: number; events: number; rules: number }) {
  const { ctx } = opts;
  await seedMembers(ctx, opts.members);
  const tenantId = (await ctx.db.query<{ tenant_id: string }>('SELECT tenant_id FROM members LIMIT 1')).rows[0]!.tenant_id;
  const now = ctx.clock.now();
  for (let i = 0; i < opts.rules; i++)
    await createRule(
      ctx.db,
      tenantId,
      {
        name: `bench 规则 ${i}`,
        trigger: { type: 'order.placed' },
        conditions: [{ field: 'amount', op: 'gte', value: (i % 10) * 2_000 }],
        limits: i % 3 === 0 ? { per_member: { times: 5, per: 'day' } } : {},
        actions: i % 2 ? { tag: `标签${i % 5}` } : { rewards: [{ type: 'points', amount: 1 + i }] },
      },
      now,
    );
  const member = (k: number) => `mem_b${String(1 + (k % opts.members)).padStart(12, '0')}`;
  for (let from = 0; from < opts.events; from += 1_000) {
    const n = Math.min(1_000, opts.events - from);
    await emitEvents(
      ctx.db,
      Array.from({ length: n }, (_, j) => ({
        tenantId,
        type: 'order.placed',
        at: now,
        memberId: member((from + j) * 7919),
        data: { order_id: `ord_bench${from + j}`, amount: ((from + j) * 104729) % 20_000 },
      })),
    );
  }
  const events = (
    await ctx.db.query<EventRow>(
      `SELECT tenant_id, id::text, event_type, card_id, template_id, batch_id, member_id, store_id, channel_id, key_id, data, created_at
       FROM events WHERE tenant_id = $1 AND event_type = 'order.placed' ORDER BY id`,
      [tenantId],
    )
  ).rows;
  const deliver = async () => {
    const t0 = performance.now();
    for (let i = 0; i < events.length; i += 50) await ctx.db.tx((q) => evaluateEvents(ctx, q, events.slice(i, i + 50)));
    return (performance.now() - t0) / 1000;
  };
  const count = async () =>
    (
      await ctx.db.query<{ fired: number; skipped: number }>(
        `SELECT count(*) FILTER (WHERE outcome = 'fired')::int AS fired, count(*) FILTER (WHERE outcome = 'skipped')::int AS skipped FROM automation_firings WHERE tenant_id = $1`,
        [tenantId],
      )
    ).rows[0]!;
  const seconds = await deliver();
  const first = await count();
  const again = await deliver();
  const second = await count();
  const pairs = (
    await ctx.db.query<{ n: number }>('SELECT count(DISTINCT (rule_id, event_id))::int AS n FROM automation_firings WHERE tenant_id = $1', [tenantId])
  ).rows[0]!.n;
  return {
    events_per_s: round(events.length / seconds),
    evaluations_per_s: round((events.length * opts.rules) / seconds),
    rules: opts.rules,
    events: events.length,
    members: opts.members,
    fired: first.fired,
    skipped: first.skipped,
    seconds: round(seconds),
    redelivery_events_per_s: round(events.length / again),
    redelivery_new_firings: second.fired + second.skipped - first.fired - first.skipped,
    exact: second.fired === first.fired && second.skipped === first.skipped && pairs === first.fired + first.skipped,
  };
}
