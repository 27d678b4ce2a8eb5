import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import { isoSql, params, recordCtes, type FastMutation } from '../../mutations/mutation.js';
import type { Caller } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { newId } from '../../ids.js';
import { appendEvents, OUTBOX_FROM_EV } from '../cards/events.js';
import { writeDecided } from './write.js';
import { spendApproval } from './approvals.js';
import { cardView, DEPLETES, type CardRow } from '../cards/model.js';
import { screenFor } from '../cards/lookup.js';
import { evaluate, needsVerification, type Take } from './rules.js';
import { refillCard } from '../cards/refill.js';
import { rewardStamps } from '../cards/stamp.js';
import { takeSet, takeWhere, type TakeExprs } from './take.js';
import { takeTransfersSql } from '../ledger/service.js';

import { checkPin, loadForRedeem, type Loaded, type RedeemInput } from './load.js';

/**
 * 核销 redeem. The rules are checked on the card as read; the write is one conditional statement
 * that re-checks state, holdings, validity and period, so two concurrent redemptions can never
 * both take the last use or the same balance. When it matches nothing, the card is read again
 * and the rule that now fails is the answer.
 */
export async function redeem(ctx: Ctx, q: Sql, caller: Caller, input: RedeemInput) {
  const now = ctx.clock.now();
  // inside the transaction the guard is not asked again: the route tries redeemFast first, which
  // judged this request's code and PIN through it (and a transaction must not wait on the guard)
  let l = await loadForRedeem(ctx, q, caller, input, false, 'screened');
  if (l.card.kind === 'periodic' && l.card.state === 'active' && l.card.period_ends_at && new Date(l.card.period_ends_at) <= now) {
    await refillCard(ctx, q, caller.tenantId, l.card.id, now);
    l = await loadForRedeem(ctx, q, caller, { ...input, card_id: l.card.id, code: undefined });
  }
  await checkPin(ctx, 'screened', caller, l, input.pin);
  const take = evaluate(l.card, l.template, l.store, input, now, l.tz);
  if (input.approval_id && needsVerification(l.template, take)) await spendApproval(q, caller.tenantId, input.approval_id, l.card.id, take.value, now);
  const redemptionId = newId('red');
  const updated = await takeFromCard(q, caller, l, take, redemptionId, input, now);
  if (!updated) {
    const again = await loadForRedeem(ctx, q, caller, { ...input, card_id: l.card.id, code: undefined });
    evaluate(again.card, again.template, again.store, { ...input, approval_id: input.approval_id ?? 'retry' }, now, again.tz);
    throw new AppError(409, 'CARD_CHANGED', 'the card changed while redeeming; try again');
  }
  let card = updated;
  const base = {
    tenantId: caller.tenantId,
    cardId: card.id,
    templateId: card.template_id,
    batchId: card.batch_id,
    memberId: card.member_id,
    storeId: l.store?.id ?? null,
    channelId: card.channel_id,
    keyId: caller.keyId,
    at: now,
  };
  const events = [
    {
      ...base,
      type: take.stamps ? ('stamped' as const) : ('redeemed' as const),
      data: { redemption_id: redemptionId, amount: take.value, uses: take.uses, stamps: take.stamps, order_amount: input.order_amount ?? null },
    },
  ];
  await appendEvents(q, events);
  let rewardCardId: string | null = null;
  if (take.stamps && card.stamps >= l.template.value.goal!) {
    const out = await rewardStamps(ctx, q, caller, card, l.template, redemptionId, now);
    card = out.card;
    rewardCardId = out.rewardCardId;
  }
  return {
    id: redemptionId,
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
    created_at: now,
    reward_card_id: rewardCardId,
    card: cardView(card),
  };
}

/**
 * 核销, the hot path: the card is read once (no lock), the rules run here on that row, and then ONE
 * statement does everything else — the conditional take from the card, the redemption, its ledger
 * entry, its event and webhook deliveries, the audit entry and the idempotency record — so a
 * redemption is two round trips and holds the card's row lock only for that one statement.
 *
 * The invariant is kept by the card update's WHERE, as in takeFromCard: state, holdings, validity
 * and period are re-checked on the row as it is when the statement runs, so concurrent
 * redemptions can never take the same use or balance twice. Everything else hangs off its
 * RETURNING: no match, no redemption, no ledger entry, nothing. What this path does not handle
 * (a periodic refill due, an approval to use up, a stamp goal reached, or the card having changed
 * since it was read) returns undefined and goes the transactional way, which says why.
 */
