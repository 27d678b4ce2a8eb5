-- stores 门店
CREATE TABLE stores (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id text NOT NULL,
  name text NOT NULL,
  code text,
  time_zone text,
  lat double precision,
  lng double precision,
  tags text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX stores_code ON stores (tenant_id, code) WHERE code IS NOT NULL;
