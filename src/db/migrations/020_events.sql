-- The event log of every area 事件: what happened, written by the transaction that made it happen,
-- so an event exists exactly when its change committed. It was the card's event table; cards keep
-- their columns (card_id … key_id are the dimensions reports group by), other areas fill the ones
-- that apply, and the type names its area ("card.redeemed", "member.created").
--
-- xid is the writing transaction: subscribers read the log in (xid, id) order, only below the
-- oldest transaction still running, so an event committed late by a slow transaction is never
-- skipped by a cursor that moved past a later id (src/platform/events.ts).
ALTER TABLE card_events RENAME TO events;
ALTER TABLE events RENAME CONSTRAINT card_events_pkey TO events_pkey;
ALTER INDEX card_events_card RENAME TO events_card;
ALTER INDEX card_events_time RENAME TO events_time;
ALTER SEQUENCE card_events_id_seq RENAME TO events_id_seq;
ALTER TABLE events
  ADD COLUMN xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  ALTER COLUMN event_type TYPE text USING 'card.' || event_type,
  ALTER COLUMN card_id DROP NOT NULL,
  ALTER COLUMN template_id DROP NOT NULL,
  ALTER COLUMN batch_id DROP NOT NULL;
CREATE INDEX events_stream ON events (xid, id);

-- Where each in-process subscriber is in the log: everything at or before (xid, id) is handled.
CREATE TABLE event_cursors (
  subscriber text PRIMARY KEY,
  xid xid8 NOT NULL,
  id bigint NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
