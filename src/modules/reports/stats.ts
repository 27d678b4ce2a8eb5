import type { Sql } from '../../db/index.js';
import { getTenant } from '../tenants/service.js';

export type GroupBy = 'day' | 'template' | 'batch' | 'store';
export interface StatsFilter {
  from: Date;
  to: Date;
  group_by: GroupBy;
  template_id?: string;
  batch_id?: string;
  store_id?: string;
}

/**
 * Numbers 数据看板: issued and bound come from card events, redeemed from redemptions that stand
 * (reversed ones do not count), all within [from, to). Days are the tenant's local days.
 * redemption_rate = distinct cards redeemed / cards issued, within the same window and group.
 * Grouping by store counts issue/bind events at that store (usually none): a store's figures are
 * its redemptions.
 */
export async function stats(q: Sql, tenantId: string, f: StatsFilter) {
  const tz = (await getTenant(q, tenantId)).time_zone;
  const key = (alias: string) =>
    ({
      day: `to_char(${alias}.created_at AT TIME ZONE $4, 'YYYY-MM-DD')`,
      template: `${alias}.template_id`,
      batch: `${alias}.batch_id`,
      store: `coalesce(${alias}.store_id, '')`,
    })[f.group_by];
  const params = [tenantId, f.from, f.to, tz, f.template_id ?? null, f.batch_id ?? null, f.store_id ?? null];
  const where = (a: string) => `${a}.tenant_id = $1 AND ${a}.created_at >= $2 AND ${a}.created_at < $3 AND ($5::text IS NULL OR ${a}.template_id = $5)
    AND ($6::text IS NULL OR ${a}.batch_id = $6) AND ($7::text IS NULL OR ${a}.store_id = $7) AND $4::text IS NOT NULL`;
  const r = await q.query<{
    key: string;
    issued: number;
    bound: number;
    redeemed: number;
    redeemed_cards: number;
    redeemed_amount: number;
    order_gmv: number;
    all_redeemed_cards: number;
  }>(
    `WITH e AS (
       SELECT ${key('e')} AS key, count(*) FILTER (WHERE e.event_type = 'card.issued')::int8 AS issued, count(*) FILTER (WHERE e.event_type = 'card.bound')::int8 AS bound
       FROM events e WHERE ${where('e')} AND e.event_type IN ('card.issued','card.bound') GROUP BY 1),
     r AS (
       SELECT ${key('r')} AS key, count(*)::int8 AS redeemed, count(DISTINCT r.card_id)::int8 AS redeemed_cards,
              coalesce(sum(r.amount), 0)::int8 AS redeemed_amount, coalesce(sum(r.order_amount), 0)::int8 AS order_gmv
       FROM redemptions r WHERE ${where('r')} AND r.status = 'done' GROUP BY 1)
     SELECT coalesce(e.key, r.key) AS key, coalesce(e.issued, 0) AS issued, coalesce(e.bound, 0) AS bound, coalesce(r.redeemed, 0) AS redeemed,
            coalesce(r.redeemed_cards, 0) AS redeemed_cards, coalesce(r.redeemed_amount, 0) AS redeemed_amount, coalesce(r.order_gmv, 0) AS order_gmv,
            -- a card redeemed on two days or at two stores is one card in the totals (computed once: an InitPlan)
            (SELECT count(DISTINCT r.card_id)::int8 FROM redemptions r WHERE ${where('r')} AND r.status = 'done') AS all_redeemed_cards
     FROM e FULL JOIN r ON r.key = e.key ORDER BY 1`,
    params,
  );
  const rate = (x: { redeemed_cards: number; issued: number }) => (x.issued ? Math.round((x.redeemed_cards / x.issued) * 10_000) / 10_000 : null);
  const rows = r.rows.map(({ all_redeemed_cards: _, ...x }) => ({ ...x, key: x.key || null, redemption_rate: rate(x) }));
  const totals = rows.reduce(
    (a, x) => ({
      issued: a.issued + x.issued,
      bound: a.bound + x.bound,
      redeemed: a.redeemed + x.redeemed,
      redeemed_cards: a.redeemed_cards + x.redeemed_cards,
      redeemed_amount: a.redeemed_amount + x.redeemed_amount,
      order_gmv: a.order_gmv + x.order_gmv,
    }),
    { issued: 0, bound: 0, redeemed: 0, redeemed_cards: 0, redeemed_amount: 0, order_gmv: 0 },
  );
  totals.redeemed_cards = Number(r.rows[0]?.all_redeemed_cards ?? 0);
  return { from: f.from, to: f.to, group_by: f.group_by, time_zone: tz, totals: { ...totals, redemption_rate: rate(totals) }, rows };
}
