import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import type { Caller } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { reviewHandlers } from '../../platform/guards.js';
import { getBatch, holdStock, releaseStock } from '../batches/service.js';
import { appendEvents } from './events.js';
import { findById } from './lookup.js';
import { checkUsable, reviewHold, type CardRow } from './model.js';
import { event } from './manage.js';
import { issueCard, type IssueInput } from './issue.js';

/** What the review desk hands a handler: the request as it will be replayed (no secrets) and who asked. */
interface Replayed<T> {
  caller: Caller;
  request: T;
}

/**
 * 人工审核 hold on a card: frozen with `review:<id>` as its reason, so nobody redeems, transfers,
 * gives or voids it while the review waits (unfreeze does not lift it: only the review does).
 */
export async function holdCard(ctx: Ctx, q: Sql, caller: Caller, cardId: string, reviewId: string): Promise<void> {
  const now = ctx.clock.now();
  const r = await q.query<CardRow>(
    `UPDATE cards SET state = 'frozen', state_reason = $3, updated_at = $4 WHERE tenant_id = $1 AND id = $2 AND state = 'active' RETURNING *`,
    [caller.tenantId, cardId, reviewHold(reviewId), now],
  );
  if (!r.rows[0]) {
    checkUsable(await findById(q, caller.tenantId, cardId), now); // says why (used, frozen, under another review …)
    throw new AppError(409, 'CARD_CHANGED', 'the card changed while holding it for review; try again');
  }
  await appendEvents(q, [event(r.rows[0], caller, 'review_held', now, { review_id: reviewId })]);
}

/** The card is active again if this review still holds it (a card that expired meanwhile stays expired). */
export async function releaseCard(ctx: Ctx, q: Sql, caller: Caller, cardId: string, reviewId: string, outcome: string): Promise<boolean> {
  const now = ctx.clock.now();
  const r = await q.query<CardRow>(
    `UPDATE cards SET state = 'active', state_reason = NULL, updated_at = $4 WHERE tenant_id = $1 AND id = $2 AND state = 'frozen' AND state_reason = $3 RETURNING *`,
    [caller.tenantId, cardId, reviewHold(reviewId), now],
  );
  if (r.rows[0]) await appendEvents(q, [event(r.rows[0], caller, 'review_released', now, { review_id: reviewId, outcome })]);
  return !!r.rows[0];
}

/**
 * 发放 waiting for review: the stock is taken now so a batch never promises more than it has — a
 * unit of an on-issue batch's stock (batches.held), or the next code of a pool reserved for the
 * review; approval issues it to the member, rejection or expiry gives it back.
 */
async function holdIssue(ctx: Ctx, x: Replayed<IssueInput>, reviewId: string) {
  const q = ctx.db;
  const now = ctx.clock.now();
  const b = await getBatch(q, x.caller.tenantId, x.request.batch_id);
  if (b.mode === 'on_issue') {
    if (!(await holdStock(q, x.caller.tenantId, b.id, now))) throw new AppError(409, 'STOCK_EXHAUSTED', 'this batch has no stock left');
    return;
  }
  const r = await q.query(
    `UPDATE cards SET state_reason = $3, updated_at = $4 WHERE tenant_id = $1 AND id = (SELECT id FROM cards WHERE tenant_id = $1 AND batch_id = $2
       AND state = 'unissued' AND channel_id IS NULL AND state_reason IS NULL ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED)`,
    [x.caller.tenantId, b.id, reviewHold(reviewId), now],
  );
  if (!r.rowCount) throw new AppError(409, 'STOCK_EXHAUSTED', 'this batch has no codes left');
}

async function releaseIssue(ctx: Ctx, x: Replayed<IssueInput>, reviewId: string) {
  const q = ctx.db;
  const now = ctx.clock.now();
  const b = await getBatch(q, x.caller.tenantId, x.request.batch_id);
  if (b.mode === 'on_issue') return releaseStock(q, x.caller.tenantId, b.id, now);
  await q.query(`UPDATE cards SET state_reason = NULL, updated_at = $4 WHERE tenant_id = $1 AND batch_id = $2 AND state = 'unissued' AND state_reason = $3`, [
    x.caller.tenantId,
    b.id,
    reviewHold(reviewId),
    now,
  ]);
}

async function approveIssue(ctx: Ctx, x: Replayed<IssueInput>, reviewId: string) {
  const b = await getBatch(ctx.db, x.caller.tenantId, x.request.batch_id);
  // the held unit is given back and taken again by the issue, in this transaction (the batch row stays locked)
  if (b.mode === 'on_issue') await releaseStock(ctx.db, x.caller.tenantId, b.id, ctx.clock.now());
  const issued = await issueCard(ctx, ctx.db, x.caller, x.request, b.mode === 'on_issue' ? null : reviewHold(reviewId));
  const { code: _c, pin: _p, ...card } = issued; // the review keeps no code: the member sees it in their wallet, staff by its card
  return { card };
}

const issueHandler = (kind: string) => ({
  kind,
  hold: (ctx: Ctx, input: unknown, id: string) => holdIssue(ctx, input as Replayed<IssueInput>, id),
  approve: (ctx: Ctx, input: unknown, id: string) => approveIssue(ctx, input as Replayed<IssueInput>, id),
  release: (ctx: Ctx, input: unknown, id: string) => releaseIssue(ctx, input as Replayed<IssueInput>, id),
});

/** The cards module's review handlers: an issue and a claim (an issue a member started) hold stock. */
export const cardReviewHandlers = [reviewHandlers.with(issueHandler('issue')), reviewHandlers.with(issueHandler('claim'))];
