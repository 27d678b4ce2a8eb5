-- webhooks 回调: the delivery log keeps how long the last attempt took, and never what the receiver answered
ALTER TABLE webhook_deliveries ADD COLUMN last_duration_ms integer;
-- Older attempts stored the start of the response body and raw socket errors (addresses, ports): keep only coarse words.
UPDATE webhook_deliveries SET last_error = CASE
    WHEN last_status IS NOT NULL THEN 'HTTP ' || last_status
    WHEN last_error LIKE 'timeout%' THEN 'timeout: no answer within 10s'
    ELSE 'could not connect' END
  WHERE last_error IS NOT NULL AND last_error NOT IN ('endpoint deleted', 'endpoint inactive');
