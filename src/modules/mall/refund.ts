import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import { systemCaller, type Caller } from '../../http/access.js';
import { emit } from '../../platform/events.js';
import { refusal } from '../../platform/problems/refusal.js';
import { findById } from '../cards/lookup.js';
import { voidCard } from '../cards/manage.js';
import { initialHoldings } from '../cards/model.js';
import { getTemplate } from '../templates/service.js';
import { getTenant } from '../tenants/service.js';
import { returnSpend } from './deps.js';
import { getSettings } from './settings.js';
import { EXCHANGE_COLS, exchangeById, type ExchangeRow } from './exchanges.js';

/**
 * A card from an exchange may be refunded only untouched: active or frozen, holding all it was
 * issued with (a count card with a use taken, a stored-value card with some spent, is used).
 */
async function usedCard(q: Sql, tenantId: string, cardId: string, at: Date) {
  const c = await findById(q, tenantId, cardId, { forUpdate: true });
  if (c.state !== 'active' && c.state !== 'frozen') return c;
  const t = await getTemplate(q, tenantId, c.template_id);
  const h = initialHoldings(t.kind, t.value, at, (await getTenant(q, tenantId)).time_zone);
  return Number(c.balance) < Number(h.balance) || c.uses_left < h.uses || c.stamps > 0 ? c : null;
}

/**
 * 退款/作废 (the brand's staff): the exchange is flipped `done → refunded` once, its cards are voided
 * through the cards module (a used card refuses the whole refund), the member's count and the
 * item's stock are given back, and — by the tenant's setting — the points go back into the lots
 * they came from (`returnSpend`). All in one transaction, with a `mall.refunded` event. Kaquan took
 * no money: an exchange's cash part is the brand's to pay back, and the answer says how much.
 * Locks follow the exchange's order (count, points, cards, item) so the two never deadlock.
 */
export async function refundExchange(ctx: Ctx, q: Sql, caller: Caller, id: string, reason: string | undefined, actor: string): Promise<ExchangeRow> {
  const tenantId = caller.tenantId;
  const now = ctx.clock.now();
  const settings = await getSettings(q, tenantId);
  const r = await q.query<ExchangeRow>(
    `UPDATE mall_exchanges SET state = 'refunded', refund_reason = $3, refunded_by = $4, refunded_at = $5
     WHERE tenant_id = $1 AND id = $2 AND state = 'done' RETURNING ${EXCHANGE_COLS}`,
    [tenantId, id, reason ?? null, actor, now],
  );
  const ex = r.rows[0];
  if (!ex) {
    await exchangeById(q, tenantId, id);
    throw refusal('MALL_EXCHANGE_REFUNDED', 'this exchange has already been refunded', {});
  }
  await q.query('UPDATE mall_member_counts SET exchanged = exchanged - 1 WHERE tenant_id = $1 AND item_id = $2 AND member_id = $3', [
    tenantId,
    ex.item_id,
    ex.member_id,
  ]);
  const giveBack = settings.return_points_on_refund && !!ex.spend_id;
  if (giveBack) await returnSpend(q, tenantId, ex.spend_id!, 'mall_refund', now);
  for (const cardId of ex.card_ids) {
    const used = await usedCard(q, tenantId, cardId, now);
    if (used) throw refusal('MALL_CARD_USED', `card ${cardId} is ${used.state} or part used`, { state: used.state }, { card_id: cardId });
    await voidCard(ctx, q, systemCaller(caller), cardId, reason ? `积分商城退款：${reason}` : '积分商城退款');
  }
  await q.query('UPDATE mall_items SET sold = sold - 1 WHERE tenant_id = $1 AND id = $2', [tenantId, ex.item_id]);
  await q.query('UPDATE mall_exchanges SET points_returned = $3 WHERE tenant_id = $1 AND id = $2', [tenantId, id, giveBack]);
  await emit(q, [
    {
      tenantId,
      type: 'mall.refunded',
      at: now,
      memberId: ex.member_id,
      cardId: ex.card_ids.length === 1 ? ex.card_ids[0] : null,
      keyId: caller.keyId,
      data: {
        exchange_id: id,
        item_id: ex.item_id,
        points: Number(ex.points),
        points_returned: giveBack,
        cash: Number(ex.cash),
        payment_ref: ex.payment_ref,
        card_ids: ex.card_ids,
        reason: reason ?? null,
      },
    },
  ]);
  return { ...ex, points_returned: giveBack };
}