export async function redeemFast(ctx: Ctx, caller: Caller, input: RedeemInput, m: FastMutation): Promise<Record<string, unknown> | undefined> {
  const now = m.at;
  const screen = screenFor(ctx, caller);
  const l = await loadForRedeem(ctx, ctx.db, caller, input, false, screen);
  const c = l.card;
  if (c.kind === 'periodic' && c.state === 'active' && c.period_ends_at && new Date(c.period_ends_at) <= now) return undefined;
  await checkPin(ctx, screen, caller, l, input.pin);
  const take = evaluate(c, l.template, l.store, input, now, l.tz);
  if (input.approval_id && needsVerification(l.template, take)) return undefined;
  const goal = c.kind === 'stamp' ? l.template.value.goal! : null;
  if (goal !== null && c.stamps + take.stamps >= goal) return undefined;
  const redemptionId = newId('red');
  const storeId = l.store?.id ?? null;
  const answer = (updated: CardRow) => ({
    id: redemptionId,
    card_id: updated.id,
    template_id: updated.template_id,
    batch_id: updated.batch_id,
    store_id: storeId,
    member_id: updated.member_id,
    order_amount: input.order_amount ?? null,
    amount: take.value,
    uses: take.uses,
    stamps: take.stamps,
    status: 'done',
    reversed_at: null,
    created_at: now,
    reward_card_id: null,
    card: cardView(updated),
  });
  const eventData = JSON.stringify({
    redemption_id: redemptionId,
    amount: take.value,
    uses: take.uses,
    stamps: take.stamps,
    order_amount: input.order_amount ?? null,
  });
  if (!m.idempotency && ctx.config.redeemGroups !== false) {
    // under load, redemptions waiting for a statement go together: one round trip and one commit for many
    const written = await writeDecided(ctx.db, {
      tenantId: caller.tenantId,
      cardId: c.id,
      amount: take.amount,
      uses: take.uses,
      stamps: take.stamps,
      depletes: DEPLETES.includes(c.kind),
      periodNo: c.period_no,
      memberId: c.member_id,
      goal,
      redemptionId,
      storeId,
      keyId: caller.keyId,
      orderAmount: input.order_amount ?? null,
      value: take.value,
      ledgerType: take.stamps ? 'stamp' : 'redeem',
      eventType: take.stamps ? 'stamped' : 'redeemed',
      eventData,
      actor: m.audit.actor,
      action: m.audit.action,
      auditData: JSON.stringify(m.audit.data),
      at: now,
    });
    if (written === null) return undefined; // the card changed since it was read
    if (written !== 'alone') return answer(written);
  }
  const { values, p } = params();
  const [tenant, card, nowP, amount, uses, stamps, red] = [p(caller.tenantId), p(c.id), p(now), p(take.amount), p(take.uses), p(take.stamps), p(redemptionId)];
  const t: TakeExprs = {
    amount: `${amount}::int8`,
    uses: `${uses}::int`,
    stamps: `${stamps}::int`,
    depletes: `${p(DEPLETES.includes(c.kind))}::boolean`,
    at: `${nowP}::timestamptz`,
    periodNo: `${p(c.period_no)}::int`,
    memberId: `${p(c.member_id)}::text`,
    goal: `${p(goal)}::int`,
  };
  // with an idempotency key the answer is built here in SQL and stored in the same statement;
  // without one it is built in JS from the updated row (cheaper for the database), in the same format
  const keyed = !!m.idempotency;
  const cardJson = () => `jsonb_build_object('id', c.id, 'batch_id', c.batch_id, 'template_id', c.template_id, 'kind', c.kind, 'code_tail', c.code_tail,
      'state', c.state, 'state_reason', c.state_reason, 'member_id', c.member_id, 'channel_id', c.channel_id, 'balance', c.balance,
      'uses_left', c.uses_left, 'stamps', c.stamps, 'period_no', c.period_no, 'period_ends_at', ${isoSql('c.period_ends_at')},
      'valid_from', ${isoSql('c.valid_from')}, 'valid_until', ${isoSql('c.valid_until')}, 'bind_deadline', ${isoSql('c.bind_deadline')},
      'issued_at', ${isoSql('c.issued_at')}, 'bound_at', ${isoSql('c.bound_at')}, 'created_at', ${isoSql('c.created_at')}, 'updated_at', ${isoSql('c.updated_at')})`;
  const sql = `WITH c AS (
      UPDATE cards SET ${takeSet(t)}
      WHERE tenant_id = ${tenant} AND id = ${card} AND ${takeWhere(t)}
      RETURNING *),
    r AS (
      INSERT INTO redemptions (tenant_id, id, card_id, template_id, batch_id, store_id, key_id, member_id, channel_id, order_amount, amount, uses, stamps, status, created_at)
      SELECT tenant_id, ${red}, id, template_id, batch_id, ${p(storeId)}, ${p(caller.keyId)}, member_id, channel_id, ${p(input.order_amount ?? null)}::int8, ${p(take.value)}::int8, ${uses}::int, ${stamps}::int, 'done', ${nowP}::timestamptz FROM c
      RETURNING ${keyed ? '*' : 'id'}),
    l AS (${takeTransfersSql('c', { tenant: 'c.tenant_id', card: 'c.id', amount, uses, stamps, reason: p(take.stamps ? 'stamp' : 'redeem'), reference: red, at: `${nowP}::timestamptz` })}),
    ev AS (
      INSERT INTO card_events (tenant_id, card_id, template_id, batch_id, event_type, member_id, store_id, channel_id, key_id, data, created_at)
      SELECT tenant_id, id, template_id, batch_id, ${p(take.stamps ? 'stamped' : 'redeemed')}, member_id, ${p(storeId)}, channel_id, ${p(caller.keyId)},
        ${p(eventData)}::jsonb, ${nowP}::timestamptz FROM c
      RETURNING *),
    wh AS (${OUTBOX_FROM_EV}),
    ${
      keyed
        ? `answer AS (
      SELECT jsonb_build_object('id', r.id, 'card_id', r.card_id, 'template_id', r.template_id, 'batch_id', r.batch_id, 'store_id', r.store_id,
        'member_id', r.member_id, 'order_amount', r.order_amount, 'amount', r.amount, 'uses', r.uses, 'stamps', r.stamps, 'status', r.status,
        'reversed_at', NULL, 'created_at', ${isoSql('r.created_at')}, 'reward_card_id', NULL, 'card', ${cardJson()}) AS body
      FROM r, c),`
        : ''
    }
    ${recordCtes(m, p, keyed ? 'answer' : 'r', red, 'answer.body')}
    ${keyed ? 'SELECT body FROM answer' : 'SELECT * FROM c'}`;
  const out = await ctx.db.query(sql, values);
  const row = out.rows[0];
  if (!row) return undefined; // nothing matched: the card changed since it was read
  if (keyed) return row.body; // the stored answer, byte for byte what a retry will get
  return answer(row as CardRow);
}

