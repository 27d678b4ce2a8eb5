import type { Sql } from '../../db/index.js';
import { CARD_SCOPE, channelsOf, scopeSql, type Caller } from '../../http/access.js';
import { keyset, type Sorts } from '../../http/pagination.js';
import { cardView, type CardRow } from './model.js';
import { findById } from './lookup.js';
import { expiringWindow } from './expiring.js';
import { getTenant } from '../tenants/service.js';
import { batchIdsOfTemplate } from '../batches/service.js';

export async function getCard(q: Sql, caller: Caller, id: string) {
  return cardView(await findById(q, caller.tenantId, id, { channelIds: channelsOf(caller) }));
}

/**
 * What the card list sorts by. A card with no expiry sorts as the latest. Not indexed on purpose:
 * balance changes with every redemption (an index on it would cost the hot path and HOT updates),
 * and the console sorts within a state or a batch, a bounded top-N sort.
 */
export const CARD_SORTS = {
  created_at: null,
  balance: { sql: 'balance', type: 'int8' },
  valid_until: { sql: "coalesce(valid_until, '9999-12-31T00:00:00Z'::timestamptz)", type: 'timestamptz' },
} satisfies Sorts;

/** What a card search 卡券搜索 filters by: the list, its count and a bulk action over "all matching" take the same. */
export interface CardFilter {
  member_id?: string;
  batch_id?: string;
  template_id?: string;
  channel_id?: string;
  state?: string;
  /** active cards expiring within the tenant's expiring_soon_days (即将过期) */
  expiring_soon?: boolean;
}

/**
 * The filter as one SQL condition (pushes its values onto params), scoped to what the caller may
 * see. Each filter has its index: member → cards_member, batch → cards_batch, template → its
 * batches' cards_batch (a template has a handful of batches), channel → cards_channel, frozen and
 * voided → cards_rare_state, expiring soon → cards_expiry; the other states are common enough for
 * the newest-first walk to find them.
 */
export async function cardWhere(q: Sql, caller: Caller, f: CardFilter, params: unknown[], now: Date): Promise<string> {
  const p = (v: unknown) => (params.push(v), `$${params.length}`);
  const parts = [`tenant_id = ${p(caller.tenantId)}`];
  if (f.member_id) parts.push(`member_id = ${p(f.member_id)}`);
  if (f.batch_id) parts.push(`batch_id = ${p(f.batch_id)}`);
  if (f.template_id)
    parts.push(`template_id = ${p(f.template_id)}`, `batch_id = ANY(${p(await batchIdsOfTemplate(q, caller.tenantId, f.template_id))}::text[])`);
  if (f.channel_id) parts.push(`channel_id = ${p(f.channel_id)}`);
  if (f.state) parts.push(`state = ${p(f.state)}`);
  if (f.expiring_soon) {
    const w = expiringWindow(now, (await getTenant(q, caller.tenantId)).expiring_soon_days);
    parts.push(`state = 'active'`, `valid_until > ${p(w.from)}`, `valid_until <= ${p(w.until)}`);
  }
  parts.push(scopeSql(caller, params, CARD_SCOPE));
  return parts.join(' AND ');
}

export async function listCards(q: Sql, caller: Caller, f: CardFilter & { limit: number; cursor?: string; sort?: string }, now = new Date()) {
  const page = keyset(CARD_SORTS, f.sort, f.cursor);
  const params: unknown[] = [];
  const where = await cardWhere(q, caller, f, params, now);
  const r = await q.query<CardRow>(
    `SELECT *${page.select} FROM cards WHERE ${where} AND ${page.after(params)} ORDER BY ${page.orderBy} LIMIT ${page.limit(params, f.limit)}`,
    params,
  );
  const p = page.page(r.rows, f.limit);
  return { data: p.data.map(cardView), next_cursor: p.next_cursor };
}

