import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import type { Caller, Role } from '../../http/access.js';
import { AppError, invalid, notFound } from '../../errors.js';
import { newId } from '../../ids.js';
import { enqueue } from '../../platform/jobs.js';
import { appendAudit } from '../audit/service.js';
import { cardWhere, type CardFilter } from './read.js';
import { extendCard, freezeCard, unfreezeCard, voidCard, type ExtendBy } from './manage.js';

/**
 * 批量操作 bulk actions: freeze, unfreeze, void or extend many cards at once. The cards are fixed
 * when the operation is made — the ids selected, or every card matching a search at that moment (at
 * most BULK_CAP) — and each is changed by the single action's own service function, with the same
 * audit action, events and ledger entries as if done one by one. A card the action does not apply
 * to is skipped with the single action's problem code and the card's state (already voided, not
 * frozen …). A selection (at most BULK_INLINE_MAX) is done in the request; a search's matches by
 * the cards.bulk job, a chunk per transaction with the outcomes of its cards, so a crash resumes
 * where it stopped and progress can be read meanwhile.
 */
export const BULK_CAP = 10_000;
export const BULK_INLINE_MAX = 200;
const CHUNK = 100;

export type BulkAction = 'freeze' | 'unfreeze' | 'void' | 'extend';
export interface BulkInput {
  action: BulkAction;
  card_ids?: string[];
  filter?: CardFilter;
  reason?: string;
  to_date?: string;
  days?: number;
  expected_count?: number;
}
interface OpRow {
  tenant_id: string;
  id: string;
  action: BulkAction;
  params: { reason?: string; to_date?: string; days?: number };
  filter: CardFilter | null;
  actor: string;
  key_id: string;
  role: Role;
  state: 'running' | 'done' | 'failed';
  total: number;
  done: number;
  skipped: number;
  created_at: Date;
  finished_at: Date | null;
}

/** What each action needs, checked before anything is written: a void says why; an extension says to when or by how much. */
function paramsOf(input: BulkInput): OpRow['params'] {
  if (!input.card_ids === !input.filter) throw invalid('card_ids', 'name the cards (card_ids) or a search (filter), one of them');
  const { action, reason, to_date, days } = input;
  if (action === 'extend') {
    if ((to_date === undefined) === (days === undefined)) throw invalid('to_date', 'an extension needs to_date or days, one of them');
    return to_date !== undefined ? { to_date } : { days };
  }
  if (to_date !== undefined || days !== undefined) throw invalid(to_date !== undefined ? 'to_date' : 'days', `only an extension takes it, not ${action}`);
  if (action === 'void' && !reason?.trim()) throw invalid('reason', 'say why these cards are voided');
  return reason?.trim() ? { reason: reason.trim() } : {};
}

/** Makes the operation and fixes its cards. A selection is done at once (in `q`); a search's matches are left to the cards.bulk job. */
export async function createBulk(ctx: Ctx, q: Sql, caller: Caller, actor: string, input: BulkInput): Promise<OpRow> {
  const params = paramsOf(input);
  const now = ctx.clock.now();
  const id = newId('blk');
  let total: number;
  if (input.card_ids) {
    // in card order, as the database sorts ids: the order redemption groups lock cards in, so the two never deadlock
    const r = await q.query(
      `INSERT INTO card_bulk_items (tenant_id, bulk_id, seq, card_id)
       SELECT $1, $2, row_number() OVER (ORDER BY card_id), card_id FROM (SELECT DISTINCT unnest($3::text[]) AS card_id) u`,
      [caller.tenantId, id, input.card_ids],
    );
    total = r.rowCount;
  } else {
    // the search's matches at this moment, in card order too
    const values: unknown[] = [caller.tenantId, id];
    const where = await cardWhere(q, caller, input.filter!, values, now);
    values.push(BULK_CAP + 1);
    const r = await q.query(
      `INSERT INTO card_bulk_items (tenant_id, bulk_id, seq, card_id)
       SELECT $1, $2, row_number() OVER (ORDER BY id), id FROM (SELECT id FROM cards WHERE ${where} ORDER BY id LIMIT $${values.length}) m`,
      values,
    );
    total = r.rowCount;
    if (total > BULK_CAP)
      throw new AppError(422, 'BULK_TOO_MANY', `filter: more than ${BULK_CAP} cards match; narrow the search`, {
        errors: [{ field: 'filter', reason: `more than ${BULK_CAP} cards match` }],
        cap: BULK_CAP,
      });
  }
  if (input.expected_count !== undefined && input.expected_count !== total)
    throw new AppError(409, 'BULK_COUNT_CHANGED', `${total} cards match now, not the ${input.expected_count} confirmed; confirm again`, { count: total });
  const op = (
    await q.query<OpRow>(
      `INSERT INTO card_bulk_ops (tenant_id, id, action, params, filter, actor, key_id, role, state, total, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'running', $9, $10) RETURNING *`,
      [
        caller.tenantId,
        id,
        input.action,
        JSON.stringify(params),
        input.filter ? JSON.stringify(input.filter) : null,
        actor,
        caller.keyId,
        caller.role,
        total,
        now,
      ],
    )
  ).rows[0]!;
  if (input.card_ids) {
    while (await runChunk(ctx, q, op));
    return getOp(q, caller.tenantId, id);
  }
  await enqueue(q, { type: 'cards.bulk', tenantId: caller.tenantId, payload: { bulkId: id } });
  return op;
}

