-- one-time approvals for high-value redemptions (二次验证)
CREATE TABLE redemption_approvals (
  tenant_id text NOT NULL,
  id text NOT NULL,
  card_id text NOT NULL,
  max_amount bigint,
  approved_by text NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