/** How many cards a search matches, counted up to `cap` + 1 (so "more than cap" is known without counting millions). */
export async function countCards(q: Sql, caller: Caller, f: CardFilter, cap: number, now: Date): Promise<number> {
  const params: unknown[] = [];
  const where = await cardWhere(q, caller, f, params, now);
  params.push(cap + 1);
  const r = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT 1 FROM cards WHERE ${where} LIMIT $${params.length}) m`, params);
  return r.rows[0]!.n;
}

export interface EventRow {
  id: number;
  event_type: string;
  member_id: string | null;
  store_id: string | null;
  channel_id: string | null;
  key_id: string | null;
  data: unknown;
  created_at: Date;
}

/** A batch's cards already out of the pool, in generation order after `afterSeq` (re-export). */
export async function issuedCardsOfBatch(q: Sql, tenantId: string, batchId: string, afterSeq: number, limit: number): Promise<(CardRow & { seq: number })[]> {
  return (
    await q.query<CardRow & { seq: number }>(
      `SELECT * FROM cards WHERE tenant_id = $1 AND batch_id = $2 AND seq > $3 AND state <> 'unissued' ORDER BY seq LIMIT $4`,
      [tenantId, batchId, afterSeq, limit],
    )
  ).rows;
}

/** The last 4 characters of each of these cards' codes (what a person reads to tell cards apart). */
export async function codeTailsOf(q: Sql, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const r = await q.query<{ id: string; code_tail: string }>('SELECT id, code_tail FROM cards WHERE tenant_id = $1 AND id = ANY($2::text[])', [
    tenantId,
    [...new Set(ids)],
  ]);
  return new Map(r.rows.map((c) => [c.id, c.code_tail]));
}

/**
 * The cards an export wrote, in the order it wrote them, after `afterSeq`: those it took out of stock
 * (stamped with its id), or for a re-export the batch's codes in its range that were out by then.
 */
export async function exportedCards(
  q: Sql,
  tenantId: string,
  e: { id: string; batch_id: string; kind: 'new' | 'reissue'; seq_from: number | null; seq_to: number | null; last_at: Date },
  afterSeq: number,
  limit: number,
): Promise<(CardRow & { seq: number })[]> {
  const r =
    e.kind === 'new'
      ? await q.query<CardRow & { seq: number }>(`SELECT * FROM cards WHERE tenant_id = $1 AND export_id = $2 AND seq > $3 ORDER BY seq LIMIT $4`, [
          tenantId,
          e.id,
          afterSeq,
          limit,
        ])
      : await q.query<CardRow & { seq: number }>(
          `SELECT * FROM cards WHERE tenant_id = $1 AND batch_id = $2 AND seq > $3 AND seq >= $4 AND seq <= $5 AND state <> 'unissued' AND issued_at <= $6
           ORDER BY seq LIMIT $7`,
          [tenantId, e.batch_id, afterSeq, e.seq_from ?? 0, e.seq_to ?? -1, e.last_at, limit],
        );
  return r.rows;
}

/** Codes out of the pool with no member yet, still usable (exported or issued as bearer codes, not bound): stock outside members' hands. */
export async function bearerOutstanding(q: Sql, tenantId: string, f: { template_id?: string; batch_id?: string }): Promise<number> {
  const r = await q.query<{ n: number }>(
    `SELECT count(*)::int8 AS n FROM cards WHERE tenant_id = $1 AND member_id IS NULL AND state IN ('active', 'frozen')
       AND ($2::text IS NULL OR template_id = $2) AND ($3::text IS NULL OR batch_id = $3)`,
    [tenantId, f.template_id ?? null, f.batch_id ?? null],
  );
  return Number(r.rows[0].n);
}

/** These cards, in the order asked (ids not found are left out): a delivery reveals their codes into its file. */
export async function cardsByIds(q: Sql, tenantId: string, ids: string[]): Promise<CardRow[]> {
  if (!ids.length) return [];
  const r = await q.query<CardRow>('SELECT * FROM cards WHERE tenant_id = $1 AND id = ANY($2::text[])', [tenantId, ids]);
  const byId = new Map(r.rows.map((c) => [c.id, c]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
