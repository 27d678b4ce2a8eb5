-- cards 卡券: one issued instance; its ledger 流水, redemptions 核销 and life events.
CREATE TABLE cards (
  tenant_id text NOT NULL,
  id text NOT NULL,
  batch_id text NOT NULL,
  template_id text NOT NULL,
  kind text NOT NULL,
  code_hash bytea NOT NULL,        -- HMAC of the normalised code: lookup
  code_enc bytea NOT NULL,         -- key id + AES-256-GCM of the code: reveal/export
  code_tail text NOT NULL,         -- last 4 characters, for people to recognise a card
  pin_hash bytea,                  -- gift cards: HMAC of the secret PIN
  state text NOT NULL CHECK (state IN ('unissued','active','frozen','used','expired','voided')),
  member_id text,
  channel_id text,
  balance bigint NOT NULL DEFAULT 0 CHECK (balance >= 0),       -- minor units (fen)
  uses_left int NOT NULL DEFAULT 0 CHECK (uses_left >= 0),       -- this period's for periodic
  stamps int NOT NULL DEFAULT 0 CHECK (stamps >= 0),
  period_no int,                   -- periodic: 1..periods
  period_ends_at timestamptz,
  valid_from timestamptz,
  valid_until timestamptz,
  bind_deadline timestamptz,
  issued_at timestamptz,
  bound_at timestamptz,
  state_reason text,
  seq bigint NOT NULL DEFAULT 0,   -- generation order within the batch, for export
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX cards_code ON cards (tenant_id, code_hash);
CREATE INDEX cards_batch_pool ON cards (tenant_id, batch_id, seq) WHERE state = 'unissued';
CREATE INDEX cards_batch ON cards (tenant_id, batch_id, seq);
CREATE INDEX cards_member ON cards (tenant_id, member_id, created_at) WHERE member_id IS NOT NULL;
CREATE INDEX cards_expiry ON cards (valid_until) WHERE state IN ('unissued','active','frozen') AND valid_until IS NOT NULL;
CREATE INDEX cards_bind_deadline ON cards (bind_deadline) WHERE state = 'active' AND member_id IS NULL AND bind_deadline IS NOT NULL;
CREATE INDEX cards_refill ON cards (period_ends_at) WHERE kind = 'periodic' AND state IN ('active','frozen');
-- A card's whole life: who did what, where, when. Trace, stats and webhooks read these.
CREATE TABLE card_events (
  tenant_id text NOT NULL,
  id bigserial,
  card_id text NOT NULL,
  template_id text NOT NULL,
  batch_id text NOT NULL,
  event_type text NOT NULL,
  member_id text,
  store_id text,
  channel_id text,
  key_id text,
  data jsonb,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX card_events_card ON card_events (tenant_id, card_id, id);
CREATE INDEX card_events_time ON card_events (tenant_id, created_at);
