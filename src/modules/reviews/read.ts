import type { Sql } from '../../db/index.js';
import { allowedActions, type Caller } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { decodeCursor, pageOf } from '../../http/pagination.js';
import { actorRef, namesObject, resolveNames } from '../../platform/names.js';
import type { ReviewRow } from './service.js';

/** Staff who decide or watch see every review; a clerk or a channel key sees the ones it asked for. */
const seesAll = (c: Caller) => ['owner', 'operator', 'analyst'].includes(c.role);

export function reviewView(r: ReviewRow) {
  return {
    id: r.id,
    action: r.action,
    kind: r.kind,
    status: r.status,
    amount: r.amount === null ? null : Number(r.amount),
    subjects: r.subjects,
    request: r.input,
    decision_id: r.decision_id,
    rules: r.rules,
    requested_by: r.requested_by,
    hold_until: r.hold_until,
    created_at: r.created_at,
    decided_by: actorRef(r.decided_by),
    decided_at: r.decided_at,
    reason: r.reason,
    result: r.result ?? null,
  };
}

/** Names for the ids a person reads on a review: member (for those who may read members), card (template and code tail), store, template, who asked and who decided. */
async function namesOf(q: Sql, caller: Caller, rows: ReviewRow[]) {
  const members = allowedActions(caller).includes('members.read');
  const ids = rows.flatMap((r) => [
    ...Object.entries(r.subjects)
      .filter(([k]) => members || k !== 'member_id')
      .map(([, v]) => v),
    r.requested_by,
    actorRef(r.decided_by),
    typeof r.input.batch_id === 'string' ? r.input.batch_id : null,
  ]);
  return namesObject(await resolveNames(q, caller.tenantId, ids));
}

export async function listReviews(q: Sql, caller: Caller, f: { status?: string; action?: string; cursor?: string; limit: number }) {
  const r = await q.query<ReviewRow>(
    `SELECT * FROM reviews WHERE tenant_id = $1 AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR action = $3)
       AND ($4::text IS NULL OR requested_by = $4) AND ($5::text IS NULL OR id < $5) ORDER BY id DESC LIMIT $6`,
    [caller.tenantId, f.status ?? null, f.action ?? null, seesAll(caller) ? null : caller.keyId, decodeCursor(f.cursor), f.limit + 1],
  );
  const page = pageOf(r.rows, f.limit);
  return { data: page.data.map(reviewView), next_cursor: page.next_cursor, names: await namesOf(q, caller, page.data) };
}

export async function getReview(q: Sql, caller: Caller, id: string) {
  const r = await q.query<ReviewRow>('SELECT * FROM reviews WHERE tenant_id = $1 AND id = $2 AND ($3::text IS NULL OR requested_by = $3)', [
    caller.tenantId,
    id,
    seesAll(caller) ? null : caller.keyId,
  ]);
  if (!r.rows[0]) throw new AppError(404, 'REVIEW_NOT_FOUND', 'review not found');
  return { ...reviewView(r.rows[0]), names: await namesOf(q, caller, r.rows) };
}
