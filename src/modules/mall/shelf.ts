import type { Sql } from '../../db/index.js';
import type { AppError } from '../../errors.js';
import { problemText } from '../../platform/problems/catalogue.js';
import { refusal } from '../../platform/problems/refusal.js';
import { getTenant } from '../tenants/service.js';
import { pointBalances } from './deps.js';
import { ITEM_COLS, itemViews, type ItemRow } from './items.js';
import { onceTier, refusalFor } from './exchange.js';

/** At most this many items on a member's shelf (by the brand's sort order): a mall is a shelf, not a catalogue search. */
export const SHELF_MAX = 200;

/**
 * 积分商城 as a member sees it in the wallet: the published items not yet ended, each with whether
 * this member can exchange it now and, if not, why — the same refusal, in the same words, that the
 * exchange would answer (not started, sold out, tier, the member's limit, a cash part, points short).
 */
export async function walletShelf(q: Sql, tenantId: string, memberId: string, now: Date) {
  const r = await q.query<ItemRow>(
    `SELECT ${ITEM_COLS} FROM mall_items WHERE tenant_id = $1 AND status = 'published' AND (sale_until IS NULL OR sale_until > $2)
     ORDER BY sort, id LIMIT ${SHELF_MAX}`,
    [tenantId, now],
  );
  const counts = new Map(
    (
      await q.query<{ item_id: string; exchanged: number }>('SELECT item_id, exchanged FROM mall_member_counts WHERE tenant_id = $1 AND member_id = $2', [
        tenantId,
        memberId,
      ])
    ).rows.map((x) => [x.item_id, x.exchanged]),
  );
  const balances = await pointBalances(q, tenantId, memberId);
  const tz = (await getTenant(q, tenantId)).time_zone;
  const tier = onceTier(q, tenantId, memberId);
  const views = await itemViews(q, tenantId, r.rows);
  const data = [];
  for (const [i, it] of r.rows.entries()) {
    const exchanged = counts.get(it.id) ?? 0;
    let why: AppError | null = await refusalFor(q, tenantId, it, memberId, now, tier);
    if (!why && it.per_member_limit && exchanged >= it.per_member_limit) why = refusal('MALL_MEMBER_LIMIT', 'limit reached', { limit: it.per_member_limit });
    if (!why && Number(it.cash) > 0) why = refusal('MALL_CASH_PAYMENT_REQUIRED', 'cash part', { cash: Number(it.cash) });
    const { batch_id: _b, pack_id: _p, tier_ids: _t, status: _s, sort: _o, created_at: _c, updated_at: _u, ...shown } = views[i]!;
    data.push({
      ...shown,
      exchanged,
      affordable: balances.points >= Number(it.points),
      available: !why && balances.points >= Number(it.points),
      unavailable: why ? reasonOf(why, tz) : balances.points < Number(it.points) ? shortOf(it, balances.points, tz) : null,
    });
  }
  return { points: balances.points, data };
}

const reasonOf = (e: AppError, tz: string) => {
  const p = { code: e.code, status: e.status, detail: e.message, ...e.extra };
  return { code: e.code, zh: problemText(p, 'zh-CN', { timeZone: tz }).text, en: problemText(p, 'en', { timeZone: tz }).text };
};

/** Not enough points: the points module's refusal (POINTS_INSUFFICIENT), as the exchange would answer it. */
function shortOf(it: ItemRow, balance: number, tz: string) {
  const need = Number(it.points);
  const p = { code: 'POINTS_INSUFFICIENT', status: 409, detail: `amount: ${need} asked, ${balance} available`, asked: need, balance };
  const zh = problemText(p, 'zh-CN', { timeZone: tz });
  return {
    code: 'POINTS_INSUFFICIENT',
    zh: zh.known ? zh.text : `积分不足：需要 ${need} 积分，现有 ${balance}。`,
    en: zh.known ? problemText(p, 'en', { timeZone: tz }).text : `Not enough points: ${need} needed, ${balance} available.`,
  };
}
