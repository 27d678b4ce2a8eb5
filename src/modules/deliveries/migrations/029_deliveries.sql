-- 卡密安全交付: a set of issued bearer cards handed to one recipient, as a password-protected file
-- the operator sends, or through a one-time download link. The codes themselves stay where the
-- cards module keeps them (encrypted); a delivery keeps only the card ids, and for a
-- password-protected file the file itself (ECMA-376 agile encryption under a password that is not
-- kept anywhere).
CREATE TABLE deliveries (
  tenant_id text NOT NULL,
  id text NOT NULL,
  method text NOT NULL CHECK (method IN ('file', 'link')),
  recipient_name text NOT NULL,
  recipient_phone text,
  recipient_email text,
  reference_type text,
  reference_id text,
  note text,
  cards int NOT NULL CHECK (cards > 0),
  protected boolean NOT NULL,
  file bytea,
  file_bytes int,
  -- link: HMAC of the token (the token itself is shown once, in the link)
  token_hash bytea,
  expires_at timestamptz,
  max_downloads int,
  downloads int NOT NULL DEFAULT 0,
  last_download_at timestamptz,
  -- the operator's own downloads of the file (to send it themselves)
  fetches int NOT NULL DEFAULT 0,
  revoked_at timestamptz,
  revoked_by text,
  revoke_reason text,
  void_bulk_id text,
  actor text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  CHECK (protected = (file IS NOT NULL)),
  CHECK (method = 'file' OR (token_hash IS NOT NULL AND expires_at IS NOT NULL AND max_downloads > 0 AND downloads <= max_downloads)),
  CHECK (method = 'link' OR (token_hash IS NULL AND protected))
);
CREATE UNIQUE INDEX deliveries_token ON deliveries (token_hash) WHERE token_hash IS NOT NULL;
CREATE INDEX deliveries_created ON deliveries (tenant_id, created_at DESC, id DESC);
CREATE INDEX deliveries_reference ON deliveries (tenant_id, reference_type, reference_id) WHERE reference_id IS NOT NULL;

-- the cards of a delivery, in file order; a card is in at most one delivery that is not revoked
CREATE TABLE delivery_cards (
  tenant_id text NOT NULL,
  delivery_id text NOT NULL,
  card_id text NOT NULL,
  pos int NOT NULL,
  live boolean NOT NULL DEFAULT true,
  PRIMARY KEY (tenant_id, delivery_id, pos)
);
CREATE UNIQUE INDEX delivery_cards_live ON delivery_cards (tenant_id, card_id) WHERE live;

-- every download through a link, and every refused attempt on a known link, with address and time
CREATE TABLE delivery_attempts (
  tenant_id text NOT NULL,
  delivery_id text NOT NULL,
  id text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('served', 'expired', 'used_up', 'revoked')),
  ip text,
  user_agent text,
  at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, delivery_id, id)
);
