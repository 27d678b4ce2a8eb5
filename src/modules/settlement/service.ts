import type { Sql } from '../../db/index.js';
import { channelsOf, seesChannel, type Caller } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { newId } from '../../ids.js';
import { emit } from '../../platform/events.js';
import { decodeCursor, pageOf } from '../../http/pagination.js';
import { getChannel } from '../channels/service.js';
import { getBuyer, listPrices } from '../wholesale/service.js';
import { getBatch } from '../batches/service.js';
import { getTenant } from '../tenants/service.js';
import { buyerRecords, channelRecords } from './figures.js';
import { buyerStatement, channelStatement, templatesOf, type Basis, type Line, type Prices } from './compute.js';
import { periodOf } from './period.js';
import { rateOf } from './rates.js';

/**
 * 对账单 Statements (docs/settlement.md): a party's (a channel's or a wholesale buyer's) lines and
 * totals for a period, computed from the records. A draft is recomputed on demand; closing freezes it
 * with one guarded UPDATE … WHERE state = 'draft' (closing twice is once). A partner reads its
 * subtree's channel statements; anything else is 404 as if absent.
 */
export type PartyType = 'channel' | 'buyer';
export interface Statement {
  id: string;
  party_type: PartyType;
  party_id: string;
  period_from: Date;
  period_to: Date;
  state: 'draft' | 'closed';
  price_level: string | null;
  rate_bp: number;
  basis: Basis;
  prices: Prices;
  lines: Line[];
  totals: Record<string, number>;
  flagged: boolean;
  computed_at: Date;
  closed_at: Date | null;
  closed_by: string | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}
export const COLS =
  'id, party_type, party_id, period_from, period_to, state, price_level, rate_bp, basis, prices, lines, totals, flagged, computed_at, closed_at, closed_by, created_by, created_at, updated_at';

const notFound = (field = 'id') => new AppError(404, 'STATEMENT_NOT_FOUND', `${field}: statement not found`);
const partyNotFound = (type: PartyType) =>
  type === 'channel'
    ? new AppError(404, 'CHANNEL_NOT_FOUND', 'party_id: channel not found', { errors: [{ field: 'party_id', reason: 'not found' }] })
    : new AppError(404, 'BUYER_NOT_FOUND', 'party_id: buyer not found', { errors: [{ field: 'party_id', reason: 'not found' }] });

/** The party's level and (a buyer's) prepaid account; 404 naming party_id when absent or outside a partner's subtree. */
async function partyOf(q: Sql, caller: Caller, type: PartyType, id: string) {
  try {
    if (type === 'channel') {
      if (!seesChannel(caller, id)) throw partyNotFound(type);
      const c = await getChannel(q, caller.tenantId, id);
      return { name: c.name, level: c.price_level as string | null, account: null };
    }
    if (caller.role === 'channel') throw partyNotFound(type);
    const b = await getBuyer(q, caller.tenantId, id);
    return { name: b.name, level: b.price_level as string | null, account: b.account_id };
  } catch (e) {
    if (e instanceof AppError && e.status === 404) throw partyNotFound(type);
    throw e;
  }
}

export interface Snapshot {
  price_level: string | null;
  rate_bp: number;
  basis: Basis;
  prices: Prices | null; // null: take the price list as it is now
}

/** A statement's lines and totals from the records; with a snapshot's prices (the invariant), else the price list now. */
export async function compute(q: Sql, tenantId: string, type: PartyType, partyId: string, account: string | null, from: Date, to: Date, s: Snapshot) {
  if (type === 'buyer') return { ...buyerStatement(await buyerRecords(q, tenantId, partyId, account!, from, to)), prices: {} as Prices };
  const r = await channelRecords(q, tenantId, partyId, from, to);
  const batchTemplate = new Map<string, string>();
  for (const a of r.allocated) batchTemplate.set(a.batch_id!, (await getBatch(q, tenantId, a.batch_id!)).template_id);
  let prices = s.prices;
  if (!prices) {
    const list = s.price_level ? await listPrices(q, tenantId, s.price_level) : [];
    prices = Object.fromEntries([...templatesOf(r, batchTemplate)].sort().map((t) => [t, list.find((p) => p.template_id === t)?.wholesale_price ?? null]));
  }
  return { ...channelStatement(r, batchTemplate, prices, s.rate_bp, s.basis), prices };
}

const row = (r: any): Statement => ({ ...r, rate_bp: Number(r.rate_bp) });

export async function getStatementRow(q: Sql, caller: Caller, id: string, lock = false): Promise<Statement> {
  const r = await q.query(`SELECT ${COLS} FROM settlement_statements WHERE tenant_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`, [caller.tenantId, id]);
  const s = r.rows[0];
  if (!s) throw notFound();
  if (caller.role === 'channel' && (s.party_type !== 'channel' || !seesChannel(caller, s.party_id))) throw notFound();
  return row(s);
}

export interface DraftInput {
  party_type: PartyType;
  party_id: string;
  from: string;
  to: string;
}

