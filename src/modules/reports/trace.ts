import type { Sql } from '../../db/index.js';
import { allowedActions, channelsOf, REDEMPTION_SCOPE, scopeSql, type Caller } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { cardLedger } from '../ledger/service.js';
import { cardView } from '../cards/model.js';
import { findById } from '../cards/lookup.js';
import type { EventRow } from '../cards/read.js';
import type { RedemptionRow } from '../redemptions/reverse.js';
import { eventTypes } from '../../platform/events.js';
import { actorRef, namesObject, resolveNames } from '../../platform/names.js';
import { cardDecisions } from '../risk/decisions.js';

/** A card event's names, from the catalogue (`issued` → 发放 / Issued); generated is the card row itself, in no catalogue. */
export function cardEventName(type: string): { zh: string; en: string } {
  const n = eventTypes().find((x) => x.type === `card.${type}`) ?? (type === 'generated' ? { zh: '生成', en: 'Generated' } : null);
  return { zh: n?.zh ?? type, en: n?.en ?? type };
}
const labelled = (e: EventRow) => ({ ...e, ...cardEventName(e.event_type) });

/**
 * The whole life of one card: its events (with "generated" read from the card row itself — a
 * million-code batch does not write a million generation events), its ledger and redemptions.
 * A clerk sees what happened at its own stores (and what happened at none, like the issue), not
 * another store's redemptions of the same card nor the ledger entries they made. A member sees
 * the whole life of a card that is theirs now (what happened before a gift included), and no other.
 */
export async function cardTrace(q: Sql, caller: Caller, id: string) {
  const c = await findById(q, caller.tenantId, id, { channelIds: channelsOf(caller) });
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
  // the risk engine's decisions about it (risk/ reads its own table), for those who may read them
  const risk_decisions = allowedActions(caller).includes('risk.read') ? await cardDecisions(q, caller.tenantId, id) : [];
  return { card: cardView(c), events: [generated, ...events].map(labelled), ledger, redemptions, risk_decisions };
}

/**
 * The trace as the console shows it: who acted by name on each event, and `names` for every other
 * id in it (stores, members, channels, the batch and template), resolved once for the whole trace.
 */
export async function namedCardTrace(q: Sql, caller: Caller, id: string) {
  const t = await cardTrace(q, caller, id);
  const ids = [
    t.card.member_id,
    t.card.channel_id,
    t.card.batch_id,
    t.card.template_id,
    ...t.events.flatMap((e) => [e.member_id, e.store_id, e.channel_id, actorRef(e.key_id)]),
    ...t.redemptions.flatMap((r) => [r.store_id, r.member_id]),
  ];
  // members by name only for a caller who may read members (a clerk may not: `members.read`)
  const mayReadMembers = allowedActions(caller).includes('members.read');
  const names = await resolveNames(
    q,
    caller.tenantId,
    ids.filter((id) => mayReadMembers || !id?.startsWith('mem_')),
  );
  return {
    ...t,
    card: { ...t.card, member_name: t.card.member_id ? (names.get(t.card.member_id) ?? null) : null },
    events: t.events.map((e) => ({ ...e, actor_name: names.get(actorRef(e.key_id) ?? '') ?? null })),
    names: namesObject(names),
  };
}
