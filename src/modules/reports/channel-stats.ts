import type { Sql } from '../../db/index.js';
import { channelOf, scopeSql, type Caller } from '../../http/access.js';
import { getChannel, listChannels, type Channel } from '../channels/service.js';
import { getTenant } from '../tenants/service.js';

/**
 * 数据穿透 stats by channel: each channel's own figures (cards whose channel is that one) and its
 * subtree's (itself and every channel below it), over [from, to). Own figures are one grouped read of
 * the events and the redemptions by their `channel_id` (every card event and redemption carries the
 * card's channel); a subtree's are the sums of its channels' own figures, over the tree as the
 * channels module gives it (`listChannels`: paths). So a channel's subtree row is exactly its own row
 * plus its children's subtree rows. A partner reads its own subtree only (`scopeSql`); the brand's
 * staff read the top level (and the cards of no channel, `unattributed`) and drill down by `parent_id`,
 * or every channel at once (`all`).
 *
 * `funnel` is a cohort 转化漏斗: of the cards issued in the period (by channel), how many reached a
 * member (issued to one, or bound before `to`) and how many of those were redeemed (a standing
 * redemption before `to`) — so every stage is a subset of the one before.
 */
export const STATS_KEYS = ['issued', 'issued_to_members', 'bound', 'in_hands', 'redeemed', 'redeemed_cards', 'redeemed_amount', 'order_gmv'] as const;
export const FUNNEL_KEYS = ['issued', 'reached', 'redeemed'] as const;
type Keys = readonly string[];
type Counts = Record<string, number>;

export interface ChannelStatsFilter {
  from: Date;
  to: Date;
  parent_id?: string;
  all?: boolean;
  template_id?: string;
}

function statsSql(where: (a: string) => string) {
  return `WITH e AS (
      SELECT coalesce(e.channel_id, '') AS key, count(*) FILTER (WHERE e.event_type = 'card.issued')::int8 AS issued,
             count(*) FILTER (WHERE e.event_type = 'card.issued' AND e.member_id IS NOT NULL)::int8 AS issued_to_members,
             count(*) FILTER (WHERE e.event_type = 'card.bound')::int8 AS bound,
             count(DISTINCT e.card_id) FILTER (WHERE e.member_id IS NOT NULL)::int8 AS in_hands
      FROM events e WHERE ${where('e')} AND e.event_type IN ('card.issued', 'card.bound') GROUP BY 1),
    r AS (
      SELECT coalesce(r.channel_id, '') AS key, count(*)::int8 AS redeemed, count(DISTINCT r.card_id)::int8 AS redeemed_cards,
             coalesce(sum(r.amount), 0)::int8 AS redeemed_amount, coalesce(sum(r.order_amount), 0)::int8 AS order_gmv
      FROM redemptions r WHERE ${where('r')} AND r.status = 'done' GROUP BY 1)
    SELECT coalesce(e.key, r.key) AS key, ${STATS_KEYS.map((k) => `coalesce(${['issued', 'issued_to_members', 'bound', 'in_hands'].includes(k) ? 'e' : 'r'}.${k}, 0) AS ${k}`).join(', ')}
    FROM e FULL JOIN r ON r.key = e.key`;
}

function funnelSql(where: (a: string) => string) {
  return `SELECT coalesce(i.channel_id, '') AS key, count(*)::int8 AS issued,
      count(*) FILTER (WHERE i.reached)::int8 AS reached,
      count(*) FILTER (WHERE i.reached AND EXISTS (
        SELECT 1 FROM redemptions x WHERE x.tenant_id = i.tenant_id AND x.card_id = i.card_id AND x.status = 'done' AND x.created_at < $3))::int8 AS redeemed
    FROM (SELECT e.tenant_id, e.card_id, e.channel_id, (e.member_id IS NOT NULL OR EXISTS (
            SELECT 1 FROM events b WHERE b.tenant_id = e.tenant_id AND b.card_id = e.card_id AND b.event_type = 'card.bound' AND b.created_at < $3)) AS reached
          FROM events e WHERE ${where('e')} AND e.event_type = 'card.issued') i
    GROUP BY 1`;
}

