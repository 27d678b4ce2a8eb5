-- wechatpay 微信支付商家券: a batch mirrored as a WeChat Pay merchant-coupon stock in upload-code mode (docs/wechatpay.md).
CREATE TABLE wechatpay_settings (
  tenant_id text PRIMARY KEY,
  mchid text NOT NULL,
  appid text NOT NULL,
  serial_no text NOT NULL,                 -- the merchant certificate's serial (named in every request)
  api_v3_key_enc bytea NOT NULL,           -- sealed with the keyring
  private_key_enc bytea NOT NULL,          -- the merchant private key PEM, sealed with the keyring
  platform_keys jsonb NOT NULL,            -- [{serial, pem, not_after}]: public, used to verify WeChat
  base_url text NOT NULL,
  updated_at timestamptz NOT NULL
);

-- one mirrored batch: the stock at WeChat and how far its codes went up
CREATE TABLE wechat_stocks (
  tenant_id text NOT NULL,
  id text NOT NULL,
  batch_id text NOT NULL,
  stock_id text,                            -- WeChat's, once created
  stock_type text NOT NULL,
  quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 1000000),
  state text NOT NULL CHECK (state IN ('creating','uploading','ready','failed')),
  taken integer NOT NULL DEFAULT 0,         -- codes taken out of the pool for WeChat (in chunks)
  uploaded integer NOT NULL DEFAULT 0,      -- codes WeChat acknowledged
  tries integer NOT NULL DEFAULT 0,         -- consecutive answers to wait out (backoff)
  last_error text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, batch_id)
);

-- one upload call of at most 200 codes, under its own upload_request_no: re-sent as is until acknowledged
CREATE TABLE wechat_chunks (
  tenant_id text NOT NULL,
  stock_row text NOT NULL,
  n integer NOT NULL,
  upload_request_no text NOT NULL,
  card_ids text[] NOT NULL,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','acked')),
  sends integer NOT NULL DEFAULT 0,
  acked_at timestamptz,
  PRIMARY KEY (tenant_id, stock_row, n),
  FOREIGN KEY (tenant_id, stock_row) REFERENCES wechat_stocks (tenant_id, id)
);

-- each mirrored code: where it stands on WeChat's side, as far as we know
CREATE TABLE wechat_codes (
  tenant_id text NOT NULL,
  card_id text NOT NULL,
  stock_row text NOT NULL,
  code_hash bytea NOT NULL,                 -- the same keyed hash as the card's: find a card by WeChat's coupon_code
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','uploaded','claimed','used')),
  openid_enc bytea,                         -- the claimer's openid, sealed: only to ask WeChat about the coupon
  claimed_at timestamptz,
  used_at timestamptz,
  used_by text CHECK (used_by IN ('wechat','kaquan')),
  redemption_id text,
  flag text,                                -- why a person should look (reconciliation)
  PRIMARY KEY (tenant_id, card_id),
  UNIQUE (tenant_id, code_hash),
  FOREIGN KEY (tenant_id, stock_row) REFERENCES wechat_stocks (tenant_id, id)
);
CREATE INDEX wechat_codes_stock ON wechat_codes (tenant_id, stock_row, state);

-- every notification WeChat sent, by its id: a duplicate finds its row and changes nothing
CREATE TABLE wechat_notifications (
  tenant_id text NOT NULL,
  id text NOT NULL,
  event_type text NOT NULL,
  card_id text,
  outcome text NOT NULL,
  received_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id)
);

-- a Kaquan redemption of a mirrored code, told to WeChat (use_request_no = the redemption id)
CREATE TABLE wechat_uses (
  tenant_id text NOT NULL,
  redemption_id text NOT NULL,
  card_id text NOT NULL,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','done','failed')),
  error text,
  created_at timestamptz NOT NULL,
  done_at timestamptz,
  PRIMARY KEY (tenant_id, redemption_id)
);

CREATE TABLE wechat_reconciliations (
  tenant_id text NOT NULL,
  id text NOT NULL,
  stock_row text NOT NULL,
  batch_id text NOT NULL,
  stock_id text,
  checked integer NOT NULL,
  differences jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX wechat_reconciliations_recent ON wechat_reconciliations (tenant_id, created_at DESC);
