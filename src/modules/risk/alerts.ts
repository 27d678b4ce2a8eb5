import type { Ctx } from '../../platform/context.js';
import { emit } from '../../platform/events.js';

/**
 * 风控告警 spike alerts. A rule spikes in a clock hour (UTC hours: whole hours in every zone Kaquan's
 * tenants use but a few half-hour ones, where they are the local half past) when its hits in that hour
 * — so far, for the hour under way — reach `FACTOR` × its baseline and at least `MIN_HITS`; the
 * baseline is the mean of its hits in the same hour on each of the `DAYS` days before (0 for a new
 * rule: then `MIN_HITS` alone decides). A hit is a decision (risk_decisions) naming the rule.
 *
 * The job looks at the hour under way and the one before (a spike in its last minutes is still seen
 * after the hour turned). Each alert is a `risk_spikes` row, unique per rule and hour, and a
 * `risk.spike` event written in the same transaction: once per rule per hour, whichever process or
 * retry gets there first; webhook endpoints subscribed to `risk.spike` receive it.
 */
export const SPIKE = { FACTOR: 3, MIN_HITS: 20, DAYS: 7 } as const;
const HOUR = 3_600_000;

export async function detectSpikes(ctx: Ctx): Promise<number> {
  const now = ctx.clock.now();
  const current = Math.floor(now.getTime() / HOUR) * HOUR;
  let raised = 0;
  for (const start of [current - HOUR, current]) raised += await spikesOf(ctx, new Date(start), now);
  return raised;
}

async function spikesOf(ctx: Ctx, hour: Date, now: Date): Promise<number> {
  return ctx.db.tx(async (q) => {
    const r = await q.query<{ tenant_id: string; rule_id: string; name: string; outcome: string; hits: number; baseline: number }>(
      `WITH cur AS (
         SELECT d.tenant_id, x.rule_id, count(*)::int AS hits
         FROM risk_decisions d CROSS JOIN LATERAL unnest(d.rule_ids) AS x(rule_id)
         WHERE d.created_at >= $1 AND d.created_at < $1::timestamptz + interval '1 hour' AND d.created_at <= $2
         GROUP BY 1, 2 HAVING count(*) >= $3),
       judged AS (
         SELECT c.*, (SELECT count(*) FROM generate_series(1, $5::int) k
                      JOIN risk_decisions d ON d.tenant_id = c.tenant_id AND c.rule_id = ANY(d.rule_ids)
                       AND d.created_at >= $1::timestamptz - k * interval '1 day' AND d.created_at < $1::timestamptz - k * interval '1 day' + interval '1 hour'
                     )::float8 / $5 AS baseline
         FROM cur c),
       raised AS (
         INSERT INTO risk_spikes (tenant_id, rule_id, hour, hits, baseline, created_at)
         SELECT j.tenant_id, j.rule_id, $1, j.hits, j.baseline, $2 FROM judged j
         JOIN risk_rules r ON r.tenant_id = j.tenant_id AND r.id = j.rule_id
         WHERE j.hits >= $4 * j.baseline
         ON CONFLICT (tenant_id, rule_id, hour) DO NOTHING
         RETURNING tenant_id, rule_id, hits, baseline)
       SELECT x.*, r.name, r.outcome FROM raised x JOIN risk_rules r ON r.tenant_id = x.tenant_id AND r.id = x.rule_id`,
      [hour, now, SPIKE.MIN_HITS, SPIKE.FACTOR, SPIKE.DAYS],
    );
    await emit(
      q,
      r.rows.map((s) => ({
        tenantId: s.tenant_id,
        type: 'risk.spike',
        at: now,
        data: {
          rule_id: s.rule_id,
          rule_name: s.name,
          outcome: s.outcome,
          hour: hour.toISOString(),
          hits: Number(s.hits),
          baseline: Math.round(Number(s.baseline) * 100) / 100,
        },
      })),
    );
    return r.rows.length;
  });
}
