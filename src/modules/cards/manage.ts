import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import { channelOf, type Caller } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { getTenant } from '../tenants/service.js';
import { getTemplate } from '../templates/service.js';
import { memberExists } from '../members/service.js';
import { appendEvents, type CardEventType } from './events.js';
import { appendLedger } from '../ledger/service.js';
import { cardView, checkUsable, validityAt, type CardRow } from './model.js';
import { findById, findByCode, judgePin, pinMatches, screenFor } from './lookup.js';
import { countForMember } from './issue.js';
import { makeCard } from './generate.js';
import { checkFormat, getBatch } from '../batches/service.js';

/** The code format a re-issued code takes: its batch's, or the default for imported codes (their format is the supplier's). */
async function codeFormatOf(q: Sql, tenantId: string, batchId: string) {
  const b = await getBatch(q, tenantId, batchId);
  return b.mode === 'imported' ? checkFormat(undefined) : b.code_format;
}

function event(c: CardRow, caller: Caller, type: CardEventType, at: Date, data?: Record<string, unknown>, memberId = c.member_id) {
  return {
    tenantId: caller.tenantId,
    cardId: c.id,
    templateId: c.template_id,
    batchId: c.batch_id,
    type,
    memberId,
    channelId: c.channel_id,
    keyId: caller.keyId,
    data: data ?? null,
    at,
  };
}

/** One conditional state change; when it matches nothing, say why from the card as it is now. */
async function transition(q: Sql, caller: Caller, id: string, from: string[], to: string, now: Date, reason: string | null, why: (c: CardRow) => AppError) {
  const r = await q.query<CardRow>(
    `UPDATE cards SET state = $4, state_reason = $5, updated_at = $6 WHERE tenant_id = $1 AND id = $2 AND state = ANY($3) RETURNING *`,
    [caller.tenantId, id, from, to, reason, now],
  );
  if (r.rows[0]) return r.rows[0];
  throw why(await findById(q, caller.tenantId, id, { channelId: channelOf(caller) }));
}

export async function freezeCard(ctx: Ctx, q: Sql, caller: Caller, id: string, reason?: string) {
  const now = ctx.clock.now();
  const c = await transition(
    q,
    caller,
    id,
    ['active'],
    'frozen',
    now,
    reason ?? null,
    (c) => new AppError(409, c.state === 'frozen' ? 'CARD_ALREADY_FROZEN' : 'CARD_NOT_ACTIVE', `the card is ${c.state}; only an active card can be frozen`),
  );
  await appendEvents(q, [event(c, caller, 'frozen', now, { reason: reason ?? null })]);
  return cardView(c);
}

export async function unfreezeCard(ctx: Ctx, q: Sql, caller: Caller, id: string) {
  const now = ctx.clock.now();
  const c = await transition(q, caller, id, ['frozen'], 'active', now, null, (c) => new AppError(409, 'CARD_NOT_FROZEN', `the card is ${c.state}, not frozen`));
  await appendEvents(q, [event(c, caller, 'unfrozen', now)]);
  return cardView(c);
}

/** 作废: the card is finished; whatever it held leaves through a "void" ledger entry. */
export async function voidCard(ctx: Ctx, q: Sql, caller: Caller, id: string, reason?: string) {
  const now = ctx.clock.now();
  const before = await findById(q, caller.tenantId, id, { forUpdate: true });
  const c = await transition(
    q,
    caller,
    id,
    ['unissued', 'active', 'frozen'],
    'voided',
    now,
    reason ?? null,
    (c) => new AppError(409, 'CARD_NOT_VOIDABLE', `the card is ${c.state}; it can no longer be voided`),
  );
  await q.query('UPDATE cards SET balance = 0, uses_left = 0, stamps = 0 WHERE tenant_id = $1 AND id = $2', [caller.tenantId, id]);
  if (before.balance || before.uses_left || before.stamps)
    await appendLedger(q, caller.tenantId, now, [
      { cardId: id, type: 'void', amount: -Number(before.balance), uses: -before.uses_left, stamps: -before.stamps },
    ]);
  await appendEvents(q, [event(c, caller, 'voided', now, { reason: reason ?? null })]);
  return cardView({ ...c, balance: 0, uses_left: 0, stamps: 0 });
}

/** 充值: stored-value and gift cards only, never past the template's max balance. */
export async function topUpCard(ctx: Ctx, q: Sql, caller: Caller, id: string, amount: number) {
  const now = ctx.clock.now();
  const cur = await findById(q, caller.tenantId, id);
  if (!['stored_value', 'gift'].includes(cur.kind)) throw new AppError(409, 'CARD_KIND_NOT_TOPPABLE', `a ${cur.kind} card holds no balance to top up`);
  const t = await getTemplate(q, caller.tenantId, cur.template_id);
  const max = t.value.max_balance ?? Number.MAX_SAFE_INTEGER;
  const r = await q.query<CardRow>(
    `UPDATE cards SET balance = balance + $3, updated_at = $4 WHERE tenant_id = $1 AND id = $2 AND state = 'active' AND balance + $3 <= $5 AND (valid_until IS NULL OR valid_until > $4) RETURNING *`,
    [caller.tenantId, id, amount, now, max],
  );
  if (!r.rows[0]) {
    const c = await findById(q, caller.tenantId, id);
    checkUsable(c, now);
    throw new AppError(409, 'MAX_BALANCE_EXCEEDED', `the balance may not pass ${max}`);
  }
  await appendLedger(q, caller.tenantId, now, [{ cardId: id, type: 'top_up', amount }]);
  await appendEvents(q, [event(r.rows[0], caller, 'topped_up', now, { amount })]);
  return cardView(r.rows[0]);
}

