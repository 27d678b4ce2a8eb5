import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import { systemCaller, type Caller } from '../../http/access.js';
import { AppError, invalid } from '../../errors.js';
import { newId } from '../../ids.js';
import { emit } from '../../platform/events.js';
import { refusal } from '../../platform/problems/refusal.js';
import { memberExists } from '../members/service.js';
import { issueCard } from '../cards/issue.js';
import { grantPack, memberTier, spendPoints, tierAllows, tierNames } from './deps.js';
import { getItem, ITEM_COLS, type ItemRow } from './items.js';
import { EXCHANGE_COLS, exchangeById, type ExchangeRow } from './exchanges.js';

export interface ExchangeInput {
  memberId: string;
  /** the wallet (the member themself) or the brand's API on the member's behalf */
  via: 'wallet' | 'api';
  /** the brand's confirmed payment of the item's cash part (API only) */
  paymentRef?: string;
  actor: string;
}

/** The member's tier, asked once however many items want it. */
export function onceTier(q: Sql, tenantId: string, memberId: string) {
  let p: ReturnType<typeof memberTier> | undefined;
  return () => (p ??= memberTier(q, tenantId, memberId));
}

/** Why this member may not exchange this item now, before any write (the writes below re-check each in their own statement). */
export async function refusalFor(
  q: Sql,
  tenantId: string,
  it: ItemRow,
  memberId: string,
  now: Date,
  tier = onceTier(q, tenantId, memberId),
): Promise<AppError | null> {
  if (it.status !== 'published') return refusal('MALL_ITEM_NOT_PUBLISHED', `the item is ${it.status}`, {}, { item_status: it.status });
  if (it.sale_from && now < it.sale_from) return refusal('MALL_SALE_NOT_STARTED', 'the sale has not started', { sale_from: it.sale_from.toISOString() });
  if (it.sale_until && now >= it.sale_until) return refusal('MALL_SALE_ENDED', 'the sale has ended', { sale_until: it.sale_until.toISOString() });
  if (it.stock !== null && Number(it.sold) >= Number(it.stock)) return refusal('MALL_SOLD_OUT', 'no stock left', {});
  if (it.tier_ids.length) {
    const t = await tier();
    if (!tierAllows(it.tier_ids, t)) {
      const names = await tierNames(q, tenantId);
      return refusal(
        'MALL_TIER_REQUIRED',
        `only members of tiers ${it.tier_ids.join(', ')}`,
        { tiers: it.tier_ids.map((t) => names.get(t) ?? t), ...(t ? { tier: t.name } : {}) },
        { tier_ids: it.tier_ids },
      );
    }
  }
  return null;
}

const limitReached = (limit: number | null) =>
  refusal('MALL_MEMBER_LIMIT', `this member has exchanged this item the most times allowed (${limit})`, { limit: limit ?? 0 });

/**
 * 兑换: one exchange of an item for a member, all in the caller's transaction or none of it — the
 * member's count (one conditional upsert), the points (the points module's spend, its 409 when the
 * balance is short), the card issued or the pack granted (reference: the exchange id), the stock
 * (one conditional decrement, taken last so the hot item row is locked only from there to the
 * commit), the record and its `mall.exchanged` event. Locks are taken in the order a refund takes
 * them (count, points, card, item), so the two never deadlock.
 */