const callerOf = (op: OpRow): Caller => ({ tenantId: op.tenant_id, keyId: op.key_id, role: op.role, storeIds: [], channelId: null });

/** One card, through the single action's service function. */
function apply(ctx: Ctx, q: Sql, op: OpRow, cardId: string) {
  const caller = callerOf(op);
  const p = op.params;
  switch (op.action) {
    case 'freeze':
      return freezeCard(ctx, q, caller, cardId, p.reason);
    case 'unfreeze':
      return unfreezeCard(ctx, q, caller, cardId);
    case 'void':
      return voidCard(ctx, q, caller, cardId, p.reason);
    case 'extend':
      return extendCard(ctx, q, caller, cardId, (p.to_date !== undefined ? { to_date: p.to_date } : { days: p.days! }) as ExtendBy);
  }
}

/**
 * The next cards of an operation, each in a savepoint: done (its audit entry beside it, as the single
 * action writes) or skipped with why; the outcomes and the counters commit with the changes. Answers
 * whether cards are left.
 */
export async function runChunk(ctx: Ctx, q: Sql, op: OpRow): Promise<boolean> {
  const items = (
    await q.query<{ seq: number; card_id: string }>(
      `SELECT seq, card_id FROM card_bulk_items WHERE tenant_id = $1 AND bulk_id = $2 AND outcome IS NULL ORDER BY seq LIMIT ${CHUNK} FOR UPDATE`,
      [op.tenant_id, op.id],
    )
  ).rows;
  const out: { seq: number; outcome: 'done' | 'skipped'; code: string | null; state: string | null }[] = [];
  for (const it of items) {
    await q.query('SAVEPOINT bulk_card');
    try {
      const c = await apply(ctx, q, op, it.card_id);
      await appendAudit(q, {
        tenantId: op.tenant_id,
        actor: op.actor,
        action: `card.${op.action}`,
        targetType: 'card',
        targetId: it.card_id,
        data: { bulk_id: op.id, ...op.params },
        at: ctx.clock.now(),
      });
      await q.query('RELEASE SAVEPOINT bulk_card');
      out.push({ seq: it.seq, outcome: 'done', code: null, state: c.state });
    } catch (e) {
      await q.query('ROLLBACK TO SAVEPOINT bulk_card');
      if (!(e instanceof AppError)) throw e;
      const now = await q.query<{ state: string }>('SELECT state FROM cards WHERE tenant_id = $1 AND id = $2', [op.tenant_id, it.card_id]);
      out.push({ seq: it.seq, outcome: 'skipped', code: e.code, state: now.rows[0]?.state ?? null });
    }
  }
  if (out.length) {
    await q.query(
      `UPDATE card_bulk_items i SET outcome = u.outcome, code = u.code, card_state = u.state
       FROM unnest($3::int[], $4::text[], $5::text[], $6::text[]) AS u(seq, outcome, code, state)
       WHERE i.tenant_id = $1 AND i.bulk_id = $2 AND i.seq = u.seq`,
      [op.tenant_id, op.id, out.map((o) => o.seq), out.map((o) => o.outcome), out.map((o) => o.code), out.map((o) => o.state)],
    );
  }
  const more = items.length === CHUNK;
  await q.query(
    `UPDATE card_bulk_ops SET done = done + $3, skipped = skipped + $4,
       state = CASE WHEN $5 THEN state ELSE 'done' END, finished_at = CASE WHEN $5 THEN finished_at ELSE $6 END
     WHERE tenant_id = $1 AND id = $2`,
    [op.tenant_id, op.id, out.filter((o) => o.outcome === 'done').length, out.filter((o) => o.outcome === 'skipped').length, more, ctx.clock.now()],
  );
  return more;
}