/**
 * 绑定, first step, before the transaction: the code and its PIN go through the guessing guard
 * (which must not be waited on inside a transaction). Returns the card's id for bindCard.
 */
export async function screenBearer(ctx: Ctx, caller: Caller, input: { code: string; pin?: string }): Promise<string> {
  const screen = screenFor(ctx, caller);
  // a channel finds only its own channel's cards; another's counts as a guess, like an unknown code
  const c = await findByCode(ctx.db, ctx.keys, caller.tenantId, input.code, screen, {
    visible: (c) => caller.role !== 'channel' || c.channel_id === caller.channelId,
  });
  if (c.pin_hash)
    await judgePin(
      screen,
      pinMatches(ctx.keys, caller.tenantId, c.pin_hash, input.pin),
      () => new AppError(403, 'PIN_INVALID', 'pin: this card needs its correct PIN'),
    );
  return c.id;
}

/** 绑定: a member claims a bearer code (bought wholesale, printed, gifted); `card_id` comes from screenBearer. */
export async function bindCard(ctx: Ctx, q: Sql, caller: Caller, input: { card_id: string; member_id: string }) {
  const now = ctx.clock.now();
  const c = await findById(q, caller.tenantId, input.card_id, { forUpdate: true });
  if (!(await memberExists(q, caller.tenantId, input.member_id))) throw new AppError(404, 'MEMBER_NOT_FOUND', 'member not found');
  if (c.member_id === input.member_id) return { ...cardView(c), already_bound: true };
  if (c.member_id) throw new AppError(409, 'CARD_ALREADY_BOUND', 'this card is bound to another member');
  if (c.state === 'active' && c.bind_deadline && new Date(c.bind_deadline) <= now)
    throw new AppError(409, 'CARD_BIND_EXPIRED', 'the time to bind this code has passed');
  checkUsable(c, now);
  const t = await getTemplate(q, caller.tenantId, c.template_id);
  await countForMember(q, caller.tenantId, input.member_id, t);
  const tz = (await getTenant(q, caller.tenantId)).time_zone;
  const v = validityAt(t, now, tz, 'bind');
  const r = await q.query<CardRow>(
    `UPDATE cards SET member_id = $3, bound_at = $4, bind_deadline = NULL, valid_until = coalesce($5, valid_until), updated_at = $4
     WHERE tenant_id = $1 AND id = $2 AND member_id IS NULL AND state = 'active' RETURNING *`,
    [caller.tenantId, c.id, input.member_id, now, v.valid_until],
  );
  if (!r.rows[0]) throw new AppError(409, 'CARD_CHANGED', 'the card changed while binding; try again');
  await appendEvents(q, [event(r.rows[0], caller, 'bound', now, undefined, input.member_id)]);
  return { ...cardView(r.rows[0]), already_bound: false };
}

/** 转赠: a transferable card moves to another member, whole. */
export async function transferCard(ctx: Ctx, q: Sql, caller: Caller, id: string, toMemberId: string, fromMemberId?: string) {
  const now = ctx.clock.now();
  const c = await findById(q, caller.tenantId, id, { forUpdate: true });
  if (fromMemberId && c.member_id !== fromMemberId) throw new AppError(404, 'CARD_NOT_FOUND', 'card not found');
  const t = await getTemplate(q, caller.tenantId, c.template_id);
  if (!(t.kind === 'gift' || t.rules.transferable)) throw new AppError(409, 'CARD_NOT_TRANSFERABLE', 'this card cannot be transferred');
  if (!c.member_id) throw new AppError(409, 'CARD_NOT_BOUND', 'bind the card to a member before transferring it');
  checkUsable(c, now);
  if (!(await memberExists(q, caller.tenantId, toMemberId))) throw new AppError(404, 'MEMBER_NOT_FOUND', 'member not found');
  if (toMemberId === c.member_id) throw new AppError(422, 'TRANSFER_TO_SELF', 'to_member_id: the card already belongs to this member');
  // the giver has seen the code (and PIN): the card moves under a new one, and the old one is unknown from now on
  const fresh = makeCard(ctx.keys, caller.tenantId, await codeFormatOf(q, caller.tenantId, c.batch_id), !!c.pin_hash, 0);
  const r = await q.query<CardRow>(
    `UPDATE cards SET member_id = $3, updated_at = $4, code_hash = $6, code_enc = $7, code_tail = $8, pin_hash = $9
     WHERE tenant_id = $1 AND id = $2 AND member_id = $5 AND state = 'active' RETURNING *`,
    [caller.tenantId, id, toMemberId, now, c.member_id, fresh.code_hash, fresh.code_enc, fresh.code_tail, fresh.pin_hash],
  );
  if (!r.rows[0]) throw new AppError(409, 'CARD_CHANGED', 'the card changed while transferring; try again');
  await appendEvents(q, [
    event(r.rows[0], caller, 'transferred', now, { from_member_id: c.member_id, to_member_id: toMemberId, code_reissued: true }, toMemberId),
  ]);
  return cardView(r.rows[0]);
}
