import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import type { FastMutation } from '../../mutations/mutation.js';
import type { Caller } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { newId } from '../../ids.js';
import { spendApproval } from './approvals.js';
import { cardView, type CardRow } from '../cards/model.js';
import { screenFor } from '../cards/lookup.js';
import { evaluate, type Take } from './rules.js';
import { refillCard } from '../cards/refill.js';
import { rewardStamps } from '../cards/stamp.js';
import { decide, refillDue } from './decide.js';
import { effectsFor, runGuards, type Attempt, type RedeemRun } from './extensions.js';
import { writeDecided, writeKeyed, writeOne, type Decided } from './write.js';
import { checkPin, loadForRedeem, type Loaded, type RedeemInput } from './load.js';

/**
 * 核销 redeem, in three steps on every path: load the card (one grouped read), decide (rules, pure:
 * decide.ts) and ask the guards other modules plug in (extensions.ts), then write it all as one
 * statement (write.ts) whose WHERE re-checks the take on the row as it is then, so concurrent
 * redemptions can never take the same use or balance twice.
 *
 * `redeemFast` is tried first: the card is read without a lock and, when the one statement can do
 * the whole redemption, that statement also holds the audit entry and (with a key) the stored
 * answer — two round trips in all, the row lock held for one statement. When it cannot (a refill
 * due, an approval to use up, a stamp goal reached, an effect that must ride in the transaction,
 * or the card changed since it was read) it steps aside and `redeem` runs in a transaction.
 */
export async function redeemFast(
  ctx: Ctx,
  caller: Caller,
  input: RedeemInput,
  m: FastMutation,
  run: RedeemRun = {},
): Promise<Record<string, unknown> | undefined> {
  const now = m.at;
  const screen = screenFor(ctx, caller);
  const l = await loadForRedeem(ctx, ctx.db, caller, input, false, screen);
  if (refillDue(l.card, now)) return undefined;
  await checkPin(ctx, screen, caller, l, input.pin);
  const d = decide(l.card, l.template, l.store, input, now, l.tz);
  if (d.path === 'refill') return undefined;
  const attempt: Attempt = { caller, card: l.card, template: l.template, store: l.store, input, take: d.take, at: now, db: ctx.db, client: run.client ?? null };
  // asked here, outside any transaction, on the transactional decisions too: a guard may write what must
  // outlive a refusal (a second verification's challenge) and PGlite cannot write beside an open transaction
  await runGuards(ctx, attempt, run);
  if (d.path !== 'fast') return undefined;
  if (effectsFor(attempt).length) return undefined;
  const w = decided(caller, l, input, d.take, d.depletes, d.goal, newId('red'), now, m);
  if (m.idempotency) return writeKeyed(ctx.db, w, m); // the stored answer, byte for byte what a retry will get
  // under load, redemptions waiting for a statement go together: one round trip and one commit for many
  const written = ctx.config.redeemGroups !== false ? await writeDecided(ctx.db, w) : await writeOne(ctx.db, w);
  if (written === 'alone') {
    const one = await writeOne(ctx.db, w);
    return one ? answer(w, l, input, d.take, one, null) : undefined;
  }
  return written ? answer(w, l, input, d.take, written, null) : undefined; // null: the card changed since it was read
}

