import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import { seesChannel, type Caller } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { getTenant } from '../tenants/service.js';
import { requireActiveChannel } from '../channels/service.js';
import { getTemplate } from '../templates/service.js';
import type { TemplateRow } from '../templates/schemas.js';
import { getBatch, takeStock, countIssued } from '../batches/service.js';
import { makeCard } from './generate.js';
import { memberExists } from '../members/service.js';
import { appendEvents } from './events.js';
import { appendLedger } from '../ledger/service.js';
import { cardView, initialHoldings, validityAt, type CardRow } from './model.js';
import { revealCode } from './lookup.js';
import { refusal } from '../../platform/problems/refusal.js';
import { attributionData, takeQuota } from './alloc.js';

export interface IssueInput {
  batch_id: string;
  member_id?: string;
  channel_id?: string;
  /** what gave it, when a growth play did (rewards/): kept on its `card.issued` event for the trace; never from a request body */
  source?: { kind: string; id: string; name: string };
}

/** One more card of this template for this member, unless that passes the per-member limit. */
export async function countForMember(q: Sql, tenantId: string, memberId: string, t: TemplateRow): Promise<void> {
  const limit = t.rules.per_member_limit;
  if (!limit) return;
  const r = await q.query(
    `INSERT INTO member_template_counts AS m (tenant_id, member_id, template_id, issued) VALUES ($1, $2, $3, 1)
     ON CONFLICT (tenant_id, member_id, template_id) DO UPDATE SET issued = m.issued + 1 WHERE m.issued < $4`,
    [tenantId, memberId, t.id, limit],
  );
  if (!r.rowCount) throw refusal('MEMBER_LIMIT_REACHED', `this member already holds the most cards of this template (${limit})`, { limit });
}

/** The columns a card gets the moment it leaves the pool: holdings, validity, bind deadline. */
function issuedFields(t: TemplateRow, at: Date, tz: string, memberId: string | null, validUntilFixed: Date | null) {
  const h = initialHoldings(t.kind, t.value, at, tz);
  const v = validityAt(t, at, tz, memberId ? 'bind' : 'issue');
  const issueV = validityAt(t, at, tz, 'issue');
  return {
    ...h,
    valid_from: issueV.valid_from,
    valid_until: memberId ? (v.valid_until ?? issueV.valid_until) : (issueV.valid_until ?? validUntilFixed),
    bind_deadline: !memberId && t.rules.bind_within_hours ? new Date(at.getTime() + t.rules.bind_within_hours * 3_600_000) : null,
  };
}

/**
 * 发放: issue a card of a batch to a member (or as a bearer code when no member is named).
 * Per-member limit, stock and the card itself change in one transaction; any refusal undoes all.
 */
