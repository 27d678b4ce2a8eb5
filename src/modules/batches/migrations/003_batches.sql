-- batches 批次 and what was imported into them
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
