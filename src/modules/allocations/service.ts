import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import { channelOf, seesChannel, type Caller } from '../../http/access.js';
import { AppError, invalid } from '../../errors.js';
import { newId } from '../../ids.js';
import { emit } from '../../platform/events.js';
import { getChannel, requireActiveChannel, type Channel } from '../channels/service.js';
import { getBatch } from '../batches/service.js';
import { accountsOf, balanceOf, openAccount, transfer } from '../ledger/service.js';
import { moveHeldCards } from '../cards/alloc.js';

/**
 * Channel allocation and quota 渠道分配与配额 (docs/architecture.md "Channels: allocation and quota").
 * Records are append-only (grant, revoke, transfer); what a channel holds of a batch is the balance of
 * its bounded quota account in the ledger (lower bound 0), moved by a ledger transfer in the same
 * transaction as the record. The ledger's transfer statement locks the giver's account and moves the
 * balance only when it stays ≥ 0, so no number of concurrent allocations can give more than it holds.
 */
export interface Allocation {
  id: string;
  kind: 'grant' | 'revoke' | 'transfer';
  batch_id: string;
  from_channel_id: string | null;
  to_channel_id: string | null;
  quantity: number;
  codes: boolean;
  params: Record<string, string>;
  actor: string | null;
  created_at: Date;
}

export interface GrantInput {
  batch_id: string;
  to_channel_id: string;
  from_channel_id?: string | null;
  quantity?: number;
  card_ids?: string[];
  codes?: string[];
  params?: Record<string, string>;
}

export const COLS = 'id, kind, batch_id, from_channel_id, to_channel_id, quantity, codes, params, actor, created_at';
export const accountName = (batchId: string) => `batch:${batchId}`;

const notAllowed = (field: string, reason: string) => new AppError(422, 'ALLOCATION_NOT_ALLOWED', `${field}: ${reason}`, { errors: [{ field, reason }] });
const exceeds = (holding: number, asked: number, field = 'quantity') =>
  new AppError(409, 'ALLOCATION_EXCEEDS_HOLDING', `${field}: ${asked} asked, ${holding} available`, {
    holding,
    asked,
    errors: [{ field, reason: 'more than held' }],
  });

/** A channel the caller may name (a partner: within its subtree), or 404 naming the field. */
async function visible(q: Sql, caller: Caller, id: string, field: string): Promise<Channel> {
  if (!seesChannel(caller, id)) throw new AppError(404, 'CHANNEL_NOT_FOUND', `${field}: channel not found`, { errors: [{ field, reason: 'not found' }] });
  try {
    return await getChannel(q, caller.tenantId, id);
  } catch {
    throw new AppError(404, 'CHANNEL_NOT_FOUND', `${field}: channel not found`, { errors: [{ field, reason: 'not found' }] });
  }
}

export const channelAccount = async (q: Sql, tenantId: string, channelId: string, batchId: string, at: Date) =>
  (await openAccount(q, tenantId, { ownerType: 'channel', ownerId: channelId, asset: 'quota', name: accountName(batchId), lowerBound: 0 }, at)).id;
/** The brand's side of quota: granted (debited by grants to top-level channels) and issued (credited by each issue). Unbounded, never updated. */
export const tenantAccount = async (q: Sql, tenantId: string, name: 'granted' | 'issued', at: Date) =>
  (await openAccount(q, tenantId, { ownerType: 'tenant', ownerId: tenantId, asset: 'quota', name }, at)).id;

/** What the brand still has to give of an on-issue batch with stock: stock − issued − what channels hold. */
async function brandHolding(q: Sql, tenantId: string, batchId: string): Promise<number | null> {
  const b = await getBatch(q, tenantId, batchId, true); // locked: brand grants of a batch take turns
  if (b.stock === null) return null;
  const held = (await accountsOf(q, tenantId, { ownerType: 'channel', asset: 'quota', name: accountName(batchId) })).reduce((s, a) => s + (a.balance ?? 0), 0);
  return Number(b.stock) - Number(b.issued) - held;
}

interface Move {
  kind: Allocation['kind'];
  batchId: string;
  from: string | null;
  to: string | null;
  quantity: number;
  pool: boolean;
  cardIds?: string[];
  codes?: string[];
  params?: Record<string, string>;
}

