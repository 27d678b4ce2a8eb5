import type { Sql } from '../../db/index.js';
import { scopeSql, type Caller } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { decodeCursor, pageOf } from '../../http/pagination.js';
import { resolveNames } from '../../platform/names.js';

/** An exchange 兑换记录 as stored: what was charged, what was given, and its refund if any. */
export interface ExchangeRow {
  id: string;
  item_id: string;
  member_id: string;
  points: number;
  cash: number;
  payment_ref: string | null;
  spend_id: string | null;
  card_ids: string[];
  pack_grant_id: string | null;
  state: 'done' | 'refunded';
  via: 'wallet' | 'api';
  points_returned: boolean | null;
  refund_reason: string | null;
  refunded_by: string | null;
  refunded_at: Date | null;
  actor: string | null;
  created_at: Date;
}
export const EXCHANGE_COLS =
  'id, item_id, member_id, points, cash, payment_ref, spend_id, card_ids, pack_grant_id, state, via, points_returned, refund_reason, refunded_by, refunded_at, actor, created_at';

export const notFoundExchange = () => new AppError(404, 'MALL_EXCHANGE_NOT_FOUND', 'exchange not found');

export async function exchangeById(q: Sql, tenantId: string, id: string, caller?: Caller): Promise<ExchangeRow> {
  const params: unknown[] = [tenantId, id];
  const scope = caller ? scopeSql(caller, params, { member: 'member_id' }) : 'TRUE';
  const r = await q.query<ExchangeRow>(`SELECT ${EXCHANGE_COLS} FROM mall_exchanges WHERE tenant_id = $1 AND id = $2 AND ${scope}`, params);
  if (!r.rows[0]) throw notFoundExchange();
  return r.rows[0];
}

export interface ExchangeFilter {
  limit?: number;
  cursor?: string;
  item_id?: string;
  member_id?: string;
  state?: 'done' | 'refunded';
}

/** Exchanges newest first: the brand's staff see every one, a member (the wallet) only their own. */
export async function listExchanges(q: Sql, caller: Caller, f: ExchangeFilter) {
  const limit = f.limit ?? 50;
  const params: unknown[] = [caller.tenantId, f.item_id ?? null, f.member_id ?? null, f.state ?? null, decodeCursor(f.cursor), limit + 1];
  const scope = scopeSql(caller, params, { member: 'member_id' });
  const r = await q.query<ExchangeRow>(
    `SELECT ${EXCHANGE_COLS} FROM mall_exchanges WHERE tenant_id = $1 AND ($2::text IS NULL OR item_id = $2) AND ($3::text IS NULL OR member_id = $3)
       AND ($4::text IS NULL OR state = $4) AND ($5::text IS NULL OR id < $5) AND ${scope} ORDER BY id DESC LIMIT $6`,
    params,
  );
  const page = pageOf(r.rows, limit);
  return { ...page, data: await exchangeViews(q, caller.tenantId, page.data) };
}

/** With names beside ids: the item's, the member's and each card's (its template's name and code tail). */
export async function exchangeViews(q: Sql, tenantId: string, rows: ExchangeRow[]) {
  const itemNames = new Map<string, string>();
  const itemIds = [...new Set(rows.map((r) => r.item_id))];
  if (itemIds.length) {
    const r = await q.query<{ id: string; name: string }>('SELECT id, name FROM mall_items WHERE tenant_id = $1 AND id = ANY($2)', [tenantId, itemIds]);
    for (const x of r.rows) itemNames.set(x.id, x.name);
  }
  const names = await resolveNames(
    q,
    tenantId,
    rows.flatMap((r) => [r.member_id, ...r.card_ids]),
  );
  return rows.map((r) => exchangeView(r, itemNames.get(r.item_id) ?? null, names));
}

export function exchangeView(r: ExchangeRow, itemName: string | null, names: Map<string, string>) {
  return {
    id: r.id,
    item_id: r.item_id,
    item_name: itemName,
    member_id: r.member_id,
    member_name: names.get(r.member_id) ?? null,
    points: Number(r.points),
    cash: Number(r.cash),
    payment_ref: r.payment_ref,
    cards: r.card_ids.map((id) => ({ id, name: names.get(id) ?? null })),
    pack_grant_id: r.pack_grant_id,
    state: r.state,
    via: r.via,
    points_returned: r.points_returned,
    refund_reason: r.refund_reason,
    refunded_at: r.refunded_at,
    created_at: r.created_at,
  };
}
export type ExchangeView = ReturnType<typeof exchangeView>;
