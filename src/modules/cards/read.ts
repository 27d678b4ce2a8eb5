import type { Sql } from '../../db/index.js';
import type { Caller } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { decodeCursor, pageOf } from '../../http/pagination.js';
import { cardLedger } from './ledger.js';
import { cardView, type CardRow } from './model.js';
import { findById } from './lookup.js';
import type { RedemptionRow } from './reverse.js';

const channelOf = (c: Caller) => (c.role === 'channel' ? c.channelId : null);

export async function getCard(q: Sql, caller: Caller, id: string) {
  return cardView(await findById(q, caller.tenantId, id, { channelId: channelOf(caller) }));
}

export async function listCards(q: Sql, caller: Caller, f: { limit: number; cursor?: string; member_id?: string; batch_id?: string; template_id?: string; state?: string }) {
  const after = decodeCursor(f.cursor);
  const r = await q.query<CardRow>(
    `SELECT * FROM cards WHERE tenant_id = $1 AND ($2::text IS NULL OR id < $2) AND ($3::text IS NULL OR member_id = $3)
       AND ($4::text IS NULL OR batch_id = $4) AND ($5::text IS NULL OR template_id = $5) AND ($6::text IS NULL OR state = $6)
       AND ($7::text IS NULL OR channel_id = $7)
     ORDER BY id DESC LIMIT $8`,
    [caller.tenantId, after, f.member_id ?? null, f.batch_id ?? null, f.template_id ?? null, f.state ?? null, channelOf(caller), f.limit + 1],
  );
  const page = pageOf(r.rows, f.limit);
  return { data: page.data.map(cardView), next_cursor: page.next_cursor };
}

export interface EventRow {
  id: number; event_type: string; member_id: string | null; store_id: string | null; channel_id: string | null; key_id: string | null; data: unknown; created_at: Date;
}

/**
 * The whole life of one card: its events (with "generated" read from the card row itself — a
 * million-code batch does not write a million generation events), its ledger and redemptions.
 */
export async function cardTrace(q: Sql, caller: Caller, id: string) {
  const c = await findById(q, caller.tenantId, id, { channelId: channelOf(caller) });
  const events = (await q.query<EventRow>(
    'SELECT id, event_type, member_id, store_id, channel_id, key_id, data, created_at FROM card_events WHERE tenant_id = $1 AND card_id = $2 ORDER BY id',
    [caller.tenantId, id],
  )).rows;
  const generated: EventRow = { id: 0, event_type: 'generated', member_id: null, store_id: null, channel_id: null, key_id: null, data: { batch_id: c.batch_id }, created_at: c.created_at };
  const redemptions = (await q.query<RedemptionRow>('SELECT * FROM redemptions WHERE tenant_id = $1 AND card_id = $2 ORDER BY created_at', [caller.tenantId, id])).rows;
  return { card: cardView(c), events: [generated, ...events], ledger: await cardLedger(q, caller.tenantId, id), redemptions };
}

export async function getRedemption(q: Sql, caller: Caller, id: string): Promise<RedemptionRow> {
  const r = await q.query<RedemptionRow>(
    `SELECT * FROM redemptions WHERE tenant_id = $1 AND id = $2 AND ($3::text[] IS NULL OR store_id = ANY($3))`,
    [caller.tenantId, id, caller.role === 'clerk' ? caller.storeIds : null],
  );
  if (!r.rows[0]) throw new AppError(404, 'REDEMPTION_NOT_FOUND', 'redemption not found');
  return r.rows[0];
}

export async function listRedemptions(q: Sql, caller: Caller, f: { limit: number; cursor?: string; store_id?: string; card_id?: string; status?: string }) {
  const after = decodeCursor(f.cursor);
  const r = await q.query<RedemptionRow>(
    `SELECT * FROM redemptions WHERE tenant_id = $1 AND ($2::text IS NULL OR id < $2) AND ($3::text IS NULL OR store_id = $3)
       AND ($4::text IS NULL OR card_id = $4) AND ($5::text IS NULL OR status = $5) AND ($6::text[] IS NULL OR store_id = ANY($6))
     ORDER BY id DESC LIMIT $7`,
    [caller.tenantId, after, f.store_id ?? null, f.card_id ?? null, f.status ?? null, caller.role === 'clerk' ? caller.storeIds : null, f.limit + 1],
  );
  return pageOf(r.rows, f.limit);
}