export async function issueCard(ctx: Ctx, q: Sql, caller: Caller, input: IssueInput, reservedFor: string | null = null) {
  const tenantId = caller.tenantId;
  const now = ctx.clock.now();
  // a partner issues through its own channel, or names one below it (a parent issuing for a child)
  const channelId = input.channel_id ?? (caller.role === 'channel' ? caller.channelId : null);
  if (channelId && !seesChannel(caller, channelId)) throw new AppError(404, 'CHANNEL_NOT_FOUND', 'channel not found');
  if (channelId) await requireActiveChannel(q, tenantId, channelId);
  const batch = await getBatch(q, tenantId, input.batch_id);
  const t = await getTemplate(q, tenantId, batch.template_id);
  if (t.status !== 'active') throw new AppError(409, 'TEMPLATE_ARCHIVED', 'template is archived; nothing more is issued from it');
  if (batch.status === 'failed') throw new AppError(409, 'BATCH_FAILED', 'this batch failed to generate');
  const memberId = input.member_id ?? null;
  if (memberId && !(await memberExists(q, tenantId, memberId))) throw new AppError(404, 'MEMBER_NOT_FOUND', 'member not found');
  // sold out already: say so before any work (the conditional take below is still what guarantees it)
  if (batch.mode === 'on_issue' && batch.stock !== null && batch.issued + batch.held >= batch.stock)
    throw new AppError(409, 'STOCK_EXHAUSTED', 'this batch has no stock left');
  if (memberId) await countForMember(q, tenantId, memberId, t);
  // a channel holding quota of this batch (渠道配额) issues out of it; a pool card comes out of its held codes
  const quota = await takeQuota(q, caller, { batchId: batch.id, pool: batch.mode !== 'on_issue', channelId, at: now });
  const tz = (await getTenant(q, tenantId)).time_zone;
  const f = issuedFields(t, now, tz, memberId, null);

  let card: CardRow;
  let code: string;
  let pin: string | null;
  if (batch.mode === 'on_issue') {
    const c = makeCard(ctx.keys, tenantId, batch.code_format, t.kind === 'gift', 0);
    const r = await q.query<CardRow>(
      `INSERT INTO cards (tenant_id, id, batch_id, template_id, kind, code_hash, code_enc, code_tail, pin_hash, state, member_id, channel_id,
         balance, uses_left, period_no, period_ends_at, valid_from, valid_until, bind_deadline, issued_at, bound_at, created_at, updated_at, allocation_id)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,'active',$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$19,$19,$21) RETURNING *`,
      [
        tenantId,
        c.id,
        batch.id,
        t.id,
        t.kind,
        c.code_hash,
        c.code_enc,
        c.code_tail,
        c.pin_hash,
        memberId,
        channelId,
        f.balance,
        f.uses,
        f.period_no ?? null,
        f.period_ends_at ?? null,
        f.valid_from,
        f.valid_until,
        f.bind_deadline,
        now,
        memberId ? now : null,
        quota?.allocationId ?? null,
      ],
    );
    card = r.rows[0];
    ({ code, pin } = c);
    // the stock is taken last, so a hot batch's row stays locked only from here to the commit
    if (!(await takeStock(q, tenantId, batch.id, now))) throw new AppError(409, 'STOCK_EXHAUSTED', 'this batch has no stock left');
  } else {
    // pool batches: take the next unissued code; SKIP LOCKED lets concurrent issues take different ones
    const r = await q.query<CardRow>(
      `UPDATE cards SET state = 'active', member_id = $3, channel_id = $4, balance = $5, uses_left = $6, period_no = $7, period_ends_at = $8,
         valid_from = coalesce(valid_from, $9), valid_until = coalesce(valid_until, $10), bind_deadline = $11, issued_at = $12, bound_at = $13, updated_at = $12,
         allocation_id = coalesce(allocation_id, $15), state_reason = NULL
       WHERE tenant_id = $1 AND id = (SELECT id FROM cards WHERE tenant_id = $1 AND batch_id = $2 AND state = 'unissued'
         AND CASE WHEN $16::text IS NULL THEN channel_id IS NOT DISTINCT FROM $14 AND state_reason IS NULL ELSE state_reason = $16 END ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [
        tenantId,
        batch.id,
        memberId,
        channelId,
        f.balance,
        f.uses,
        f.period_no ?? null,
        f.period_ends_at ?? null,
        f.valid_from,
        f.valid_until,
        f.bind_deadline,
        now,
        memberId ? now : null,
        quota?.holder ?? null,
        quota?.allocationId ?? null,
        reservedFor, // a code reserved for a review (人工审核) is issued by its approval only
      ],
    );
    if (!r.rows[0])
      throw new AppError(
        409,
        'STOCK_EXHAUSTED',
        batch.status === 'generating' ? 'no generated code is free yet; the batch is still generating' : 'this batch has no codes left',
      );
    card = r.rows[0];
    await countIssued(q, tenantId, batch.id, 1, now);
    ({ code, pin } = revealCode(ctx.keys, card));
  }
  await appendLedger(q, tenantId, now, [{ cardId: card.id, type: 'issue', amount: f.balance, uses: f.uses }]);
  const base = { tenantId, cardId: card.id, templateId: t.id, batchId: batch.id, memberId, channelId, keyId: caller.keyId, at: now };
  const attribution = await attributionData(q, tenantId, card.allocation_id ?? null);
  await appendEvents(q, [
    {
      ...base,
      type: 'issued' as const,
      ...(attribution.allocation_id || input.source ? { data: { ...attribution, ...(input.source ? { source: input.source } : {}) } } : {}),
    },
    ...(t.kind === 'external' && memberId ? [{ ...base, type: 'delivered' as const }] : []),
  ]);
  return { ...cardView(card), code, pin };
}

/**
 * A hot batch sells out long before its callers stop asking: once it has, a refusal should cost one
 * read, not a transaction. True when this request would fail on stock alone — everything checked
 * before stock (channel, batch, template, member) is fine and the batch's stock is used up. The
 * transactional path remains the authority; any doubt answers false and goes there.
 */
export async function soldOut(ctx: Ctx, caller: Caller, input: IssueInput): Promise<boolean> {
  if (input.channel_id && !seesChannel(caller, input.channel_id)) return false;
  const channelId = caller.role === 'channel' ? null : (input.channel_id ?? null);
  const r = await ctx.db.query<{ sold_out: boolean }>(
    `SELECT b.mode = 'on_issue' AND b.stock IS NOT NULL AND b.issued + b.held >= b.stock AND b.status <> 'failed' AND t.status = 'active'
         AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM members m WHERE m.tenant_id = b.tenant_id AND m.id = $3))
         AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM channels ch WHERE ch.tenant_id = b.tenant_id AND ch.id = $4)) AS sold_out
     FROM batches b JOIN templates t ON t.tenant_id = b.tenant_id AND t.id = b.template_id
     WHERE b.tenant_id = $1 AND b.id = $2`,
    [caller.tenantId, input.batch_id, input.member_id ?? null, channelId],
  );
  return !!r.rows[0]?.sold_out;
}

/**
 * Issue pool cards as bearer codes (no member yet): what leaves the pool by export or arrives by
 * import as "already in customers' hands", or a wholesale order's fulfilment (whose order and buyer
 * ride on the `card.issued` events as `eventData`). Returns the rows so the caller can reveal them.
 */
export async function issueBearer(
  ctx: Ctx,
  q: Sql,
  caller: Caller,
  batchId: string,
  limit: number,
  channelId: string | null,
  exportId: string | null = null,
  eventData: Record<string, unknown> = {},
): Promise<CardRow[]> {
  const tenantId = caller.tenantId;
  const now = ctx.clock.now();
  const batch = await getBatch(q, tenantId, batchId);
  const t = await getTemplate(q, tenantId, batch.template_id);
  const tz = (await getTenant(q, tenantId)).time_zone;
  const f = issuedFields(t, now, tz, null, null);
  const r = await q.query<CardRow>(
    // the pick is materialised: as an IN (…) subquery the planner may run it again per row, and with
    // SKIP LOCKED each run can pick other rows, so more than `limit` cards left the pool
    // codes a channel holds (allocated to it, channel_id set) are that channel's to issue: not exported here
    `WITH pick AS MATERIALIZED (SELECT id FROM cards WHERE tenant_id = $1 AND batch_id = $2 AND state = 'unissued' AND channel_id IS NULL
       AND state_reason IS NULL ORDER BY seq LIMIT $3 FOR UPDATE SKIP LOCKED)
     UPDATE cards c SET state = 'active', channel_id = $4, balance = $5, uses_left = $6, period_no = $7, period_ends_at = $8,
       valid_from = coalesce(c.valid_from, $9), valid_until = coalesce(c.valid_until, $10), bind_deadline = $11, issued_at = $12, updated_at = $12, export_id = $13
     FROM pick WHERE c.tenant_id = $1 AND c.id = pick.id
     RETURNING c.*`,
    [
      tenantId,
      batchId,
      limit,
      channelId,
      f.balance,
      f.uses,
      f.period_no ?? null,
      f.period_ends_at ?? null,
      f.valid_from,
      f.valid_until,
      f.bind_deadline,
      now,
      exportId,
    ],
  );
  const cards = r.rows.sort((a, b) => Number((a as any).seq) - Number((b as any).seq));
  await countIssued(q, tenantId, batchId, cards.length, now);
  await appendLedger(
    q,
    tenantId,
    now,
    cards.map((c) => ({ cardId: c.id, type: 'issue' as const, amount: f.balance, uses: f.uses })),
  );
  await appendEvents(
    q,
    cards.map((c) => ({
      tenantId,
      cardId: c.id,
      templateId: t.id,
      batchId,
      type: 'issued',
      channelId,
      keyId: caller.keyId,
      data: { bearer: true, ...eventData },
      at: now,
    })),
  );
  return cards;
}
