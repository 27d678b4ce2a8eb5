-- templates 卡券模板
CREATE TABLE templates (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('cash','discount','exchange','count','periodic','stored_value','gift','stamp','external')),
  name text NOT NULL,
  description text,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','archived')),
  value jsonb NOT NULL,      -- what the kind holds (amount off, uses, goal, ...)
  validity jsonb NOT NULL,   -- fixed window | days after issue/bind | end of period
  rules jsonb NOT NULL,      -- where/when/how it may be redeemed
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
