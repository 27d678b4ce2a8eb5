import type { Sql } from '../../db/index.js';
import { getTenant } from '../tenants/service.js';
import { templateNames } from '../templates/names.js';
import { storeNames } from '../stores/names.js';
import { batchNames, poolStock } from '../batches/service.js';
import { bearerOutstanding } from '../cards/read.js';
import { definitions } from './definitions.js';

export type GroupBy = 'day' | 'template' | 'batch' | 'store';
export interface StatsFilter {
  from: Date;
  to: Date;
  group_by: GroupBy;
  template_id?: string;
  batch_id?: string;
  store_id?: string;
}

const COUNTS = ['issued', 'issued_to_members', 'bound', 'in_hands', 'in_hands_redeemed', 'redeemed', 'redeemed_cards', 'redeemed_amount', 'order_gmv'] as const;
type Counts = Record<(typeof COUNTS)[number], number>;
export type Figures = Counts & { exported: number; redemption_rate: number | null };

/** Exported = issued with no member; the rate is over the cards that reached members (definitions.ts). */
const figures = (c: Counts): Figures => ({
  ...c,
  exported: c.issued - c.issued_to_members,
  redemption_rate: c.in_hands ? Math.round((c.in_hands_redeemed / c.in_hands) * 10_000) / 10_000 : null,
});

/**
 * One period's rows: issue and bind events (card.issued with a member is issued straight to them,
 * without one it is exported or bearer; card.bound is a bearer code bound), redemptions that stand,
 * all within [from, to), grouped. Days are the tenant's local days, every day of the period present
 * (generate_series: a day without data is zeros, not missing). A card that reached a member in the
 * period counts as redeemed for the rate when a standing redemption of it is before `to`.
 */
async function period(q: Sql, tenantId: string, tz: string, f: StatsFilter, from: Date, to: Date) {
  const key = (alias: string) =>
    ({
      day: `to_char(${alias}.created_at AT TIME ZONE $4, 'YYYY-MM-DD')`,
      template: `${alias}.template_id`,
      batch: `${alias}.batch_id`,
      store: `coalesce(${alias}.store_id, '')`,
    })[f.group_by];
  const params = [tenantId, from, to, tz, f.template_id ?? null, f.batch_id ?? null, f.store_id ?? null];
  const where = (a: string) => `${a}.tenant_id = $1 AND ${a}.created_at >= $2 AND ${a}.created_at < $3 AND ($5::text IS NULL OR ${a}.template_id = $5)
    AND ($6::text IS NULL OR ${a}.batch_id = $6) AND ($7::text IS NULL OR ${a}.store_id = $7) AND $4::text IS NOT NULL`;
  const cols = COUNTS.map((c) => `coalesce(${['redeemed', 'redeemed_cards', 'redeemed_amount', 'order_gmv'].includes(c) ? 'r' : 'e'}.${c}, 0) AS ${c}`).join(
    ', ',
  );
  const days = `SELECT to_char(d, 'YYYY-MM-DD') AS key FROM generate_series(($2::timestamptz AT TIME ZONE $4::text)::date::timestamp,
      (($3::timestamptz - interval '1 microsecond') AT TIME ZONE $4::text)::date::timestamp, interval '1 day') d`;
  const r = await q.query<Counts & { key: string; all_redeemed_cards: number }>(
    `WITH e AS (
       SELECT ${key('e')} AS key, count(*) FILTER (WHERE e.event_type = 'card.issued')::int8 AS issued,
              count(*) FILTER (WHERE e.event_type = 'card.issued' AND e.member_id IS NOT NULL)::int8 AS issued_to_members,
              count(*) FILTER (WHERE e.event_type = 'card.bound')::int8 AS bound,
              count(DISTINCT e.card_id) FILTER (WHERE e.member_id IS NOT NULL)::int8 AS in_hands,
              count(DISTINCT e.card_id) FILTER (WHERE e.member_id IS NOT NULL AND EXISTS (
                SELECT 1 FROM redemptions x WHERE x.tenant_id = e.tenant_id AND x.card_id = e.card_id AND x.status = 'done' AND x.created_at < $3))::int8 AS in_hands_redeemed
       FROM events e WHERE ${where('e')} AND e.event_type IN ('card.issued','card.bound') GROUP BY 1),
     r AS (
       SELECT ${key('r')} AS key, count(*)::int8 AS redeemed, count(DISTINCT r.card_id)::int8 AS redeemed_cards,
              coalesce(sum(r.amount), 0)::int8 AS redeemed_amount, coalesce(sum(r.order_amount), 0)::int8 AS order_gmv
       FROM redemptions r WHERE ${where('r')} AND r.status = 'done' GROUP BY 1)
     SELECT ${f.group_by === 'day' ? 'k.key' : 'coalesce(e.key, r.key)'} AS key, ${cols},
            -- a card redeemed on two days or at two stores is one card in the totals (computed once: an InitPlan)
            (SELECT count(DISTINCT r.card_id)::int8 FROM redemptions r WHERE ${where('r')} AND r.status = 'done') AS all_redeemed_cards
     FROM ${f.group_by === 'day' ? `(${days}) k LEFT JOIN e ON e.key = k.key LEFT JOIN r ON r.key = k.key` : 'e FULL JOIN r ON r.key = e.key'} ORDER BY 1`,
    params,
  );
  const rows = r.rows.map(({ all_redeemed_cards: _, key, ...x }) => ({
    key: key || null,
    ...(Object.fromEntries(COUNTS.map((c) => [c, Number(x[c])])) as Counts),
  }));
  const sum = Object.fromEntries(COUNTS.map((c) => [c, rows.reduce((a, x) => a + x[c], 0)])) as Counts;
  sum.redeemed_cards = Number(r.rows[0]?.all_redeemed_cards ?? 0);
  return { rows, totals: figures(sum) };
}

