-- tenants 商户: one brand (or group) and its settings; everything else hangs off a tenant_id.
CREATE TABLE tenants (
  id text PRIMARY KEY,
  name text NOT NULL,
  time_zone text NOT NULL DEFAULT 'Asia/Shanghai',
  currency text NOT NULL DEFAULT 'CNY',
  reverse_window_minutes int NOT NULL DEFAULT 1440,
  created_at timestamptz NOT NULL DEFAULT now()
);
