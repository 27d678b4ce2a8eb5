-- 转赠 by a share link: a member offers a transferable card to a friend; the friend opens the link in
-- their own wallet and accepts it. While the offer is pending the card stays the giver's, frozen with
-- state_reason 'gift_pending' (it cannot be redeemed, topped up or offered twice); accepting moves it
-- to the friend under a new code, cancelling or expiry gives it back to the giver as it was.
--
-- The link carries a random secret (256 bits); only its SHA-256 is kept here, so neither the table
-- nor a backup can open an offer. An offer made to a phone number names the member it is for
-- (to_member_id): only that member may accept it, by the link or from their wallet.
CREATE TABLE card_gift_offers (
  tenant_id text NOT NULL,
  id text NOT NULL,
  card_id text NOT NULL,
  from_member_id text NOT NULL,
  to_member_id text,                 -- addressed to this member (gift by phone); NULL: whoever opens the link
  token_hash bytea NOT NULL,         -- SHA-256 of the link's secret
  state text NOT NULL CHECK (state IN ('pending', 'accepted', 'cancelled', 'expired')),
  accepted_by text,                  -- the member who accepted it
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,   -- an offer not accepted by then expires and the card is the giver's again
  settled_at timestamptz,            -- when it left 'pending'
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, card_id) REFERENCES cards (tenant_id, id),
  CHECK ((state = 'accepted') = (accepted_by IS NOT NULL)),
  CHECK ((state = 'pending') = (settled_at IS NULL))
);
CREATE UNIQUE INDEX card_gift_offers_token ON card_gift_offers (tenant_id, token_hash);
-- one pending offer per card: two offers of one card can never both be accepted
CREATE UNIQUE INDEX card_gift_offers_pending ON card_gift_offers (tenant_id, card_id) WHERE state = 'pending';
CREATE INDEX card_gift_offers_from ON card_gift_offers (tenant_id, from_member_id) WHERE state = 'pending';
CREATE INDEX card_gift_offers_to ON card_gift_offers (tenant_id, to_member_id) WHERE state = 'pending' AND to_member_id IS NOT NULL;
CREATE INDEX card_gift_offers_due ON card_gift_offers (expires_at) WHERE state = 'pending';