/**
 * Numbers 数据看板 for [from, to), grouped by day, template, batch or store, with the previous period
 * of the same length just before it, the stock now and what each figure means (definitions.ts).
 * Stock — codes in batches not yet issued, codes exported or issued without a member and not yet
 * bound — is counted apart from the cards in members' hands, and the redemption rate is over the
 * cards in members' hands only. Grouping by store counts issue/bind events at that store (usually
 * none): a store's figures are its redemptions. Rows carry names (template, batch, store), not only ids.
 */
export async function stats(q: Sql, tenantId: string, f: StatsFilter) {
  const tz = (await getTenant(q, tenantId)).time_zone;
  const cur = await period(q, tenantId, tz, f, f.from, f.to);
  const prevFrom = new Date(f.from.getTime() - (f.to.getTime() - f.from.getTime()));
  const prev = await period(q, tenantId, tz, { ...f, group_by: 'template' }, prevFrom, f.from);
  const ids = cur.rows.flatMap((r) => (r.key ? [r.key] : []));
  const names =
    f.group_by === 'template'
      ? await templateNames(q, tenantId, ids)
      : f.group_by === 'batch'
        ? await batchNames(q, tenantId, ids)
        : f.group_by === 'store'
          ? await storeNames(q, tenantId, ids)
          : new Map<string, string>();
  const scope = { template_id: f.template_id, batch_id: f.batch_id };
  return {
    from: f.from,
    to: f.to,
    group_by: f.group_by,
    time_zone: tz,
    totals: cur.totals,
    previous: { from: prevFrom, to: f.from, totals: prev.totals },
    stock: { unissued: await poolStock(q, tenantId, scope), bearer: await bearerOutstanding(q, tenantId, scope) },
    rows: cur.rows.map((r) => ({ ...figures(r), key: r.key, name: f.group_by === 'day' ? r.key : r.key ? (names.get(r.key) ?? null) : null })),
    definitions,
  };
}
export type StatsAnswer = Awaited<ReturnType<typeof stats>>;
