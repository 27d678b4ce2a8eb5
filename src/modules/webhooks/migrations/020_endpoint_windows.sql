-- Deliveries are made by a subscriber to the event log, a moment after the event. Which events an
-- endpoint gets is decided by when it was active, not by its state at that later moment: an event
-- of a transaction that began while the endpoint was active (from its creation or last activation
-- until its deactivation) is delivered, and fails as "endpoint inactive" if it is off by then.
ALTER TABLE webhook_endpoints
  ADD COLUMN active_from xid8 NOT NULL DEFAULT pg_current_xact_id(),
  ADD COLUMN active_until xid8;
UPDATE webhook_endpoints SET active_until = pg_current_xact_id() WHERE NOT active;
