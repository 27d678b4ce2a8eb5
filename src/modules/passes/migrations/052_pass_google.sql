-- Google Wallet objects handed out (a save link was made for the card): the ones to PATCH when the card changes.
CREATE TABLE pass_google_objects (
  tenant_id text NOT NULL,
  card_id text NOT NULL,
  object_type text NOT NULL CHECK (object_type IN ('offerObject', 'giftCardObject', 'loyaltyObject')),
  object_id text NOT NULL,  -- <issuer_id>.<card id>, as the save link named it
  first_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, card_id, object_id)
);
