-- webhooks 回调: what the endpoint API and the delivery job need beyond 005's outbox tables
ALTER TABLE webhook_endpoints ADD COLUMN description text;
ALTER TABLE webhook_endpoints ADD COLUMN updated_at timestamptz;
ALTER TABLE webhook_deliveries ADD COLUMN last_attempt_at timestamptz;
