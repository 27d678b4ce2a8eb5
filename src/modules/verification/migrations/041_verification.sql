-- Verification 动态码与二次验证 (docs/risk.md "Verification").
-- Each card of a dynamic-code template gets a TOTP secret the first time its wallet shows the code:
-- 20 random bytes, sealed with the tenant keyring (AES-256-GCM, like card codes); never answered.
CREATE TABLE card_totp_secrets (
  tenant_id text NOT NULL,
  card_id text NOT NULL,
  secret_enc bytea NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, card_id)
);

-- A dynamic code is used once: the redemption takes its (card, step) row in its own transaction.
CREATE TABLE dynamic_code_uses (
  tenant_id text NOT NULL,
  card_id text NOT NULL,
  step bigint NOT NULL,
  redemption_id text NOT NULL,
  used_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, card_id, step)
);

-- One-time codes sent by SMS 短信验证码. Only an HMAC of the code is kept.
CREATE TABLE otp_challenges (
  tenant_id text NOT NULL,
  id text NOT NULL,
  member_id text NOT NULL,
  card_id text,
  action text NOT NULL,
  code_hash bytea NOT NULL,
  phone_last4 text NOT NULL,
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts BETWEEN 0 AND 5),
  sent_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX otp_challenges_member ON otp_challenges (tenant_id, member_id, created_at);

-- A tenant's SMS provider: console (development), aliyun or tencent. The access key secret is sealed.
CREATE TABLE verification_settings (
  tenant_id text PRIMARY KEY,
  sms_provider text NOT NULL DEFAULT 'console' CHECK (sms_provider IN ('console', 'aliyun', 'tencent')),
  sms_config jsonb NOT NULL DEFAULT '{}',
  sms_secret_enc bytea,
  sms_secret_last4 text,
  updated_at timestamptz NOT NULL
);
