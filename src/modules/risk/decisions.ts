import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../errors.js';
import { newId } from '../../ids.js';
import { decodeCursor, pageOf } from '../../http/pagination.js';
import { emit } from '../../platform/events.js';
import { namesObject, resolveNames } from '../../platform/names.js';
import type { GuardedAction } from '../../platform/guards.js';
import type { Outcome } from './schemas.js';

/** Decisions 风控决策: every guarded action that was not a plain allow, kept and readable (by rule, member, card). */
export interface Hit {
  id: string;
  name: string;
  kind: 'limit' | 'signal' | 'list';
  outcome: Outcome;
}
export interface DecisionRow {
  id: string;
  action: string;
  outcome: Outcome;
  score: number;
  rules: Hit[];
  subjects: Record<string, string | null>;
  member_id: string | null;
  card_id: string | null;
  store_id: string | null;
  created_at: Date;
}
const COLS = 'id, action, outcome, score, rules, subjects, member_id, card_id, store_id, created_at';

export const STRENGTH: Record<Outcome, number> = { flag: 1, challenge: 2, review: 3, refuse: 4 };
const WEIGHT: Record<Outcome, number> = { flag: 20, challenge: 50, review: 70, refuse: 90 };
/** The score: the strongest outcome's weight, plus 5 for each further rule hit (at most 100). */
export const scoreOf = (hits: Hit[]) => Math.min(100, Math.max(...hits.map((h) => WEIGHT[h.outcome])) + 5 * (hits.length - 1));

export function strongest(hits: Hit[]): Outcome {
  return hits.reduce<Outcome>((o, h) => (STRENGTH[h.outcome] > STRENGTH[o] ? h.outcome : o), 'flag');
}

/** Writes the decision and its event (risk.refused, risk.flagged) on `q`; its id. */
export async function recordDecision(q: Sql, a: GuardedAction, hits: Hit[], outcome: Outcome): Promise<string> {
  const id = newId('rdc');
  const s = a.subjects;
  const subjects = Object.fromEntries(Object.entries(s).filter(([, v]) => v != null));
  await q.query(
    `INSERT INTO risk_decisions (tenant_id, id, action, outcome, score, rules, subjects, member_id, card_id, store_id, rule_ids, created_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
    [
      a.tenantId,
      id,
      a.action,
      outcome,
      scoreOf(hits),
      JSON.stringify(hits),
      JSON.stringify(subjects),
      s.member_id ?? null,
      s.card_id ?? null,
      s.store_id ?? null,
      hits.map((h) => h.id),
      a.at,
    ],
  );
  const type = outcome === 'refuse' ? 'risk.refused' : outcome === 'flag' ? 'risk.flagged' : null;
  if (type)
    await emit(q, [
      {
        tenantId: a.tenantId,
        type,
        at: a.at,
        memberId: s.member_id ?? null,
        cardId: s.card_id ?? null,
        storeId: s.store_id ?? null,
        channelId: s.channel_id ?? null,
        templateId: s.template_id ?? null,
        data: { decision_id: id, action: a.action, rules: hits.map((h) => ({ id: h.id, name: h.name })) },
      },
    ]);
  return id;
}

/** A decision that cannot be written on `q` now (a redemption's transaction that will roll back): written beside it, not waited for. */
export function recordLater(ctx: Ctx, a: GuardedAction, hits: Hit[], outcome: Outcome): void {
  void ctx.db.tx((q) => recordDecision(q, a, hits, outcome)).catch(() => {});
}

export interface DecisionQuery {
  limit?: number;
  cursor?: string;
  member_id?: string;
  card_id?: string;
  rule_id?: string;
  outcome?: string;
  action?: string;
  from?: string;
  to?: string;
}

export async function listDecisions(q: Sql, tenantId: string, f: DecisionQuery) {
  if (f.from && f.to && f.from > f.to)
    throw new AppError(422, 'VALIDATION_FAILED', 'to: must not be before from', { errors: [{ field: 'to', reason: 'before from' }] });
  const limit = f.limit ?? 50;
  const r = await q.query<DecisionRow>(
    `SELECT ${COLS} FROM risk_decisions WHERE tenant_id = $1 AND ($2::text IS NULL OR member_id = $2) AND ($3::text IS NULL OR card_id = $3)
       AND ($4::text IS NULL OR rule_ids @> ARRAY[$4::text]) AND ($5::text IS NULL OR outcome = $5) AND ($6::text IS NULL OR action = $6)
       AND ($7::timestamptz IS NULL OR created_at >= $7) AND ($8::timestamptz IS NULL OR created_at < $8)
       AND ($9::text IS NULL OR id < $9) ORDER BY id DESC LIMIT $10`,
    [
      tenantId,
      f.member_id ?? null,
      f.card_id ?? null,
      f.rule_id ?? null,
      f.outcome ?? null,
      f.action ?? null,
      f.from ?? null,
      f.to ?? null,
      decodeCursor(f.cursor),
      limit + 1,
    ],
  );
  const page = pageOf(r.rows, limit);
  const names = await resolveNames(
    q,
    tenantId,
    page.data.flatMap((d) => [d.member_id, d.card_id, d.store_id, d.subjects.template_id, d.subjects.channel_id]),
  );
  return { ...page, names: namesObject(names) };
}

/** A card's decisions, oldest first, for its trace (reports/ shows them through this function). */
export async function cardDecisions(q: Sql, tenantId: string, cardId: string) {
  const r = await q.query<DecisionRow>(`SELECT ${COLS} FROM risk_decisions WHERE tenant_id = $1 AND card_id = $2 ORDER BY id LIMIT 200`, [tenantId, cardId]);
  return r.rows;
}