/** The ledger transfer, the cards (pool batches) and the record, in the caller's transaction. */
async function record(ctx: Ctx, q: Sql, caller: Caller, m: Move): Promise<Allocation> {
  const tenantId = caller.tenantId;
  const at = ctx.clock.now();
  const id = newId('alc');
  // written first: from the ledger transfer on, the giver's account stays locked until the commit
  const type = { grant: 'allocation.granted', revoke: 'allocation.revoked', transfer: 'allocation.transferred' }[m.kind];
  await emit(q, [
    {
      tenantId,
      type,
      at,
      batchId: m.batchId,
      channelId: m.to ?? m.from,
      keyId: caller.keyId,
      data: { allocation_id: id, from_channel_id: m.from, to_channel_id: m.to, quantity: m.quantity, codes: m.pool, params: m.params ?? {} },
    },
  ]);
  const debit = m.from ? await channelAccount(q, tenantId, m.from, m.batchId, at) : await tenantAccount(q, tenantId, 'granted', at);
  const credit = m.to ? await channelAccount(q, tenantId, m.to, m.batchId, at) : await tenantAccount(q, tenantId, 'granted', at);
  const explicit = m.cardIds !== undefined || m.codes !== undefined;
  let transferId: number;
  if (!m.from) {
    // the brand gives: pool codes nobody holds, or quota within the batch's stock
    if (m.pool) {
      const moved = await moveHeldCards(q, ctx.keys, tenantId, m.batchId, {
        from: null,
        to: m.to,
        allocationId: id,
        count: m.quantity,
        cardIds: m.cardIds,
        codes: m.codes,
        at,
      });
      if (moved < m.quantity) {
        if (explicit) throw notAllowed(m.cardIds ? 'card_ids' : 'codes', 'not all unissued and unallocated in this batch');
        throw exceeds(moved, m.quantity);
      }
    } else {
      const holding = await brandHolding(q, tenantId, m.batchId);
      if (holding !== null && holding < m.quantity) throw exceeds(Math.max(holding, 0), m.quantity);
    }
    transferId = (await transfer(q, tenantId, [{ debit, credit, asset: 'quota', amount: m.quantity, reason: m.kind, reference: id }], at))[0]!.id;
  } else {
    const holding = await balanceOf(q, tenantId, debit);
    try {
      transferId = (await transfer(q, tenantId, [{ debit, credit, asset: 'quota', amount: m.quantity, reason: m.kind, reference: id }], at))[0]!.id;
    } catch (e) {
      // refused by the locked account's check: its balance as it stands now (the statement still holds the lock)
      if (e instanceof AppError && e.code === 'ACCOUNT_BOUND_EXCEEDED')
        throw exceeds(await balanceOf(q, tenantId, debit).catch(() => Math.min(holding, m.quantity - 1)), m.quantity);
      throw e;
    }
    if (m.pool) {
      const moved = await moveHeldCards(q, ctx.keys, tenantId, m.batchId, {
        from: m.from,
        to: m.to,
        allocationId: id,
        count: m.quantity,
        cardIds: m.cardIds,
        codes: m.codes,
        at,
      });
      if (moved < m.quantity) {
        if (explicit) throw notAllowed(m.cardIds ? 'card_ids' : 'codes', 'not all held by the giver');
        throw exceeds(moved, m.quantity);
      }
    }
  }
  const r = await q.query<Allocation>(
    `INSERT INTO allocations (tenant_id, id, kind, batch_id, from_channel_id, to_channel_id, quantity, codes, params, transfer_id, actor, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING ${COLS}`,
    [tenantId, id, m.kind, m.batchId, m.from, m.to, m.quantity, m.pool, JSON.stringify(m.params ?? {}), transferId, caller.keyId ?? null, at],
  );
  const a = view(r.rows[0]!);
  return a;
}

export const view = (a: Allocation): Allocation => ({ ...a, quantity: Number(a.quantity) });

/** Zero or negative: refused before anything is read (422 naming the field). */
const checkQuantity = (quantity: number | undefined) => {
  if (quantity !== undefined && quantity < 1) throw invalid('quantity', 'must be >= 1');
};

async function poolOf(q: Sql, tenantId: string, batchId: string, input: { quantity?: number; card_ids?: string[]; codes?: string[] }) {
  const batch = await getBatch(q, tenantId, batchId);
  const pool = batch.mode !== 'on_issue';
  const listed = (input.card_ids ? 1 : 0) + (input.codes ? 1 : 0);
  if (listed && !pool) throw notAllowed(input.card_ids ? 'card_ids' : 'codes', 'codes are made at issue in this batch: allocate a quantity');
  if (listed + (input.quantity !== undefined ? 1 : 0) !== 1) throw notAllowed('quantity', 'give one of quantity, card_ids or codes');
  const quantity = input.quantity ?? new Set(input.card_ids ?? input.codes).size;
  if (input.card_ids && quantity !== input.card_ids.length) throw notAllowed('card_ids', 'listed twice');
  if (input.codes && quantity !== input.codes.length) throw notAllowed('codes', 'listed twice');
  return { pool, quantity };
}