export async function exchange(ctx: Ctx, q: Sql, caller: Caller, itemId: string, input: ExchangeInput): Promise<ExchangeRow> {
  const tenantId = caller.tenantId;
  const now = ctx.clock.now();
  const it = await getItem(q, tenantId, itemId);
  if (!(await memberExists(q, tenantId, input.memberId)))
    throw new AppError(404, 'MEMBER_NOT_FOUND', 'member_id: member not found', { errors: [{ field: 'member_id', reason: 'not found' }] });
  const cash = Number(it.cash);
  if (cash > 0 && input.via === 'wallet')
    throw refusal('MALL_CASH_PAYMENT_REQUIRED', 'an item with a cash part is exchanged through the brand, with its payment', { cash });
  if (cash > 0 && !input.paymentRef) throw invalid('payment_ref', `this item also costs ${cash} fen: name the brand's confirmed payment`);
  if (cash === 0 && input.paymentRef) throw invalid('payment_ref', 'this item costs points only: there is no payment to name');

  const id = newId('mex', now.getTime());
  // the record first: a payment reference buys one exchange (a concurrent second waits here, then sees the first)
  const ins = await q.query<{ id: string }>(
    `INSERT INTO mall_exchanges (tenant_id, id, item_id, member_id, points, cash, payment_ref, via, actor, created_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) ON CONFLICT (tenant_id, payment_ref) WHERE payment_ref IS NOT NULL DO NOTHING RETURNING id`,
    [tenantId, id, it.id, input.memberId, Number(it.points), cash, input.paymentRef ?? null, input.via, input.actor, now],
  );
  if (!ins.rows[0]) {
    const first = (
      await q.query<ExchangeRow>(`SELECT ${EXCHANGE_COLS} FROM mall_exchanges WHERE tenant_id = $1 AND payment_ref = $2`, [tenantId, input.paymentRef])
    ).rows[0]!;
    if (first.item_id === it.id && first.member_id === input.memberId) return first;
    throw refusal('MALL_PAYMENT_REF_USED', 'this payment reference paid for another exchange', { payment_ref: input.paymentRef! });
  }

  const why = await refusalFor(q, tenantId, it, input.memberId, now);
  if (why) throw why;
  const counted = await q.query(
    `INSERT INTO mall_member_counts AS m (tenant_id, item_id, member_id, exchanged) VALUES ($1, $2, $3, 1)
     ON CONFLICT (tenant_id, item_id, member_id) DO UPDATE SET exchanged = m.exchanged + 1
       WHERE m.exchanged < coalesce((SELECT per_member_limit FROM mall_items i WHERE i.tenant_id = $1 AND i.id = $2), 2147483647)`,
    [tenantId, it.id, input.memberId],
  );
  if (!counted.rowCount) throw limitReached(it.per_member_limit);

  const spend =
    Number(it.points) > 0 ? await spendPoints(q, tenantId, { memberId: input.memberId, amount: Number(it.points), reason: 'mall', reference: id }, now) : null;
  const platform = systemCaller(caller);
  let cardIds: string[];
  let grantId: string | null = null;
  if (it.kind === 'card') {
    const card = await issueCard(ctx, q, platform, { batch_id: it.batch_id!, member_id: input.memberId }).catch((e) => {
      throw e instanceof AppError && e.code === 'STOCK_EXHAUSTED' ? refusal('MALL_SOLD_OUT', `the item's batch: ${e.message}`, {}) : e;
    });
    cardIds = [card.id];
  } else {
    const g = await grantPack(ctx, q, platform, { packId: it.pack_id!, memberId: input.memberId, source: 'mall', reference: id }, now);
    cardIds = g.cards.map((c) => c.id);
    grantId = g.id;
  }

  const took = await q.query<ItemRow>(
    `UPDATE mall_items SET sold = sold + 1 WHERE tenant_id = $1 AND id = $2 AND status = 'published' AND (stock IS NULL OR sold < stock)
     RETURNING ${ITEM_COLS}`,
    [tenantId, it.id],
  );
  if (!took.rowCount)
    throw (await refusalFor(q, tenantId, await getItem(q, tenantId, it.id), input.memberId, now)) ?? refusal('MALL_SOLD_OUT', 'no stock left', {});

  await q.query('UPDATE mall_exchanges SET spend_id = $3, card_ids = $4, pack_grant_id = $5 WHERE tenant_id = $1 AND id = $2', [
    tenantId,
    id,
    spend?.spendId ?? null,
    cardIds,
    grantId,
  ]);
  await emit(q, [
    {
      tenantId,
      type: 'mall.exchanged',
      at: now,
      memberId: input.memberId,
      cardId: cardIds.length === 1 ? cardIds[0] : null,
      keyId: caller.keyId,
      data: {
        exchange_id: id,
        item_id: it.id,
        points: Number(it.points),
        cash,
        payment_ref: input.paymentRef ?? null,
        card_ids: cardIds,
        pack_grant_id: grantId,
        via: input.via,
      },
    },
  ]);
  return exchangeById(q, tenantId, id);
}

/**
 * The cheap refusal of a hot item: once it is sold out (or off the shelf), a request should cost
 * one read, not a transaction. Only says "refused" when the read is certain; the transaction
 * remains the authority.
 */
export async function refusedEarly(q: Sql, tenantId: string, itemId: string): Promise<undefined> {
  const r = await q.query<Pick<ItemRow, 'status' | 'stock' | 'sold'>>('SELECT status, stock, sold FROM mall_items WHERE tenant_id = $1 AND id = $2', [
    tenantId,
    itemId,
  ]);
  const it = r.rows[0];
  if (it && it.status === 'published' && it.stock !== null && Number(it.sold) >= Number(it.stock)) throw refusal('MALL_SOLD_OUT', 'no stock left', {});
  return undefined;
}
