-- Wallet passes 卡包: a tenant's Apple Wallet (Pass Type ID certificate) and Google Wallet (service
-- account) settings, secrets sealed with the keyring; a template's look; the devices that hold a pass.
CREATE TABLE pass_settings (
  tenant_id text NOT NULL,
  provider text NOT NULL CHECK (provider IN ('apple', 'google')),
  public jsonb NOT NULL,        -- pass_type_id, team_id, organization / issuer_id, service_account_email
  secrets_enc text NOT NULL,    -- the keyring's sealed JSON: certificate, key, passphrase, wwdr / private key
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, provider)
);

CREATE TABLE pass_styles (
  tenant_id text NOT NULL,
  template_id text NOT NULL,
  background_color text,
  foreground_color text,
  label_color text,
  logo_png bytea,
  strip_png bytea,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, template_id)
);

-- a card whose pass was handed out: when it last changed (Apple's "passes updated since")
CREATE TABLE pass_cards (
  tenant_id text NOT NULL,
  card_id text NOT NULL,
  first_at timestamptz NOT NULL,
  changed_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, card_id)
);

CREATE TABLE pass_registrations (
  tenant_id text NOT NULL,
  device_id text NOT NULL,
  pass_type_id text NOT NULL,
  card_id text NOT NULL,
  push_token text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, device_id, pass_type_id, card_id)
);
CREATE INDEX pass_registrations_card ON pass_registrations (tenant_id, card_id);