/** Creates the party's draft for the period, or recomputes it; a closed one is 409, an overlapping period 409. */
export async function computeDraft(q: Sql, caller: Caller, input: DraftInput, by: string, at: Date): Promise<Statement> {
  const t = caller.tenantId;
  const { from, to } = periodOf(input, (await getTenant(q, t)).time_zone);
  const party = await partyOf(q, caller, input.party_type, input.party_id);
  // one party's statements are created one at a time: periods never overlap
  await q.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`settlement:${t}:${input.party_type}:${input.party_id}`]);
  const clash = await q.query(
    `SELECT id, state, period_from, period_to FROM settlement_statements WHERE tenant_id = $1 AND party_type = $2 AND party_id = $3
       AND period_from < $5 AND period_to > $4 ORDER BY period_from`,
    [t, input.party_type, input.party_id, from, to],
  );
  const same = clash.rows.find((x) => +x.period_from === +from && +x.period_to === +to);
  if (same?.state === 'closed')
    throw new AppError(409, 'STATEMENT_CLOSED', `statement ${same.id} of this period is closed: it is not recomputed`, { statement_id: same.id });
  const other = clash.rows.find((x) => x !== same);
  if (other) throw new AppError(409, 'STATEMENT_PERIOD_OVERLAP', `from: the period overlaps statement ${other.id}`, { statement_id: other.id });
  const rate = party.level ? await rateOf(q, t, party.level) : null;
  const snap: Snapshot = { price_level: party.level, rate_bp: rate?.rate_bp ?? 0, basis: rate?.basis ?? 'sales', prices: null };
  const c = await compute(q, t, input.party_type, input.party_id, party.account, from, to, snap);
  const vals = [snap.price_level, snap.rate_bp, snap.basis, JSON.stringify(c.prices), JSON.stringify(c.lines), JSON.stringify(c.totals), c.flagged, at];
  if (same) {
    const moved = await q.query(
      `UPDATE settlement_statements SET price_level = $3, rate_bp = $4, basis = $5, prices = $6, lines = $7, totals = $8, flagged = $9, computed_at = $10, updated_at = $10
       WHERE tenant_id = $1 AND id = $2 AND state = 'draft'`,
      [t, same.id, ...vals],
    );
    // closed meanwhile (a close does not take the party's lock): a closed statement is never recomputed
    if (!moved.rowCount)
      throw new AppError(409, 'STATEMENT_CLOSED', `statement ${same.id} of this period is closed: it is not recomputed`, { statement_id: same.id });
    return getStatementRow(q, caller, same.id);
  }
  const id = newId('stm', at.getTime());
  await q.query(
    `INSERT INTO settlement_statements (tenant_id, id, party_type, party_id, period_from, period_to, state, price_level, rate_bp, basis, prices, lines, totals,
       flagged, computed_at, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'draft', $7, $8, $9, $10, $11, $12, $13, $14, $15, $14, $14)`,
    [t, id, input.party_type, input.party_id, from, to, ...vals, by],
  );
  return getStatementRow(q, caller, id);
}

/**
 * 结账 Closes a draft: recomputes it from the records (with the price list and rate as they are now)
 * and freezes it in one guarded UPDATE … WHERE state = 'draft'. A second close (also a concurrent
 * one: it waits on the row, then finds it closed) answers the closed statement unchanged. Only a
 * period that has ended closes: records still to come would fall into it.
 */
export async function closeStatement(q: Sql, caller: Caller, id: string, by: string, at: Date): Promise<Statement> {
  const s = await getStatementRow(q, caller, id);
  if (s.state === 'closed') return s;
  if (s.period_to > at)
    throw new AppError(409, 'STATEMENT_PERIOD_OPEN', `period_to: the period ends at ${s.period_to.toISOString()}; it can be closed after that`, {
      period_to: s.period_to.toISOString(),
    });
  const party = await partyOf(q, { ...caller, role: 'system' }, s.party_type, s.party_id);
  const rate = party.level ? await rateOf(q, caller.tenantId, party.level) : null;
  const snap: Snapshot = { price_level: party.level, rate_bp: rate?.rate_bp ?? 0, basis: rate?.basis ?? 'sales', prices: null };
  const c = await compute(q, caller.tenantId, s.party_type, s.party_id, party.account, s.period_from, s.period_to, snap);
  const moved = await q.query(
    `UPDATE settlement_statements SET state = 'closed', price_level = $3, rate_bp = $4, basis = $5, prices = $6, lines = $7, totals = $8, flagged = $9,
       computed_at = $10, closed_at = $10, closed_by = $11, updated_at = $10
     WHERE tenant_id = $1 AND id = $2 AND state = 'draft' RETURNING id`,
    [
      caller.tenantId,
      id,
      snap.price_level,
      snap.rate_bp,
      snap.basis,
      JSON.stringify(c.prices),
      JSON.stringify(c.lines),
      JSON.stringify(c.totals),
      c.flagged,
      at,
      by,
    ],
  );
  if (moved.rowCount) {
    await emit(q, [
      {
        tenantId: caller.tenantId,
        type: 'settlement.statement_closed',
        at,
        data: { statement_id: id, party_type: s.party_type, party_id: s.party_id, totals: c.totals },
      },
    ]);
  }
  return getStatementRow(q, caller, id);
}

export interface ListFilter {
  party_type?: PartyType;
  party_id?: string;
  state?: 'draft' | 'closed';
  limit?: number;
  cursor?: string;
}

/** Statements newest first (a partner: its subtree's channel statements). */
export async function listStatements(q: Sql, caller: Caller, f: ListFilter) {
  const limit = f.limit ?? 50;
  const within = channelsOf(caller);
  const r = await q.query(
    `SELECT ${COLS} FROM settlement_statements WHERE tenant_id = $1 AND ($2::text IS NULL OR party_type = $2) AND ($3::text IS NULL OR party_id = $3)
       AND ($4::text IS NULL OR state = $4) AND ($5::text[] IS NULL OR (party_type = 'channel' AND party_id = ANY($5::text[])))
       AND ($6::text IS NULL OR id < $6) ORDER BY id DESC LIMIT $7`,
    [caller.tenantId, f.party_type ?? null, f.party_id ?? null, f.state ?? null, within, decodeCursor(f.cursor), limit + 1],
  );
  return pageOf(r.rows.map(row), limit);
}
