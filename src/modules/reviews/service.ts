import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import type { Caller } from '../../http/access.js';
import { AppError, invalid } from '../../errors.js';
import { emit } from '../../platform/events.js';
import { handlerFor, inTx } from './desk.js';

export type ReviewStatus = 'pending' | 'approved' | 'rejected' | 'expired';
export interface ReviewRow {
  tenant_id: string;
  id: string;
  action: string;
  kind: string;
  input: Record<string, unknown>;
  subjects: Record<string, string | null>;
  amount: number | null;
  decision_id: string | null;
  rules: { id: string; name: string }[];
  requested_by: string;
  requester: Caller;
  status: ReviewStatus;
  hold_until: Date;
  created_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  reason: string | null;
  result: unknown;
}

/** The review's event, named for the requester's system (webhooks `review.*`). */
function reviewEvent(r: ReviewRow, type: string, at: Date, data: Record<string, unknown> = {}) {
  const s = r.subjects;
  return {
    tenantId: r.tenant_id,
    type: `review.${type}`,
    at,
    cardId: s.card_id ?? null,
    memberId: s.member_id ?? null,
    storeId: s.store_id ?? null,
    templateId: s.template_id ?? null,
    batchId: s.batch_id ?? null,
    channelId: s.channel_id ?? r.requester.channelId ?? null,
    keyId: r.requested_by,
    data: { review_id: r.id, action: r.action, status: type, reason: r.reason, ...data },
  };
}

/**
 * Takes the review from pending to `to`: one conditional update, so of two operators deciding at
 * once one wins and the other is told it is decided (409 REVIEW_DECIDED), and a review past its
 * hold_until is not approved (the expiry job releases it).
 */
async function claim(ctx: Ctx, q: Sql, tenantId: string, id: string, to: ReviewStatus, by: string, reason: string | null): Promise<ReviewRow> {
  const now = ctx.clock.now();
  const r = await q.query<ReviewRow>(
    `UPDATE reviews SET status = $3, decided_by = $4, decided_at = $5, reason = $6
     WHERE tenant_id = $1 AND id = $2 AND status = 'pending' AND ($3 <> 'approved' OR hold_until > $5) RETURNING *`,
    [tenantId, id, to, by, now, reason],
  );
  if (r.rows[0]) return r.rows[0];
  const cur = (await q.query<ReviewRow>('SELECT * FROM reviews WHERE tenant_id = $1 AND id = $2', [tenantId, id])).rows[0];
  if (!cur) throw new AppError(404, 'REVIEW_NOT_FOUND', 'review not found');
  const status = cur.status === 'pending' ? 'expired' : cur.status;
  throw new AppError(409, 'REVIEW_DECIDED', `this review is already ${status}`, { review_status: status });
}

/** 通过: the owner carries the action out as it was asked, in this transaction; its answer is kept on the review. */
export async function approveReview(ctx: Ctx, q: Sql, caller: Caller, actor: string, id: string) {
  const r = await claim(ctx, q, caller.tenantId, id, 'approved', actor, null);
  const result = await handlerFor(r.kind).approve(inTx(ctx, q), { caller: r.requester, request: r.input }, r.id);
  await q.query('UPDATE reviews SET result = $3 WHERE tenant_id = $1 AND id = $2', [caller.tenantId, id, JSON.stringify(result ?? null)]);
  await emit(q, [reviewEvent(r, 'approved', ctx.clock.now(), { result })]);
  return { ...r, result: result ?? null };
}

/** 驳回: what was held goes back; the requester is told (review.rejected). */
export async function rejectReview(ctx: Ctx, q: Sql, caller: Caller, actor: string, id: string, reason: string) {
  if (!reason.trim()) throw invalid('reason', 'required'); // the requester reads why
  const r = await claim(ctx, q, caller.tenantId, id, 'rejected', actor, reason.trim());
  await handlerFor(r.kind).release(inTx(ctx, q), { caller: r.requester, request: r.input }, r.id);
  await emit(q, [reviewEvent(r, 'rejected', ctx.clock.now())]);
  return r;
}

/** Pending reviews past hold_until expire (a rejection for the requester) and their holds are released; a page per transaction. */
export async function expireDue(ctx: Ctx, limit = 100): Promise<number> {
  let n = 0;
  for (;;) {
    const done = await ctx.db.tx(async (q) => {
      const now = ctx.clock.now();
      const due = await q.query<ReviewRow>(
        `UPDATE reviews SET status = 'expired', decided_by = 'system', decided_at = $1, reason = 'hold_until passed'
         WHERE (tenant_id, id) IN (SELECT tenant_id, id FROM reviews WHERE status = 'pending' AND hold_until <= $1 ORDER BY hold_until LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING *`,
        [now, limit],
      );
      for (const r of due.rows) await handlerFor(r.kind).release(inTx(ctx, q), { caller: r.requester, request: r.input }, r.id);
      await emit(
        q,
        due.rows.map((r) => reviewEvent(r, 'expired', now)),
      );
      return due.rows.length;
    });
    n += done;
    if (done < limit) return n;
    await ctx.db.breathe();
  }
}
