-- suppliers 供应商: where external codes (卡密) and direct top-ups (直充) come from (docs/suppliers.md).
CREATE TABLE suppliers (
  tenant_id text NOT NULL,
  id text NOT NULL,
  name text NOT NULL,
  protocol text NOT NULL CHECK (protocol IN ('generic','fulu')),
  base_url text NOT NULL,
  app_key text NOT NULL,                 -- generic: merchant id; fulu: app_key
  secret_enc bytea NOT NULL,             -- the signing secret / app_secret, sealed with the keyring
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','disabled')),
  timeout_ms integer NOT NULL DEFAULT 10000 CHECK (timeout_ms BETWEEN 100 AND 120000),
  -- health 健康度 and the circuit breaker 熔断
  failure_threshold integer NOT NULL DEFAULT 3 CHECK (failure_threshold >= 1),
  open_ms integer NOT NULL DEFAULT 60000 CHECK (open_ms >= 1000),
  consecutive_failures integer NOT NULL DEFAULT 0,
  circuit_open_until timestamptz,
  successes integer NOT NULL DEFAULT 0,
  failures integer NOT NULL DEFAULT 0,
  last_success_at timestamptz,
  last_failure_at timestamptz,
  last_error text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id)
);

-- our SKU → a supplier's product, by priority (1 is tried first)
CREATE TABLE supplier_skus (
  tenant_id text NOT NULL,
  id text NOT NULL,
  supplier_id text NOT NULL,
  sku text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('card','direct')),
  product_id text NOT NULL,
  priority integer NOT NULL DEFAULT 1,
  cost_fen bigint NOT NULL CHECK (cost_fen >= 0),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','disabled')),
  synced_stock integer,
  synced_price_fen bigint,
  synced_at timestamptz,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, sku, supplier_id),
  FOREIGN KEY (tenant_id, supplier_id) REFERENCES suppliers (tenant_id, id)
);
CREATE INDEX supplier_skus_sku ON supplier_skus (tenant_id, sku, priority);

-- one order of ours: N codes into an imported batch (采购入库), or a top-up to an account (直充)
CREATE TABLE supplier_requests (
  tenant_id text NOT NULL,
  id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('card','direct')),
  sku text NOT NULL,
  quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 10000),
  batch_id text,
  account text,
  state text NOT NULL DEFAULT 'working' CHECK (state IN ('working','succeeded','failed')),
  reason text,
  codes_received integer NOT NULL DEFAULT 0,
  codes_imported integer NOT NULL DEFAULT 0,
  import_id text,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  finished_at timestamptz,
  PRIMARY KEY (tenant_id, id),
  CHECK ((kind = 'card') = (batch_id IS NOT NULL)),
  CHECK ((kind = 'direct') = (account IS NOT NULL))
);
CREATE INDEX supplier_requests_recent ON supplier_requests (tenant_id, created_at DESC);

-- one attempt at one supplier, under its own outbound order number
CREATE TABLE supplier_orders (
  tenant_id text NOT NULL,
  id text NOT NULL,
  request_id text NOT NULL,
  attempt integer NOT NULL,
  supplier_id text NOT NULL,
  supplier_sku_id text NOT NULL,
  product_id text NOT NULL,
  outbound_no text NOT NULL,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','succeeded','failed','unknown')),
  supplier_order_id text,
  codes_enc bytea,                       -- the codes received, sealed with the keyring
  codes_count integer NOT NULL DEFAULT 0,
  cost_fen bigint NOT NULL,
  error text,
  late_success boolean NOT NULL DEFAULT false, -- a success reported after the attempt was confirmed failed (never applied)
  sent_at timestamptz,
  checks integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  finished_at timestamptz,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (outbound_no),
  UNIQUE (tenant_id, request_id, attempt),
  FOREIGN KEY (tenant_id, request_id) REFERENCES supplier_requests (tenant_id, id),
  FOREIGN KEY (tenant_id, supplier_id) REFERENCES suppliers (tenant_id, id)
);
-- the failover rule in the schema: a request has at most one attempt that is not a confirmed failure,
-- so no second supplier can be ordered while an earlier attempt may still succeed
CREATE UNIQUE INDEX supplier_orders_one_live ON supplier_orders (tenant_id, request_id) WHERE state <> 'failed';
CREATE INDEX supplier_orders_request ON supplier_orders (tenant_id, request_id, attempt);
