-- templates 卡券模板 and batches 批次
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

CREATE TABLE batches (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id text NOT NULL,
  template_id text NOT NULL,
  name text NOT NULL,
  mode text NOT NULL CHECK (mode IN ('pregenerated','on_issue','imported')),
  quantity int,              -- codes to pre-generate
  stock int,                 -- most cards that may be issued (NULL = no limit)
  issued int NOT NULL DEFAULT 0 CHECK (stock IS NULL OR issued <= stock),
  generated int NOT NULL DEFAULT 0,
  code_format jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('generating','paused','ready','failed')),
  error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX batches_template ON batches (tenant_id, template_id);

-- per-member issue counts, so a per-member limit is one conditional upsert, not a count-then-insert
CREATE TABLE member_template_counts (
  tenant_id text NOT NULL,
  member_id text NOT NULL,
  template_id text NOT NULL,
  issued int NOT NULL,
  PRIMARY KEY (tenant_id, member_id, template_id)
);

CREATE TABLE batch_imports (
  tenant_id text NOT NULL,
  id text NOT NULL,
  batch_id text NOT NULL,
  accepted int NOT NULL,
  refused int NOT NULL,
  refusals jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