/** 分配: from the brand to a top-level channel, or from a channel to its direct child. */
export const grant = async (ctx: Ctx, q: Sql, caller: Caller, input: GrantInput) => record(ctx, q, caller, await planGrant(q, caller, input));
async function planGrant(q: Sql, caller: Caller, input: GrantInput): Promise<Move> {
  checkQuantity(input.quantity);
  const tenantId = caller.tenantId;
  const from = input.from_channel_id ?? channelOf(caller);
  if (from) await visible(q, caller, from, 'from_channel_id');
  const to = await visible(q, caller, input.to_channel_id, 'to_channel_id');
  if (to.parent_id !== (from ?? null)) throw notAllowed('to_channel_id', from ? 'not a direct child of the giver' : 'not a top-level channel');
  await requireActiveChannel(q, tenantId, to.id);
  if (from) await requireActiveChannel(q, tenantId, from);
  const { pool, quantity } = await poolOf(q, tenantId, input.batch_id, input);
  return {
    kind: 'grant',
    batchId: input.batch_id,
    from,
    to: to.id,
    quantity,
    pool,
    cardIds: input.card_ids,
    codes: input.codes,
    params: input.params,
  };
}

/** 收回: what a channel holds unissued goes back to its parent (the brand for a top-level channel). */
export interface RevokeInput {
  batch_id: string;
  channel_id: string;
  quantity: number;
}
export const revoke = async (ctx: Ctx, q: Sql, caller: Caller, input: RevokeInput) => record(ctx, q, caller, await planRevoke(q, caller, input));
async function planRevoke(q: Sql, caller: Caller, input: RevokeInput): Promise<Move> {
  checkQuantity(input.quantity);
  const c = await visible(q, caller, input.channel_id, 'channel_id');
  if (c.parent_id ? !seesChannel(caller, c.parent_id) : caller.role === 'channel')
    throw notAllowed('channel_id', 'a partner takes back only from channels below its own');
  const { pool } = await poolOf(q, caller.tenantId, input.batch_id, { quantity: input.quantity });
  return { kind: 'revoke', batchId: input.batch_id, from: c.id, to: c.parent_id, quantity: input.quantity, pool };
}

/** 调拨: a channel's holding moves to a sibling or to a channel below it. */
export interface TransferInput {
  batch_id: string;
  from_channel_id: string;
  to_channel_id: string;
  quantity: number;
  params?: Record<string, string>;
}
export const transferHolding = async (ctx: Ctx, q: Sql, caller: Caller, input: TransferInput) => record(ctx, q, caller, await planTransfer(q, caller, input));
async function planTransfer(q: Sql, caller: Caller, input: TransferInput): Promise<Move> {
  checkQuantity(input.quantity);
  const from = await visible(q, caller, input.from_channel_id, 'from_channel_id');
  const to = await visible(q, caller, input.to_channel_id, 'to_channel_id');
  const sibling = to.id !== from.id && to.parent_id === from.parent_id;
  const below = to.id !== from.id && to.path.startsWith(from.path);
  if (!sibling && !below) throw notAllowed('to_channel_id', 'not a sibling of the giver or below it');
  await requireActiveChannel(q, caller.tenantId, to.id);
  const { pool } = await poolOf(q, caller.tenantId, input.batch_id, { quantity: input.quantity });
  return { kind: 'transfer', batchId: input.batch_id, from: from.id, to: to.id, quantity: input.quantity, pool, params: input.params };
}

const PLANS = { grant: planGrant, revoke: planRevoke, transfer: planTransfer } as const;

/**
 * A giver that holds less than asked is refused with reads and no transaction: a hot parent's
 * account row is not locked by requests that cannot succeed. The refusal is the one the
 * transactional path gives — its checks run first (any other refusal comes out of them), then the
 * giver's balance as last committed. Anything else answers undefined: the transactional path decides.
 */
export async function refusedEarly<K extends keyof typeof PLANS>(
  ctx: Ctx,
  caller: Caller,
  kind: K,
  input: Parameters<(typeof PLANS)[K]>[2],
): Promise<undefined> {
  const from =
    kind === 'grant'
      ? ((input as GrantInput).from_channel_id ?? channelOf(caller))
      : kind === 'revoke'
        ? (input as RevokeInput).channel_id
        : (input as TransferInput).from_channel_id;
  const quantity = (input as { quantity?: number }).quantity;
  if (!from || quantity === undefined || quantity < 1 || !seesChannel(caller, from)) return undefined;
  const held = async () =>
    (await accountsOf(ctx.db, caller.tenantId, { ownerType: 'channel', asset: 'quota', ownerIds: [from], name: accountName(input.batch_id) }))[0]?.balance ?? 0;
  if ((await held()) >= quantity) return undefined;
  const m = await (PLANS[kind] as (q: Sql, c: Caller, i: unknown) => Promise<Move>)(ctx.db, caller, input);
  const balance = await held();
  if (m.from === from && balance < m.quantity) throw exceeds(balance, m.quantity);
  return undefined;
}