async function takeFromCard(q: Sql, caller: Caller, l: Loaded, take: Take, redemptionId: string, input: RedeemInput, now: Date): Promise<CardRow | null> {
  const depletes = DEPLETES.includes(l.card.kind);
  const r = await q.query<CardRow>(
    `WITH c AS (
       UPDATE cards SET ${takeSet(TX_TAKE)}
       WHERE tenant_id = $1 AND id = $2 AND ${takeWhere(TX_TAKE)}
       RETURNING *),
     r AS (
       INSERT INTO redemptions (tenant_id, id, card_id, template_id, batch_id, store_id, key_id, member_id, channel_id, order_amount, amount, uses, stamps, status, created_at)
       SELECT tenant_id, $9, id, template_id, batch_id, $10, $11, member_id, channel_id, $12, $13, $4, $5, 'done', $7 FROM c),
     l AS (${takeTransfersSql('c', { tenant: 'c.tenant_id', card: 'c.id', amount: '$3', uses: '$4', stamps: '$5', reason: "CASE WHEN $5 > 0 THEN 'stamp' ELSE 'redeem' END", reference: '$9', at: '$7' })})
     SELECT * FROM c`,
    [
      caller.tenantId,
      l.card.id,
      take.amount,
      take.uses,
      take.stamps,
      depletes,
      now,
      l.card.period_no,
      redemptionId,
      l.store?.id ?? null,
      caller.keyId,
      input.order_amount ?? null,
      take.value,
      l.card.member_id,
    ],
  );
  return r.rows[0] ?? null;
}

/** The transactional path's take, over its numbered parameters; it may reach a stamp goal (it rewards it). */
const TX_TAKE: TakeExprs = {
  amount: '$3::int8',
  uses: '$4::int',
  stamps: '$5::int',
  depletes: '$6::boolean',
  at: '$7::timestamptz',
  periodNo: '$8::int',
  memberId: '$14::text',
  goal: 'NULL::int',
};
