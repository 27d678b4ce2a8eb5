import type { Subscriber } from '../../platform/events.js';

/**
 * The webhook outbox's feed: one subscriber to the event log that puts one delivery per event and
 * subscribed endpoint into webhook_deliveries, in the transaction that moves its cursor (so each
 * (event, endpoint) gets exactly one delivery, whichever process runs it). The payload's `data`
 * holds the event's dimensions — a card event all of them, null or not (the shape integrations
 * were built on); another area's only those it has — and the event's own data. An endpoint gets
 * the events of transactions that began while it was active (migrations/020_endpoint_windows.sql).
 */
export const webhookFanout: Subscriber = {
  name: 'webhooks',
  async handle(_ctx, q, events) {
    await q.query(
      `INSERT INTO webhook_deliveries (tenant_id, endpoint_id, event_id, event_type, payload, next_attempt_at, created_at)
       SELECT ev.tenant_id, w.id, ev.id, ev.event_type,
              jsonb_build_object('id', 'evt_' || ev.id, 'type', ev.event_type, 'created_at', ev.created_at,
                'data', CASE WHEN ev.event_type LIKE 'card.%' THEN dims ELSE jsonb_strip_nulls(dims) END || coalesce(ev.data, '{}'::jsonb)),
              ev.created_at, ev.created_at
       FROM events ev
       CROSS JOIN LATERAL (SELECT jsonb_build_object('card_id', ev.card_id, 'template_id', ev.template_id, 'batch_id', ev.batch_id,
                'member_id', ev.member_id, 'store_id', ev.store_id, 'channel_id', ev.channel_id) AS dims) d
       JOIN webhook_endpoints w ON w.tenant_id = ev.tenant_id
         AND ev.xid >= w.active_from AND (w.active_until IS NULL OR ev.xid < w.active_until)
         AND (cardinality(w.event_types) = 0 OR ev.event_type = ANY (w.event_types))
       WHERE (ev.tenant_id, ev.id) IN (SELECT * FROM unnest($1::text[], $2::int8[]))
       ORDER BY ev.xid, ev.id, w.id`,
      [events.map((e) => e.tenant_id), events.map((e) => e.id)],
    );
  },
};
