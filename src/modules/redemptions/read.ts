import type { Sql } from '../../db/index.js';
import { REDEMPTION_SCOPE, scopeSql, type Caller } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { keyset, type Sorts } from '../../http/pagination.js';
import type { RedemptionRow } from './reverse.js';
import { templateNamesOf } from '../templates/names.js';
import { codeTailsOf } from '../cards/read.js';
import { memberNamesOf } from '../members/names.js';

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
  const out = page.page(r.rows, f.limit);
  return { ...out, data: await withNames(q, caller.tenantId, out.data) };
}

/**
 * What a person reads to tell redemptions apart: the card's template name and kind, its code's last
 * 4 and the member's name (only the name: a clerk sees who redeemed at its store, not their profile).
 */
async function withNames(q: Sql, tenantId: string, rows: RedemptionRow[]) {
  const [templates, tails, members] = await Promise.all([
    templateNamesOf(
      q,
      tenantId,
      rows.map((r) => r.template_id),
    ),
    codeTailsOf(
      q,
      tenantId,
      rows.map((r) => r.card_id),
    ),
    memberNamesOf(
      q,
      tenantId,
      rows.flatMap((r) => (r.member_id ? [r.member_id] : [])),
    ),
  ]);
  return rows.map((r) => ({
    ...r,
    kind: templates.get(r.template_id)?.kind ?? null,
    template_name: templates.get(r.template_id)?.name ?? null,
    code_tail: tails.get(r.card_id) ?? null,
    member_name: r.member_id ? (members.get(r.member_id) ?? null) : null,
  }));
}

/** What these cards' redemptions (not reversed) add up to: cards redeemed at least once, value taken and order GMV, fen. */
export async function redemptionTotals(q: Sql, tenantId: string, cardIds: string[]): Promise<{ cards: number; amount: number; gmv: number }> {
  if (!cardIds.length) return { cards: 0, amount: 0, gmv: 0 };
  const r = await q.query<{ cards: string; amount: string | null; gmv: string | null }>(
    `SELECT count(DISTINCT card_id) AS cards, sum(amount) AS amount, sum(order_amount) AS gmv FROM redemptions
     WHERE tenant_id = $1 AND card_id = ANY($2::text[]) AND status = 'done'`,
    [tenantId, cardIds],
  );
  return { cards: Number(r.rows[0].cards), amount: Number(r.rows[0].amount ?? 0), gmv: Number(r.rows[0].gmv ?? 0) };
}
