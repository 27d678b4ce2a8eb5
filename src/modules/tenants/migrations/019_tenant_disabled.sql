-- a tenant the platform disabled: every key, session and wallet link of it is refused until enabled again
ALTER TABLE tenants ADD COLUMN disabled_at timestamptz;
