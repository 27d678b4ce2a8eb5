import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import { REDEMPTION_SCOPE, scopeSql, type Caller } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { getTenant } from '../tenants/service.js';
import { appendEvents } from '../cards/events.js';
import { cardTransfersOf, countCardTransfers, reverse } from '../ledger/service.js';
import { cardView, type CardRow } from '../cards/model.js';
import { refusal } from '../../platform/problems/refusal.js';

export interface RedemptionRow {
  id: string;
  card_id: string;
  template_id: string;
  batch_id: string;
  store_id: string | null;
  key_id: string | null;
  member_id: string | null;
  order_amount: number | null;
  amount: number;
  uses: number;
  stamps: number;
  status: 'done' | 'reversed';
  reversed_at: Date | null;
  created_at: Date;
}

/**
 * 撤销核销: undo a redemption within the tenant's window. The redemption's own status is the
 * guard (done → reversed, once), and the card gets back exactly what that redemption's transfers
 * took — each one reversed by a transfer pointing at it — never more, whatever runs concurrently.
 */
export async function reverseRedemption(ctx: Ctx, q: Sql, caller: Caller, id: string, reason?: string) {
  const now = ctx.clock.now();
  const tenant = await getTenant(q, caller.tenantId);
  const params: unknown[] = [caller.tenantId, id, now, new Date(now.getTime() - tenant.reverse_window_minutes * 60_000)];
  const r = await q.query<RedemptionRow>(
    `UPDATE redemptions SET status = 'reversed', reversed_at = $3
     WHERE tenant_id = $1 AND id = $2 AND status = 'done' AND created_at > $4 AND ${scopeSql(caller, params, REDEMPTION_SCOPE)}
     RETURNING *`,
    params,
  );
  const red = r.rows[0];
  if (!red) {
    const cp: unknown[] = [caller.tenantId, id];
    const cur = (await q.query<RedemptionRow>(`SELECT * FROM redemptions WHERE tenant_id = $1 AND id = $2 AND ${scopeSql(caller, cp, REDEMPTION_SCOPE)}`, cp))
      .rows[0];
    if (!cur) throw new AppError(404, 'REDEMPTION_NOT_FOUND', 'redemption not found');
    if (cur.status === 'reversed') throw new AppError(409, 'REDEMPTION_ALREADY_REVERSED', 'this redemption was already reversed');
    throw refusal('REVERSAL_WINDOW_CLOSED', `redemptions can be reversed within ${tenant.reverse_window_minutes} minutes`, {
      minutes: tenant.reverse_window_minutes,
    });
  }
  const taken = await cardTransfersOf(q, caller.tenantId, red.card_id, red.id);
  const took = (asset: string) => taken.filter((t) => t.asset === asset).reduce((sum, t) => sum + t.delta, 0);
  const back = { amount: -took('fen'), uses: -took('uses'), stamps: -took('stamps') };
  const c = (await q.query<CardRow>('SELECT * FROM cards WHERE tenant_id = $1 AND id = $2 FOR UPDATE', [caller.tenantId, red.card_id])).rows[0];
  if (!['active', 'used', 'frozen'].includes(c.state))
    throw refusal('CARD_NOT_REVERSIBLE', `the card is ${c.state}; its redemptions can no longer be reversed`, { state: c.state });
  if (c.kind === 'periodic' && (await periodOf(q, caller.tenantId, red.card_id, taken[0]?.id)) !== c.period_no)
    throw new AppError(409, 'REVERSAL_PERIOD_CLOSED', 'this redemption belongs to a period that has ended');
  if (c.stamps + back.stamps < 0) throw new AppError(409, 'REVERSAL_REWARD_ISSUED', 'these stamps already earned a reward; void the reward card instead');
  const u = await q.query<CardRow>(
    `UPDATE cards SET balance = balance + $3, uses_left = uses_left + $4, stamps = stamps + $5,
       state = CASE WHEN state = 'used' THEN 'active' ELSE state END, updated_at = $6
     WHERE tenant_id = $1 AND id = $2 RETURNING *`,
    [caller.tenantId, c.id, back.amount, back.uses, back.stamps, now],
  );
  await reverse(
    q,
    caller.tenantId,
    taken.map((t) => t.id),
    now,
    { reference: red.id },
  );
  await appendEvents(q, [
    {
      tenantId: caller.tenantId,
      cardId: c.id,
      templateId: c.template_id,
      batchId: c.batch_id,
      type: 'reversed',
      memberId: c.member_id,
      storeId: red.store_id,
      channelId: c.channel_id,
      keyId: caller.keyId,
      data: { redemption_id: red.id, amount: red.amount, uses: red.uses, stamps: red.stamps, reason: reason?.trim() || null },
      at: now,
    },
  ]);
  return { ...red, reward_card_id: null, card: cardView(u.rows[0]) };
}

async function periodOf(q: Sql, tenantId: string, cardId: string, firstTransferId: number | undefined): Promise<number> {
  // the period a redemption fell in: refills before it, plus one
  return (firstTransferId === undefined ? 0 : await countCardTransfers(q, tenantId, cardId, 'refill', firstTransferId)) + 1;
}