export async function redeem(ctx: Ctx, q: Sql, caller: Caller, input: RedeemInput, run: RedeemRun = {}) {
  const now = ctx.clock.now();
  // inside the transaction the code guard is not asked again: the route tries redeemFast first, which
  // judged this request's code and PIN through it (and a transaction must not wait on the guard)
  let l = await loadForRedeem(ctx, q, caller, input, false, 'screened');
  if (refillDue(l.card, now)) {
    await refillCard(ctx, q, caller.tenantId, l.card.id, now);
    l = await loadForRedeem(ctx, q, caller, { ...input, card_id: l.card.id, code: undefined });
  }
  if (!run.reviewed) await checkPin(ctx, 'screened', caller, l, input.pin);
  const d = decide(l.card, l.template, l.store, input, now, l.tz);
  if (d.path === 'refill') evaluate(l.card, l.template, l.store, input, now, l.tz); // still over after the refill: the rule says why (its last period ended)
  if (d.path === 'refill') throw new AppError(409, 'CARD_CHANGED', 'the card changed while redeeming; try again');
  const attempt: Attempt = { caller, card: l.card, template: l.template, store: l.store, input, take: d.take, at: now, db: q, client: run.client ?? null };
  await runGuards(ctx, attempt, run);
  // an operator's approval of the review is the second verification: the approval id sent with the request is not spent again
  if (d.why === 'approval' && !run.reviewed) await spendApproval(q, caller.tenantId, input.approval_id!, l.card.id, d.take.value, now);
  const w = decided(caller, l, input, d.take, d.depletes, null, newId('red'), now, null); // the goal may be reached: rewarded below
  const updated = await writeOne(q, w);
  if (!updated) {
    const again = await loadForRedeem(ctx, q, caller, { ...input, card_id: l.card.id, code: undefined });
    evaluate(again.card, again.template, again.store, { ...input, approval_id: input.approval_id ?? 'retry' }, now, again.tz);
    throw new AppError(409, 'CARD_CHANGED', 'the card changed while redeeming; try again');
  }
  let card = updated;
  for (const e of effectsFor(attempt)) await e.run(ctx, q, attempt, { redemptionId: w.redemptionId, card });
  let rewardCardId: string | null = null;
  if (d.take.stamps && card.stamps >= l.template.value.goal!) {
    const out = await rewardStamps(ctx, q, caller, card, l.template, w.redemptionId, now);
    card = out.card;
    rewardCardId = out.rewardCardId;
  }
  return answer(w, l, input, d.take, card, rewardCardId);
}

/** The redemption as the write takes it; with `m`, the statement writes its audit entry too. */
function decided(
  caller: Caller,
  l: Loaded,
  input: RedeemInput,
  take: Take,
  depletes: boolean,
  goal: number | null,
  redemptionId: string,
  at: Date,
  m: FastMutation | null,
): Decided {
  return {
    tenantId: caller.tenantId,
    cardId: l.card.id,
    amount: take.amount,
    uses: take.uses,
    stamps: take.stamps,
    depletes,
    periodNo: l.card.period_no,
    memberId: l.card.member_id,
    goal,
    redemptionId,
    storeId: l.store?.id ?? null,
    keyId: caller.keyId,
    orderAmount: input.order_amount ?? null,
    value: take.value,
    ledgerType: take.stamps ? 'stamp' : 'redeem',
    eventType: take.stamps ? 'card.stamped' : 'card.redeemed',
    eventData: JSON.stringify({
      redemption_id: redemptionId,
      amount: take.value,
      uses: take.uses,
      stamps: take.stamps,
      order_amount: input.order_amount ?? null,
      // a card handed out under a channel allocation: its tracking parameters are the allocation's (数据穿透)
      ...(l.card.allocation_id ? { allocation_id: l.card.allocation_id } : {}),
    }),
    actor: m?.audit.actor ?? null,
    action: m?.audit.action ?? null,
    auditData: m ? JSON.stringify(m.audit.data) : null,
    at,
  };
}

function answer(w: Decided, l: Loaded, input: RedeemInput, take: Take, card: CardRow, rewardCardId: string | null) {
  return {
    id: w.redemptionId,
    card_id: card.id,
    template_id: card.template_id,
    batch_id: card.batch_id,
    store_id: l.store?.id ?? null,
    member_id: card.member_id,
    order_amount: input.order_amount ?? null,
    amount: take.value,
    uses: take.uses,
    stamps: take.stamps,
    status: 'done' as const,
    reversed_at: null,
    created_at: w.at,
    reward_card_id: rewardCardId,
    card: cardView(card),
  };
}
