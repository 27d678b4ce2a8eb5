import type { Db, Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import { AppError, PendingAnswer } from '../../errors.js';
import { newId } from '../../ids.js';
import { emit } from '../../platform/events.js';
import { reviewDesks, reviewHandlers, type GuardedAction, type ReviewHandler } from '../../platform/guards.js';
import { getTenant } from '../tenants/service.js';

/** Never kept in a review: a code, PIN or one-time code is judged when the action is asked, and approval replays it by the card's id. */
const SECRET = new Set(['code', 'pin', 'secret', 'proof', 'otp', 'password']);

export const PENDING_MESSAGE = {
  zh: '等待人工审核：通过后自动完成，驳回或超时则不执行；可凭审核单号查询结果。',
  en: 'Waiting for review: carried out once approved, not at all if rejected or timed out; look it up by its review id.',
};

/** A context whose database is this transaction: what a handler does rides in the review's own commit. */
export function inTx(ctx: Ctx, q: Sql): Ctx {
  const db: Db = {
    engine: ctx.db.engine,
    query: (text, params) => q.query(text, params),
    tx: (fn) => fn(q),
    breathe: async () => {},
    close: async () => {},
  };
  return { ...ctx, db };
}

export const handlerFor = (kind: string): ReviewHandler => {
  const h = reviewHandlers.list().find((x) => x.kind === kind);
  if (!h) throw new AppError(409, 'REVIEW_UNAVAILABLE', `nothing can carry out a "${kind}" after review`);
  return h;
};

/** The request as approval will replay it: without secrets, the card named by id when it was named by code. */
export function replayable(input: unknown, cardId: string | null | undefined): Record<string, unknown> {
  const src = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const out = Object.fromEntries(Object.entries(src).filter(([k]) => !SECRET.has(k)));
  if ('code' in src && !out.card_id) {
    if (!cardId) throw new AppError(409, 'REVIEW_UNAVAILABLE', 'this request names its card by code only; it cannot wait for review');
    out.card_id = cardId;
  }
  return out;
}

/**
 * The desk 人工审核: nothing is written while the action's own transaction is open (it is about to
 * roll back, and on PGlite a second statement beside it would wait for it); the thrown answer is
 * settled after — the review, the owner's hold and the key's stored answer in one transaction.
 */
export const desk = reviewDesks.with({
  async send(ctx: Ctx, a: GuardedAction, decision: { id: string | null; rules: { id: string; name: string }[] }): Promise<never> {
    if (!a.replay) throw new AppError(409, 'REVIEW_UNAVAILABLE', `a ${a.action} cannot wait for review`);
    const handler = handlerFor(a.replay.kind);
    const request = replayable(a.replay.input, a.subjects.card_id);
    const id = newId('rev');
    const caller = a.caller;
    throw new PendingAnswer({ status: 'pending_review', review_id: id, message: PENDING_MESSAGE }, (store) =>
      ctx.db.tx(async (q) => {
        const now = ctx.clock.now();
        const hours = (await getTenant(q, a.tenantId)).review_hold_hours;
        const holdUntil = new Date(now.getTime() + hours * 3_600_000);
        const body = { status: 'pending_review', review_id: id, message: PENDING_MESSAGE, hold_until: holdUntil.toISOString() };
        if (store && !(await store(q, 202, body))) return null;
        await q.query(
          `INSERT INTO reviews (tenant_id, id, action, kind, input, subjects, amount, decision_id, rules, requested_by, requester, status, hold_until, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'pending', $12, $13)`,
          [
            a.tenantId,
            id,
            a.action,
            handler.kind,
            JSON.stringify(request),
            JSON.stringify(a.subjects),
            a.amount ?? null,
            decision.id,
            JSON.stringify(decision.rules),
            caller.keyId,
            JSON.stringify(caller),
            holdUntil,
            now,
          ],
        );
        await handler.hold(inTx(ctx, q), { caller, request }, id);
        const s = a.subjects;
        await emit(q, [
          {
            tenantId: a.tenantId,
            type: 'review.requested',
            at: now,
            cardId: s.card_id ?? null,
            memberId: s.member_id ?? null,
            storeId: s.store_id ?? null,
            templateId: s.template_id ?? null,
            batchId: s.batch_id ?? null,
            channelId: s.channel_id ?? caller.channelId ?? null,
            keyId: caller.keyId,
            data: { review_id: id, action: a.action, amount: a.amount ?? null, rules: decision.rules, hold_until: body.hold_until },
          },
        ]);
        return body;
      }),
    );
  },
});
