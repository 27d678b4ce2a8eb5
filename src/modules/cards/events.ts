import type { Sql } from '../../db/index.js';

/**
 * The card event catalogue 卡券事件: every event a card's life emits, named for people. Webhook
 * endpoints subscribe to these as `card.<type>` (GET /v1/event-types lists them). A batch's
 * generation is not an event per code (a million-code batch would write a million): a card's
 * trace shows it from the card row.
 */
export const CARD_EVENTS = {
  issued: ['发放', 'Issued'],
  bound: ['绑定', 'Bound'],
  transferred: ['转赠', 'Transferred'],
  redeemed: ['核销', 'Redeemed'],
  reversed: ['撤销核销', 'Reversed'],
  frozen: ['冻结', 'Frozen'],
  unfrozen: ['解冻', 'Unfrozen'],
  voided: ['作废', 'Voided'],
  expired: ['过期', 'Expired'],
  topped_up: ['充值', 'Topped up'],
  refilled: ['周期补充', 'Refilled'],
  stamped: ['集点', 'Stamped'],
  rewarded: ['集满奖励', 'Rewarded'],
  delivered: ['已交付', 'Delivered'],
} as const satisfies Record<string, readonly [zh: string, en: string]>;
export type CardEventType = keyof typeof CARD_EVENTS;

/**
 * Appending an event also puts one webhook delivery per subscribed endpoint into the outbox, in
 * the same statement, so an event and its deliveries commit together or not at all.
 */
export interface CardEvent {
  tenantId: string;
  cardId: string;
  templateId: string;
  batchId: string;
  type: CardEventType;
  memberId?: string | null;
  storeId?: string | null;
  channelId?: string | null;
  keyId?: string | null;
  data?: Record<string, unknown> | null;
  at: Date;
}

/** The webhook outbox rows for the events a statement inserted as CTE "ev" (also used by the redemption fast path). */
export const OUTBOX_FROM_EV = `INSERT INTO webhook_deliveries (tenant_id, endpoint_id, event_id, event_type, payload, next_attempt_at, created_at)
     SELECT ev.tenant_id, w.id, ev.id, ev.event_type,
            jsonb_build_object('id', 'evt_' || ev.id, 'type', 'card.' || ev.event_type, 'created_at', ev.created_at,
              'data', jsonb_build_object('card_id', ev.card_id, 'template_id', ev.template_id, 'batch_id', ev.batch_id,
                'member_id', ev.member_id, 'store_id', ev.store_id, 'channel_id', ev.channel_id) || coalesce(ev.data, '{}'::jsonb)),
            ev.created_at, ev.created_at
     FROM ev JOIN webhook_endpoints w ON w.tenant_id = ev.tenant_id AND w.active
       AND (cardinality(w.event_types) = 0 OR ('card.' || ev.event_type) = ANY (w.event_types))`;

export async function appendEvents(q: Sql, events: CardEvent[]): Promise<void> {
  if (!events.length) return;
  const tenantId = events[0].tenantId;
  const col = <K extends keyof CardEvent>(k: K) => events.map((e) => e[k] ?? null);
  await q.query(
    `WITH ev AS (
       INSERT INTO card_events (tenant_id, card_id, template_id, batch_id, event_type, member_id, store_id, channel_id, key_id, data, created_at)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::jsonb[], $11::timestamptz[])
       RETURNING *)
     ${OUTBOX_FROM_EV}`,
    [
      tenantId,
      col('cardId'),
      col('templateId'),
      col('batchId'),
      col('type'),
      col('memberId'),
      col('storeId'),
      col('channelId'),
      col('keyId'),
      events.map((e) => (e.data ? JSON.stringify(e.data) : null)),
      col('at'),
    ],
  );
}
