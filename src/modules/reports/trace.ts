import type { Sql } from '../../db/index.js';
import { channelOf, REDEMPTION_SCOPE, scopeSql, type Caller } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { cardLedger } from '../ledger/service.js';
import { cardView } from '../cards/model.js';
import { findById } from '../cards/lookup.js';
import type { EventRow } from '../cards/read.js';
import type { RedemptionRow } from '../redemptions/reverse.js';

/**
 * The whole life of one card: its events (with "generated" read from the card row itself — a
 * million-code batch does not write a million generation events), its ledger and redemptions.
 * A clerk sees what happened at its own stores (and what happened at none, like the issue), not
 * another store's redemptions of the same card nor the ledger entries they made. A member sees
 * the whole life of a card that is theirs now (what happened before a gift included), and no other.
 */
export async function cardTrace(q: Sql, caller: Caller, id: string) {
  const c = await findById(q, caller.tenantId, id, { channelId: channelOf(caller) });
  if (caller.role === 'member' && c.member_id !== caller.memberId) throw new AppError(404, 'CARD_NOT_FOUND', 'card not found');
  const ep: unknown[] = [caller.tenantId, id];
  const events = (
    await q.query<EventRow>(
      `SELECT id, substr(event_type, 6) AS event_type, member_id, store_id, channel_id, key_id, data, created_at FROM events
     WHERE tenant_id = $1 AND card_id = $2 AND event_type LIKE 'card.%' AND ${scopeSql(caller, ep, { store: 'store_id', storeMayBeNull: true, channel: '*', member: '*' })} ORDER BY id`,
      ep,
    )
  ).rows;
  const generated: EventRow = {
    id: 0,
    event_type: 'generated',
    member_id: null,
    store_id: null,
    channel_id: null,
    key_id: null,
    data: { batch_id: c.batch_id },
    created_at: c.created_at,
  };
  const rp: unknown[] = [caller.tenantId, id];
  const redemptions = (
    await q.query<RedemptionRow>(
      `SELECT * FROM redemptions WHERE tenant_id = $1 AND card_id = $2 AND ${scopeSql(caller, rp, { ...REDEMPTION_SCOPE, channel: '*', member: '*' })} ORDER BY created_at`,
      rp,
    )
  ).rows;
  const seen = new Set(redemptions.map((r) => r.id));
  const ledger = (await cardLedger(q, caller.tenantId, id)).filter((e) => !e.redemption_id || seen.has(e.redemption_id));
  return { card: cardView(c), events: [generated, ...events], ledger, redemptions };
}
