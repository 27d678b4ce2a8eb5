import type { Sql } from '../../db/index.js';
import { CARD_SCOPE, REDEMPTION_SCOPE, scopeSql, type Caller } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { keyset, type Sorts } from '../../http/pagination.js';
import { cardLedger } from '../ledger/service.js';
import { cardView, type CardRow } from './model.js';
import { findById } from './lookup.js';
import type { RedemptionRow } from '../redemptions/reverse.js';

const channelOf = (c: Caller) => (c.role === 'channel' ? c.channelId : null);

export async function getCard(q: Sql, caller: Caller, id: string) {
  return cardView(await findById(q, caller.tenantId, id, { channelId: channelOf(caller) }));
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

export async function listCards(
  q: Sql,
  caller: Caller,
  f: { limit: number; cursor?: string; member_id?: string; batch_id?: string; template_id?: string; state?: string; sort?: string },
) {
  const page = keyset(CARD_SORTS, f.sort, f.cursor);
  const params: unknown[] = [caller.tenantId, f.member_id ?? null, f.batch_id ?? null, f.template_id ?? null, f.state ?? null];
  const r = await q.query<CardRow>(
    `SELECT *${page.select} FROM cards WHERE tenant_id = $1 AND ($2::text IS NULL OR member_id = $2)
       AND ($3::text IS NULL OR batch_id = $3) AND ($4::text IS NULL OR template_id = $4) AND ($5::text IS NULL OR state = $5)
       AND ${scopeSql(caller, params, CARD_SCOPE)} AND ${page.after(params)}
     ORDER BY ${page.orderBy} LIMIT ${page.limit(params, f.limit)}`,
    params,
  );
  const p = page.page(r.rows, f.limit);
  return { data: p.data.map(cardView), next_cursor: p.next_cursor };
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

/**
 * The whole life of one card: its events (with "generated" read from the card row itself — a
 * million-code batch does not write a million generation events), its ledger and redemptions.
 * A clerk sees what happened at its own stores (and what happened at none, like the issue), not
 * another store's redemptions of the same card nor the ledger entries they made.
 */
export async function cardTrace(q: Sql, caller: Caller, id: string) {
  const c = await findById(q, caller.tenantId, id, { channelId: channelOf(caller) });
  const ep: unknown[] = [caller.tenantId, id];
  const events = (
    await q.query<EventRow>(
      `SELECT id, event_type, member_id, store_id, channel_id, key_id, data, created_at FROM card_events
     WHERE tenant_id = $1 AND card_id = $2 AND ${scopeSql(caller, ep, { store: 'store_id', storeMayBeNull: true, channel: '*' })} ORDER BY id`,
      ep,
    )
  ).rows;
  const generated: EventRow = {
    id: 0,
    event_type: 'generated',
    member_id: null,
    store_id: null,
    channel_id: null,
    key_id: null,
    data: { batch_id: c.batch_id },
    created_at: c.created_at,
  };
  const rp: unknown[] = [caller.tenantId, id];
  const redemptions = (
    await q.query<RedemptionRow>(
      `SELECT * FROM redemptions WHERE tenant_id = $1 AND card_id = $2 AND ${scopeSql(caller, rp, { ...REDEMPTION_SCOPE, channel: '*' })} ORDER BY created_at`,
      rp,
    )
  ).rows;
  const seen = new Set(redemptions.map((r) => r.id));
  const ledger = (await cardLedger(q, caller.tenantId, id)).filter((e) => !e.redemption_id || seen.has(e.redemption_id));
  return { card: cardView(c), events: [generated, ...events], ledger, redemptions };
}

export async function getRedemption(q: Sql, caller: Caller, id: string): Promise<RedemptionRow> {
  const params: unknown[] = [caller.tenantId, id];
  const r = await q.query<RedemptionRow>(
    `SELECT * FROM redemptions WHERE tenant_id = $1 AND id = $2 AND ${scopeSql(caller, params, REDEMPTION_SCOPE)}`,
    params,
  );
  if (!r.rows[0]) throw new AppError(404, 'REDEMPTION_NOT_FOUND', 'redemption not found');
  return r.rows[0];
}

/** What the redemption list sorts by; a redemption without an order amount sorts as the smallest. Indexed in 011_list_sort.sql. */
export const REDEMPTION_SORTS = {
  created_at: null,
  amount: { sql: 'amount', type: 'int8' },
  order_amount: { sql: 'coalesce(order_amount, -1)', type: 'int8' },
} satisfies Sorts;

export async function listRedemptions(
  q: Sql,
  caller: Caller,
  f: { limit: number; cursor?: string; store_id?: string; card_id?: string; status?: string; sort?: string },
) {
  const page = keyset(REDEMPTION_SORTS, f.sort, f.cursor);
  const params: unknown[] = [caller.tenantId, f.store_id ?? null, f.card_id ?? null, f.status ?? null];
  const r = await q.query<RedemptionRow>(
    `SELECT *${page.select} FROM redemptions WHERE tenant_id = $1 AND ($2::text IS NULL OR store_id = $2)
       AND ($3::text IS NULL OR card_id = $3) AND ($4::text IS NULL OR status = $4) AND ${scopeSql(caller, params, REDEMPTION_SCOPE)} AND ${page.after(params)}
     ORDER BY ${page.orderBy} LIMIT ${page.limit(params, f.limit)}`,
    params,
  );
  return page.page(r.rows, f.limit);
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