/** The cards.bulk job: an operation's cards, a chunk per transaction, until none is left. */
export async function runBulkJob(ctx: Ctx, tenantId: string, bulkId: string, lease: () => Promise<void>): Promise<void> {
  for (;;) {
    const more = await ctx.db.tx(async (q) => {
      const op = (await q.query<OpRow>('SELECT * FROM card_bulk_ops WHERE tenant_id = $1 AND id = $2 FOR UPDATE', [tenantId, bulkId])).rows[0];
      return op?.state === 'running' ? runChunk(ctx, q, op) : false;
    });
    if (!more) return;
    await lease();
  }
}

/** The job gave up on an operation (its attempts are spent): the cards it did stay done, the rest are left as they were. */
export async function markBulkFailed(q: Sql, tenantId: string, bulkId: string, now: Date): Promise<void> {
  await q.query(`UPDATE card_bulk_ops SET state = 'failed', finished_at = $3 WHERE tenant_id = $1 AND id = $2 AND state = 'running'`, [tenantId, bulkId, now]);
}

async function getOp(q: Sql, tenantId: string, id: string): Promise<OpRow> {
  const op = (await q.query<OpRow>('SELECT * FROM card_bulk_ops WHERE tenant_id = $1 AND id = $2', [tenantId, id])).rows[0];
  if (!op) throw notFound('bulk_operation');
  return op;
}

/** An operation with its progress and one page of its cards' outcomes (in card order; `outcome` filters). */
export async function readBulk(q: Sql, tenantId: string, id: string, page: { limit: number; cursor?: string; outcome?: 'done' | 'skipped' }) {
  const op = await getOp(q, tenantId, id);
  if (page.cursor !== undefined && !/^\d{1,6}$/.test(page.cursor)) throw new AppError(400, 'INVALID_CURSOR', 'cursor: not a cursor this API gave out');
  const rows = (
    await q.query<{ seq: number; card_id: string; code_tail: string | null; outcome: string | null; code: string | null; card_state: string | null }>(
      `SELECT i.seq, i.card_id, c.code_tail, i.outcome, i.code, i.card_state FROM card_bulk_items i
       LEFT JOIN cards c ON c.tenant_id = i.tenant_id AND c.id = i.card_id
       WHERE i.tenant_id = $1 AND i.bulk_id = $2 AND i.seq > $3 AND ($4::text IS NULL OR i.outcome = $4) ORDER BY i.seq LIMIT $5`,
      [tenantId, id, Number(page.cursor ?? 0), page.outcome ?? null, page.limit + 1],
    )
  ).rows;
  const more = rows.length > page.limit;
  const shown = more ? rows.slice(0, page.limit) : rows;
  return {
    ...viewOf(op),
    results: shown.map(({ seq: _, ...r }) => ({ ...r, outcome: r.outcome ?? 'pending' })),
    next_cursor: more ? String(shown[shown.length - 1]!.seq) : null,
  };
}

export const viewOf = (op: OpRow) => ({
  id: op.id,
  action: op.action,
  state: op.state,
  total: op.total,
  done: op.done,
  skipped: op.skipped,
  reason: op.params.reason ?? null,
  to_date: op.params.to_date ?? null,
  days: op.params.days ?? null,
  created_at: op.created_at,
  finished_at: op.finished_at,
});
