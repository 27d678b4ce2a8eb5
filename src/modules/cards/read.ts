import type { Sql } from '../../db/index.js';
import { CARD_SCOPE, channelOf, scopeSql, type Caller } from '../../http/access.js';
import { keyset, type Sorts } from '../../http/pagination.js';
import { cardView, type CardRow } from './model.js';
import { findById } from './lookup.js';

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

/** A batch's cards already out of the pool, in generation order after `afterSeq` (re-export). */
export async function issuedCardsOfBatch(q: Sql, tenantId: string, batchId: string, afterSeq: number, limit: number): Promise<(CardRow & { seq: number })[]> {
  return (
    await q.query<CardRow & { seq: number }>(
      `SELECT * FROM cards WHERE tenant_id = $1 AND batch_id = $2 AND seq > $3 AND state <> 'unissued' ORDER BY seq LIMIT $4`,
      [tenantId, batchId, afterSeq, limit],
    )
  ).rows;
}