/** Own figures by channel id ('' = cards of no channel), within the caller's scope. */
async function own(q: Sql, caller: Caller, f: ChannelStatsFilter, keys: Keys, sql: typeof statsSql): Promise<Map<string, Counts>> {
  const params: unknown[] = [caller.tenantId, f.from, f.to, f.template_id ?? null];
  const where = (a: string) =>
    `${a}.tenant_id = $1 AND ${a}.created_at >= $2 AND ${a}.created_at < $3 AND ($4::text IS NULL OR ${a}.template_id = $4)
     AND ${scopeSql(caller, params, { channel: `${a}.channel_id` })}`;
  const r = await q.query<Record<string, unknown>>(sql(where), params);
  return new Map(r.rows.map((x) => [String(x.key), Object.fromEntries(keys.map((k) => [k, Number(x[k])]))]));
}

const zero = (keys: Keys): Counts => Object.fromEntries(keys.map((k) => [k, 0]));
const add = (a: Counts, b: Counts | undefined) => {
  if (b) for (const k of Object.keys(a)) a[k] += b[k] ?? 0;
  return a;
};

export interface ChannelRow<C> {
  channel_id: string;
  name: string;
  parent_id: string | null;
  depth: number;
  path: string;
  status: string;
  children: number;
  own: C;
  subtree: C;
}

async function byChannel<C extends Counts>(q: Sql, caller: Caller, f: ChannelStatsFilter, keys: Keys, sql: typeof statsSql) {
  const tenantId = caller.tenantId;
  const within = channelOf(caller);
  const parent = f.parent_id ? await getChannel(q, tenantId, f.parent_id, within) : null; // 404 outside a partner's subtree
  const channels = await listChannels(q, tenantId, within);
  const counts = await own(q, caller, f, keys, sql);
  const visible = new Set(channels.map((c) => c.id));
  // subtrees bottom-up, once: each channel's subtree is added to its parent's (deepest first), O(channels)
  const subtrees = new Map(channels.map((c) => [c.id, add(zero(keys), counts.get(c.id))]));
  const children = new Map<string, number>();
  for (const c of [...channels].sort((a, b) => b.depth - a.depth)) {
    if (!c.parent_id || !subtrees.has(c.parent_id)) continue;
    add(subtrees.get(c.parent_id)!, subtrees.get(c.id));
    children.set(c.parent_id, (children.get(c.parent_id) ?? 0) + 1);
  }
  const row = (c: Channel): ChannelRow<C> => ({
    channel_id: c.id,
    name: c.name,
    parent_id: c.parent_id,
    depth: c.depth,
    path: c.path,
    status: c.status,
    children: children.get(c.id) ?? 0,
    own: add(zero(keys), counts.get(c.id)) as C,
    subtree: { ...subtrees.get(c.id)! } as C,
  });
  const shown = f.all
    ? channels
    : parent
      ? channels.filter((c) => c.parent_id === parent.id)
      : channels.filter((c) => !c.parent_id || !visible.has(c.parent_id)); // the top of what the caller sees
  const rows = shown.map(row);
  const unattributed = within ? null : (add(zero(keys), counts.get('')) as C); // cards of no channel: the brand's own staff only
  const totals = zero(keys);
  if (f.all) for (const c of channels) add(totals, counts.get(c.id));
  else for (const r of rows) add(totals, r.subtree);
  if (parent) add(totals, counts.get(parent.id));
  else if (unattributed) add(totals, unattributed);
  const tz = (await getTenant(q, tenantId)).time_zone;
  return { from: f.from, to: f.to, time_zone: tz, parent: parent ? row(parent) : null, rows, unattributed: parent ? null : unattributed, totals: totals as C };
}

export type ChannelFigures = Record<(typeof STATS_KEYS)[number], number>;
export type FunnelFigures = Record<(typeof FUNNEL_KEYS)[number], number>;

export const channelStats = (q: Sql, caller: Caller, f: ChannelStatsFilter) => byChannel<ChannelFigures>(q, caller, f, STATS_KEYS, statsSql);
export const channelFunnel = (q: Sql, caller: Caller, f: ChannelStatsFilter) => byChannel<FunnelFigures>(q, caller, f, FUNNEL_KEYS, funnelSql);
export type ChannelStatsAnswer = Awaited<ReturnType<typeof channelStats>>;
